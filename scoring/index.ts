// Public API of the scoring module (see docs/scoring-contract.md and scoring/README.md).
export { score } from "./score";
export { parseScoringInput, ScoringInputSchema, formatPath, PROBLEM_CODES } from "./schema";
export { LIMITS, stepFits } from "./limits";
export { bandOf } from "./indicators";
export { gateHolds, GATE_OPS, PRIOR_GATE, OVERRIDE_GATE } from "./gates";
export { icc1 } from "./agreement";
export { assessorSeverity, runningTotal, scaledScores, toScale } from "./views";
export type {
  ScoringInput,
  Rubric,
  Stage,
  Advance,
  Criterion,
  JudgedCriterion,
  IndicatorCriterion,
  Band,
  Gate,
  GateOp,
  Method,
  Nominee,
  Score,
  Problem,
  ProblemCode,
  ParseResult,
  Override,
} from "./schema";
export type {
  ScoringResult,
  CategoryResult,
  RankingEntry,
  CriterionResult,
  JudgedCriterionResult,
  IndicatorCriterionResult,
  IneligibleEntry,
  StageAgreement,
  OneWayAgreement,
  SensitivityResult,
  SensitivityChange,
} from "./types";
