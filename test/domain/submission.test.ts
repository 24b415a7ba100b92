import { describe, expect, it } from "vitest";
import { missedSubmission, submissionWindow, type SubmissionFacts } from "../../app/domain/submission";

// Issue 10, item 2: an entry could be submitted after every stage had closed and the results were
// out, because only the registration deadline was checked.

const now = new Date("2024-03-10T05:00:00.000Z");
const draft: SubmissionFacts = {
  status: "draft",
  registrationDeadline: "2024-03-31T16:59:59.999Z",
  reopened: false,
  firstStageStatus: "open",
  categoryPublished: false,
};

describe("submission window", () => {
  it("a draft before the deadline, first stage not closed, category unpublished, may be submitted", () => {
    expect(submissionWindow(draft, now)).toEqual({ open: true });
    expect(submissionWindow({ ...draft, firstStageStatus: "pending" }, now)).toEqual({ open: true });
    expect(submissionWindow({ ...draft, firstStageStatus: null, registrationDeadline: null }, now)).toEqual({
      open: true,
    });
  });

  it("closes when the registration deadline has passed, unless the committee reopened the entry", () => {
    const late = new Date("2024-04-01T00:00:00.000Z");
    expect(submissionWindow(draft, late)).toEqual({ open: false, reason: "deadline_passed" });
    expect(submissionWindow({ ...draft, reopened: true }, late)).toEqual({ open: true });
  });

  it("closes once the first stage has closed, whatever the deadline says and even when reopened", () => {
    const closed = { ...draft, firstStageStatus: "closed" as const };
    expect(submissionWindow(closed, now)).toEqual({ open: false, reason: "first_stage_closed" });
    expect(submissionWindow({ ...closed, reopened: true }, now)).toEqual({ open: false, reason: "first_stage_closed" });
  });

  it("closes once the category is published, the most decisive reason", () => {
    const published = { ...draft, categoryPublished: true, firstStageStatus: "closed" as const };
    expect(submissionWindow(published, now)).toEqual({ open: false, reason: "published" });
    expect(submissionWindow({ ...draft, categoryPublished: true, reopened: true }, now)).toEqual({
      open: false,
      reason: "published",
    });
  });

  it("an entry that is no draft cannot be changed, and was not missed", () => {
    for (const status of ["pending", "rejected", "submitted", "published"] as const) {
      const window = submissionWindow({ ...draft, status, categoryPublished: true }, now);
      expect(window).toEqual({ open: false, reason: "not_draft" });
      expect(missedSubmission(status, window)).toBeNull();
    }
  });

  it("a draft whose window closed was not submitted in time, with the reason", () => {
    expect(missedSubmission("draft", submissionWindow(draft, now))).toBeNull();
    const closed = submissionWindow({ ...draft, firstStageStatus: "closed" }, now);
    expect(missedSubmission("draft", closed)).toBe("first_stage_closed");
    expect(missedSubmission("draft", submissionWindow({ ...draft, categoryPublished: true }, now))).toBe("published");
  });
});
