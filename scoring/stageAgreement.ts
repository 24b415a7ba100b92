// Agreement of one category and stage (docs/scoring-contract.md §12): two-way over the complete block of
// assessors; with contract 2 also one-way over every participant's complete sheets.
import type { CategoryData, Model } from "./prepare";
import type { OneWayAgreement, StageAgreement } from "./types";
import { icc1Flat, icc2, kendallW, reportIcc1 } from "./agreement";
import { report3 } from "./round";

const r3 = (x: number | null): number | null => (x === null ? null : report3(x));

/**
 * Each assessor's per-nominee stage score is the weighted mean of their own u (before
 * calibration) over the stage's judged criteria; only assessors who scored every judged
 * criterion of every participant form the block.
 */
export function stageAgreement(
  model: Model,
  cat: CategoryData,
  stage: number,
  participants: Int32Array,
): StageAgreement {
  const C = model.critIds.length;
  const judged = model.stageJudged[stage]!;
  const A = cat.assessors.length;
  const n = participants.length;
  const count = new Int32Array(A);
  for (let i = 0; i < n; i++) {
    const p = participants[i]!;
    for (let j = 0; j < judged.length; j++) {
      const slot = p * C + judged[j]!;
      const to = cat.start[slot + 1]!;
      for (let e = cat.start[slot]!; e < to; e++) {
        const a = cat.assessor[e]!;
        count[a] = count[a]! + 1;
      }
    }
  }
  const column = new Int32Array(A).fill(-1);
  let k = 0;
  for (let a = 0; a < A; a++) if (n > 0 && count[a] === n * judged.length) column[a] = k++;
  let weightSum = 0;
  for (const c of judged) weightSum += model.critWeights[c]!;
  // No complete block (desk panels drawn from a large pool): no statistic, and no need to build x.
  if (k < 2) {
    const none: StageAgreement = { assessors: k, nominees: n, icc2_1: null, icc2_k: null, kendallW: null };
    if (model.contract === 2) none.oneWay = oneWay(model, cat, judged, weightSum, participants);
    return none;
  }

  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const p = participants[i]!;
    for (let j = 0; j < judged.length; j++) {
      const c = judged[j]!;
      const slot = p * C + c;
      const to = cat.start[slot + 1]!;
      for (let e = cat.start[slot]!; e < to; e++) {
        const col = column[cat.assessor[e]!]!;
        if (col >= 0) x[i * k + col] = x[i * k + col]! + (model.critWeights[c]! * cat.u[e]!) / weightSum;
      }
    }
  }
  const icc = icc2(x, n, k);
  const result: StageAgreement = {
    assessors: k,
    nominees: n,
    icc2_1: r3(icc.icc2_1),
    icc2_k: r3(icc.icc2_k),
    kendallW: r3(kendallW(x, n, k)),
  };
  if (model.contract === 2) result.oneWay = oneWay(model, cat, judged, weightSum, participants);
  return result;
}

/**
 * One-way agreement (contract 2): per participant, the complete sheets (an assessor who scored
 * every judged criterion of the stage for it), each the same cell as the block's; participants with
 * at least two form the targets. One pass over the stage's scores.
 */
function oneWay(
  model: Model,
  cat: CategoryData,
  judged: Int32Array,
  weightSum: number,
  participants: Int32Array,
): OneWayAgreement {
  const C = model.critIds.length;
  const J = judged.length;
  const { start, assessor, u } = cat;
  const weights = model.critWeights;
  const count = new Int32Array(cat.assessors.length);
  const sum = new Float64Array(cat.assessors.length);
  // A complete sheet scores the first judged criterion: its scores bound the number of cells.
  let bound = 0;
  for (let i = 0; i < participants.length; i++) {
    const slot = participants[i]! * C + judged[0]!;
    bound += start[slot + 1]! - start[slot]!;
  }
  const values = new Float64Array(bound);
  const touched = new Int32Array(bound);
  const sizes: number[] = [];
  let m = 0;
  for (let i = 0; i < participants.length; i++) {
    const p = participants[i]!;
    let t = 0;
    for (let j = 0; j < J; j++) {
      const c = judged[j]!;
      const slot = p * C + c;
      const to = start[slot + 1]!;
      for (let e = start[slot]!; e < to; e++) {
        const a = assessor[e]!;
        if (count[a] === 0) {
          if (j > 0) continue; // missed the first criterion: never complete
          touched[t++] = a;
        }
        count[a] = count[a]! + 1;
        sum[a] = sum[a]! + (weights[c]! * u[e]!) / weightSum;
      }
    }
    let k = 0;
    for (let q = 0; q < t; q++) {
      const a = touched[q]!;
      if (count[a] === J) values[m + k++] = sum[a]!;
      count[a] = 0;
      sum[a] = 0;
    }
    if (k >= 2) {
      sizes.push(k);
      m += k;
    }
  }
  return reportIcc1(icc1Flat(values.subarray(0, m), Int32Array.from(sizes)));
}
