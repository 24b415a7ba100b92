import { describe, expect, it } from "vitest";
import { evidenceWindow, submissionWindow, type EvidenceFacts } from "../../app/domain/submission";
import { carriedStanding, withCarriedStanding } from "../../app/domain/carried-evidence";

// Issue 14, item 2: a nominated national entry arrives submitted with its provincial files carried
// over; its organisation may add national files until the national deadline, while the first
// national stage is open and the category unpublished. Its carried files never change.

const now = new Date("2024-03-10T05:00:00.000Z");
const nominee: EvidenceFacts = {
  status: "submitted",
  registrationDeadline: "2024-03-31T16:59:59.999Z",
  reopened: false,
  firstStageStatus: "open",
  categoryPublished: false,
  carried: true,
};

describe("evidence window", () => {
  it("a submitted nominee may take national files before the deadline, first stage open, unpublished", () => {
    expect(evidenceWindow(nominee, now)).toEqual({ open: true });
    expect(evidenceWindow({ ...nominee, firstStageStatus: "pending", registrationDeadline: null }, now)).toEqual({
      open: true,
    });
  });

  it("closes for a nominee at the national deadline, when the first stage closed, when published", () => {
    expect(evidenceWindow(nominee, new Date("2024-04-01T00:00:00.000Z"))).toEqual({
      open: false,
      reason: "deadline_passed",
    });
    expect(evidenceWindow({ ...nominee, firstStageStatus: "closed" }, now)).toEqual({
      open: false,
      reason: "first_stage_closed",
    });
    expect(evidenceWindow({ ...nominee, categoryPublished: true, firstStageStatus: "closed" }, now)).toEqual({
      open: false,
      reason: "published",
    });
  });

  it("a nominee moved on by a stage (shortlisted, not shortlisted) takes no more files", () => {
    for (const status of ["in_verification", "shortlisted", "not_shortlisted", "rejected"] as const)
      expect(evidenceWindow({ ...nominee, status }, now)).toEqual({ open: false, reason: "not_draft" });
  });

  it("an entry that was not carried over follows the submission window: a submitted one takes nothing", () => {
    const own = { ...nominee, carried: false };
    expect(evidenceWindow(own, now)).toEqual({ open: false, reason: "not_draft" });
    for (const facts of [
      { ...own, status: "draft" as const },
      { ...own, status: "draft" as const, registrationDeadline: "2024-03-01T16:59:59.999Z" },
      { ...own, status: "draft" as const, registrationDeadline: "2024-03-01T16:59:59.999Z", reopened: true },
    ])
      expect(evidenceWindow(facts, now)).toEqual(submissionWindow(facts, now));
  });

  it("a nominee the committee reopened is a draft: the draft's rule", () => {
    const reopened = { ...nominee, status: "draft" as const, reopened: true };
    expect(evidenceWindow(reopened, now)).toEqual(submissionWindow(reopened, now));
    expect(evidenceWindow(reopened, new Date("2024-04-01T00:00:00.000Z"))).toEqual({ open: true });
  });
});

describe("carried files beside the national entry's own", () => {
  const national = new Set(["k1", "k2"]);
  it("current without a national file of its criterion, superseded with one, other outside the national rubric", () => {
    expect(carriedStanding("k1", national, new Set())).toBe("current");
    expect(carriedStanding("k1", national, new Set(["k1"]))).toBe("superseded");
    expect(carriedStanding("k2", national, new Set(["k1"]))).toBe("current");
    expect(carriedStanding("p9", national, new Set(["p9"]))).toBe("other");
  });

  it("tags each carried file and keeps its fields", () => {
    const carried = [
      { id: 1, criterionKey: "k1" },
      { id: 2, criterionKey: "k2" },
      { id: 3, criterionKey: "p9" },
    ];
    expect(withCarriedStanding(carried, ["k1", "k2"], [{ criterionKey: "k2" }])).toEqual([
      { id: 1, criterionKey: "k1", standing: "current" },
      { id: 2, criterionKey: "k2", standing: "superseded" },
      { id: 3, criterionKey: "p9", standing: "other" },
    ]);
  });
});
