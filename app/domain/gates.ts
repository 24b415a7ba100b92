// Gate operators and whether a gate holds are scoring's rule (scoring/schema.ts GATE_OPS, checked by
// scoring/gates.ts gateHolds on values rounded to 6 decimals). The domain names them once for the
// app: the rubric editor's choices, the gate texts and checks on every page, the database column.
export { GATE_OPS as GATE_OPERATORS, gateHolds, type GateOp } from "../../scoring/index";
