// Read-outs of an input and its result for the committee's charts. They add no rule of their own:
// scores are put on 0–100 as rule 3 says (toScale), and compared with the panel values score()
// reported.
import type { JudgedCriterion, ScoringInput } from "./schema";
import type { ScoringResult } from "./types";
import { compareIds, report2 } from "./round";

/**
 * Rule 8: a ranked nominee's running total up to and including `stage`, Σ Wₛ·stageₛ / Σ Wₛ over
 * the rubric's stages so far, from its reported stage scores, reported to 2 decimals (rule 11).
 */
export function runningTotal(
  stages: Readonly<Record<string, number>>,
  rubricStages: readonly { id: string; weight: number }[],
  stage: string,
): number {
  let num = 0;
  let den = 0;
  for (const s of rubricStages) {
    num += s.weight * (stages[s.id] ?? 0);
    den += s.weight;
    if (s.id === stage) break;
  }
  return report2(den > 0 ? num / den : 0);
}

/** Rule 3: a judged score on the fixed 0–100 scale, u = 100 · value / max. */
export function toScale(value: number, max: number): number {
  return (100 * value) / max;
}

/**
 * Every score that counts, per judged criterion, on 0–100 (rubric order; criteria without scores
 * left out). As rule 1 says, scores of ineligible nominees and of stages a nominee did not reach
 * are left out.
 */
export function scaledScores(input: ScoringInput, result: ScoringResult): { criterion: string; values: number[] }[] {
  const stageIds = input.rubric.stages.map((s) => s.id);
  const reached = new Map<string, number>();
  for (const cat of result.categories) for (const r of cat.ranking) reached.set(r.nominee, stageIds.indexOf(r.reached));
  const judged = input.rubric.criteria.filter((c): c is JudgedCriterion => c.type === "judged");
  const byCriterion = new Map(
    judged.map((c) => [c.id, { c, stage: stageIds.indexOf(c.stage), values: [] as number[] }]),
  );
  for (const s of input.scores) {
    const slot = byCriterion.get(s.criterion);
    const r = reached.get(s.nominee);
    if (slot && r !== undefined && slot.stage <= r) slot.values.push(toScale(s.value, slot.c.max));
  }
  return judged
    .map((c) => ({ criterion: c.id, values: byCriterion.get(c.id)!.values }))
    .filter((d) => d.values.length > 0);
}

/**
 * Each assessor's severity: the mean of (own score on 0–100 − the panel value score() reported)
 * over the (nominee, criterion) pairs that have a panel. Negative: stricter than the panel.
 * Assessors sorted by id (code-unit order).
 */
export function assessorSeverity(
  input: ScoringInput,
  result: ScoringResult,
): { assessor: string; diff: number; n: number }[] {
  const panel = new Map<string, number>();
  for (const cat of result.categories) {
    for (const r of cat.ranking) {
      for (const [criterion, v] of Object.entries(r.criteria))
        if ("panel" in v && v.panel > 0) panel.set(`${r.nominee}\u0000${criterion}`, v.value);
    }
  }
  const maxOf = new Map(input.rubric.criteria.flatMap((c) => (c.type === "judged" ? [[c.id, c.max] as const] : [])));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const s of input.scores) {
    const p = panel.get(`${s.nominee}\u0000${s.criterion}`);
    if (p === undefined) continue;
    const cur = sums.get(s.assessor) ?? { sum: 0, n: 0 };
    cur.sum += toScale(s.value, maxOf.get(s.criterion)!) - p;
    cur.n++;
    sums.set(s.assessor, cur);
  }
  return [...sums.keys()]
    .sort(compareIds)
    .map((a) => ({ assessor: a, diff: sums.get(a)!.sum / sums.get(a)!.n, n: sums.get(a)!.n }));
}
