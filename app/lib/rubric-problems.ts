import type { Problem } from "../../scoring/index";
import type { MessageKey, T } from "~/i18n";

// The scoring contract (parseScoringInput) reports rubric problems in English, for the CLI and the
// logs. The committee's pages (the rubric form and the JSON import) say the ones they know in the
// user's language: a cross-check by its message, a number out of its range by the field it concerns
// (the contract's range messages all start with "must be"; the limits are in scoring/limits.ts).

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
export function rubricProblemKey(path: string, message: string): MessageKey | null {
  if (message.startsWith("duplicate criterion id")) return "rubricForm.keyTaken";
  if (message.startsWith("unknown stage")) return "rubricForm.stageNotUsed";
  if (message.endsWith("has no criteria")) return "rubricForm.stageEmpty";
  if (message.includes("absent on the last stage")) return "rubricForm.advanceLast";
  if (message.startsWith("duplicate band min")) return "rubricForm.bandDuplicate";
  if (message.includes("at least one criterion")) return "rubricForm.noCriteria";
  if (message.includes("at least one stage")) return "rubricForm.noStages";
  if (message.includes("at least one band")) return "rubricForm.bandsRequired";
  if (message.startsWith("must divide max")) return "rubricForm.stepFit";
  const field = /\.(\w+)$/.exec(path)?.[1];
  // Scores and nominees are not part of a rubric (a score's "value" is not a gate's).
  if (field && message.startsWith("must be") && !/^(scores|nominees)\b/.test(path) && Object.hasOwn(RANGE_KEYS, field)) {
    return RANGE_KEYS[field]!;
  }
  if (message === "must be > 0") return "rubricForm.positive";
  return null;
}

/** Problems as the committee reads them: known ones translated, the rest as reported. */
export function translateProblems(problems: readonly Problem[], t: T): Problem[] {
  return problems.map((p) => {
    const key = rubricProblemKey(p.path, p.message);
    return { path: p.path, message: key ? t(key) : p.message };
  });
}
