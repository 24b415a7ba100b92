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
  /** Flags per nominee in the order raised (undefined: none); only with details. */
  flags: (string[] | undefined)[] | null;
  /** Local indices of assessors whose zscore calibration was skipped somewhere. */
  skipped: Set<number>;
}

export interface Variant {
  /** Criterion weights to use. */
  weights: Float64Array;
  /** Local assessor index to leave out, or -1. */
  exclude: number;
}

/**
 * Panel values (n·C + c; NaN: not yet known) that do not depend on the variant, shared by the base
 * evaluation and the sensitivity variants of one category: those of every stage when scores are not
 * calibrated, else those of the first stage (everyone takes part, so its calibration is the same in
 * every variant that leaves nobody out). A variant leaving an assessor out reuses them (without
 * calibration) for the slots that assessor did not score.
 */
export function panelMemo(cat: CategoryData, C: number): Float64Array {
  return new Float64Array(cat.nominees.length * C).fill(NaN);
}

function addFlag(flags: (string[] | undefined)[], n: number, flag: string): void {
  const list = flags[n];
  if (list === undefined) flags[n] = [flag];
  else list.push(flag);
}

export function evaluate(
  model: Model,
  cat: CategoryData,
  variant: Variant,
  detail: boolean,
  memo: Float64Array | null = null,
): Evaluation {
  const N = cat.nominees.length;
  const C = model.critIds.length;
  const S = model.stageIds.length;
  const { method, critJudged, critIds } = model;
  const { weights, exclude } = variant;
  const reached = new Int32Array(N);
  const stageScore = new Float64Array(N * S);
  const critValue = new Float64Array(N * C);
  const total = new Float64Array(N);
  const panel = detail ? new Int32Array(N * C) : null;
  const sd = detail ? new Float64Array(N * C) : null;
  const flags: (string[] | undefined)[] | null = detail ? new Array<string[] | undefined>(N).fill(undefined) : null;
  const skipped = new Set<number>();
  const participantsOf: Int32Array[] = [];
  const calibrated = method.calibration === "none" ? cat.u : new Float64Array(cat.u.length);
  const scratch = new Float64Array(Math.max(1, cat.assessors.length));
  const running = new Float64Array(N);
  const { start, assessor, indicatorPoints, indicatorRaw } = cat;
  const sdLimit = cmp6(method.disagreementSd);
  const aggregate = method.aggregate;

  let participants: Int32Array = new Int32Array(N);
  for (let n = 0; n < N; n++) participants[n] = n;

  for (let s = 0; s < S; s++) {
    participantsOf.push(participants);
    const P = participants.length;
    const crits = model.stageCrits[s]!;
    const judged = model.stageJudged[s]!;
    // The memo holds this stage's panel values when they cannot differ from this variant's own.
    const stageMemo = memo !== null && (method.calibration === "none" || (s === 0 && exclude === -1)) ? memo : null;

    if (
      method.calibration !== "none" &&
      judged.length > 0 &&
      !(stageMemo !== null && !detail && known(stageMemo, participants, judged, C))
    ) {
      const slots = new Int32Array(P * judged.length);
      let k = 0;
      for (let i = 0; i < P; i++)
        for (let j = 0; j < judged.length; j++) slots[k++] = participants[i]! * C + judged[j]!;
      const block = { slots, start, u: cat.u, assessor, assessors: cat.assessors.length, exclude };
      for (const a of calibrate(method.calibration, block, calibrated)) skipped.add(a);
    }

    let weightSum = 0;
    for (let j = 0; j < crits.length; j++) weightSum += weights[crits[j]!]!;

    for (let i = 0; i < P; i++) {
      const n = participants[i]!;
      let num = 0;
      for (let j = 0; j < crits.length; j++) {
        const c = crits[j]!;
        const slot = n * C + c;
        let v: number;
        if (critJudged[c]! === 1) {
          const from = start[slot]!;
          const to = start[slot + 1]!;
          const cached = stageMemo === null || detail ? NaN : stageMemo[slot]!;
          if (cached === cached && (exclude === -1 || !scoredBy(assessor, from, to, exclude))) {
            v = cached;
          } else {
            let m = 0;
            for (let e = from; e < to; e++) {
              if (assessor[e]! !== exclude) scratch[m++] = calibrated[e]!;
            }
            if (m === 0) {
              v = 0;
              if (flags !== null) addFlag(flags, n, `missing-scores:${critIds[c]!}`);
            } else {
              sortPrefix(scratch, m);
              v = aggregateSorted(scratch, m, aggregate);
              if (panel !== null && sd !== null && flags !== null) {
                const d = populationSd(scratch, m);
                panel[slot] = m;
                sd[slot] = d;
                if (cmp6(d) > sdLimit) addFlag(flags, n, `disagreement:${critIds[c]!}`);
              }
            }
            if (stageMemo !== null && exclude === -1) stageMemo[slot] = v;
          }
        } else {
          v = indicatorPoints[slot]!;
          if (flags !== null && Number.isNaN(indicatorRaw[slot]!))
            addFlag(flags, n, `missing-indicator:${critIds[c]!}`);
        }
        critValue[slot] = v;
        num += weights[c]! * v;
      }
      stageScore[n * S + s] = num / weightSum;
      reached[n] = s;
    }

    if (s < S - 1) {
      for (let i = 0; i < P; i++) {
        const n = participants[i]!;
        running[n] = weightedStageMean(stageScore, n * S, model.stageWeights, s);
      }
      const next = advancing(participants, running, model.stageAdvance[s]);
      const forced = cat.forced?.[s];
      participants = forced === undefined || forced.length === 0 ? next : withForced(participants, next, forced);
      if (flags !== null && participants !== next) {
        // Flagged only where the rule alone would not have taken the nominee on (§15).
        for (let i = 0; i < forced!.length; i++) {
          const n = forced![i]!;
          if (has(participants, n) && !has(next, n)) addFlag(flags, n, `forced-advance:${model.stageIds[s]!}`);
        }
      }
    }
  }

  for (let n = 0; n < N; n++) total[n] = weightedStageMean(stageScore, n * S, model.stageWeights, S - 1);

  return { reached, stageScore, critValue, total, participants: participantsOf, panel, sd, flags, skipped };
}

/** Whether an ascending list holds n (binary search). */
function has(list: Int32Array, n: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = list[mid]!;
    if (x === n) return true;
    if (x < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Those the advance rule takes on (`next`) plus the forced advances (§15) that took part in the
 * stage, ascending; `next` itself when that adds nobody.
 */
function withForced(participants: Int32Array, next: Int32Array, forced: Int32Array): Int32Array {
  const extra = forced.filter((n) => has(participants, n) && !has(next, n));
  if (extra.length === 0) return next;
  const out = new Int32Array(next.length + extra.length);
  out.set(next);
  out.set(extra, next.length);
  return out.sort();
}

/** Whether the memo holds every judged slot of a stage's participants (calibration can be skipped). */
function known(values: Float64Array, participants: Int32Array, judged: Int32Array, C: number): boolean {
  for (let i = 0; i < participants.length; i++) {
    for (let j = 0; j < judged.length; j++) {
      const x = values[participants[i]! * C + judged[j]!]!;
      if (x !== x) return false;
    }
  }
  return true;
}

function scoredBy(assessor: Int32Array, from: number, to: number, a: number): boolean {
  for (let e = from; e < to; e++) if (assessor[e] === a) return true;
  return false;
}

/**
 * Comparison keys of every nominee: reached, total, the tie-breaks, then the prior when the rubric
 * says so (all rounded to 6 decimals; `prior`: the category's, −1 when missing).
 */
export function rankingKeys(
  model: Model,
  ev: Evaluation,
  N: number,
  prior: Float64Array,
): { keys: Float64Array; width: number } {
  const S = model.stageIds.length;
  const C = model.critIds.length;
  const tb = model.method.tieBreak;
  const width = 2 + tb.length + (model.priorTieBreak ? 1 : 0);
  const keys = new Float64Array(N * width);
  for (let n = 0; n < N; n++) {
    const o = n * width;
    keys[o] = ev.reached[n]!;
    keys[o + 1] = cmp6(ev.total[n]!);
    for (let t = 0; t < tb.length; t++) {
      const { kind, index } = tb[t]!;
      keys[o + 2 + t] = cmp6(kind === "stage" ? ev.stageScore[n * S + index]! : ev.critValue[n * C + index]!);
    }
    if (model.priorTieBreak) keys[o + 2 + tb.length] = prior[n]!;
  }
  return { keys, width };
}
