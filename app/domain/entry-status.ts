// Entry statuses and the groups the award's rules speak of. An entry walks
//   pending → (rejected | draft) → submitted → in_verification → (shortlisted | not_shortlisted) → published
// (self-registrations start pending; invited organisations start at draft).
import type { EntryStatus, StageKey } from "../../db/schema";

/** Every entry status, in the order an entry walks them. */
export const ENTRY_STATUSES = [
  "pending",
  "rejected",
  "draft",
  "submitted",
  "in_verification",
  "shortlisted",
  "not_shortlisted",
  "published",
] as const satisfies readonly EntryStatus[];
// Compile-time check: the list above holds every status of the schema.
type _Missing = Exclude<EntryStatus, (typeof ENTRY_STATUSES)[number]>;
const _complete: [_Missing] extends [never] ? true : never = true;

/** A self-registration the committee has not admitted: awaiting its decision, or refused. */
export const UNADMITTED_STATUSES: readonly EntryStatus[] = ["pending", "rejected"];

/** Not submitted: still the entrant's (a draft) or not admitted. Private to the organisation. */
export const UNSUBMITTED_STATUSES: readonly EntryStatus[] = ["pending", "rejected", "draft"];

/** Submitted and everything after it: the entries that are assessed, scored, ranked and published. */
export const SCORED_STATUSES: readonly EntryStatus[] = [
  "submitted",
  "in_verification",
  "shortlisted",
  "not_shortlisted",
  "published",
];

/** The status of the entries each stage assesses; closing a stage moves those that advance to the next stage's. */
export const STAGE_ENTRY_STATUS: Readonly<Record<StageKey, EntryStatus>> = {
  desk: "submitted",
  verification: "in_verification",
  interview: "shortlisted",
};

/**
 * The status of the entries a stage assesses in an edition whose first stage is `firstStage`: the
 * first stage assesses submitted entries, whichever it is (a national edition starts at
 * verification, docs/levels.md); a later one those the previous stage advanced.
 */
export function statusAssessedBy(stage: StageKey, firstStage: StageKey | undefined): EntryStatus {
  return stage === firstStage ? "submitted" : STAGE_ENTRY_STATUS[stage];
}

/** Closing a stage moves the scored entries that do not advance to this status. */
export const NOT_ADVANCED_STATUS: EntryStatus = "not_shortlisted";

/** The steps an admitted entry shows on its portal page; not_shortlisted takes the place of shortlisted. */
export const PORTAL_STEPS = [
  "draft",
  "submitted",
  "in_verification",
  "shortlisted",
  "published",
] as const satisfies readonly EntryStatus[];

/** Where the entry stands among PORTAL_STEPS; -1 for an entry not admitted (no steps to show). */
export function portalStepIndex(status: EntryStatus): number {
  return PORTAL_STEPS.indexOf(
    (status === NOT_ADVANCED_STATUS ? "shortlisted" : status) as (typeof PORTAL_STEPS)[number],
  );
}

export function isSubmitted(status: string): boolean {
  return (SCORED_STATUSES as readonly string[]).includes(status);
}

export function isAdmitted(status: string): boolean {
  return !(UNADMITTED_STATUSES as readonly string[]).includes(status);
}

/** How a status badge reads: good news, bad news, waiting on someone, or nothing to do. */
export type StatusTone = "neutral" | "info" | "good" | "warn" | "bad";
export const ENTRY_STATUS_TONE: Readonly<Record<EntryStatus, StatusTone>> = {
  pending: "warn",
  rejected: "bad",
  draft: "neutral",
  submitted: "info",
  in_verification: "info",
  shortlisted: "good",
  not_shortlisted: "neutral",
  published: "good",
};
