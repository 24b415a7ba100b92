// Turns the input into compact, id-indexed arrays once, so that every later step (and every
// sensitivity variant) runs over typed arrays without allocating per score.
import type { Advance, Nominee, ScoringInput } from "./schema";
import type { AggregateMethod } from "./aggregate";
import type { CalibrationKind } from "./calibration";
import type { RankingKind } from "./ranking";
import type { IneligibleEntry } from "./types";
import { failedGates, OVERRIDE_GATE } from "./gates";
import { indicatorOf } from "./indicators";
import { cmp6, compareIds } from "./round";
import { toScale } from "./views";
import { scratchFloat64, scratchInt32 } from "./scratch";

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
  /** `rubric.prior.tieBreak`: the nominees' prior is the last ranking key (§10). */
  priorTieBreak: boolean;
  /** The contract version of the output (1 when the input does not say). */
  contract: 1 | 2;
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
  /** Each nominee's prior rounded for comparison; −1 (below every prior) when missing. */
  prior: Float64Array;
  /**
   * Per stage, the nominees (local indices, ascending) an override takes on at the end of it
   * (§15); null when the category has none.
   */
  forced: Int32Array[] | null;
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
    priorTieBreak: input.rubric.prior?.tieBreak === true,
    contract: input.contract ?? 1,
  };
}

/** An indicator criterion with its band bounds already rounded for comparison (bandOf's rule). */
interface IndicatorColumn {
  c: number;
  key: string;
  mins: Float64Array;
  points: Float64Array;
}

function indicatorColumns(input: ScoringInput): IndicatorColumn[] {
  const out: IndicatorColumn[] = [];
  input.rubric.criteria.forEach((c, i) => {
    if (c.type !== "indicator") return;
    out.push({
      c: i,
      key: c.indicator,
      mins: Float64Array.from(c.bands, (b) => cmp6(b.min)),
      points: Float64Array.from(c.bands, (b) => b.points),
    });
  });
  return out;
}

/** The points of an indicator value's band (`bandOf`) over a prepared column: the band with the largest min ≤ value (the first of equal mins). */
function columnPoints(col: IndicatorColumn, value: number): number {
  const v = cmp6(value);
  let best = 0;
  let bestMin = -Infinity;
  for (let b = 0; b < col.mins.length; b++) {
    const m = col.mins[b]!;
    if (m <= v && m > bestMin) {
      bestMin = m;
      best = col.points[b]!;
    }
  }
  return best;
}

export function buildCategories(input: ScoringInput): CategoryData[] {
  const { criteria } = input.rubric;
  const gates = input.rubric.gates ?? [];
  const priorMin = input.rubric.prior?.minScore ?? null;
  const C = criteria.length;
  const overrides = input.overrides ?? [];
  const excluded = new Set(overrides.filter((o) => o.decision === "exclude").map((o) => o.nominee));

  // Gates (then exclusions, §15) and grouping by category.
  const groups = new Map<string, { eligible: Nominee[]; ineligible: IneligibleEntry[] }>();
  for (const n of input.nominees) {
    let g = groups.get(n.category);
    if (g === undefined) {
      g = { eligible: [], ineligible: [] };
      groups.set(n.category, g);
    }
    const failed = gates.length === 0 && priorMin === null ? [] : failedGates(n, gates, priorMin);
    if (excluded.has(n.id)) failed.push(OVERRIDE_GATE);
    if (failed.length > 0) g.ineligible.push({ nominee: n.id, failed });
    else g.eligible.push(n);
  }
  const cats = [...groups].sort(([a], [b]) => compareIds(a, b));

  // Global index of every eligible nominee: categories contiguous, by id within a category.
  const nomIndex = new Map<string, number>();
  const catFrom: number[] = [];
  let G = 0;
  for (const [, g] of cats) {
    g.eligible.sort((a, b) => compareIds(a.id, b.id));
    g.ineligible.sort((a, b) => compareIds(a.nominee, b.nominee));
    catFrom.push(G);
    for (const n of g.eligible) nomIndex.set(n.id, G++);
  }
  catFrom.push(G);
  const forcedOf = forcedAdvances(input, nomIndex, catFrom);

  const judgedIndex = new Map<string, number>();
  const maxOf = new Float64Array(C);
  criteria.forEach((c, i) => {
    if (c.type === "judged") {
      judgedIndex.set(c.id, i);
      maxOf[i] = c.max;
    }
  });

  // Pass 1 (the only pass over the score objects): slot, assessor and u of each score; scores of
  // ineligible nominees are dropped here.
  const scores = input.scores;
  const M = scores.length;
  const slotOf = scratchInt32(0, M);
  const pairOf = scratchInt32(1, M);
  const uOf = scratchFloat64(0, M);
  const start = new Int32Array(G * C + 1);
  const asrIndex = new Map<string, number>();
  const asrNames: string[] = [];
  // Category of each eligible nominee, and the (category, assessor) pairs met: each score keeps the
  // id of its pair, later mapped to the assessor's local index in the category.
  const catOfG = new Int32Array(G);
  for (let k = 0; k < cats.length; k++) catOfG.fill(k, catFrom[k]!, catFrom[k + 1]!);
  const lastPairOf: number[] = [];
  const pairCat: number[] = [];
  const pairAsr: number[] = [];
  // Scores usually come grouped by nominee and criterion, each criterion's panel in the same order:
  // remember the last lookups, and the assessors of the last run by their place in it.
  let lastNom: string | null = null;
  let lastG = -1;
  let lastCrit: string | null = null;
  let lastC = -1;
  let place = 0;
  const runNames: string[] = [];
  const runIndex: number[] = [];
  for (let i = 0; i < M; i++) {
    const s = scores[i]!;
    const nominee = s.nominee;
    const criterion = s.criterion;
    if (nominee !== lastNom || criterion !== lastCrit) {
      place = 0;
      if (nominee !== lastNom) {
        lastNom = nominee;
        lastG = nomIndex.get(nominee) ?? -1;
      }
      if (criterion !== lastCrit) {
        lastCrit = criterion;
        lastC = judgedIndex.get(criterion) ?? -1;
      }
    }
    if (lastG < 0 || lastC < 0) {
      slotOf[i] = -1;
      continue;
    }
    const name = s.assessor;
    let a: number;
    if (place < runNames.length && runNames[place] === name) a = runIndex[place]!;
    else {
      const known = asrIndex.get(name);
      if (known === undefined) {
        a = asrNames.length;
        asrNames.push(name);
        asrIndex.set(name, a);
        lastPairOf.push(-1);
      } else a = known;
      runNames[place] = name;
      runIndex[place] = a;
    }
    place++;
    const k = catOfG[lastG]!;
    let pair = lastPairOf[a]!;
    if (pair < 0 || pairCat[pair] !== k) {
      pair = pairCat.length;
      pairCat.push(k);
      pairAsr.push(a);
      lastPairOf[a] = pair;
    }
    const slot = lastG * C + lastC;
    slotOf[i] = slot;
    pairOf[i] = pair;
    uOf[i] = toScale(s.value, maxOf[lastC]!);
    start[slot + 1] = start[slot + 1]! + 1;
  }
  for (let k = 0; k < G * C; k++) start[k + 1] = start[k + 1]! + start[k]!;

  // Assessors ranked by id; each category's own assessors numbered in that order (local indices).
  const A = asrNames.length;
  const byName = asrNames.map((_, i) => i).sort((a, b) => compareIds(asrNames[a]!, asrNames[b]!));
  const rankOf = new Int32Array(A);
  for (let r = 0; r < A; r++) rankOf[byName[r]!] = r;
  const presentIn = new Uint8Array(cats.length * A);
  for (let j = 0; j < pairCat.length; j++) presentIn[pairCat[j]! * A + pairAsr[j]!] = 1;
  const localOf = new Int32Array(cats.length * A);
  const catAssessors: string[][] = cats.map((_, k) => {
    const names: string[] = [];
    for (let r = 0; r < A; r++) {
      const a = byName[r]!;
      if (presentIn[k * A + a] === 1) {
        localOf[k * A + a] = names.length;
        names.push(asrNames[a]!);
      }
    }
    return names;
  });
  const localOfPair = new Int32Array(pairCat.length);
  for (let j = 0; j < pairCat.length; j++) localOfPair[j] = localOf[pairCat[j]! * A + pairAsr[j]!]!;

  // Pass 2: u and local assessor index per slot, each slot kept ordered by assessor as it fills
  // (an insertion sort while the slot is in cache; stable, as panels are small).
  const E = start[G * C]!;
  const u = scratchFloat64(1, E);
  const asr = scratchInt32(2, E);
  const pos = start.slice(0, G * C);
  for (let i = 0; i < M; i++) {
    const slot = slotOf[i]!;
    if (slot < 0) continue;
    const from = start[slot]!;
    const x = uOf[i]!;
    const a = localOfPair[pairOf[i]!]!;
    let j = pos[slot]!;
    pos[slot] = j + 1;
    while (j > from && asr[j - 1]! > a) {
      asr[j] = asr[j - 1]!;
      u[j] = u[j - 1]!;
      j--;
    }
    asr[j] = a;
    u[j] = x;
  }

  // Per category: slot bounds and indicator points.
  const columns = indicatorColumns(input);
  const result: CategoryData[] = [];
  for (let k = 0; k < cats.length; k++) {
    const [id, g] = cats[k]!;
    const gFrom = catFrom[k]!;
    const N = catFrom[k + 1]! - gFrom;
    const eFrom = start[gFrom * C]!;
    const eTo = start[(gFrom + N) * C]!;
    const catU = u.subarray(eFrom, eTo);
    const catAsr = asr.subarray(eFrom, eTo);
    const catStart = new Int32Array(N * C + 1);
    for (let sl = 0; sl <= N * C; sl++) catStart[sl] = start[gFrom * C + sl]! - eFrom;

    const indicatorPoints = new Float64Array(N * C);
    const indicatorRaw = new Float64Array(N * C);
    if (columns.length > 0) {
      for (let n = 0; n < N; n++) {
        const inds = g.eligible[n]!.indicators;
        for (const col of columns) {
          const v = indicatorOf(inds, col.key);
          indicatorRaw[n * C + col.c] = v === null ? NaN : v;
          indicatorPoints[n * C + col.c] = v === null ? 0 : columnPoints(col, v);
        }
      }
    }

    result.push({
      id,
      nominees: g.eligible.map((n) => n.id),
      ineligible: g.ineligible,
      assessors: catAssessors[k]!,
      start: catStart,
      u: catU,
      assessor: catAsr,
      indicatorPoints,
      indicatorRaw,
      prior: Float64Array.from(g.eligible, (n) => (n.prior == null ? -1 : cmp6(n.prior))),
      forced: forcedOf.get(k) ?? null,
    });
  }
  return result;
}

/**
 * The forced advances of eligible nominees (§15) by category (its index): per stage, local nominee
 * indices, ascending. An override for an ineligible nominee changes nothing.
 */
function forcedAdvances(
  input: ScoringInput,
  nomIndex: Map<string, number>,
  catFrom: number[],
): Map<number, Int32Array[]> {
  const out = new Map<number, Int32Array[]>();
  const advances = (input.overrides ?? []).filter((o) => o.decision === "advance");
  if (advances.length === 0) return out;
  const stageIndex = new Map(input.rubric.stages.map((s, i) => [s.id, i]));
  const S = input.rubric.stages.length;
  const lists = new Map<number, number[][]>();
  for (const o of advances) {
    const g = nomIndex.get(o.nominee);
    const s = stageIndex.get(o.stage);
    if (g === undefined || s === undefined) continue;
    let k = 0;
    while (catFrom[k + 1]! <= g) k++;
    let perStage = lists.get(k);
    if (perStage === undefined) lists.set(k, (perStage = Array.from({ length: S }, () => [])));
    perStage[s]!.push(g - catFrom[k]!);
  }
  for (const [k, perStage] of lists)
    out.set(
      k,
      perStage.map((l) => Int32Array.from(l).sort()),
    );
  return out;
}
