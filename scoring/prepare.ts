// Turns the input into compact, id-indexed arrays once, so that every later step (and every
// sensitivity variant) runs over typed arrays without allocating per score.
import type { Advance, ScoringInput } from "./schema";
import type { AggregateMethod } from "./aggregate";
import type { CalibrationKind } from "./calibration";
import type { RankingKind } from "./ranking";
import type { IneligibleEntry } from "./types";
import { failedGates } from "./gates";
import { bandPoints, indicatorOf } from "./indicators";
import { compareIds } from "./round";
import { toScale } from "./views";

export interface TieBreakKey {
  kind: "stage" | "criterion";
  index: number;
}

export interface ResolvedMethod {
  aggregate: AggregateMethod;
  calibration: CalibrationKind;
  ranking: RankingKind;
  tieBreak: TieBreakKey[];
  disagreementSd: number;
  weightDelta: number | null;
}

export interface Model {
  stageIds: string[];
  stageWeights: Float64Array;
  stageAdvance: (Advance | undefined)[];
  critIds: string[];
  critStage: Int32Array;
  critJudged: Uint8Array;
  critWeights: Float64Array;
  /** Criteria (indices) of each stage, rubric order. */
  stageCrits: Int32Array[];
  /** Judged criteria (indices) of each stage, rubric order. */
  stageJudged: Int32Array[];
  method: ResolvedMethod;
}

/**
 * One category. Nominee `n` (eligible only, sorted by id) and criterion `c` form slot `n·C + c`;
 * its scores are entries `start[slot] .. start[slot+1]-1` of `u` (100·value/max) and `assessor`
 * (local assessor index, assessors sorted by id), ordered by assessor.
 */
export interface CategoryData {
  id: string;
  nominees: string[];
  ineligible: IneligibleEntry[];
  assessors: string[];
  start: Int32Array;
  u: Float64Array;
  assessor: Int32Array;
  /** Band points per slot of indicator criteria. */
  indicatorPoints: Float64Array;
  /** The indicator value per slot of indicator criteria; NaN when missing. */
  indicatorRaw: Float64Array;
}

export function resolveMethod(
  input: ScoringInput,
  stageIndex: Map<string, number>,
  critIndex: Map<string, number>,
): ResolvedMethod {
  const m = input.method ?? {};
  const tieBreak: TieBreakKey[] = [];
  for (const t of m.tieBreak ?? []) {
    const colon = t.indexOf(":");
    const kind = t.slice(0, colon);
    const ref = t.slice(colon + 1);
    const index = kind === "stage" ? stageIndex.get(ref) : critIndex.get(ref);
    if (index === undefined || (kind !== "stage" && kind !== "criterion")) {
      throw new Error(`unknown tie-break "${t}" (validate the input with parseScoringInput first)`);
    }
    tieBreak.push({ kind, index });
  }
  return {
    aggregate: {
      kind: m.aggregate?.kind ?? "trimmed-mean",
      trim: m.aggregate?.trim ?? 1,
      minPanel: m.aggregate?.minPanel ?? 5,
    },
    calibration: m.calibration ?? "none",
    ranking: m.ranking ?? "competition",
    tieBreak,
    disagreementSd: m.disagreementSd ?? 15,
    weightDelta: m.sensitivity?.weightDelta ?? null,
  };
}

export function buildModel(input: ScoringInput): Model {
  const { stages, criteria } = input.rubric;
  const stageIndex = new Map<string, number>();
  stages.forEach((s, i) => stageIndex.set(s.id, i));
  const critIndex = new Map<string, number>();
  criteria.forEach((c, i) => critIndex.set(c.id, i));
  const C = criteria.length;
  const critStage = new Int32Array(C);
  const critJudged = new Uint8Array(C);
  const critWeights = new Float64Array(C);
  criteria.forEach((c, i) => {
    const s = stageIndex.get(c.stage);
    if (s === undefined) throw new Error(`criterion "${c.id}" on unknown stage "${c.stage}"`);
    critStage[i] = s;
    critJudged[i] = c.type === "judged" ? 1 : 0;
    critWeights[i] = c.weight;
  });
  const stageCrits = stages.map((_, s) => Int32Array.from(criteria.flatMap((c, i) => (critStage[i] === s ? [i] : []))));
  const stageJudged = stageCrits.map((list) => list.filter((c) => critJudged[c] === 1));
  return {
    stageIds: stages.map((s) => s.id),
    stageWeights: Float64Array.from(stages.map((s) => s.weight)),
    stageAdvance: stages.map((s) => s.advance),
    critIds: criteria.map((c) => c.id),
    critStage,
    critJudged,
    critWeights,
    stageCrits,
    stageJudged,
    method: resolveMethod(input, stageIndex, critIndex),
  };
}

export function buildCategories(input: ScoringInput): CategoryData[] {
  const { criteria } = input.rubric;
  const gates = input.rubric.gates ?? [];
  const C = criteria.length;

  // Gates and grouping by category.
  const groups = new Map<
    string,
    {
      eligible: string[];
      ineligible: IneligibleEntry[];
      indicators: Map<string, Record<string, number | null> | undefined>;
    }
  >();
  for (const n of input.nominees) {
    let g = groups.get(n.category);
    if (g === undefined) {
      g = { eligible: [], ineligible: [], indicators: new Map() };
      groups.set(n.category, g);
    }
    const failed = failedGates(n, gates);
    if (failed.length > 0) g.ineligible.push({ nominee: n.id, failed });
    else {
      g.eligible.push(n.id);
      g.indicators.set(n.id, n.indicators);
    }
  }
  const cats = [...groups].sort(([a], [b]) => compareIds(a, b));

  // Global index of every eligible nominee: categories contiguous, by id within a category.
  const nomIndex = new Map<string, number>();
  const catFrom: number[] = [];
  let G = 0;
  for (const [, g] of cats) {
    g.eligible.sort(compareIds);
    g.ineligible.sort((a, b) => compareIds(a.nominee, b.nominee));
    catFrom.push(G);
    for (const n of g.eligible) nomIndex.set(n, G++);
  }
  catFrom.push(G);

  const indicatorCrits = criteria.flatMap((c, ci) => (c.type === "indicator" ? [{ ci, c }] : []));
  const judgedIndex = new Map<string, number>();
  const maxOf = new Float64Array(C);
  criteria.forEach((c, i) => {
    if (c.type === "judged") {
      judgedIndex.set(c.id, i);
      maxOf[i] = c.max;
    }
  });

  // Pass 1: slot and assessor of each score; scores of ineligible nominees are dropped here.
  const scores = input.scores;
  const M = scores.length;
  const slotOf = new Int32Array(M);
  const asrOf = new Int32Array(M);
  const start = new Int32Array(G * C + 1);
  const asrIndex = new Map<string, number>();
  const asrNames: string[] = [];
  // Scores usually come grouped by nominee and criterion: remember the last lookups.
  let lastNom: string | null = null;
  let lastG: number | undefined = undefined;
  let lastCrit: string | null = null;
  let lastC: number | undefined = undefined;
  for (let i = 0; i < M; i++) {
    const s = scores[i]!;
    if (s.nominee !== lastNom) {
      lastNom = s.nominee;
      lastG = nomIndex.get(lastNom);
    }
    if (s.criterion !== lastCrit) {
      lastCrit = s.criterion;
      lastC = judgedIndex.get(lastCrit);
    }
    const g = lastG;
    const c = lastC;
    if (g === undefined || c === undefined) {
      slotOf[i] = -1;
      continue;
    }
    let a = asrIndex.get(s.assessor);
    if (a === undefined) {
      a = asrNames.length;
      asrNames.push(s.assessor);
      asrIndex.set(s.assessor, a);
    }
    const slot = g * C + c;
    slotOf[i] = slot;
    asrOf[i] = a;
    start[slot + 1] = start[slot + 1]! + 1;
  }
  for (let k = 0; k < G * C; k++) start[k + 1] = start[k + 1]! + start[k]!;

  // Assessors ranked by id, so that sorting by index sorts by id.
  const byName = asrNames.map((_, i) => i).sort((a, b) => compareIds(asrNames[a]!, asrNames[b]!));
  const rankOf = new Int32Array(asrNames.length);
  byName.forEach((a, r) => (rankOf[a] = r));

  // Pass 2: fill u and assessor rank per slot.
  const E = start[G * C]!;
  const u = new Float64Array(E);
  const asr = new Int32Array(E);
  const pos = start.slice(0, G * C);
  for (let i = 0; i < M; i++) {
    const slot = slotOf[i]!;
    if (slot < 0) continue;
    const p = pos[slot]!;
    pos[slot] = p + 1;
    u[p] = toScale(scores[i]!.value, maxOf[slot % C]!);
    asr[p] = rankOf[asrOf[i]!]!;
  }

  // Per category: local assessor indices (by id), entries of a slot ordered by assessor.
  const localOf = new Int32Array(asrNames.length).fill(-1);
  const result: CategoryData[] = [];
  cats.forEach(([id, g], k) => {
    const gFrom = catFrom[k]!;
    const N = catFrom[k + 1]! - gFrom;
    const eFrom = start[gFrom * C]!;
    const eTo = start[(gFrom + N) * C]!;
    const catU = u.subarray(eFrom, eTo);
    const catAsr = asr.subarray(eFrom, eTo);
    const present: number[] = [];
    for (const r of catAsr) {
      if (localOf[r]! === -1) {
        localOf[r] = 0;
        present.push(r);
      }
    }
    present.sort((a, b) => a - b);
    present.forEach((r, l) => (localOf[r] = l));
    catAsr.forEach((r, e) => (catAsr[e] = localOf[r]!));
    for (const r of present) localOf[r] = -1;
    const catStart = start.slice(gFrom * C, (gFrom + N) * C + 1).map((x) => x - eFrom);
    for (let sl = 0; sl < N * C; sl++) sortSlotByAssessor(catU, catAsr, catStart[sl]!, catStart[sl + 1]!);

    const indicatorPoints = new Float64Array(N * C);
    const indicatorRaw = new Float64Array(N * C);
    for (const [n, nominee] of g.eligible.entries()) {
      const inds = g.indicators.get(nominee);
      for (const { ci, c } of indicatorCrits) {
        const v = indicatorOf(inds, c.indicator);
        indicatorRaw[n * C + ci] = v === null ? NaN : v;
        indicatorPoints[n * C + ci] = v === null ? 0 : bandPoints(c.bands, v);
      }
    }

    result.push({
      id,
      nominees: g.eligible,
      ineligible: g.ineligible,
      assessors: present.map((r) => asrNames[byName[r]!]!),
      start: catStart,
      u: catU,
      assessor: catAsr,
      indicatorPoints,
      indicatorRaw,
    });
  });
  return result;
}

function sortSlotByAssessor(u: Float64Array, asr: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const a = asr[i]!;
    const x = u[i]!;
    let j = i - 1;
    while (j >= from && asr[j]! > a) {
      asr[j + 1] = asr[j]!;
      u[j + 1] = u[j]!;
      j--;
    }
    asr[j + 1] = a;
    u[j + 1] = x;
  }
}
