// Gate operators and whether a gate holds are scoring's rule (scoring/gates.ts: GATE_OPS, and
// gateHolds on values rounded to 6 decimals). The domain names them once for the app: the rubric
// editor's choices, the gate texts and checks on every page, the database column. Imported from
// scoring/gates.ts, not the barrel, so that pages do not load the scoring schema (zod).
export { GATE_OPS as GATE_OPERATORS, gateHolds, PRIOR_GATE } from "../../scoring/gates";
export type { GateOp } from "../../scoring/index";
