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

  const ranking: RankingEntry[] = [];
  for (let i = 0; i < N; i++) {
    const n = order[i];
    const stages: Record<string, number> = {};
    for (let s = 0; s < S; s++) stages[model.stageIds[s]] = report2(ev.stageScore[n * S + s]);
    const criteria: Record<string, CriterionResult> = {};
    for (let c = 0; c < C; c++) {
      if (model.critStage[c] > ev.reached[n]) continue;
      const slot = n * C + c;
      criteria[model.critIds[c]] =
        model.critJudged[c] === 1
          ? { value: report2(ev.critValue[slot]), panel: ev.panel![slot], sd: report2(ev.sd![slot]) }
          : { value: report2(ev.critValue[slot]), indicator: Number.isNaN(cat.indicatorRaw[slot]) ? null : cat.indicatorRaw[slot] };
    }
    const entry: RankingEntry = {
      nominee: cat.nominees[n],
      rank: ranks[n],
      total: report2(ev.total[n]),
      reached: model.stageIds[ev.reached[n]],
      stages,
      criteria,
      flags: uniqueSorted(ev.flags![n]),
    };
    if (sens !== null) entry.rankRange = [sens.best[n], sens.worst[n]];
    ranking.push(entry);
  }

  const agreement: Record<string, StageAgreement> = {};
  for (let s = 0; s < S; s++) {
    if (model.stageJudged[s].length > 0) agreement[model.stageIds[s]] = stageAgreement(model, cat, s, ev.participants[s]);
  }

  const result: CategoryResult = {
    category: cat.id,
    ranking,
    ineligible: cat.ineligible.map((x) => ({ nominee: x.nominee, failed: [...x.failed] })),
    agreement,
    flags: uniqueSorted([...ev.skipped].map((a) => `calibration-skipped:${cat.assessors[a]}`)),
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
