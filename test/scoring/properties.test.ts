// Property tests (fast-check): invariants that must hold for every valid input.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { score, type ScoringInput, type ScoringResult } from "../../scoring/index";

const ASSESSORS = ["a0", "a1", "a2", "a3", "a4"];

interface Params {
  n: number;
  cats: number[];
  xs: number[];
  gateOn: boolean;
  gs: boolean[];
  twoStages: boolean;
  advance: { top: number } | { minScore: number };
  maxes: number[];
  weights: number[];
  indicatorCrit: boolean;
  kind: "mean" | "median" | "trimmed-mean";
  trim: number;
  minPanel: number;
  calibration: "none" | "zscore" | "offset";
  ranking: "competition" | "dense";
  tieBreak: boolean;
  sensitivity: boolean;
  cells: (number | null)[];
}

const MAXN = 7;
const MAXJ = 4; // judged criteria: up to 3 at the desk + 1 at the interview
const paramsArb: fc.Arbitrary<Params> = fc.record({
  n: fc.integer({ min: 1, max: MAXN }),
  cats: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: MAXN, maxLength: MAXN }),
  xs: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: MAXN, maxLength: MAXN }),
  gateOn: fc.boolean(),
  gs: fc.array(fc.boolean(), { minLength: MAXN, maxLength: MAXN }),
  twoStages: fc.boolean(),
  advance: fc.oneof(
    fc.record({ top: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ minScore: fc.integer({ min: 0, max: 80 }) }),
  ),
  maxes: fc.array(fc.constantFrom(5, 10, 100), { minLength: 1, maxLength: 3 }),
  weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 5 }),
  indicatorCrit: fc.boolean(),
  kind: fc.constantFrom("mean", "median", "trimmed-mean"),
  trim: fc.integer({ min: 0, max: 2 }),
  minPanel: fc.integer({ min: 1, max: 5 }),
  calibration: fc.constantFrom("none", "zscore", "offset"),
  ranking: fc.constantFrom("competition", "dense"),
  tieBreak: fc.boolean(),
  sensitivity: fc.boolean(),
  cells: fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { freq: 5 }), {
    minLength: MAXN * MAXJ * 5,
    maxLength: MAXN * MAXJ * 5,
  }),
});

function build(p: Params): ScoringInput {
  const criteria: ScoringInput["rubric"]["criteria"] = p.maxes.map((max, i) => ({
    id: `d${i}`,
    stage: "desk",
    weight: p.weights[i],
    type: "judged" as const,
    max,
  }));
  if (p.indicatorCrit)
    criteria.push({
      id: "ind",
      stage: "desk",
      weight: p.weights[3],
      type: "indicator",
      indicator: "x",
      bands: [
        { min: 70, points: 100 },
        { min: 30, points: 50 },
      ],
    });
  if (p.twoStages) criteria.push({ id: "iv", stage: "interview", weight: 1, type: "judged", max: 10 });
  const stages: ScoringInput["rubric"]["stages"] = p.twoStages
    ? [
        { id: "desk", weight: p.weights[4], advance: p.advance },
        { id: "interview", weight: 2 },
      ]
    : [{ id: "desk", weight: 1 }];
  const judged = criteria.filter((c) => c.type === "judged");
  const nominees: ScoringInput["nominees"] = Array.from({ length: p.n }, (_, i) => {
    const indicators: Record<string, number> = { g: p.gs[i] ? 1 : 0 };
    if (i % 3 !== 2) indicators.x = p.xs[i]; // every third nominee lacks x: missing-indicator
    return { id: `n${i}`, category: `c${p.cats[i]}`, indicators };
  });
  const scores: ScoringInput["scores"] = [];
  let k = 0;
  for (let i = 0; i < p.n; i++) {
    judged.forEach((c) => {
      ASSESSORS.forEach((a) => {
        const cell = p.cells[k++];
        if (cell !== null && c.type === "judged")
          scores.push({ assessor: a, nominee: `n${i}`, criterion: c.id, value: (c.max * cell) / 20 });
      });
    });
  }
  return {
    rubric: { stages, criteria, gates: p.gateOn ? [{ id: "gate", indicator: "g", op: "==", value: 1 }] : [] },
    method: {
      aggregate: { kind: p.kind, trim: p.trim, minPanel: p.minPanel },
      calibration: p.calibration,
      ranking: p.ranking,
      tieBreak: p.tieBreak ? (p.twoStages ? ["stage:interview", "criterion:d0"] : ["criterion:d0"]) : [],
      sensitivity: p.sensitivity ? { weightDelta: 0.2 } : undefined,
    },
    nominees,
    scores,
  };
}

/** A deterministic shuffle driven by a seed (fast-check supplies the seed). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const allEntries = (r: ScoringResult) => r.categories.flatMap((c) => c.ranking);

describe("properties", () => {
  it("the order of scores and of nominees never matters (byte-identical JSON)", () => {
    fc.assert(
      fc.property(paramsArb, fc.integer(), fc.integer(), (p, s1, s2) => {
        const input = build(p);
        const permuted = { ...input, nominees: shuffled(input.nominees, s1), scores: shuffled(input.scores, s2) };
        expect(JSON.stringify(score(permuted))).toBe(JSON.stringify(score(input)));
      }),
      { numRuns: 1000 },
    );
  });

  it("renaming ids only renames the output", () => {
    // New names keep the relative order of nominees, assessors and categories (they are listed by
    // id); criteria and stages may be renamed freely (they are listed in rubric order).
    const namesArb = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_.-]{1,6}$/), { minLength: 20, maxLength: 20 });
    fc.assert(
      fc.property(paramsArb, namesArb, (p, names) => {
        const input = build(p);
        const sorted = names.slice(0, 14).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const nom = new Map(Array.from({ length: MAXN }, (_, i) => [`n${i}`, `N${sorted[i]}`]));
        const asr = new Map(ASSESSORS.map((a, i) => [a, `A${sorted[7 + i]}`]));
        const cat = new Map([
          ["c0", `C${sorted[12]}`],
          ["c1", `C${sorted[13]}`],
        ]);
        const crit = new Map(["d0", "d1", "d2", "ind", "iv"].map((c, i) => [c, `K${names[14 + i]}`]));
        const stage = new Map([
          ["desk", `S${names[19]}`],
          ["interview", "S~interview"],
        ]);
        const m = (map: Map<string, string>, id: string) => map.get(id) ?? id;
        const renamed: ScoringInput = JSON.parse(JSON.stringify(input));
        renamed.rubric.stages.forEach((s) => (s.id = m(stage, s.id)));
        renamed.rubric.criteria.forEach((c) => {
          c.id = m(crit, c.id);
          c.stage = m(stage, c.stage);
        });
        renamed.method!.tieBreak = renamed.method!.tieBreak!.map((t) =>
          t.startsWith("stage:") ? `stage:${m(stage, t.slice(6))}` : `criterion:${m(crit, t.slice(10))}`,
        );
        renamed.nominees.forEach((n) => {
          n.id = m(nom, n.id);
          n.category = m(cat, n.category);
        });
        renamed.scores.forEach((s) => {
          s.nominee = m(nom, s.nominee);
          s.assessor = m(asr, s.assessor);
          s.criterion = m(crit, s.criterion);
        });
        const flag = (f: string) => {
          const [kind, id] = [f.slice(0, f.indexOf(":")), f.slice(f.indexOf(":") + 1)];
          return `${kind}:${kind === "calibration-skipped" ? m(asr, id) : m(crit, id)}`;
        };
        const keys = <T>(o: Record<string, T>, map: Map<string, string>) =>
          Object.fromEntries(Object.entries(o).map(([k, v]) => [m(map, k), v]));
        const expected = score(input).categories.map((c) => ({
          ...c,
          category: m(cat, c.category),
          ranking: c.ranking.map((e) => ({
            ...e,
            nominee: m(nom, e.nominee),
            reached: m(stage, e.reached),
            stages: keys(e.stages, stage),
            criteria: keys(e.criteria, crit),
            flags: e.flags.map(flag).sort(),
          })),
          ineligible: c.ineligible.map((x) => ({ ...x, nominee: m(nom, x.nominee) })),
          agreement: keys(c.agreement, stage),
          flags: c.flags.map(flag).sort(),
          ...(c.sensitivity
            ? {
                sensitivity: {
                  winnerStable: c.sensitivity.winnerStable,
                  changes: c.sensitivity.changes.map((x) => {
                    const parts = x.variant.split(":");
                    const variant =
                      parts[0] === "without"
                        ? `without:${m(asr, parts[1])}`
                        : `weight:${m(crit, parts[1])}:${parts[2]}`;
                    return { variant, winners: x.winners.map((w) => m(nom, w)) };
                  }),
                },
              }
            : {}),
        }));
        expect(JSON.stringify(score(renamed).categories)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 800 },
    );
  });

  it("under calibration none, raising one score never lowers that nominee's total", () => {
    // With calibration none a nominee's criterion values depend only on its own scores, and every
    // aggregate is non-decreasing in each score; its running totals can only rise, so it reaches
    // at least the same stage, and a stage reached adds a non-negative term: the total cannot fall.
    fc.assert(
      fc.property(paramsArb, fc.nat(), fc.integer({ min: 1, max: 100 }), (p, which, raise) => {
        const input = build({ ...p, calibration: "none" });
        fc.pre(input.scores.length > 0);
        const i = which % input.scores.length;
        const s = input.scores[i];
        const max = (input.rubric.criteria.find((c) => c.id === s.criterion) as { max: number }).max;
        const raised = {
          ...input,
          scores: input.scores.map((x, j) =>
            j === i ? { ...x, value: Math.min(max, x.value + (max * raise) / 100) } : x,
          ),
        };
        const before = allEntries(score(input)).find((e) => e.nominee === s.nominee);
        const after = allEntries(score(raised)).find((e) => e.nominee === s.nominee);
        if (before === undefined) {
          expect(after).toBeUndefined(); // ineligible
          return;
        }
        expect(after!.total).toBeGreaterThanOrEqual(before.total);
        expect(input.rubric.stages.findIndex((x) => x.id === after!.reached)).toBeGreaterThanOrEqual(
          input.rubric.stages.findIndex((x) => x.id === before.reached),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("a criterion's aggregate stays within the min and max of its scores (calibration none)", () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const input = build({ ...p, calibration: "none" });
        const r2 = (x: number) => Math.round(x * 100) / 100;
        for (const e of allEntries(score(input))) {
          for (const [cid, res] of Object.entries(e.criteria)) {
            if (!("panel" in res) || res.panel === 0) continue;
            const max = (input.rubric.criteria.find((c) => c.id === cid) as { max: number }).max;
            const us = input.scores
              .filter((s) => s.nominee === e.nominee && s.criterion === cid)
              .map((s) => (100 * s.value) / max);
            expect(res.panel).toBe(us.length);
            expect(res.value).toBeGreaterThanOrEqual(r2(Math.min(...us)));
            expect(res.value).toBeLessThanOrEqual(r2(Math.max(...us)));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("every eligible nominee is ranked once, no ineligible one; listing by rank then id; ranks start at 1", () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const input = build(p);
        const r = score(input);
        for (const c of r.categories) {
          const ranked = c.ranking.map((e) => e.nominee);
          const inel = c.ineligible.map((x) => x.nominee);
          const inCat = input.nominees.filter((n) => n.category === c.category).map((n) => n.id);
          expect([...ranked, ...inel].sort()).toEqual(inCat.sort());
          expect(ranked.filter((x) => inel.includes(x))).toEqual([]);
          if (c.ranking.length > 0) expect(c.ranking[0].rank).toBe(1);
          for (let i = 1; i < c.ranking.length; i++) {
            const [a, b] = [c.ranking[i - 1], c.ranking[i]];
            expect(a.rank < b.rank || (a.rank === b.rank && a.nominee < b.nominee)).toBe(true);
          }
          if (c.sensitivity) {
            for (const e of c.ranking) {
              expect(e.rankRange![0]).toBeLessThanOrEqual(e.rank);
              expect(e.rankRange![1]).toBeGreaterThanOrEqual(e.rank);
            }
          }
        }
      }),
      { numRuns: 800 },
    );
  });

  it("ranks follow 1 + number strictly better (competition), distinct better keys (dense); equal keys share a rank", () => {
    // Totals here are exact in 2 decimals (whole-number u, one or two assessors, mean), so the
    // reported total is the comparison key.
    const arb = fc.record({
      values: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), fc.boolean()),
        { minLength: 1, maxLength: 12 },
      ),
      ranking: fc.constantFrom("competition" as const, "dense" as const),
    });
    fc.assert(
      fc.property(arb, ({ values, ranking }) => {
        const input: ScoringInput = {
          rubric: {
            stages: [{ id: "desk", weight: 1 }],
            criteria: [{ id: "q", stage: "desk", weight: 1, type: "judged", max: 10 }],
            gates: [{ id: "g", indicator: "ok", op: "==", value: 1 }],
          },
          method: { aggregate: { kind: "mean" }, ranking },
          nominees: values.map(([, , two, ok], i) => ({
            id: `n${i}`,
            category: "c",
            indicators: { ok: ok || two ? 1 : 0 },
          })),
          scores: values.flatMap(([v, w, two], i) => [
            { assessor: "a", nominee: `n${i}`, criterion: "q", value: v },
            ...(two ? [{ assessor: "b", nominee: `n${i}`, criterion: "q", value: w }] : []),
          ]),
        };
        const entries = score(input).categories[0].ranking;
        const eligible = input.nominees.filter((n) => n.indicators!.ok === 1).map((n) => n.id);
        expect(entries.map((e) => e.nominee).sort()).toEqual(eligible.sort());
        for (const e of entries) {
          const better = entries.filter((f) => f.total > e.total);
          const expected = ranking === "competition" ? 1 + better.length : 1 + new Set(better.map((f) => f.total)).size;
          expect(e.rank).toBe(expected);
          for (const f of entries) if (f.total === e.total) expect(f.rank).toBe(e.rank);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("agreement is 1 when the assessors agree perfectly and the nominees differ", () => {
    const arb = fc.record({
      values: fc
        .array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 9 })
        .filter((v) => new Set(v).size > 1),
      k: fc.integer({ min: 2, max: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ values, k }) => {
        const input: ScoringInput = {
          rubric: {
            stages: [{ id: "desk", weight: 1 }],
            criteria: [{ id: "q", stage: "desk", weight: 1, type: "judged", max: 10 }],
          },
          nominees: values.map((_, i) => ({ id: `n${i}`, category: "c" })),
          scores: values.flatMap((v, i) =>
            Array.from({ length: k }, (_, a) => ({ assessor: `a${a}`, nominee: `n${i}`, criterion: "q", value: v })),
          ),
        };
        expect(score(input).categories[0].agreement.desk).toEqual({
          assessors: k,
          nominees: values.length,
          icc2_1: 1,
          icc2_k: 1,
          kendallW: 1,
        });
      }),
      { numRuns: 1000 },
    );
  });
});
