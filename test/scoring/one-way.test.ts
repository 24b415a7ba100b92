// Contract 2 (docs/scoring-contract.md, *Contract versions*, §12, §13): the one-way ICC(1,1) and
// ICC(1,k̄), rankWithout, and version 1 left exactly as it was.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { icc1, parseScoringInput, type ScoringInput, type ScoringResult } from "../../scoring/index";
import { category, entry, score, singleCriterion, SHROUT_FLEISS_TABLE_2, tableOf, type Table } from "./helpers";

describe("icc1: one-way random effects (Shrout & Fleiss 1979, case 1)", () => {
  const table2 = SHROUT_FLEISS_TABLE_2;

  it("Table 2 (6 targets × 4 judges): ICC(1,1) = 0.166 and ICC(1,4) = 0.443 (published .17 and .44)", () => {
    // BMS = 11.24, WMS = 6.26 → (11.24 − 6.26)/(11.24 + 3·6.26) = 0.166; (11.24 − 6.26)/11.24 = 0.443
    expect(icc1(table2)).toEqual({ nominees: 6, panelSize: 4, icc1_1: 0.166, icc1_k: 0.443 });
  });

  it("the same through score() with contract 2, beside the two-way figures of reference.test.ts", () => {
    const input = { ...singleCriterion(tableOf(table2), {}, 10), contract: 2 as const };
    const agreement = category(score(input)).agreement.desk;
    expect(agreement).toEqual({
      assessors: 4,
      nominees: 6,
      icc2_1: 0.29,
      icc2_k: 0.62,
      kendallW: 0.887,
      oneWay: { nominees: 6, panelSize: 4, icc1_1: 0.166, icc1_k: 0.443 },
    });
    expect(Object.keys(agreement)).toEqual(["assessors", "nominees", "icc2_1", "icc2_k", "kendallW", "oneWay"]);
  });

  it("an unbalanced example by hand: 3 targets with 2, 3 and 4 ratings", () => {
    // Ratings 1 3 | 4 5 6 | 7 8 8 9: N = 3, M = 9, means 2, 5, 8, grand mean 51/9.
    // SSB = 2(2 − 51/9)² + 3(5 − 51/9)² + 4(8 − 51/9)² = 26.889 + 1.333 + 21.778 = 50 → BMS = 50/2 = 25
    // SSW = (1 + 1) + (1 + 0 + 1) + (1 + 0 + 0 + 1) = 6 → WMS = 6/(9 − 3) = 1
    // k̄ = (9 − (4 + 9 + 16)/9)/2 = 26/9 = 2.889
    // ICC(1,1) = (25 − 1)/(25 + (26/9 − 1)·1) = 216/242 = 0.893; ICC(1,k̄) = 24/25 = 0.96
    const groups = [
      [1, 3],
      [4, 5, 6],
      [7, 8, 8, 9],
    ];
    const expected = { nominees: 3, panelSize: 2.889, icc1_1: 0.893, icc1_k: 0.96 };
    expect(icc1(groups)).toEqual(expected);
    // Through score(): an assessor who did not score a target has no sheet for it (u = 10·value: scale-free).
    const table: Table = {
      t1: { j1: 1, j2: 3 },
      t2: { j1: 4, j2: 5, j3: 6 },
      t3: { j1: 7, j2: 8, j3: 8, j4: 9 },
    };
    const agreement = category(score({ ...singleCriterion(table, {}, 10), contract: 2 })).agreement.desk;
    expect(agreement.oneWay).toEqual(expected);
    expect(agreement.assessors).toBe(2); // j1 and j2 form the two-way block
  });

  it("counts only complete sheets (every judged criterion of the stage) and targets with two of them", () => {
    const input: ScoringInput = {
      contract: 2,
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [
          { id: "p", stage: "desk", weight: 1, type: "judged", max: 10 },
          { id: "q", stage: "desk", weight: 3, type: "judged", max: 10 },
        ],
      },
      nominees: ["x", "y", "z"].map((id) => ({ id, category: "c" })),
      scores: [
        // x: a1 (p 2, q 6 → (2 + 18)/4 = 5 → u 50), a2 (p 6, q 2 → 3 → 30), a3 only p (no sheet)
        { assessor: "a1", nominee: "x", criterion: "p", value: 2 },
        { assessor: "a1", nominee: "x", criterion: "q", value: 6 },
        { assessor: "a2", nominee: "x", criterion: "p", value: 6 },
        { assessor: "a2", nominee: "x", criterion: "q", value: 2 },
        { assessor: "a3", nominee: "x", criterion: "p", value: 10 },
        // y: a1 (p 8, q 8 → 80), a3 (p 10, q 8 → (10 + 24)/4 = 8.5 → 85), a2 only q (no sheet)
        { assessor: "a1", nominee: "y", criterion: "p", value: 8 },
        { assessor: "a1", nominee: "y", criterion: "q", value: 8 },
        { assessor: "a3", nominee: "y", criterion: "p", value: 10 },
        { assessor: "a3", nominee: "y", criterion: "q", value: 8 },
        { assessor: "a2", nominee: "y", criterion: "q", value: 0 },
        // z: one complete sheet only → not a target
        { assessor: "a1", nominee: "z", criterion: "p", value: 5 },
        { assessor: "a1", nominee: "z", criterion: "q", value: 5 },
      ],
    };
    const oneWay = category(score(input)).agreement.desk.oneWay;
    expect(oneWay).toEqual(
      icc1([
        [50, 30],
        [80, 85],
      ]),
    );
    expect(oneWay?.nominees).toBe(2);
    expect(oneWay?.panelSize).toBe(2);
  });

  it("nulls: fewer than 2 targets, one rating each, a zero denominator", () => {
    expect(icc1([[1, 2, 3]])).toEqual({ nominees: 1, panelSize: null, icc1_1: null, icc1_k: null });
    expect(icc1([])).toEqual({ nominees: 0, panelSize: null, icc1_1: null, icc1_k: null });
    // M − N = 0: no within-target spread to measure (k̄ = (2 − 2/2)/1 = 1).
    expect(icc1([[1], [2]])).toEqual({ nominees: 2, panelSize: 1, icc1_1: null, icc1_k: null });
    // Equal means: BMS = 0 → ICC(1,k̄) undefined; ICC(1,1) = (0 − 1)/(0 + 1·1) = −1.
    expect(
      icc1([
        [1, 3],
        [2, 2],
      ]),
    ).toEqual({ nominees: 2, panelSize: 2, icc1_1: -1, icc1_k: null });
    // Everyone agrees on everything: BMS = WMS = 0.
    expect(
      icc1([
        [5, 5],
        [5, 5],
      ]),
    ).toEqual({ nominees: 2, panelSize: 2, icc1_1: null, icc1_k: null });
  });
});

const rating = fc.integer({ min: 0, max: 100 });

describe("icc1 properties", () => {
  it("balanced groups: panelSize = k", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 2, max: 6 }),
        fc.infiniteStream(rating),
        (n, k, xs) => {
          const groups = Array.from({ length: n }, () => Array.from({ length: k }, () => xs.next().value));
          expect(icc1(groups).panelSize).toBe(k);
        },
      ),
    );
  });

  it("permuting targets, or ratings within a target, changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(rating, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 8 }),
        fc.integer(),
        (groups, seed) => {
          let s = seed;
          const next = () => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
          const shuffle = <T>(xs: T[]): T[] => {
            const out = [...xs];
            for (let i = out.length - 1; i > 0; i--) {
              const j = Math.floor(next() * (i + 1));
              [out[i], out[j]] = [out[j]!, out[i]!];
            }
            return out;
          };
          expect(icc1(shuffle(groups.map(shuffle)))).toEqual(icc1(groups));
        },
      ),
    );
  });

  it("ICC(1,k̄) ≥ ICC(1,1) whenever ICC(1,1) > 0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(rating, { minLength: 2, maxLength: 6 }), { minLength: 2, maxLength: 8 }),
        (groups) => {
          const r = icc1(groups);
          if (r.icc1_1 !== null && r.icc1_1 > 0) expect(r.icc1_k).toBeGreaterThanOrEqual(r.icc1_1);
        },
      ),
    );
  });
});

describe("rankWithout (contract 2, with sensitivity)", () => {
  it("leaving a1 out swaps X and Y; only assessors with a counted score are keys", () => {
    // mean of the panel: X (90 + 60 + 60)/3 = 70, Y (50 + 70 + 70)/3 = 63.33, Z (a3 only) 10 → X 1, Y 2, Z 3
    // without a1: X 60, Y 70 → Y 1, X 2; without a2 or a3: X 75, Y 60 → X 1, Y 2; Z 10 (or 0 without a3) → 3
    const table: Table = { X: { a1: 90, a2: 60, a3: 60 }, Y: { a1: 50, a2: 70, a3: 70 }, Z: { a3: 10 } };
    const method: ScoringInput["method"] = { aggregate: { kind: "mean" }, sensitivity: { weightDelta: 0.1 } };
    const r = score({ ...singleCriterion(table, method), contract: 2 });
    expect(entry(r, "X").rank).toBe(1);
    expect(entry(r, "X").rankWithout).toEqual({ a1: 2, a2: 1, a3: 1 });
    expect(entry(r, "Y").rankWithout).toEqual({ a1: 1, a2: 2, a3: 2 });
    expect(entry(r, "Z").rankWithout).toEqual({ a3: 3 });
    expect(Object.keys(entry(r, "X"))).toEqual([
      "nominee",
      "rank",
      "total",
      "reached",
      "stages",
      "criteria",
      "flags",
      "rankRange",
      "rankWithout",
    ]);
    // The same ranks as scoring the input again without that assessor's scores.
    const without = score(singleCriterion({ X: { a2: 60, a3: 60 }, Y: { a2: 70, a3: 70 }, Z: {} }, method));
    expect(entry(without, "Y").rank).toBe(1);
    // Keys sorted by code units, not by locale: "B" before "a".
    const mixed = score({ ...singleCriterion({ X: { a: 50, B: 60 }, Y: { a: 40, B: 30 } }, method), contract: 2 });
    expect(Object.keys(entry(mixed, "X").rankWithout!)).toEqual(["B", "a"]);
    // Without sensitivity, no rankWithout (and no rankRange).
    expect(entry(score({ ...singleCriterion(table), contract: 2 }), "X")).not.toHaveProperty("rankWithout");
  });
});

// ---- contract 1 is contract 2 without its two keys -----------------------------------------

interface Drawn {
  n: number;
  twoStages: boolean;
  top: number;
  calibration: "none" | "zscore" | "offset";
  sensitivity: boolean;
  cells: (number | null)[];
  overrides: { nominee: number; decision: "advance" | "exclude"; interview: boolean }[];
}
const A = 4;
const drawnArb: fc.Arbitrary<Drawn> = fc.record({
  n: fc.integer({ min: 1, max: 6 }),
  twoStages: fc.boolean(),
  top: fc.integer({ min: 1, max: 4 }),
  calibration: fc.constantFrom("none" as const, "zscore" as const, "offset" as const),
  sensitivity: fc.boolean(),
  cells: fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { freq: 4 }), {
    minLength: 6 * 3 * A,
    maxLength: 6 * 3 * A,
  }),
  overrides: fc.array(
    fc.record({
      nominee: fc.integer({ min: 0, max: 5 }),
      decision: fc.constantFrom("advance" as const, "exclude" as const),
      interview: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});

function build(d: Drawn): ScoringInput {
  const criteria: ScoringInput["rubric"]["criteria"] = [
    { id: "p", stage: "desk", weight: 1, type: "judged", max: 10 },
    { id: "q", stage: "desk", weight: 2, type: "judged", max: 10 },
  ];
  if (d.twoStages) criteria.push({ id: "iv", stage: "interview", weight: 1, type: "judged", max: 10 });
  const scores: ScoringInput["scores"] = [];
  let k = 0;
  for (let i = 0; i < d.n; i++)
    for (const c of criteria)
      for (let a = 0; a < A; a++) {
        const v = d.cells[k++];
        if (v !== null && v !== undefined)
          scores.push({ assessor: `a${a}`, nominee: `n${i}`, criterion: c.id, value: v });
      }
  const seen = new Set<string>();
  const overrides: NonNullable<ScoringInput["overrides"]> = [];
  for (const o of d.overrides) {
    const stage = d.twoStages && o.interview ? "interview" : "desk";
    if (o.nominee >= d.n || seen.has(`${o.nominee}/${stage}`)) continue;
    if (o.decision === "advance" && (!d.twoStages || stage !== "desk")) continue;
    seen.add(`${o.nominee}/${stage}`);
    overrides.push({ nominee: `n${o.nominee}`, stage, decision: o.decision, reason: "pleno" });
  }
  return {
    rubric: {
      stages: d.twoStages
        ? [
            { id: "desk", weight: 2, advance: { top: d.top } },
            { id: "interview", weight: 1 },
          ]
        : [{ id: "desk", weight: 1 }],
      criteria,
    },
    method: { calibration: d.calibration, ...(d.sensitivity ? { sensitivity: { weightDelta: 0.2 } } : {}) },
    nominees: Array.from({ length: d.n }, (_, i) => ({ id: `n${i}`, category: "c" })),
    scores,
    ...(overrides.length > 0 ? { overrides } : {}),
  };
}

/** A contract 2 result with oneWay and rankWithout taken out. */
function stripped(r: ScoringResult): ScoringResult {
  return JSON.parse(JSON.stringify(r), (key, value) => (key === "oneWay" || key === "rankWithout" ? undefined : value));
}

const hasKey = (r: ScoringResult, key: string) => JSON.stringify(r).includes(`"${key}"`);

describe("contract versions", () => {
  it("contract 1 has no oneWay or rankWithout and equals contract 2 with them stripped, byte for byte", () => {
    fc.assert(
      fc.property(drawnArb, (d) => {
        const input = build(d);
        const parsed = parseScoringInput(input);
        expect(parsed.ok).toBe(true);
        const v1 = JSON.stringify(score(input));
        expect(JSON.stringify(score({ ...input, contract: 1 }))).toBe(v1);
        expect(hasKey(JSON.parse(v1), "oneWay") || hasKey(JSON.parse(v1), "rankWithout")).toBe(false);
        const v2 = score({ ...input, contract: 2 });
        expect(JSON.stringify(stripped(v2))).toBe(v1);
        // Every stage with judged criteria carries oneWay; every entry rankWithout with sensitivity.
        for (const c of v2.categories) {
          for (const a of Object.values(c.agreement)) expect(a.oneWay).toBeDefined();
          for (const e of c.ranking) expect(e.rankWithout !== undefined).toBe(d.sensitivity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("rankWithout[a] is the rank when the input is scored again without a's scores (overrides kept)", () => {
    fc.assert(
      fc.property(
        drawnArb.filter((d) => d.sensitivity),
        (d) => {
          const input = { ...build(d), contract: 2 as const };
          const r = score(input);
          for (const e of r.categories.flatMap((c) => c.ranking)) {
            for (const [a, rank] of Object.entries(e.rankWithout!)) {
              const again = score({ ...input, scores: input.scores.filter((s) => s.assessor !== a) });
              expect(entry(again, e.nominee).rank, `${e.nominee} without ${a}`).toBe(rank);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
