import { describe, expect, it } from "vitest";
import { isFinal, mayCloseStage, reachedSoFar, stagesNotClosed, type StageState } from "../../app/domain/stages";

const edition = (desk: StageState["status"], verification: StageState["status"], interview: StageState["status"]) => [
  { key: "desk" as const, status: desk },
  { key: "verification" as const, status: verification },
  { key: "interview" as const, status: interview },
];

describe("sign-off, publication and places wait for every stage to close", () => {
  it("names the stages still to close, in order: the open one first, then those pending", () => {
    expect(stagesNotClosed(edition("open", "pending", "pending")).map((s) => s.key)).toEqual([
      "desk",
      "verification",
      "interview",
    ]);
    expect(stagesNotClosed(edition("closed", "closed", "open")).map((s) => s.key)).toEqual(["interview"]);
  });

  it("is final only when every stage is closed", () => {
    expect(isFinal(edition("open", "pending", "pending"))).toBe(false);
    expect(isFinal(edition("closed", "open", "pending"))).toBe(false);
    expect(isFinal(edition("closed", "closed", "open"))).toBe(false);
    expect(isFinal(edition("closed", "closed", "closed"))).toBe(true);
  });
});

describe("the stage a nominee has actually reached", () => {
  const rubric = ["desk", "verification", "interview"];

  it("is capped at the furthest stage that has opened", () => {
    expect(reachedSoFar("interview", rubric, edition("open", "pending", "pending"))).toBe("desk");
    expect(reachedSoFar("interview", rubric, edition("closed", "open", "pending"))).toBe("verification");
    expect(reachedSoFar("interview", rubric, edition("closed", "closed", "closed"))).toBe("interview");
  });

  it("never goes beyond what score() says", () => {
    expect(reachedSoFar("desk", rubric, edition("closed", "closed", "closed"))).toBe("desk");
    expect(reachedSoFar("verification", rubric, edition("closed", "closed", "open"))).toBe("verification");
  });

  it("skips edition stages the rubric does not have, and is null before any stage opened", () => {
    expect(reachedSoFar("interview", ["desk", "interview"], edition("closed", "closed", "open"))).toBe("interview");
    expect(reachedSoFar("interview", ["desk", "interview"], edition("closed", "open", "pending"))).toBe("desk");
    expect(reachedSoFar("interview", rubric, edition("pending", "pending", "pending"))).toBeNull();
  });
});

describe("a stage closes only once its scoresheets exist", () => {
  it("refuses while an entry it assesses has no scoresheet", () => {
    expect(
      mayCloseStage([
        { entries: 4, withoutSheet: 0 },
        { entries: 3, withoutSheet: 1 },
      ]),
    ).toBe(false);
  });

  it("allows it when every entry has one, or when there is no entry", () => {
    expect(mayCloseStage([{ entries: 4, withoutSheet: 0 }])).toBe(true);
    expect(mayCloseStage([{ entries: 0, withoutSheet: 0 }])).toBe(true);
    expect(mayCloseStage([])).toBe(true);
  });
});
