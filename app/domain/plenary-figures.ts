import { runningTotal, type CategoryResult, type ScoringInput, type StageAgreement } from "../../scoring/index";
import { cutOf, type CutRule } from "./plenary";

// What the plenary's pages read of a category's scoring at one stage (docs/plenary.md), cut down
// from the whole result in the thread that holds it (the ranking worker), so that only these
// figures cross to the page: per entry its rank, totals, the stage's SDs and disagreement, and
// the rank it would have without each assessor; the stage's cut and agreement.

export interface PlenaryEntryFigures {
  rank: number | null;
  total: number | null;
  /** Running total up to the plenary's stage (scoring §8). */
  running: number | null;
  /** The largest SD (0–100) of the stage's judged criteria; null without any. */
  maxSd: number | null;
  /** A disagreement flag on a criterion of the stage. */
  disagreement: boolean;
  /** Panel value and SD (0–100, after calibration) per judged criterion of the stage. */
  criteria: Record<string, { value: number; sd: number; panel: number }>;
  /** The entry's rank without each assessor (by assessor id), from the sensitivity check. */
  rankWithout: Record<string, number>;
}

/** The figures of an entry that is not ranked (ineligible, or no valid result). */
export const NO_FIGURES: Readonly<PlenaryEntryFigures> = Object.freeze({
  rank: null,
  total: null,
  running: null,
  maxSd: null,
  disagreement: false,
  criteria: {},
  rankWithout: {},
});

export interface PlenaryFigures {
  /** The running total at the stage's cut (null: no rule, or nobody falls out). */
  cut: number | null;
  agreement: StageAgreement | null;
  /** The stage is the rubric's last (nobody can be advanced there). */
  lastStage: boolean;
  /** By entry id (as a string: the scoring's nominee id). */
  entries: Record<string, PlenaryEntryFigures>;
}

/**
 * The cut's rule of `stage`: its advance rule, or at the last stage the places the category
 * awards; none for a stage with neither.
 */
export function cutRuleOf(input: ScoringInput, stage: string, places: number): CutRule {
  const stages = input.rubric.stages;
  const at = stages.findIndex((s) => s.id === stage);
  if (at < 0) return null;
  if (at === stages.length - 1) return places > 0 ? { top: places } : null;
  return stages[at]!.advance ?? null;
}

export function plenaryFigures(
  input: ScoringInput,
  result: CategoryResult,
  stage: string,
  places: number,
): PlenaryFigures {
  const stageIds = input.rubric.stages.map((s) => s.id);
  const at = stageIds.indexOf(stage);
  const judged = input.rubric.criteria.filter((c) => c.stage === stage && c.type === "judged").map((c) => c.id);
  const entries: Record<string, PlenaryEntryFigures> = {};
  const participants: number[] = [];
  for (const r of result.ranking) {
    const took = stageIds.indexOf(r.reached) >= at;
    const running = took ? runningTotal(r.stages, input.rubric.stages, stage) : null;
    if (running !== null) participants.push(running);
    const criteria: PlenaryEntryFigures["criteria"] = {};
    let maxSd: number | null = null;
    for (const id of judged) {
      const c = r.criteria[id];
      if (!c || !("sd" in c)) continue;
      criteria[id] = { value: c.value, sd: c.sd, panel: c.panel };
      if (c.panel > 0) maxSd = Math.max(maxSd ?? 0, c.sd);
    }
    entries[r.nominee] = {
      rank: r.rank,
      total: r.total,
      running,
      maxSd,
      disagreement: judged.some((id) => r.flags.includes(`disagreement:${id}`)),
      criteria,
      rankWithout: r.rankWithout ?? {},
    };
  }
  for (const x of result.ineligible) entries[x.nominee] = NO_FIGURES;
  return {
    cut: at < 0 ? null : cutOf(cutRuleOf(input, stage, places), participants),
    agreement: result.agreement[stage] ?? null,
    lastStage: at === stageIds.length - 1,
    entries,
  };
}
