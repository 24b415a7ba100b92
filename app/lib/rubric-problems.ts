import type { Problem, ProblemCode } from "../../scoring/index";
import type { MessageKey, T } from "~/i18n";

// The scoring contract (parseScoringInput) reports rubric problems in English, for the CLI and the
// logs, each with a stable code (docs/scoring-contract.md, *Errors*). The committee's pages (the
// rubric form and the JSON import) say the ones they know in the user's language, by code and, for
// a number out of its bounds or an empty list, by the field it concerns.

const BY_CODE: Partial<Record<ProblemCode, MessageKey>> = {
  duplicate_criterion: "rubricForm.keyTaken",
  duplicate_gate: "rubricForm.gateKeyTaken",
  unknown_stage: "rubricForm.stageNotUsed",
  stage_without_criteria: "rubricForm.stageEmpty",
  advance_on_last_stage: "rubricForm.advanceLast",
  duplicate_band_min: "rubricForm.bandDuplicate",
  step_does_not_fit: "rubricForm.stepFit",
};

const EMPTY_LISTS: Record<string, MessageKey> = {
  criteria: "rubricForm.noCriteria",
  stages: "rubricForm.noStages",
  bands: "rubricForm.bandsRequired",
};

/** A number out of its bounds, by the field it is in (the limits are in scoring/limits.ts). */
const OUT_OF_BOUNDS = new Set<ProblemCode>(["not_integer", "not_positive", "too_small", "too_big"]);
const RANGE_KEYS: Record<string, MessageKey> = {
  weight: "rubricForm.weightRange",
  max: "rubricForm.maxRange",
  step: "rubricForm.stepRange",
  min: "rubricForm.valueRange", // a band's lower bound
  value: "rubricForm.valueRange", // a gate's value
  points: "rubricForm.points",
  top: "rubricForm.top",
  minPanel: "rubricForm.top",
  trim: "rubricForm.trim",
  minScore: "rubricForm.minScore",
  disagreementSd: "rubricForm.sdRange",
  weightDelta: "rubricForm.deltaRange",
};

/** The message key of a rubric problem (path as reported, with or without `rubric.`), or null. */
export function rubricProblemKey(p: Pick<Problem, "path" | "code">): MessageKey | null {
  const known = BY_CODE[p.code];
  if (known) return known;
  // The national rubric's use of the provincial total: a minimum out of 0–100, or neither option.
  if (/(?:^|\.)prior\.minScore$/.test(p.path) && OUT_OF_BOUNDS.has(p.code)) return "rubricForm.priorMinRange";
  if (/(?:^|\.)prior$/.test(p.path) && p.code === "invalid_value") return "rubricForm.priorEmpty";
  const field = /(?:^|\.)(\w+)$/.exec(p.path)?.[1];
  if (!field) return null;
  if (p.code === "empty_list") return EMPTY_LISTS[field] ?? null;
  // Scores and nominees are not part of a rubric (a score's "value" is not a gate's).
  if (OUT_OF_BOUNDS.has(p.code) && !/^(scores|nominees)\b/.test(p.path) && Object.hasOwn(RANGE_KEYS, field))
    return RANGE_KEYS[field]!;
  if (p.code === "not_positive") return "rubricForm.positive";
  return null;
}

/** A problem as the committee reads it. */
export interface ShownProblem {
  path: string;
  message: string;
}

/** Problems as the committee reads them: known ones translated, the rest as reported. */
export function translateProblems(problems: readonly Problem[], t: T): ShownProblem[] {
  return problems.map((p) => {
    const key = rubricProblemKey(p);
    return { path: p.path, message: key ? t(key) : p.message };
  });
}
