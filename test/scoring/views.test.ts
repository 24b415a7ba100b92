import { describe, expect, it } from "vitest";
import { assessorSeverity, runningTotal, scaledScores, score } from "../../scoring/index";
import { singleCriterion } from "./helpers";

describe("read-outs for the committee's charts", () => {
  // One criterion out of 10, mean panel:
  //   n1: a1 8, a2 6, a3 7 → u 80, 60, 70 → panel 70
  //   n2: a1 9, a2 5       → u 90, 50     → panel 70
  const input = singleCriterion(
    { n1: { a1: 8, a2: 6, a3: 7 }, n2: { a1: 9, a2: 5 } },
    { aggregate: { kind: "mean" } },
    10,
  );

  it("puts every score on 0–100 (rule 3), per criterion", () => {
    expect(scaledScores(input, score(input))).toEqual([{ criterion: "q", values: [80, 60, 70, 90, 50] }]);
  });

  it("leaves out the scores of ineligible nominees (rule 1)", () => {
    const gated = {
      ...input,
      rubric: { ...input.rubric, gates: [{ id: "g", indicator: "ok", op: "==" as const, value: 1 }] },
    };
    gated.nominees = [
      { id: "n1", category: "c", indicators: { ok: 1 } },
      { id: "n2", category: "c", indicators: { ok: 0 } },
    ];
    expect(scaledScores(gated, score(gated))).toEqual([{ criterion: "q", values: [80, 60, 70] }]);
  });

  it("gives each assessor's mean difference from the panel value", () => {
    // a1: (80−70 + 90−70)/2 = +15; a2: (60−70 + 50−70)/2 = −15; a3: 70−70 = 0.
    expect(assessorSeverity(input, score(input))).toEqual([
      { assessor: "a1", diff: 15, n: 2 },
      { assessor: "a2", diff: -15, n: 2 },
      { assessor: "a3", diff: 0, n: 1 },
    ]);
  });

  it("gives a nominee's running total up to a stage (rule 8), reported to 2 decimals", () => {
    // Weights 60 / 30 / 10; stage scores 81.25, 71, 0:
    //   desk:         81.25
    //   verification: (60·81.25 + 30·71) / 90 = (4 875 + 2 130) / 90 = 77.8333… → 77.83
    //   interview:    (4 875 + 2 130 + 0) / 100 = 70.05
    const rubricStages = [
      { id: "desk", weight: 60 },
      { id: "verification", weight: 30 },
      { id: "interview", weight: 10 },
    ];
    const stages = { desk: 81.25, verification: 71, interview: 0 };
    expect(runningTotal(stages, rubricStages, "desk")).toBe(81.25);
    expect(runningTotal(stages, rubricStages, "verification")).toBe(77.83);
    expect(runningTotal(stages, rubricStages, "interview")).toBe(70.05);
  });
});
