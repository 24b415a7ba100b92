// A nominee's prior total and the rubric's use of it (docs/scoring-contract.md §1, §10): a minimum
// that makes a nominee ineligible, and the last tie-break.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseScoringInput, score, type ScoringInput, type ScoringResult } from "../../scoring/index";
import { category, ranks, scoresFrom } from "./helpers";

/**
 * One stage, one judged criterion q (max 100), panel mean; a gate "no_arrears" (arrears_months ≤ 0).
 *
 *   nominee  prior   arrears  scores   total
 *   A        85      0        80, 80   80
 *   B        90      0        70, 90   80     (tie with A on total)
 *   C        60      0        95, 95   95     (prior below 70: ineligible, though best on total)
 *   D        —       2        90, 90   90     (gate failed and prior missing)
 *   E        70      0        60, 60   60     (exactly at the minimum: eligible)
 */
function example(prior: ScoringInput["rubric"]["prior"]): ScoringInput {
  const n = (id: string, p: number | null, arrears: number) => ({
    id,
    category: "c",
    indicators: { arrears_months: arrears },
    prior: p,
  });
  return {
    rubric: {
      stages: [{ id: "desk", weight: 1 }],
      criteria: [{ id: "q", stage: "desk", weight: 1, type: "judged", max: 100 }],
      gates: [{ id: "no_arrears", indicator: "arrears_months", op: "<=", value: 0 }],
      ...(prior === undefined ? {} : { prior }),
    },
    method: { aggregate: { kind: "mean" } },
    nominees: [n("A", 85, 0), n("B", 90, 0), n("C", 60, 0), n("D", null, 2), n("E", 70, 0)],
    scores: scoresFrom({
      A: { a1: 80, a2: 80 },
      B: { a1: 70, a2: 90 },
      C: { a1: 95, a2: 95 },
      D: { a1: 90, a2: 90 },
      E: { a1: 60, a2: 60 },
    }),
  };
}

describe("prior: the hand-worked example", () => {
  it("without rubric.prior the prior is context only", () => {
    const r = score(example(undefined));
    // C 95 first; A and B share 2 on 80 (competition: E is 4th); D fails the gate only.
    expect(ranks(r)).toEqual({ C: 1, A: 2, B: 2, E: 4 });
    expect(category(r).ineligible).toEqual([{ nominee: "D", failed: ["no_arrears"] }]);
  });

  it("minScore 70 excludes C (60) and D (missing), after the rubric's gates; E at exactly 70 stays", () => {
    const r = score(example({ minScore: 70 }));
    expect(ranks(r)).toEqual({ A: 1, B: 1, E: 3 });
    expect(category(r).ineligible).toEqual([
      { nominee: "C", failed: ["prior"] },
      { nominee: "D", failed: ["no_arrears", "prior"] },
    ]);
  });

  it("a prior below the minimum only after rounding to 6 decimals fails; 69.9999996 rounds to 70 and passes", () => {
    const input = example({ minScore: 70 });
    input.nominees[4]!.prior = 69.9999996; // → 70.000000 ≥ 70
    expect(ranks(score(input)).E).toBe(3);
    input.nominees[4]!.prior = 69.999999; // → 69.999999 < 70
    expect(category(score(input)).ineligible.map((x) => x.nominee)).toEqual(["C", "D", "E"]);
  });

  it("tieBreak breaks the tie on total by prior: B (90) before A (85); totals unchanged", () => {
    const r = score(example({ minScore: 70, tieBreak: true }));
    expect(ranks(r)).toEqual({ B: 1, A: 2, E: 3 });
    expect(category(r).ranking.map((e) => [e.nominee, e.total])).toEqual([
      ["B", 80],
      ["A", 80],
      ["E", 60],
    ]);
    // Without the minimum, C (95) leads, B/A are 2 and 3, E 4; D is out on its gate alone.
    const open = score(example({ tieBreak: true }));
    expect(ranks(open)).toEqual({ C: 1, B: 2, A: 3, E: 4 });
    expect(category(open).ineligible).toEqual([{ nominee: "D", failed: ["no_arrears"] }]);
  });

  it("prior comes after method.tieBreak, and a missing prior is lowest", () => {
    // Criteria q and r (weight 1 each). P: q 80, r 60 → 70; Q: q 60, r 80 → 70; R: q 60, r 80 → 70.
    // criterion:r first: Q and R (80) before P (60) although P has the highest prior; then the
    // prior: R (50) before Q (missing).
    const input: ScoringInput = {
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [
          { id: "q", stage: "desk", weight: 1, type: "judged", max: 100 },
          { id: "r", stage: "desk", weight: 1, type: "judged", max: 100 },
        ],
        prior: { tieBreak: true },
      },
      method: { aggregate: { kind: "mean" }, tieBreak: ["criterion:r"] },
      nominees: [
        { id: "P", category: "c", prior: 99 },
        { id: "Q", category: "c", prior: null },
        { id: "R", category: "c", prior: 50 },
      ],
      scores: [
        ...scoresFrom({ P: { a1: 80 }, Q: { a1: 60 }, R: { a1: 60 } }, "q"),
        ...scoresFrom({ P: { a1: 60 }, Q: { a1: 80 }, R: { a1: 80 } }, "r"),
      ],
    };
    expect(ranks(score(input))).toEqual({ R: 1, Q: 2, P: 3 });
    // Equal priors stay tied (never broken by id).
    input.nominees[1]!.prior = 50;
    expect(ranks(score(input))).toEqual({ Q: 1, R: 1, P: 3 });
  });

  it("sensitivity variants rank with the prior too: a tie broken by it keeps its winner", () => {
    const input = example({ tieBreak: true, minScore: 70 });
    input.method = { ...input.method, sensitivity: { weightDelta: 0.1 } };
    const c = category(score(input));
    // Leaving a1 out: A 80, B 90 → B; leaving a2 out: A 80, B 70 → A (a change). With one
    // criterion, weight variants change nothing: B stays first on the prior.
    expect(c.sensitivity).toEqual({ winnerStable: false, changes: [{ variant: "without:a2", winners: ["A"] }] });
    expect(c.ranking.map((e) => [e.nominee, e.rankRange])).toEqual([
      ["B", [1, 2]],
      ["A", [1, 2]],
      ["E", [3, 3]],
    ]);
  });
});

describe("prior: the input contract", () => {
  const base = (): ScoringInput => example({ minScore: 70, tieBreak: true });
  // The input as plain JSON, so that a test may put anything anywhere.
  type Loose = { rubric: { prior: Record<string, unknown>; gates: unknown[] }; nominees: Record<string, unknown>[] };
  function codes(mutate: (x: Loose) => void): string[] {
    const input = JSON.parse(JSON.stringify(base())) as Loose;
    mutate(input);
    const r = parseScoringInput(input);
    return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}: ${p.message}`);
  }

  it("accepts prior on nominees (null, absent, 0–100) and returns it", () => {
    const r = parseScoringInput(base());
    expect(r).toEqual({ ok: true, input: base() });
    expect(codes((x) => delete x.nominees[0].prior)).toEqual([]);
    expect(codes((x) => (x.nominees[0].prior = 0))).toEqual([]);
    expect(codes((x) => (x.nominees[0].prior = 100))).toEqual([]);
  });

  it("refuses a prior out of 0–100 or not a number", () => {
    expect(codes((x) => (x.nominees[1].prior = 100.5))).toEqual(["nominees[1].prior too_big: must be ≤ 100"]);
    expect(codes((x) => (x.nominees[1].prior = -1))).toEqual(["nominees[1].prior too_small: must be ≥ 0"]);
    expect(codes((x) => (x.nominees[1].prior = "90"))).toEqual([
      "nominees[1].prior invalid_type: Invalid input: expected number, received string",
    ]);
    expect(codes((x) => (x.rubric.prior.minScore = 101))).toEqual(["rubric.prior.minScore too_big: must be ≤ 100"]);
    expect(codes((x) => (x.rubric.prior.tieBreak = 1))).toEqual([
      "rubric.prior.tieBreak invalid_type: Invalid input: expected boolean, received number",
    ]);
  });

  it("refuses an empty rubric.prior and unknown keys in it", () => {
    expect(codes((x) => (x.rubric.prior = {}))).toEqual(["rubric.prior invalid_value: must have minScore or tieBreak"]);
    expect(codes((x) => (x.rubric.prior.top = 3))[0]).toMatch(/^rubric\.prior unknown_key: Unrecognized key/);
  });

  it('refuses a gate "prior" when minScore is set, and allows it otherwise', () => {
    const clash = (x: Loose) => x.rubric.gates.push({ id: "prior", indicator: "arrears_months", op: "<=", value: 0 });
    expect(codes(clash)).toEqual([
      'rubric.gates[1].id duplicate_gate: gate id "prior" is taken by rubric.prior.minScore',
    ]);
    expect(
      codes((x) => {
        clash(x);
        x.rubric.prior = { tieBreak: true };
      }),
    ).toEqual([]);
  });
});

// Small random inputs: up to 6 nominees in two categories, one or two criteria, three assessors,
// an optional gate and method tie-break, optional sensitivity.
interface Params {
  n: number;
  cats: number[];
  arrears: number[];
  gateOn: boolean;
  twoCriteria: boolean;
  methodTieBreak: boolean;
  sensitivity: boolean;
  cells: (number | null)[];
}
const MAXN = 6;
const paramsArb: fc.Arbitrary<Params> = fc.record({
  n: fc.integer({ min: 1, max: MAXN }),
  cats: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: MAXN, maxLength: MAXN }),
  arrears: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: MAXN, maxLength: MAXN }),
  gateOn: fc.boolean(),
  twoCriteria: fc.boolean(),
  methodTieBreak: fc.boolean(),
  sensitivity: fc.boolean(),
  // Few distinct values so that ties on total are common.
  cells: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { freq: 6 }), {
    minLength: MAXN * 2 * 3,
    maxLength: MAXN * 2 * 3,
  }),
});
const priorArb = fc.array(
  fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer({ min: 0, max: 4 }).map((k) => k * 25),
    fc.double({ min: 0, max: 100, noNaN: true }),
  ),
  { minLength: MAXN, maxLength: MAXN },
);

function build(p: Params, priors?: (number | null | undefined)[]): ScoringInput {
  const crits = p.twoCriteria ? ["q", "r"] : ["q"];
  const scores: ScoringInput["scores"] = [];
  let k = 0;
  for (let i = 0; i < p.n; i++)
    for (const c of crits)
      for (const a of ["a1", "a2", "a3"]) {
        const cell = p.cells[k++];
        if (cell !== null) scores.push({ assessor: a, nominee: `n${i}`, criterion: c, value: cell * 25 });
      }
  return {
    rubric: {
      stages: [{ id: "desk", weight: 1 }],
      criteria: crits.map((id) => ({ id, stage: "desk", weight: 1, type: "judged" as const, max: 100 })),
      gates: p.gateOn ? [{ id: "g", indicator: "arrears", op: "<=", value: 0 }] : [],
    },
    method: {
      aggregate: { kind: "mean" },
      tieBreak: p.methodTieBreak ? ["criterion:q"] : [],
      sensitivity: p.sensitivity ? { weightDelta: 0.2 } : undefined,
    },
    nominees: Array.from({ length: p.n }, (_, i) => {
      const nominee: ScoringInput["nominees"][number] = {
        id: `n${i}`,
        category: `c${p.cats[i]}`,
        indicators: { arrears: p.arrears[i]! },
      };
      if (priors !== undefined && priors[i] !== undefined) nominee.prior = priors[i];
      return nominee;
    }),
    scores,
  };
}

const eligibleTotals = (r: ScoringResult) =>
  r.categories.map((c) => ({
    category: c.category,
    totals: Object.fromEntries(c.ranking.map((e) => [e.nominee, e.total])),
    ineligible: c.ineligible,
  }));

describe("prior: properties", () => {
  it("without rubric.prior, giving nominees any prior changes nothing in the output", () => {
    fc.assert(
      fc.property(paramsArb, priorArb, (p, priors) => {
        const withPriors = build(p, priors);
        expect(parseScoringInput(withPriors).ok).toBe(true);
        expect(JSON.stringify(score(withPriors))).toBe(JSON.stringify(score(build(p))));
      }),
      { numRuns: 300 },
    );
  });

  it("with tieBreak only, the eligible nominees and every total stay; the order only refines", () => {
    fc.assert(
      fc.property(paramsArb, priorArb, (p, priors) => {
        const before = score(build(p, priors));
        const input = build(p, priors);
        input.rubric.prior = { tieBreak: true };
        const after = score(input);
        expect(eligibleTotals(after)).toEqual(eligibleTotals(before));
        // Whoever was strictly ahead stays strictly ahead.
        after.categories.forEach((c, k) => {
          const old = Object.fromEntries(before.categories[k]!.ranking.map((e) => [e.nominee, e.rank]));
          const now = Object.fromEntries(c.ranking.map((e) => [e.nominee, e.rank]));
          for (const a of c.ranking)
            for (const b of c.ranking)
              if (old[a.nominee]! < old[b.nominee]!) expect(now[a.nominee]!).toBeLessThan(now[b.nominee]!);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("with minScore, the ineligible are those failing a gate plus those with a prior missing or below it", () => {
    fc.assert(
      fc.property(paramsArb, priorArb, fc.integer({ min: 0, max: 100 }), (p, priors, min) => {
        const input = build(p, priors);
        input.rubric.prior = { minScore: min };
        const failing = new Map(
          score(build(p, priors)).categories.flatMap((c) => c.ineligible.map((x) => [x.nominee, x.failed])),
        );
        input.nominees.forEach((nominee) => {
          const prior = nominee.prior ?? null;
          if (prior === null || Math.round(prior * 1e6) / 1e6 < min)
            failing.set(nominee.id, [...(failing.get(nominee.id) ?? []), "prior"]);
        });
        const got = new Map(score(input).categories.flatMap((c) => c.ineligible.map((x) => [x.nominee, x.failed])));
        expect(got).toEqual(failing);
      }),
      { numRuns: 300 },
    );
  });
});
