// Whether an entry may still be changed and submitted by its organisation. One rule for the whole
// portal (figures, evidence, the submit button and its action, the lists): db/queries/figures.ts
// reads the facts (entryWindow) and asks submissionWindow; nothing else decides. Evidence has one
// more case, a nominated national entry (evidenceWindow, asked through entryEvidenceWindow).
//
// A draft may be changed until the registration deadline (an entry the committee reopened, with a
// reason, also after it). Whatever the deadline, nothing can be submitted once the edition's first
// stage has closed (the desk stage assesses submitted entries only while it is open, so a later
// entry could never be assessed) or once its category has a current publication (the results are
// out).
import type { EntryStatus, StageStatus } from "../../db/schema";
import { deadlinePassed } from "./deadlines";

export interface SubmissionFacts {
  status: EntryStatus;
  registrationDeadline: string | null;
  /** The committee reopened the submitted entry (with a reason). */
  reopened: boolean;
  /** The status of the edition's first stage (lowest position); null when it has no stages yet. */
  firstStageStatus: StageStatus | null;
  /** The entry's category has a current publication. */
  categoryPublished: boolean;
}

/** Why an entry can no longer be changed or submitted, the most decisive reason first. */
export type SubmissionClosedReason = "not_draft" | "published" | "first_stage_closed" | "deadline_passed";

export type SubmissionWindow = { open: true } | { open: false; reason: SubmissionClosedReason };

export function submissionWindow(facts: SubmissionFacts, now = new Date()): SubmissionWindow {
  if (facts.status !== "draft") return { open: false, reason: "not_draft" };
  if (facts.categoryPublished) return { open: false, reason: "published" };
  if (facts.firstStageStatus === "closed") return { open: false, reason: "first_stage_closed" };
  if (!facts.reopened && deadlinePassed(facts.registrationDeadline, now))
    return { open: false, reason: "deadline_passed" };
  return { open: true };
}

/** Why a draft was not submitted in time: its window closed before it was (null otherwise). */
export function missedSubmission(
  status: EntryStatus,
  window: SubmissionWindow,
): Exclude<SubmissionClosedReason, "not_draft"> | null {
  return status === "draft" && !window.open && window.reason !== "not_draft" ? window.reason : null;
}

/** The facts of submissionWindow, and whether the entry was carried over from a provincial edition. */
export interface EvidenceFacts extends SubmissionFacts {
  /** A nominated entry of a national edition (entries.source_entry_id set, docs/levels.md). */
  carried: boolean;
}

/**
 * Whether the organisation may add, replace or delete its own evidence files of the entry. An
 * entry is changed as a whole while its submission window is open (a draft). A nominated national
 * entry arrives submitted, with the provincial files carried over (read-only): its organisation may
 * still add national files while it is `submitted` (the first national stage has not moved it on),
 * the national registration deadline has not passed, the first stage is not closed and the
 * category is not published. A nominee the committee reopened is a draft again: the draft's rule.
 * "not_draft" here means past the status in which evidence may change.
 */
export function evidenceWindow(facts: EvidenceFacts, now = new Date()): SubmissionWindow {
  if (!facts.carried || facts.status !== "submitted") return submissionWindow(facts, now);
  if (facts.categoryPublished) return { open: false, reason: "published" };
  if (facts.firstStageStatus === "closed") return { open: false, reason: "first_stage_closed" };
  if (deadlinePassed(facts.registrationDeadline, now)) return { open: false, reason: "deadline_passed" };
  return { open: true };
}
