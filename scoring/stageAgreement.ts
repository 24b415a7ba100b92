// Agreement of one category and stage over the complete block of assessors (docs/scoring-contract.md §12).
import type { CategoryData, Model } from "./prepare";
import type { StageAgreement } from "./types";
import { icc2, kendallW } from "./agreement";
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
  // No complete block (desk panels drawn from a large pool): no statistic, and no need to build x.
  if (k < 2) return { assessors: k, nominees: n, icc2_1: null, icc2_k: null, kendallW: null };

  let weightSum = 0;
  for (const c of judged) weightSum += model.critWeights[c]!;
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
  return { assessors: k, nominees: n, icc2_1: r3(icc.icc2_1), icc2_k: r3(icc.icc2_k), kendallW: r3(kendallW(x, n, k)) };
}
