// One pass of the method over one category: stages in turn (calibrate, aggregate, stage score,
// advance), then totals. Used for the base result and, without details, for every sensitivity variant.
import type { CategoryData, Model } from "./prepare";
import { aggregateSorted, populationSd, sortPrefix } from "./aggregate";
import { calibrate } from "./calibration";
import { advancing, weightedStageMean } from "./stages";
import { cmp6 } from "./round";

export interface Evaluation {
  /** Index of the last stage each nominee took part in. */
  reached: Int32Array;
  /** n·S + s: stage score (0 when not reached). */
  stageScore: Float64Array;
  /** n·C + c: criterion value (0 when not reached). */
  critValue: Float64Array;
  total: Float64Array;
  /** Participants (local nominee indices, ascending) of every stage. */
  participants: Int32Array[];
  /** Details, only when asked for. */
  panel: Int32Array | null;
  sd: Float64Array | null;
  flags: string[][] | null;
  /** Local indices of assessors whose zscore calibration was skipped somewhere. */
  skipped: Set<number>;
}

export interface Variant {
  /** Criterion weights to use. */
  weights: Float64Array;
  /** Local assessor index to leave out, or -1. */
  exclude: number;
}

export function evaluate(model: Model, cat: CategoryData, variant: Variant, detail: boolean): Evaluation {
  const N = cat.nominees.length;
  const C = model.critIds.length;
  const S = model.stageIds.length;
  const { method } = model;
  const { weights, exclude } = variant;
  const reached = new Int32Array(N);
  const stageScore = new Float64Array(N * S);
  const critValue = new Float64Array(N * C);
  const total = new Float64Array(N);
  const panel = detail ? new Int32Array(N * C) : null;
  const sd = detail ? new Float64Array(N * C) : null;
  const flags: string[][] | null = detail ? Array.from({ length: N }, () => []) : null;
  const skipped = new Set<number>();
  const participantsOf: Int32Array[] = [];
  const calibrated = method.calibration === "none" ? cat.u : new Float64Array(cat.u.length);
  const scratch = new Float64Array(Math.max(1, cat.assessors.length));
  const running = new Float64Array(N);
  const { start, assessor } = cat;
  const sdLimit = cmp6(method.disagreementSd);

  let participants: Int32Array = new Int32Array(N);
  for (let n = 0; n < N; n++) participants[n] = n;

  for (let s = 0; s < S; s++) {
    participantsOf.push(participants);
    const crits = model.stageCrits[s]!;
    const judged = model.stageJudged[s]!;

    if (method.calibration !== "none" && judged.length > 0) {
      const slots = new Int32Array(participants.length * judged.length);
      let k = 0;
      for (const n of participants) for (const c of judged) slots[k++] = n * C + c;
      const block = { slots, start, u: cat.u, assessor, assessors: cat.assessors.length, exclude };
      for (const a of calibrate(method.calibration, block, calibrated)) skipped.add(a);
    }

    let weightSum = 0;
    for (const c of crits) weightSum += weights[c]!;

    for (const n of participants) {
      let num = 0;
      for (const c of crits) {
        const slot = n * C + c;
        let v: number;
        if (model.critJudged[c]! === 1) {
          let m = 0;
          const to = start[slot + 1]!;
          for (let e = start[slot]!; e < to; e++) {
            if (assessor[e]! !== exclude) scratch[m++] = calibrated[e]!;
          }
          if (m === 0) {
            v = 0;
            if (flags !== null) flags[n]!.push(`missing-scores:${model.critIds[c]!}`);
          } else {
            sortPrefix(scratch, m);
            v = aggregateSorted(scratch, m, method.aggregate);
            if (panel !== null && sd !== null && flags !== null) {
              const d = populationSd(scratch, m);
              panel[slot] = m;
              sd[slot] = d;
              if (cmp6(d) > sdLimit) flags[n]!.push(`disagreement:${model.critIds[c]!}`);
            }
          }
        } else {
          v = cat.indicatorPoints[slot]!;
          if (flags !== null && Number.isNaN(cat.indicatorRaw[slot]!))
            flags[n]!.push(`missing-indicator:${model.critIds[c]!}`);
        }
        critValue[slot] = v;
        num += weights[c]! * v;
      }
      stageScore[n * S + s] = num / weightSum;
      reached[n] = s;
    }

    if (s < S - 1) {
      for (const n of participants) running[n] = weightedStageMean(stageScore, n * S, model.stageWeights, s);
      participants = advancing(participants, running, model.stageAdvance[s]);
    }
  }

  for (let n = 0; n < N; n++) total[n] = weightedStageMean(stageScore, n * S, model.stageWeights, S - 1);

  return { reached, stageScore, critValue, total, participants: participantsOf, panel, sd, flags, skipped };
}

/** Comparison keys of every nominee: reached, total, then the tie-breaks (all rounded to 6 decimals). */
export function rankingKeys(model: Model, ev: Evaluation, N: number): { keys: Float64Array; width: number } {
  const S = model.stageIds.length;
  const C = model.critIds.length;
  const tb = model.method.tieBreak;
  const width = 2 + tb.length;
  const keys = new Float64Array(N * width);
  for (let n = 0; n < N; n++) {
    const o = n * width;
    keys[o] = ev.reached[n]!;
    keys[o + 1] = cmp6(ev.total[n]!);
    for (const [t, { kind, index }] of tb.entries()) {
      keys[o + 2 + t] = cmp6(kind === "stage" ? ev.stageScore[n * S + index]! : ev.critValue[n * C + index]!);
    }
  }
  return { keys, width };
}
