import { describe, expect, it } from "vitest";
import { conflictState, replacementCandidates, sheetState } from "../../app/domain/conflict-resolution";

const panel = [
  { id: 1, name: "A" },
  { id: 2, name: "B" },
  { id: 3, name: "C" },
  { id: 4, name: "D" },
];

describe("replacementCandidates", () => {
  it("leaves out whoever is already on the entry in the stage (the person being replaced too) and the blocked", () => {
    expect(replacementCandidates(panel, { assigned: [1, 2], blocked: [] }).map((p) => p.id)).toEqual([3, 4]);
    expect(replacementCandidates(panel, { assigned: [1], blocked: [4] }).map((p) => p.id)).toEqual([2, 3]);
  });
  it("offers nobody when everyone is taken or blocked", () => {
    expect(replacementCandidates(panel, { assigned: [1, 2], blocked: [3, 4] })).toEqual([]);
  });
});

describe("conflictState", () => {
  const at = "2026-12-01T08:00:00.000Z";
  it("needs action while the person still holds an unsubmitted assignment on the entry", () => {
    const s = conflictState(
      [{ id: 9, stage: "desk", status: "not_started" }],
      [{ stage: "desk", toUserName: "B", byUserName: "P", at }],
    );
    expect(s).toEqual({ state: "needs_action", open: [{ id: 9, stage: "desk", status: "not_started" }] });
  });
  it("is replaced once every assignment was handed on, saying to whom", () => {
    const s = conflictState([], [{ stage: "desk", toUserName: "B", byUserName: "P", at }]);
    expect(s.state).toBe("replaced");
    expect(s.state === "replaced" && s.replacements[0]?.toUserName).toBe("B");
  });
  it("has nothing to do when there is no assignment to hand on", () => {
    expect(conflictState([], [])).toEqual({ state: "nothing_to_do" });
    expect(conflictState([{ id: 1, stage: "desk", status: "submitted" }], [])).toEqual({ state: "nothing_to_do" });
  });
});

describe("sheetState", () => {
  it("shows a declared conflict instead of not started, and leaves other sheets as they are", () => {
    expect(sheetState("not_started", true)).toBe("conflict");
    expect(sheetState("draft", true)).toBe("conflict");
    expect(sheetState("not_started", false)).toBe("not_started");
    expect(sheetState("submitted", true)).toBe("submitted");
  });
});
