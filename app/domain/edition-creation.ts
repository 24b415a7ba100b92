import type { Level, Role, StageKey } from "../../db/schema";
import { categoriesForLevel, PROVINCES, stagesForLevel } from "./levels";

// Who may create an edition: the administrator (award secretariat) always; a committee member
// (of any edition) only when the administrator has allowed it (installation setting
// `committee_may_create_editions`, off by default).

export function mayCreateEditions(roles: Iterable<Role>, committeeMayCreate: boolean): boolean {
  const held = new Set(roles);
  return held.has("admin") || (committeeMayCreate && held.has("committee"));
}

/** The region of every national edition: the whole country (docs/levels.md). */
export const NATIONAL_REGION = "Indonesia";

/** What the new-edition form holds that depends on the level (dates as YYYY-MM-DD; absent: not given). */
interface EditionByLevel {
  level: Level;
  /** The chosen region; empty for a national edition takes NATIONAL_REGION. */
  region: string;
  categories: readonly string[];
  registrationDeadline?: string;
  deadlines: Partial<Record<StageKey, string>>;
}

type LevelProblem =
  | "committee.edition.regionProvince"
  | "committee.edition.regionNational"
  | "committee.edition.categoryLevel"
  | "committee.edition.stageLevel"
  | "committee.edition.registrationAfterDesk"
  | "committee.edition.registrationAfterVerification"
  | "committee.edition.deadlineOrder";

/**
 * The level's rules of a new edition, field by field: a provincial edition is of one province and
 * has no province category (a province does not judge itself; province is a national category);
 * a national edition covers Indonesia; deadlines only for the level's stages, in their order, and
 * registration no later than the first stage's deadline (an entry submitted after the first stage
 * closes could never be assessed).
 */
export function editionLevelProblems(e: EditionByLevel): Partial<Record<string, LevelProblem>> {
  const problems: Partial<Record<string, LevelProblem>> = {};
  if (e.level === "provincial" && !PROVINCES.includes(e.region)) problems.region = "committee.edition.regionProvince";
  if (e.level === "national" && e.region !== "" && e.region !== NATIONAL_REGION)
    problems.region = "committee.edition.regionNational";
  const allowed: readonly string[] = categoriesForLevel(e.level);
  if (e.categories.some((c) => !allowed.includes(c))) problems.categories = "committee.edition.categoryLevel";
  const stages = stagesForLevel(e.level).map((s) => s.key);
  for (const [key, date] of Object.entries(e.deadlines))
    if (date && !stages.includes(key as StageKey)) problems[`${key}Deadline`] = "committee.edition.stageLevel";
  const firstStage = stages[0] === "desk" ? "desk" : "verification";
  const first = e.deadlines[firstStage];
  if (e.registrationDeadline && first && e.registrationDeadline > first)
    problems.registrationDeadline =
      firstStage === "desk"
        ? "committee.edition.registrationAfterDesk"
        : "committee.edition.registrationAfterVerification";
  // Deadlines that are given follow the stages (the first stage's is not reported twice).
  let last = problems.registrationDeadline ? undefined : e.registrationDeadline;
  for (const key of stages) {
    const date = e.deadlines[key];
    if (!date) continue;
    if (last && date < last) problems[`${key}Deadline`] = "committee.edition.deadlineOrder";
    last = date;
  }
  return problems;
}
