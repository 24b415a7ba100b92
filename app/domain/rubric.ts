// A rubric as the committee writes it: the scoring contract's `rubric` (docs/scoring-contract.md)
// plus names and form hints. A criterion is either judged (assessors score it on 0..max in steps of
// `step`) or an indicator (points from bands over an entrant's indicator); the type says which
// fields it has, so no reader has to guess a missing max or step. Defaults are applied once, where a
// definition is read from the database (`judgedScale`) or parsed from a form or JSON (`DEFAULT_STEP`).
import type { Level, StageKey } from "../../db/schema";
import type { Advance, Band, Gate } from "../../scoring/index";

export interface RubricStage {
  id: StageKey;
  weight: number;
  advance?: Advance;
}

interface CriterionBase {
  id: string;
  stage: StageKey;
  weight: number;
  name?: { id: string; en: string };
  description?: { id?: string; en?: string };
  evidenceRequired?: boolean;
}

export interface JudgedCriterion extends CriterionBase {
  type: "judged";
  max: number;
  step: number;
}

export interface IndicatorCriterion extends CriterionBase {
  type: "indicator";
  indicator: string;
  bands: Band[];
}

export type RubricCriterion = JudgedCriterion | IndicatorCriterion;

/**
 * How a national rubric uses a nominee's provincial total (docs/scoring-contract.md §1, §10): a
 * minimum below which it is ineligible, and/or the last tie-break. Absent: context only.
 */
export interface RubricPrior {
  minScore?: number;
  tieBreak?: boolean;
}

export interface RubricDefinition {
  stages: RubricStage[];
  criteria: RubricCriterion[];
  gates: Gate[];
  prior?: RubricPrior;
}

/**
 * Only a national edition's rubric uses the prior: its nominees carry their provincial total
 * (`entries.source_total`); a provincial entry has none, so a minimum would exclude every entrant.
 */
export const priorAllowed = (level: Level): boolean => level === "national";

/**
 * The prior option as stored (`rubrics.prior_min_score`, `rubrics.prior_tie_break`) and back:
 * undefined when it asks for nothing, so that "context only" has one form.
 */
export function priorOf(minScore: number | null, tieBreak: boolean): RubricPrior | undefined {
  if (minScore === null && !tieBreak) return undefined;
  return { ...(minScore !== null ? { minScore } : {}), ...(tieBreak ? { tieBreak: true } : {}) };
}

/** The step of a judged criterion when none is given (the contract makes it optional). */
export const DEFAULT_STEP = 1;
/** The scale of a judged criterion stored without one (rows from before max/step were required). */
const DEFAULT_MAX = 100;

/** The scale of a stored judged criterion: its max and step, defaulted when the row has none. */
export function judgedScale(row: { max: number | null; step: number | null }): { max: number; step: number } {
  return { max: row.max ?? DEFAULT_MAX, step: row.step ?? DEFAULT_STEP };
}

/**
 * The rubric exactly in the shape of docs/scoring-contract.md (names and form hints left out).
 * `withStep` keeps each judged criterion's step, for checking it against the contract (results
 * never depend on it).
 */
export function toScoringRubric(d: RubricDefinition, { withStep = false } = {}) {
  return {
    stages: d.stages.map((s) => ({ id: s.id, weight: s.weight, ...(s.advance ? { advance: s.advance } : {}) })),
    criteria: d.criteria.map((c) =>
      c.type === "judged"
        ? {
            id: c.id,
            stage: c.stage,
            weight: c.weight,
            type: c.type,
            max: c.max,
            ...(withStep ? { step: c.step } : {}),
          }
        : { id: c.id, stage: c.stage, weight: c.weight, type: c.type, indicator: c.indicator, bands: c.bands },
    ),
    gates: d.gates.map((g) => ({ id: g.id, indicator: g.indicator, op: g.op, value: g.value })),
    ...(d.prior ? { prior: { ...d.prior } } : {}),
  };
}

/** The key that follows a judged criterion from one rubric version to the next (stage and id). */
export const criterionKey = (c: { stage: string; id: string }) => `${c.stage}/${c.id}`;

/**
 * The judged criteria of a proposed version whose max is below a score already given on the same
 * criterion (same stage and id): saving it would leave those scores above the scale. `highest`
 * holds the highest score per `criterionKey`. Returns each criterion's index in the rubric.
 */
export function criteriaBelowScores(d: RubricDefinition, highest: ReadonlyMap<string, number>) {
  return d.criteria.flatMap((c, index) => {
    const top = highest.get(criterionKey(c));
    return c.type === "judged" && top !== undefined && c.max < top ? [{ index, criterion: c.id, highest: top }] : [];
  });
}
