// Small builders for hand-worked scoring examples.
import {
  score,
  type CategoryResult,
  type RankingEntry,
  type ScoringInput,
  type ScoringResult,
  type Score,
} from "../../scoring/index";

/** nominee → assessor → value, for one criterion. */
export type Table = Record<string, Record<string, number>>;

export function scoresFrom(table: Table, criterion = "q"): Score[] {
  const out: Score[] = [];
  for (const [nominee, row] of Object.entries(table)) {
    for (const [assessor, value] of Object.entries(row)) out.push({ assessor, nominee, criterion, value });
  }
  return out;
}

export function nomineesOf(
  ids: string[],
  category = "c",
  indicators: Record<string, number> = {},
): ScoringInput["nominees"] {
  return ids.map((id) => ({ id, category, indicators: { ...indicators } }));
}

/** One stage "desk", one judged criterion "q" (max 100 unless given). */
export function singleCriterion(table: Table, method: ScoringInput["method"] = {}, max = 100): ScoringInput {
  return {
    rubric: {
      stages: [{ id: "desk", weight: 1 }],
      criteria: [{ id: "q", stage: "desk", weight: 1, type: "judged", max }],
    },
    method,
    nominees: nomineesOf(Object.keys(table)),
    scores: scoresFrom(table),
  };
}

export function category(result: ScoringResult, id = "c"): CategoryResult {
  const c = result.categories.find((x) => x.category === id);
  if (c === undefined) throw new Error(`no category ${id}`);
  return c;
}

export function entry(result: ScoringResult, nominee: string): RankingEntry {
  for (const c of result.categories) {
    const e = c.ranking.find((x) => x.nominee === nominee);
    if (e !== undefined) return e;
  }
  throw new Error(`no ranking entry for ${nominee}`);
}

/** nominee → rank, for one category. */
export function ranks(result: ScoringResult, id = "c"): Record<string, number> {
  return Object.fromEntries(category(result, id).ranking.map((e) => [e.nominee, e.rank]));
}

export const r2 = (x: number): number => Math.round(x * 100) / 100;
export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
export const popSd = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

export { score };

/** A table of ratings: rows are targets (nominees t1, t2, …), columns judges (assessors j1, j2, …). */
export function tableOf(rows: number[][]): Table {
  return Object.fromEntries(rows.map((r, i) => [`t${i + 1}`, Object.fromEntries(r.map((v, j) => [`j${j + 1}`, v]))]));
}

/** Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges, the published reference of the ICCs. */
export const SHROUT_FLEISS_TABLE_2 = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];
