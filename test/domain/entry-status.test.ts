import { describe, expect, it } from "vitest";
import {
  ENTRY_STATUSES,
  ENTRY_STATUS_TONE,
  isAdmitted,
  isSubmitted,
  NOT_ADVANCED_STATUS,
  PORTAL_STEPS,
  portalStepIndex,
  SCORED_STATUSES,
  STAGE_ENTRY_STATUS,
  UNADMITTED_STATUSES,
  UNSUBMITTED_STATUSES,
} from "../../app/domain/entry-status";

describe("entry-status groups", () => {
  it("every status is either not yet submitted or scored, never both", () => {
    for (const s of ENTRY_STATUSES) expect(UNSUBMITTED_STATUSES.includes(s) !== SCORED_STATUSES.includes(s)).toBe(true);
    expect(UNSUBMITTED_STATUSES.length + SCORED_STATUSES.length).toBe(ENTRY_STATUSES.length);
  });

  it("submitted means scored: drafts and unadmitted registrations are not", () => {
    expect(ENTRY_STATUSES.filter(isSubmitted)).toEqual([
      "submitted",
      "in_verification",
      "shortlisted",
      "not_shortlisted",
      "published",
    ]);
    expect(isSubmitted("draft")).toBe(false);
    expect(isSubmitted("pending")).toBe(false);
  });

  it("only pending and rejected registrations are not admitted", () => {
    expect(ENTRY_STATUSES.filter((s) => !isAdmitted(s))).toEqual([...UNADMITTED_STATUSES]);
    expect(UNADMITTED_STATUSES).toEqual(["pending", "rejected"]);
  });

  it("each stage assesses the entries that the stage before moved on; those left behind are not shortlisted", () => {
    expect(STAGE_ENTRY_STATUS).toEqual({
      desk: "submitted",
      verification: "in_verification",
      interview: "shortlisted",
    });
    for (const s of Object.values(STAGE_ENTRY_STATUS)) expect(SCORED_STATUSES).toContain(s);
    expect(NOT_ADVANCED_STATUS).toBe("not_shortlisted");
  });

  it("the portal's steps: not shortlisted stands where shortlisted would; unadmitted entries have no step", () => {
    expect(PORTAL_STEPS.map(portalStepIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(portalStepIndex("not_shortlisted")).toBe(portalStepIndex("shortlisted"));
    expect(portalStepIndex("pending")).toBe(-1);
    expect(portalStepIndex("rejected")).toBe(-1);
  });

  it("every status has a badge tone", () => {
    expect(Object.keys(ENTRY_STATUS_TONE).sort()).toEqual([...ENTRY_STATUSES].sort());
    expect(ENTRY_STATUS_TONE.rejected).toBe("bad");
    expect(ENTRY_STATUS_TONE.published).toBe("good");
  });
});
