// A rubric as the committee writes it: the scoring contract's `rubric` (docs/scoring-contract.md)
// plus names and form hints. A criterion is either judged (assessors score it on 0..max in steps of
// `step`) or an indicator (points from bands over an entrant's indicator); the type says which
// fields it has, so no reader has to guess a missing max or step. Defaults are applied once, where a
// definition is read from the database (`judgedScale`) or parsed from a form or JSON (`DEFAULT_STEP`).
import type { StageKey } from "../../db/schema";
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

export interface RubricDefinition {
  stages: RubricStage[];
  criteria: RubricCriterion[];
  gates: Gate[];
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
