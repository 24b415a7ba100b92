// Hand-worked examples, one group per rule of docs/scoring-contract.md. The expected numbers are written as the
// arithmetic a committee member would do by hand.
import { describe, it, expect } from "vitest";
import type { ScoringInput } from "../../scoring/index";
import { category, entry, mean, nomineesOf, popSd, r2, ranks, score, scoresFrom, singleCriterion } from "./helpers";

describe("1. gates", () => {
  const base = (
    indicators: Record<string, number>[],
    op: "<" | "<=" | ">" | ">=" | "==" | "!=",
    value: number,
  ): ScoringInput => ({
    rubric: {
      stages: [{ id: "desk", weight: 1 }],
      criteria: [{ id: "q", stage: "desk", weight: 1, type: "judged", max: 10 }],
      gates: [{ id: "g", indicator: "x", op, value }],
    },
    nominees: indicators.map((ind, i) => ({ id: `n${i}`, category: "c", indicators: ind })),
    scores: indicators.map((_, i) => ({ assessor: "a", nominee: `n${i}`, criterion: "q", value: 5 })),
  });
  const eligible = (op: "<" | "<=" | ">" | ">=" | "==" | "!=") =>
    category(score(base([{ x: -1 }, { x: 0 }, { x: 1 }, {}], op, 0))).ranking.map((e) => e.nominee);

  it("applies each operator to the indicator, and a missing indicator fails", () => {
    // x = -1, 0, 1 for n0, n1, n2; n3 has no x and fails every gate.
    expect(eligible("<")).toEqual(["n0"]);
    expect(eligible("<=").sort()).toEqual(["n0", "n1"]);
    expect(eligible(">")).toEqual(["n2"]);
    expect(eligible(">=").sort()).toEqual(["n1", "n2"]);
    expect(eligible("==")).toEqual(["n1"]);
    expect(eligible("!=").sort()).toEqual(["n0", "n2"]);
  });

  it("a missing indicator fails even when its name is a built-in property of objects", () => {
    // n0 has no "toString" indicator: `!= 0` must not be read from Object.prototype.toString.
    const input = base([{ x: 1 }], "!=", 0);
    input.rubric.gates = [{ id: "g", indicator: "toString", op: "!=", value: 0 }];
    expect(category(score(input)).ineligible).toEqual([{ nominee: "n0", failed: ["g"] }]);
  });

  it("lists ineligible nominees with every gate they failed, gives them no rank, ignores their scores", () => {
    const input: ScoringInput = {
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [{ id: "q", stage: "desk", weight: 1, type: "judged", max: 100 }],
        gates: [
          { id: "no_arrears", indicator: "arrears", op: "<=", value: 0 },
          { id: "audited", indicator: "audit", op: "==", value: 1 },
        ],
      },
      method: { aggregate: { kind: "mean" }, calibration: "zscore" },
      nominees: [
        { id: "ok1", category: "c", indicators: { arrears: 0, audit: 1 } },
        { id: "ok2", category: "c", indicators: { arrears: 0, audit: 1 } },
        { id: "ok3", category: "c", indicators: { arrears: 0, audit: 1 } },
        { id: "bad", category: "c", indicators: { arrears: 3 } },
      ],
      scores: scoresFrom({
        ok1: { a: 20, b: 60 },
        ok2: { a: 40, b: 80 },
        ok3: { a: 60, b: 100 },
        bad: { a: 100, b: 0 }, // ignored: would change the calibration of a and b if it counted
      }),
    };
    const c = category(score(input));
    expect(c.ineligible).toEqual([{ nominee: "bad", failed: ["no_arrears", "audited"] }]);
    expect(c.ranking.map((e) => e.nominee)).not.toContain("bad");
    // Same as the zscore example below without "bad": a and b calibrate onto the same scale.
    expect(entry(score(input), "ok1").total).toBe(r2(60 - 20 * Math.sqrt(2.5)));
    expect(c.agreement.desk.nominees).toBe(3);
  });
});

describe("2. indicator criteria", () => {
  const input = (indicators: Record<string, number>): ScoringInput => ({
    rubric: {
      stages: [{ id: "desk", weight: 1 }],
      criteria: [
        {
          id: "coverage",
          stage: "desk",
          weight: 1,
          type: "indicator",
          indicator: "coverage_pct",
          bands: [
            { min: 75, points: 80 },
            { min: 90, points: 100 },
            { min: 10, points: 20 },
          ],
        },
      ],
    },
    nominees: [{ id: "n", category: "c", indicators }],
    scores: [],
  });
  const crit = (ind: Record<string, number>) => entry(score(input(ind)), "n").criteria.coverage;

  it("takes the band with the largest min ≤ value (bands in any order)", () => {
    expect(crit({ coverage_pct: 96.5 })).toEqual({ value: 100, indicator: 96.5 });
    expect(crit({ coverage_pct: 90 })).toEqual({ value: 100, indicator: 90 }); // min 90 ≤ 90
    expect(crit({ coverage_pct: 89.99 })).toEqual({ value: 80, indicator: 89.99 });
    expect(crit({ coverage_pct: 10 })).toEqual({ value: 20, indicator: 10 });
  });

  it("gives 0 below every band, and 0 with a flag when the indicator is missing", () => {
    expect(crit({ coverage_pct: 9 })).toEqual({ value: 0, indicator: 9 });
    const e = entry(score(input({})), "n");
    expect(e.criteria.coverage).toEqual({ value: 0, indicator: null });
    expect(e.flags).toEqual(["missing-indicator:coverage"]);
  });
});

describe("3. judged criteria on a fixed 0–100 scale", () => {
  it("u = 100 · value / max, never the observed maximum", () => {
    // max 10; the best observed score is 7 → 70, not 100.
    const r = score(singleCriterion({ n1: { a: 7 }, n2: { a: 4 } }, { aggregate: { kind: "mean" } }, 10));
    expect(entry(r, "n1").criteria.q).toEqual({ value: 70, panel: 1, sd: 0 }); // 100·7/10
    expect(entry(r, "n2").total).toBe(40); // 100·4/10
    // max 7: 100·3/7 = 42.857… → 42.86
    expect(entry(score(singleCriterion({ n: { a: 3 } }, {}, 7)), "n").total).toBe(r2((100 * 3) / 7));
  });
});

describe("4. calibration", () => {
  it("zscore: u' = M + S·(u − m_a)/s_a with the pooled M, S", () => {
    // a: 20 40 60 (m=40, s=√(800/3)); b: 60 80 100 (m=80, same s).
    // pooled: 20 40 60 60 80 100 → M = 60, S = √(4000/6). S/s = √2.5 for both.
    const r = score(
      singleCriterion(
        { n1: { a: 20, b: 60 }, n2: { a: 40, b: 80 }, n3: { a: 60, b: 100 } },
        { calibration: "zscore", aggregate: { kind: "mean" } },
      ),
    );
    expect(entry(r, "n1").total).toBe(r2(60 - 20 * Math.sqrt(2.5))); // 28.38
    expect(entry(r, "n2").total).toBe(60);
    expect(entry(r, "n3").total).toBe(r2(60 + 20 * Math.sqrt(2.5))); // 91.62
    // both assessors now agree exactly: sd 0
    expect(entry(r, "n1").criteria.q).toEqual({ value: 28.38, panel: 2, sd: 0 });
    expect(category(r).flags).toEqual([]);
  });

  it("zscore: clips to [0, 100]; skips (and flags) assessors with < 3 scores or zero spread", () => {
    // a: 0 0 0 100 (m = 25, s = √(3·25² + 75²)/2 = 43.30); b: 90 ×4 (zero spread: kept, flagged)
    // c: 50 on n1 only (1 score: kept, flagged). Pooled over all 9 scores.
    const table = {
      n1: { a: 0, b: 90, c: 50 },
      n2: { a: 0, b: 90 },
      n3: { a: 0, b: 90 },
      n4: { a: 100, b: 90 },
    };
    const pooled = [0, 0, 0, 100, 90, 90, 90, 90, 50];
    const M = mean(pooled);
    const S = popSd(pooled);
    const sA = popSd([0, 0, 0, 100]);
    const aLow = M + (S * (0 - 25)) / sA; // 21.6…
    const aHigh = Math.min(100, M + (S * (100 - 25)) / sA); // > 100 → clipped to 100
    expect(M + (S * 75) / sA).toBeGreaterThan(100);
    const r = score(singleCriterion(table, { calibration: "zscore", aggregate: { kind: "mean" } }));
    expect(category(r).flags).toEqual(["calibration-skipped:b", "calibration-skipped:c"]);
    expect(entry(r, "n1").total).toBe(r2(mean([aLow, 90, 50])));
    expect(entry(r, "n2").total).toBe(r2(mean([aLow, 90])));
    expect(entry(r, "n4").total).toBe(r2(mean([aHigh, 90]))); // (100 + 90)/2 = 95
  });

  it("offset: b_a = mean of (u − others' mean) over shared scores; unshared: 0; clipped", () => {
    // a: n1 70, n2 80; b: n1 50, n2 60, n3 90; c: n3 — none (n3 only b: not shared)
    // b_a = mean(70−50, 80−60) = 20, b_b = mean(50−70, 60−80) = −20.
    // a: 50, 60; b: 70, 80, 90+20=110 → 100 (clipped).
    const r = score(
      singleCriterion(
        { n1: { a: 70, b: 50 }, n2: { a: 80, b: 60 }, n3: { b: 90 } },
        { calibration: "offset", aggregate: { kind: "mean" } },
      ),
    );
    expect(entry(r, "n1").total).toBe(60); // (50 + 70)/2
    expect(entry(r, "n2").total).toBe(70); // (60 + 80)/2
    expect(entry(r, "n3").total).toBe(100); // min(100, 90 + 20)
    // three assessors: b_a = mean over shared slots of u − mean(others' u)
    const r3 = score(
      singleCriterion(
        { n1: { a: 90, b: 60, c: 30 }, n2: { a: 60, c: 40 } },
        { calibration: "offset", aggregate: { kind: "mean" } },
      ),
    );
    const ba = mean([90 - (60 + 30) / 2, 60 - 40]); // (45 + 20)/2 = 32.5
    const bb = 60 - (90 + 30) / 2; // 0
    const bc = mean([30 - (90 + 60) / 2, 40 - 60]); // (−45 − 20)/2 = −32.5
    expect(entry(r3, "n1").total).toBe(r2(mean([90 - ba, 60 - bb, 30 - bc])));
    expect(entry(r3, "n2").total).toBe(r2(mean([60 - ba, 40 - bc])));
  });

  it("is per category: another category's scores change nothing", () => {
    const one = singleCriterion(
      { n1: { a: 20, b: 60 }, n2: { a: 40, b: 80 }, n3: { a: 60, b: 100 } },
      { calibration: "zscore" },
    );
    const two: ScoringInput = {
      ...one,
      nominees: [...one.nominees, ...nomineesOf(["m1", "m2", "m3"], "other")],
      scores: [...one.scores, ...scoresFrom({ m1: { a: 100 }, m2: { a: 100 }, m3: { a: 0 } })],
    };
    expect(category(score(two), "c")).toEqual(category(score(one), "c"));
  });

  it("is per stage, over the nominees taking part in the stage", () => {
    // desk: n1 > n2 > n3 > n4; the top 3 reach the interview, n4's interview scores are ignored.
    // interview zscore over n1..n3 only: a 80 60 40, b 100 80 60 → pooled M = 70,
    // S = √((10² + 10² + 30² + 30² + 10² + 10²)/6) = √(2200/6), each assessor's s = √(800/3)
    // → S/s = √(2200/1600) = √1.375 (n4's a 0, b 100 would change all of this).
    const input: ScoringInput = {
      rubric: {
        stages: [
          { id: "desk", weight: 1, advance: { top: 3 } },
          { id: "interview", weight: 1 },
        ],
        criteria: [
          { id: "d", stage: "desk", weight: 1, type: "judged", max: 100 },
          { id: "i", stage: "interview", weight: 1, type: "judged", max: 100 },
        ],
      },
      method: { calibration: "zscore", aggregate: { kind: "mean" } },
      nominees: nomineesOf(["n1", "n2", "n3", "n4"]),
      scores: [
        ...scoresFrom({ n1: { a: 90, b: 90 }, n2: { a: 80, b: 80 }, n3: { a: 70, b: 70 }, n4: { a: 10, b: 10 } }, "d"),
        ...scoresFrom({ n1: { a: 80, b: 100 }, n2: { a: 60, b: 80 }, n3: { a: 40, b: 60 }, n4: { a: 0, b: 100 } }, "i"),
      ],
    };
    const r = score(input);
    expect(entry(r, "n1").stages.interview).toBe(r2(70 + 20 * Math.sqrt(1.375))); // 93.45;
    expect(entry(r, "n2").stages.interview).toBe(70);
    expect(entry(r, "n3").stages.interview).toBe(r2(70 - 20 * Math.sqrt(1.375))); // 46.55;
    expect(entry(r, "n4").stages.interview).toBe(0);
    expect(entry(r, "n4").criteria.i).toBeUndefined();
  });
});

describe("5. panel aggregation", () => {
  const agg = (values: number[], aggregate: NonNullable<ScoringInput["method"]>["aggregate"]) => {
    const row = Object.fromEntries(values.map((v, i) => [`a${i}`, v]));
    return entry(score(singleCriterion({ n: row }, { aggregate })), "n").criteria.q;
  };

  it("trimmed-mean (default trim 1, minPanel 5) drops the highest and lowest", () => {
    expect(agg([10, 20, 30, 40, 100], undefined)).toEqual({
      value: 30,
      panel: 5,
      sd: r2(popSd([10, 20, 30, 40, 100])),
    }); // (20+30+40)/3
    expect(agg([10, 20, 30, 40, 100], { kind: "trimmed-mean" })).toMatchObject({ value: 30 });
    // n = 4 < minPanel 5 → plain mean (10+20+30+40)/4
    expect(agg([10, 20, 30, 40], { kind: "trimmed-mean" })).toMatchObject({ value: 25 });
    // trim 2, n = 5 > 4: only the middle value
    expect(agg([10, 20, 30, 40, 100], { kind: "trimmed-mean", trim: 2 })).toMatchObject({ value: 30 });
    // trim 2, minPanel 1, n = 4 is not > 2·2 → plain mean
    expect(agg([10, 20, 30, 100], { kind: "trimmed-mean", trim: 2, minPanel: 1 })).toMatchObject({ value: 40 });
    // trim 1, minPanel 3, n = 3 → the middle one
    expect(agg([0, 50, 55], { kind: "trimmed-mean", trim: 1, minPanel: 3 })).toMatchObject({ value: 50 });
  });

  it("mean and median (even count: mean of the two middle values)", () => {
    expect(agg([10, 20, 90], { kind: "mean" })).toMatchObject({ value: 40 });
    expect(agg([10, 20, 90], { kind: "median" })).toMatchObject({ value: 20 });
    expect(agg([10, 20, 30, 90], { kind: "median" })).toMatchObject({ value: 25 }); // (20+30)/2
  });

  it("sd is the population standard deviation of u", () => {
    // u = 60, 80: mean 70, sd = √((10² + 10²)/2) = 10
    expect(agg([60, 80], { kind: "mean" })).toEqual({ value: 70, panel: 2, sd: 10 });
  });

  it("no score at all: value 0, panel 0, sd 0 and a flag", () => {
    const input: ScoringInput = {
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [
          { id: "q", stage: "desk", weight: 1, type: "judged", max: 100 },
          { id: "p", stage: "desk", weight: 1, type: "judged", max: 100 },
        ],
      },
      nominees: nomineesOf(["n"]),
      scores: scoresFrom({ n: { a: 80 } }, "q"),
    };
    const e = entry(score(input), "n");
    expect(e.criteria.p).toEqual({ value: 0, panel: 0, sd: 0 });
    expect(e.total).toBe(40); // (80 + 0)/2
    expect(e.flags).toEqual(["missing-scores:p"]);
  });
});

describe("6. disagreement", () => {
  it("flags when the sd of u exceeds disagreementSd (strictly)", () => {
    // u = 35, 65 → sd exactly 15: not flagged at 15, flagged at 14.99
    const t = { n: { a: 35, b: 65 } };
    expect(entry(score(singleCriterion(t)), "n").flags).toEqual([]);
    expect(entry(score(singleCriterion(t, { disagreementSd: 14.99 })), "n").flags).toEqual(["disagreement:q"]);
    // u = 30, 70 → sd 20 > 15
    expect(entry(score(singleCriterion({ n: { a: 30, b: 70 } })), "n").flags).toEqual(["disagreement:q"]);
  });

  it("uses the calibrated u", () => {
    // raw: a 20 40 60, b 60 80 100 → sd 20 on every nominee; after zscore both give 60 ± 20·√2.5 → sd 0.
    const t = { n1: { a: 20, b: 60 }, n2: { a: 40, b: 80 }, n3: { a: 60, b: 100 } };
    expect(entry(score(singleCriterion(t)), "n1").flags).toEqual(["disagreement:q"]);
    const r = score(singleCriterion(t, { calibration: "zscore" }));
    expect(entry(r, "n1").flags).toEqual([]);
    expect(entry(r, "n1").criteria.q).toEqual({ value: r2(60 - 20 * Math.sqrt(2.5)), panel: 2, sd: 0 });
  });
});

describe("7–9. stage scores, advancing, totals", () => {
  const twoStages = (advance: { top: number } | { minScore: number }): ScoringInput => ({
    rubric: {
      stages: [
        { id: "desk", weight: 60, advance },
        { id: "interview", weight: 40 },
      ],
      criteria: [
        { id: "reg", stage: "desk", weight: 30, type: "judged", max: 100 },
        { id: "cov", stage: "desk", weight: 10, type: "judged", max: 10 },
        { id: "pres", stage: "interview", weight: 1, type: "judged", max: 10 },
      ],
    },
    method: { aggregate: { kind: "mean" } },
    nominees: nomineesOf(["n1", "n2", "n3", "n4"]),
    scores: [
      ...scoresFrom({ n1: { a: 80 }, n2: { a: 60 }, n3: { a: 60 }, n4: { a: 20 } }, "reg"),
      ...scoresFrom({ n1: { a: 4 }, n2: { a: 8 }, n3: { a: 8 }, n4: { a: 10 } }, "cov"),
      ...scoresFrom({ n1: { a: 5 }, n2: { a: 9 }, n3: { a: 7 }, n4: { a: 10 } }, "pres"),
    ],
  });
  // desk = (30·reg + 10·cov)/40: n1 (30·80 + 10·40)/40 = 70, n2 = n3 = (1800 + 800)/40 = 65, n4 = (600 + 1000)/40 = 40

  it("stage score is the weighted mean of the criteria", () => {
    const r = score(twoStages({ top: 3 }));
    expect(entry(r, "n1").stages.desk).toBe((30 * 80 + 10 * 40) / 40);
    expect(entry(r, "n4").stages.desk).toBe((30 * 20 + 10 * 100) / 40);
  });

  it("top N: the best N by running total go on, all tied with the last place too", () => {
    // top 2: n1 (70) and the tied n2, n3 (65) all go on; n4 stays at desk.
    const r = score(twoStages({ top: 2 }));
    expect(["n1", "n2", "n3", "n4"].map((n) => entry(r, n).reached)).toEqual([
      "interview",
      "interview",
      "interview",
      "desk",
    ]);
    // n2: total = (60·65 + 40·90)/100 = 75; n1: (60·70 + 40·50)/100 = 62; n3: (60·65 + 40·70)/100 = 67
    expect(entry(r, "n2").total).toBe((60 * 65 + 40 * 90) / 100);
    expect(entry(r, "n1").total).toBe((60 * 70 + 40 * 50) / 100);
    expect(entry(r, "n3").total).toBe((60 * 65 + 40 * 70) / 100);
    // n4 did not reach the interview: stage 0, total = 60·40/100 = 24, its interview scores ignored
    expect(entry(r, "n4").stages).toEqual({ desk: 40, interview: 0 });
    expect(entry(r, "n4").total).toBe((60 * 40) / 100);
    expect(Object.keys(entry(r, "n4").criteria)).toEqual(["reg", "cov"]);
    // top 1: only n1
    const r1 = score(twoStages({ top: 1 }));
    expect(["n1", "n2", "n3", "n4"].map((n) => entry(r1, n).reached)).toEqual(["interview", "desk", "desk", "desk"]);
  });

  it("minScore: those with running total ≥ minScore go on", () => {
    const r = score(twoStages({ minScore: 65 }));
    expect(["n1", "n2", "n3", "n4"].map((n) => entry(r, n).reached)).toEqual([
      "interview",
      "interview",
      "interview",
      "desk",
    ]);
    const r2_ = score(twoStages({ minScore: 65.01 }));
    expect(["n1", "n2", "n3", "n4"].map((n) => entry(r2_, n).reached)).toEqual(["interview", "desk", "desk", "desk"]);
  });

  it("running total over the stages so far decides a later cut", () => {
    // 3 stages, weights 1, 1, 2; after stage 2 the running total is (s1 + s2)/2.
    const input: ScoringInput = {
      rubric: {
        stages: [
          { id: "s1", weight: 1 },
          { id: "s2", weight: 1, advance: { top: 1 } },
          { id: "s3", weight: 2 },
        ],
        criteria: [
          { id: "c1", stage: "s1", weight: 1, type: "judged", max: 100 },
          { id: "c2", stage: "s2", weight: 1, type: "judged", max: 100 },
          { id: "c3", stage: "s3", weight: 1, type: "judged", max: 100 },
        ],
      },
      nominees: nomineesOf(["x", "y"]),
      scores: [
        ...scoresFrom({ x: { a: 90 }, y: { a: 50 } }, "c1"),
        ...scoresFrom({ x: { a: 40 }, y: { a: 70 } }, "c2"), // x: (90+40)/2 = 65 > y: (50+70)/2 = 60
        ...scoresFrom({ x: { a: 50 }, y: { a: 100 } }, "c3"),
      ],
    };
    const r = score(input);
    expect(entry(r, "x").reached).toBe("s3");
    expect(entry(r, "y").reached).toBe("s2");
    expect(entry(r, "x").total).toBe((90 + 40 + 2 * 50) / 4); // 57.5
    expect(entry(r, "y").total).toBe((50 + 70) / 4); // 30
    // an absent advance on a middle stage: everyone goes on through s1
    expect(entry(r, "y").stages.s2).toBe(70);
  });
});

describe("10. ranking", () => {
  it("reached (later first): a nominee that went on is never below one cut before it", () => {
    // x and y tie on the desk (50) but top 1 cannot split them, so both go on; z (40) stays.
    // x scores 0 at the interview: total (50 + 0)/2 = 25 = … z: 40/2 = 20 — x still first, as
    // reaching a stage can only add points (the totals order and the reached order agree).
    const input: ScoringInput = {
      rubric: {
        stages: [
          { id: "desk", weight: 1, advance: { top: 1 } },
          { id: "interview", weight: 1 },
        ],
        criteria: [
          { id: "d", stage: "desk", weight: 1, type: "judged", max: 100 },
          { id: "i", stage: "interview", weight: 1, type: "judged", max: 100 },
        ],
      },
      nominees: nomineesOf(["x", "y", "z"]),
      scores: [
        ...scoresFrom({ x: { a: 50 }, y: { a: 50 }, z: { a: 40 } }, "d"),
        ...scoresFrom({ x: { a: 0 }, y: { a: 10 } }, "i"),
      ],
    };
    const r = score(input);
    expect(ranks(r)).toEqual({ y: 1, x: 2, z: 3 }); // y (50+10)/2 = 30, x (50+0)/2 = 25, z 40/2 = 20
    expect(entry(r, "x").reached).toBe("interview");
    expect(entry(r, "z").reached).toBe("desk");
  });

  it("reached decides when totals tie at 6 decimals", () => {
    // Stage weights 1 and 10⁹; top 1 after the desk. x: desk 100 → goes on, interview 0;
    // y: desk 0. Totals: x = (1·100 + 10⁹·0)/(10⁹+1) ≈ 1.0e-7 → 0.000000 at 6 decimals; y = 0.
    // Equal on total, so reached (interview before desk) puts x first: ranks 1 and 2, not 1 and 1.
    const input: ScoringInput = {
      rubric: {
        stages: [
          { id: "desk", weight: 1, advance: { top: 1 } },
          { id: "interview", weight: 1e9 },
        ],
        criteria: [
          { id: "d", stage: "desk", weight: 1, type: "judged", max: 100 },
          { id: "i", stage: "interview", weight: 1, type: "judged", max: 100 },
        ],
      },
      nominees: nomineesOf(["x", "y"]),
      scores: [...scoresFrom({ x: { a: 100 }, y: { a: 0 } }, "d"), ...scoresFrom({ x: { a: 0 } }, "i")],
    };
    const r = score(input);
    expect(entry(r, "x").total).toBe(0);
    expect(entry(r, "y").total).toBe(0);
    expect(ranks(r)).toEqual({ x: 1, y: 2 });
  });

  it("equal totals share a rank; competition 1,2,2,4 and dense 1,2,2,3; listing by id within a rank", () => {
    const t = { d: { a: 90 }, c: { a: 80 }, b: { a: 80 }, a: { a: 70 } };
    const comp = score(singleCriterion(t));
    expect(category(comp).ranking.map((e) => [e.nominee, e.rank])).toEqual([
      ["d", 1],
      ["b", 2],
      ["c", 2],
      ["a", 4],
    ]);
    const dense = score(singleCriterion(t, { ranking: "dense" }));
    expect(category(dense).ranking.map((e) => [e.nominee, e.rank])).toEqual([
      ["d", 1],
      ["b", 2],
      ["c", 2],
      ["a", 3],
    ]);
  });

  it("tie-breaks in turn: stage score, then criterion value, higher first", () => {
    // Two criteria, equal weights: x = (80 + 60)/2 = 70, y = (60 + 80)/2 = 70, z = (70 + 70)/2 = 70.
    const input: ScoringInput = {
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [
          { id: "p", stage: "desk", weight: 1, type: "judged", max: 100 },
          { id: "q", stage: "desk", weight: 1, type: "judged", max: 100 },
        ],
      },
      method: { tieBreak: ["stage:desk", "criterion:q"] },
      nominees: nomineesOf(["x", "y", "z"]),
      scores: [
        ...scoresFrom({ x: { a: 80 }, y: { a: 60 }, z: { a: 70 } }, "p"),
        ...scoresFrom({ x: { a: 60 }, y: { a: 80 }, z: { a: 70 } }, "q"),
      ],
    };
    // stage:desk ties all (70); criterion:q: y 80 > z 70 > x 60
    expect(ranks(score(input))).toEqual({ y: 1, z: 2, x: 3 });
    input.method = { tieBreak: ["criterion:p"] };
    expect(ranks(score(input))).toEqual({ x: 1, z: 2, y: 3 });
    input.method = {};
    expect(ranks(score(input))).toEqual({ x: 1, y: 1, z: 1 }); // never broken by id or order
  });

  it("compares on 6 decimals, reports 2", () => {
    // Scores near 100/3 on a 0–100 scale: 1e-7 differences vanish at 6 decimals (x and y tie).
    const input: ScoringInput = {
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [{ id: "q", stage: "desk", weight: 1, type: "judged", max: 100 }],
      },
      nominees: nomineesOf(["x", "y", "z"]),
      scores: scoresFrom({ x: { a: 33.3333331 }, y: { a: 33.3333334 }, z: { a: 33.333334 } }),
    };
    const r = score(input);
    expect(ranks(r)).toEqual({ z: 1, x: 2, y: 2 }); // 33.333333 = 33.333333 < 33.333334
    expect(entry(r, "z").total).toBe(33.33);
  });

  it("ineligible nominees are never ranked; a category with none eligible has an empty ranking", () => {
    const input: ScoringInput = {
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [{ id: "q", stage: "desk", weight: 1, type: "judged", max: 100 }],
        gates: [{ id: "g", indicator: "ok", op: "==", value: 1 }],
      },
      nominees: [{ id: "n", category: "c", indicators: { ok: 0 } }],
      scores: scoresFrom({ n: { a: 100 } }),
    };
    expect(score(input)).toEqual({
      categories: [
        {
          category: "c",
          ranking: [],
          ineligible: [{ nominee: "n", failed: ["g"] }],
          agreement: { desk: { assessors: 0, nominees: 0, icc2_1: null, icc2_k: null, kendallW: null } },
          flags: [],
        },
      ],
    });
  });
});

describe("12. agreement", () => {
  it("is null with fewer than 2 assessors or 2 nominees, or a zero denominator", () => {
    expect(category(score(singleCriterion({ n1: { a: 10 }, n2: { a: 20 } }))).agreement.desk).toEqual({
      assessors: 1,
      nominees: 2,
      icc2_1: null,
      icc2_k: null,
      kendallW: null,
    });
    expect(category(score(singleCriterion({ n1: { a: 10, b: 20 } }))).agreement.desk).toEqual({
      assessors: 2,
      nominees: 1,
      icc2_1: null,
      icc2_k: null,
      kendallW: null,
    });
    // every value the same: all mean squares 0 → ICC denominators 0; every assessor ties all → W denominator 0
    expect(category(score(singleCriterion({ n1: { a: 50, b: 50 }, n2: { a: 50, b: 50 } }))).agreement.desk).toEqual({
      assessors: 2,
      nominees: 2,
      icc2_1: null,
      icc2_k: null,
      kendallW: null,
    });
  });

  it("uses the complete block only, the uncalibrated u, and the weighted mean over judged criteria", () => {
    // c misses one score → not in the block. a and b differ by a constant 10: ICC(2,1) < 1, W = 1.
    const t = { n1: { a: 10, b: 20, c: 90 }, n2: { a: 30, b: 40 }, n3: { a: 50, b: 60, c: 0 } };
    const r = score(singleCriterion(t, { calibration: "offset" }));
    const ag = category(r).agreement.desk;
    expect(ag.assessors).toBe(2);
    expect(ag.kendallW).toBe(1);
    // Two-way ANOVA by hand: rows (nominees) means 15, 35, 55; grand 35; column means 30, 40.
    // SSR = 2·(20² + 0 + 20²) = 1600, BMS = 800; SSC = 3·(5² + 5²) = 150, JMS = 150; SSE = 0, EMS = 0.
    const BMS = 800,
      JMS = 150,
      EMS = 0,
      n = 3,
      k = 2;
    expect(ag.icc2_1).toBe(Math.round((1000 * (BMS - EMS)) / (BMS + (k - 1) * EMS + (k * (JMS - EMS)) / n)) / 1000); // 800/900 = 0.889
    expect(ag.icc2_k).toBe(Math.round((1000 * (BMS - EMS)) / (BMS + (JMS - EMS) / n)) / 1000); // 800/850 = 0.941
  });

  it("is reported for every stage with a judged criterion, and only those", () => {
    const input: ScoringInput = {
      rubric: {
        stages: [
          { id: "docs", weight: 1 },
          { id: "desk", weight: 1 },
        ],
        criteria: [
          { id: "cov", stage: "docs", weight: 1, type: "indicator", indicator: "x", bands: [{ min: 0, points: 100 }] },
          { id: "q", stage: "desk", weight: 1, type: "judged", max: 100 },
        ],
      },
      nominees: nomineesOf(["n1", "n2"], "c", { x: 1 }),
      scores: scoresFrom({ n1: { a: 10, b: 20 }, n2: { a: 30, b: 50 } }),
    };
    expect(Object.keys(category(score(input)).agreement)).toEqual(["desk"]);
  });
});

describe("13. sensitivity", () => {
  // Two criteria: x = (90 + 50)/2 = 70, y = (60 + 78)/2 = 69. p weight ×0.9: x (0.9·90 + 50)/1.9 = 68.95,
  // y (0.9·60 + 78)/1.9 = 69.47 → y wins. p ×1.1: x still wins. q ×0.9: x wins; q ×1.1: x (90 + 55)/2.1 = 69.05,
  // y (60 + 85.8)/2.1 = 69.43 → y wins. Without a: only b's scores remain.
  const input: ScoringInput = {
    rubric: {
      stages: [{ id: "desk", weight: 1 }],
      criteria: [
        { id: "p", stage: "desk", weight: 1, type: "judged", max: 100 },
        { id: "q", stage: "desk", weight: 1, type: "judged", max: 100 },
      ],
    },
    method: { aggregate: { kind: "mean" }, sensitivity: { weightDelta: 0.1 } },
    nominees: nomineesOf(["x", "y", "z"]),
    scores: [
      ...scoresFrom({ x: { a: 90, b: 90 }, y: { a: 60, b: 60 }, z: { a: 10, b: 10 } }, "p"),
      ...scoresFrom({ x: { a: 50, b: 50 }, y: { a: 78, b: 78 }, z: { a: 10, b: 10 } }, "q"),
    ],
  };

  it("lists the variants that change the winners, with exact names, and rank ranges", () => {
    const c = category(score(input));
    expect(c.sensitivity).toEqual({
      winnerStable: false,
      changes: [
        { variant: "weight:p:-10%", winners: ["y"] },
        { variant: "weight:q:+10%", winners: ["y"] },
      ],
    });
    expect(c.ranking.map((e) => [e.nominee, e.rankRange])).toEqual([
      ["x", [1, 2]],
      ["y", [1, 2]],
      ["z", [3, 3]],
    ]);
    expect(Object.keys(c)).toEqual(["category", "ranking", "ineligible", "agreement", "flags", "sensitivity"]);
  });

  it("formats δ·100 without trailing zeros, and leaves every assessor out", () => {
    const withB: ScoringInput = {
      ...input,
      method: { aggregate: { kind: "mean" }, sensitivity: { weightDelta: 0.125 } },
    };
    // b rates y above x when a is left out
    withB.scores = [
      ...input.scores.filter((s) => !(s.assessor === "b" && s.criterion === "q" && s.nominee === "y")),
      { assessor: "b", nominee: "y", criterion: "q", value: 100 },
    ];
    // with both: y = (60 + (78 + 100)/2)/2 = 74.5 > x 70 → y wins; without a: y (60 + 100)/2 = 80; without b: x 70 > y 69
    const c = category(score(withB));
    expect(c.sensitivity?.changes.map((x) => x.variant)).toEqual(["without:b"]);
    const c2 = category(
      score({ ...input, method: { aggregate: { kind: "mean" }, sensitivity: { weightDelta: 0.125 } } }),
    );
    expect(c2.sensitivity?.changes.map((x) => x.variant)).toEqual(["weight:p:-12.5%", "weight:q:+12.5%"]);
  });

  it("is absent (with rankRange) unless asked for", () => {
    const c = category(score({ ...input, method: {} }));
    expect(c.sensitivity).toBeUndefined();
    expect(c.ranking[0].rankRange).toBeUndefined();
    expect(Object.keys(c.ranking[0])).toEqual(["nominee", "rank", "total", "reached", "stages", "criteria", "flags"]);
  });
});

describe("14. flags and output shape", () => {
  it("lists each flag once, sorted", () => {
    const input: ScoringInput = {
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [
          { id: "z", stage: "desk", weight: 1, type: "judged", max: 100 },
          { id: "b", stage: "desk", weight: 1, type: "judged", max: 100 },
          { id: "m", stage: "desk", weight: 1, type: "indicator", indicator: "nope", bands: [{ min: 0, points: 50 }] },
        ],
      },
      nominees: nomineesOf(["n"]),
      scores: scoresFrom({ n: { a: 0, b: 100 } }, "b"),
    };
    expect(entry(score(input), "n").flags).toEqual(["disagreement:b", "missing-indicator:m", "missing-scores:z"]);
  });

  it("sorts categories by id and keeps the documented key order", () => {
    const input: ScoringInput = {
      ...singleCriterion({}),
      nominees: [...nomineesOf(["n2"], "micro_small"), ...nomineesOf(["n1"], "large")],
      scores: scoresFrom({ n1: { a: 60 }, n2: { a: 40 } }),
    };
    const r = score(input);
    expect(r.categories.map((c) => c.category)).toEqual(["large", "micro_small"]);
    expect(Object.keys(r.categories[0])).toEqual(["category", "ranking", "ineligible", "agreement", "flags"]);
    expect(JSON.stringify(score(input))).toBe(JSON.stringify(r));
  });
});
