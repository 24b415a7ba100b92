// score(input): the whole method of docs/scoring-contract.md, category by category.
import type { ScoringInput } from "./schema";
import type { CategoryResult, CriterionResult, RankingEntry, ScoringResult, StageAgreement } from "./types";
import { buildCategories, buildModel, type CategoryData, type Model } from "./prepare";
import { evaluate, panelMemo, rankingKeys } from "./evaluate";
import { rankByKeys } from "./ranking";
import { stageAgreement } from "./stageAgreement";
import { sensitivity } from "./sensitivity";
import { compareIds, report2 } from "./round";
import { withScratch } from "./scratch";

/** A nominee's flags, each once, sorted. */
function flagList(raised: string[] | undefined): string[] {
  if (raised === undefined) return [];
  if (raised.length === 1) return [raised[0]!];
  return [...new Set(raised)].sort(compareIds);
}

function scoreCategory(model: Model, cat: CategoryData): CategoryResult {
  const N = cat.nominees.length;
  const C = model.critIds.length;
  const S = model.stageIds.length;
  const { stageIds, critIds, critStage, critJudged } = model;
  const memo = panelMemo(cat, C);
  const ev = evaluate(model, cat, { weights: model.critWeights, exclude: -1 }, true, memo);
  const { keys, width } = rankingKeys(model, ev, N, cat.prior);
  const { ranks, order } = rankByKeys(keys, N, width, model.method.ranking);

  const delta = model.method.weightDelta;
  const sens = delta === null ? null : sensitivity(model, cat, ranks, delta, memo);

  const { panel, sd, flags } = ev;
  if (panel === null || sd === null || flags === null)
    throw new Error("scoring: the base evaluation must carry details");
  // Every entry's stages and criteria objects have the same keys (per stage reached): copying a
  // template with the keys in place is much cheaper than adding them one by one.
  const stagesTemplate: Record<string, number> = {};
  for (const id of stageIds) stagesTemplate[id] = 0;
  const criteriaTemplates = stageIds.map((_, reached) => {
    const template: Record<string, CriterionResult | null> = {};
    for (let c = 0; c < C; c++) if (critStage[c]! <= reached) template[critIds[c]!] = null;
    return template;
  });
  const ranking: RankingEntry[] = new Array<RankingEntry>(N);
  for (let i = 0; i < N; i++) {
    const n = order[i]!;
    const stages: Record<string, number> = { ...stagesTemplate };
    for (let s = 0; s < S; s++) stages[stageIds[s]!] = report2(ev.stageScore[n * S + s]!);
    const reached = ev.reached[n]!;
    const criteria = { ...criteriaTemplates[reached]! } as Record<string, CriterionResult>;
    for (let c = 0; c < C; c++) {
      if (critStage[c]! > reached) continue;
      const slot = n * C + c;
      const value = report2(ev.critValue[slot]!);
      if (critJudged[c]! === 1) criteria[critIds[c]!] = { value, panel: panel[slot]!, sd: report2(sd[slot]!) };
      else {
        const raw = cat.indicatorRaw[slot]!;
        criteria[critIds[c]!] = { value, indicator: Number.isNaN(raw) ? null : raw };
      }
    }
    const entry: RankingEntry = {
      nominee: cat.nominees[n]!,
      rank: ranks[n]!,
      total: report2(ev.total[n]!),
      reached: stageIds[reached]!,
      stages,
      criteria,
      flags: flagList(flags[n]),
    };
    if (sens !== null) entry.rankRange = [sens.best[n]!, sens.worst[n]!];
    if (sens !== null && sens.without !== null) entry.rankWithout = rankWithout(model, cat, n, reached, sens.without);
    ranking[i] = entry;
  }

  const agreement: Record<string, StageAgreement> = {};
  stageIds.forEach((id, s) => {
    if (model.stageJudged[s]!.length > 0) agreement[id] = stageAgreement(model, cat, s, ev.participants[s]!);
  });

  const result: CategoryResult = {
    category: cat.id,
    ranking,
    ineligible: cat.ineligible.map((x) => ({ nominee: x.nominee, failed: [...x.failed] })),
    agreement,
    flags: [...new Set([...ev.skipped].map((a) => `calibration-skipped:${cat.assessors[a]!}`))].sort(compareIds),
  };
  if (sens !== null) result.sensitivity = sens.result;
  return result;
}

/**
 * Contract 2 (§13): nominee n's rank in each `without:<assessor>` variant (`without`: a·N + n), for
 * every assessor with a counted score of it (stages it reached), keys in id order (local indices
 * follow the ids).
 */
function rankWithout(
  model: Model,
  cat: CategoryData,
  n: number,
  reached: number,
  without: Int32Array,
): Record<string, number> {
  const C = model.critIds.length;
  const N = cat.nominees.length;
  const seen = new Set<number>();
  for (let c = 0; c < C; c++) {
    if (model.critJudged[c] !== 1 || model.critStage[c]! > reached) continue;
    const slot = n * C + c;
    for (let e = cat.start[slot]!; e < cat.start[slot + 1]!; e++) seen.add(cat.assessor[e]!);
  }
  const out: Record<string, number> = {};
  for (const a of Int32Array.from(seen).sort()) out[cat.assessors[a]!] = without[a * N + n]!;
  return out;
}

/** Scores a valid input (check unknown data with parseScoringInput first). Pure and deterministic. */
export function score(input: ScoringInput): ScoringResult {
  return withScratch(() => {
    const model = buildModel(input);
    const categories = buildCategories(input);
    return { categories: categories.map((cat) => scoreCategory(model, cat)) };
  });
}
