// score(input): the whole method of docs/scoring-contract.md, category by category.
import type { ScoringInput } from "./schema";
import type { CategoryResult, CriterionResult, RankingEntry, ScoringResult, StageAgreement } from "./types";
import { buildCategories, buildModel, type CategoryData, type Model } from "./prepare";
import { evaluate, rankingKeys } from "./evaluate";
import { rankByKeys } from "./ranking";
import { stageAgreement } from "./stageAgreement";
import { sensitivity } from "./sensitivity";
import { compareIds, report2 } from "./round";

const uniqueSorted = (xs: string[]): string[] => [...new Set(xs)].sort(compareIds);

function scoreCategory(model: Model, cat: CategoryData): CategoryResult {
  const N = cat.nominees.length;
  const C = model.critIds.length;
  const S = model.stageIds.length;
  const ev = evaluate(model, cat, { weights: model.critWeights, exclude: -1 }, true);
  const { keys, width } = rankingKeys(model, ev, N);
  const { ranks, order } = rankByKeys(keys, N, width, model.method.ranking);

  const delta = model.method.weightDelta;
  const sens = delta === null ? null : sensitivity(model, cat, ranks, delta);

  const { panel, sd, flags } = ev;
  if (panel === null || sd === null || flags === null)
    throw new Error("scoring: the base evaluation must carry details");
  const ranking: RankingEntry[] = [];
  for (const n of order) {
    const stages: Record<string, number> = {};
    model.stageIds.forEach((id, s) => (stages[id] = report2(ev.stageScore[n * S + s]!)));
    const reached = ev.reached[n]!;
    const criteria: Record<string, CriterionResult> = {};
    model.critIds.forEach((id, c) => {
      if (model.critStage[c]! > reached) return;
      const slot = n * C + c;
      const value = report2(ev.critValue[slot]!);
      const raw = cat.indicatorRaw[slot]!;
      criteria[id] =
        model.critJudged[c]! === 1
          ? { value, panel: panel[slot]!, sd: report2(sd[slot]!) }
          : { value, indicator: Number.isNaN(raw) ? null : raw };
    });
    const entry: RankingEntry = {
      nominee: cat.nominees[n]!,
      rank: ranks[n]!,
      total: report2(ev.total[n]!),
      reached: model.stageIds[reached]!,
      stages,
      criteria,
      flags: uniqueSorted(flags[n]!),
    };
    if (sens !== null) entry.rankRange = [sens.best[n]!, sens.worst[n]!];
    ranking.push(entry);
  }

  const agreement: Record<string, StageAgreement> = {};
  model.stageIds.forEach((id, s) => {
    if (model.stageJudged[s]!.length > 0) agreement[id] = stageAgreement(model, cat, s, ev.participants[s]!);
  });

  const result: CategoryResult = {
    category: cat.id,
    ranking,
    ineligible: cat.ineligible.map((x) => ({ nominee: x.nominee, failed: [...x.failed] })),
    agreement,
    flags: uniqueSorted([...ev.skipped].map((a) => `calibration-skipped:${cat.assessors[a]!}`)),
  };
  if (sens !== null) result.sensitivity = sens.result;
  return result;
}

/** Scores a valid input (check unknown data with parseScoringInput first). Pure and deterministic. */
export function score(input: ScoringInput): ScoringResult {
  const model = buildModel(input);
  const categories = buildCategories(input);
  return { categories: categories.map((cat) => scoreCategory(model, cat)) };
}
