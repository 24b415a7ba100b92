// The choices of the rubric form editor (the page and the rubric-form-*.ts modules use them).
export const ADVANCE_RULES = ["none", "top", "minScore"] as const;
export type AdvanceRule = (typeof ADVANCE_RULES)[number];
export { GATE_OPERATORS, type GateOp as GateOperator } from "~/domain/gates";
export const CRITERION_TYPES = ["judged", "indicator"] as const;
export type CriterionType = (typeof CRITERION_TYPES)[number];
/** Empty band rows offered under the existing bands of each indicator criterion. */
export const EMPTY_BAND_ROWS = 2;
