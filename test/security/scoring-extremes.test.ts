// Issue 9, item 3: a rubric could make totals NaN. Weights of 1e308, `max: 1e308` or `step: 5e-324`
// were accepted; one submitted sheet then gave a total of NaN (an empty cell on the ranking page, a
// rank behind unscored entries). The contract now bounds every number it accepts, and score()
// returns finite numbers for every input its parser accepts.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseScoringInput, score, type ScoringInput } from "../../scoring/index";
import { importRubricJson, exportRubricJson } from "../../app/lib/rubric-json";
import { modelFromDefinition } from "../../app/lib/rubric-form-model";
import { validateRubricForm } from "../../app/lib/rubric-form-errors";
import { translateProblems } from "../../app/lib/rubric-problems";
import { translator } from "../../app/i18n";
import { companyRubric, demoMethod } from "../../db/seed/rubrics";
import { insertRubric, currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { editionCategories } from "../../db/queries/editions";
import { scoreCategory } from "../../app/lib/scoring-input.server";
import { demoEdition, freshDb } from "../db/support";
import { deriveIndicators } from "../../scoring/figures";

/** Every number in a value (object, array, number), with its JSON path. */
function numbersOf(v: unknown, path = "", out: [string, number][] = []): [string, number][] {
  if (typeof v === "number") out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersOf(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === "object")
    for (const [k, x] of Object.entries(v)) numbersOf(x, `${path}.${k}`, out);
  return out;
}
const nonFinite = (v: unknown) => numbersOf(v).filter(([, x]) => !Number.isFinite(x));

/** One stage, two judged criteria, one nominee with one submitted score (the reported case). */
function oneSheet(weight: number, max: number, value: number, stageWeight = 1): unknown {
  return {
    rubric: {
      stages: [{ id: "desk", weight: stageWeight }],
      criteria: [
        { id: "q", stage: "desk", weight, type: "judged", max },
        { id: "r", stage: "desk", weight: 1, type: "judged", max: 10 },
      ],
    },
    nominees: [
      { id: "a", category: "c" },
      { id: "b", category: "c" },
    ],
    scores: [{ assessor: "x", nominee: "a", criterion: "q", value }],
  };
}

describe("a rubric cannot make totals NaN", () => {
  it("refuses the reported inputs in parseScoringInput, at their JSON paths (they gave NaN / Infinity totals)", () => {
    const cases: [unknown, string][] = [
      [oneSheet(1e308, 100, 50), "rubric.criteria[0].weight"],
      [oneSheet(1, 1e308, 1e308), "rubric.criteria[0].max"],
      [oneSheet(1, 100, 50, 1e308), "rubric.stages[0].weight"],
    ];
    for (const [input, path] of cases) {
      const parsed = parseScoringInput(input);
      // What the hole looked like: accepted, then a non-finite total.
      if (parsed.ok) expect(nonFinite(score(parsed.input)), path).toEqual([]);
      expect(parsed.ok || parsed.problems.map((p) => p.path), path).toContain(path);
    }
  });

  it("refuses such a rubric on import (weight 1e308, max 1e308, step 5e-324), each problem in words of the committee's language", () => {
    const t = translator("id");
    type Doc = { rubric: { stages: { weight: number }[]; criteria: Record<string, unknown>[] } };
    const doc0 = JSON.parse(exportRubricJson(companyRubric(5), demoMethod)) as Doc;
    const j = doc0.rubric.criteria.findIndex((c) => c.type === "judged");
    const cases: [(d: Doc) => void, string][] = [
      [(d) => (d.rubric.criteria[j]!.weight = 1e308), `rubric.criteria[${j}].weight`],
      [(d) => (d.rubric.criteria[j]!.max = 1e308), `rubric.criteria[${j}].max`],
      [(d) => (d.rubric.criteria[j]!.step = 5e-324), `rubric.criteria[${j}].step`],
      [(d) => (d.rubric.stages[0]!.weight = 1e308), "rubric.stages[0].weight"],
    ];
    for (const [mutate, path] of cases) {
      const doc = structuredClone(doc0);
      mutate(doc);
      const r = importRubricJson(JSON.stringify(doc));
      expect(r.ok, path).toBe(false);
      if (r.ok) continue;
      expect(r.problems.map((p) => p.path)).toEqual([path]);
      const [shown] = translateProblems(r.problems, t);
      expect(shown!.path).toBe(path);
      expect(shown!.message).not.toBe(r.problems[0]!.message); // not the contract's English text
      expect(shown!.message).toMatch(/^[A-Z]/);
    }
  });

  it("refuses such numbers typed into the rubric form, at their fields", () => {
    const model = modelFromDefinition(companyRubric(5), ["desk", "verification", "interview"], 1);
    const i = model.criteria.findIndex((c) => c.type === "judged");
    model.criteria[i]!.weight = `1${"0".repeat(308)}`;
    model.criteria[i]!.max = `1${"0".repeat(400)}`; // Infinity once read: no number for the form-number reader
    model.stages[0]!.weight = "5000";
    const r = validateRubricForm(model, demoMethod);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[`criteria.${i}.weight`]).toBe("rubricForm.weightRange");
    expect(r.errors[`criteria.${i}.max`]).toBe("rubricForm.number");
    expect(r.errors["stages.0.weight"]).toBe("rubricForm.weightRange");
  });

  it("an entrant's absurd figures leave an indicator out (as missing) instead of making the category's input refused", () => {
    const indicators = deriveIndicators("company", {
      workers: 10,
      workers_registered: 10,
      wages_reported: 1e15,
      wages_paid: 1,
    });
    expect(indicators).toEqual({ coverage_pct: 100 }); // 100 · 1e15 / 1 % is beyond ±1e15
    const parsed = parseScoringInput({
      ...(oneSheet(1, 100, 50) as object),
      nominees: [{ id: "a", category: "c", indicators }],
    });
    expect(parsed.ok).toBe(true);
  });

  it("end to end on a real database: a rubric stored with such a weight (e.g. before this fix) is refused for ranking, never ranked with a NaN total", async () => {
    const { db } = await freshDb({ seed: true });
    const edition = await demoEdition(db);
    const regency = (await editionCategories(db, edition.id)).find((c) => c.key === "regency_city")!;
    const before = (await scoreCategory(db, regency))!;
    expect(before.parsed.ok).toBe(true);
    const rubric = (await currentRubric(db, regency.id))!;
    const definition = await loadRubricDefinition(db, rubric.id);
    const i = definition.criteria.findIndex((c) => c.type === "judged");
    definition.criteria[i]!.weight = 1e308;
    await insertRubric(db, { categoryId: regency.id, definition, method: JSON.parse(rubric.method), reason: "uji" });
    const after = (await scoreCategory(db, regency))!;
    if (after.result) expect(nonFinite(after.result)).toEqual([]);
    expect(after.parsed.ok || after.parsed.problems.map((p) => p.path)).toEqual([`rubric.criteria[${i}].weight`]);
  });
});

// ---- property: score() is finite for every input its parser accepts --------------------------

/** Extreme values (inside and outside any sane range), and ordinary ones most of the time. */
const EXTREMES = [
  0,
  5e-324,
  1e-300,
  1e-9,
  1e-7,
  1e-6,
  0.001,
  0.5,
  1,
  100,
  1000,
  1001,
  1e6,
  1e6 + 1,
  1e15,
  1e16,
  1e100,
  1e300,
  1e308,
  Number.MAX_VALUE,
];
/** Mostly an ordinary value, sometimes an extreme one. */
const mostly = <T>(ordinary: fc.Arbitrary<T>, extreme: fc.Arbitrary<T>, odds = 20) =>
  fc.oneof({ weight: odds, arbitrary: ordinary }, { weight: 1, arbitrary: extreme });
const positiveArb = mostly(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(...EXTREMES));
/** Weights and maxes, where the overflow was: extreme far more often. */
const scaleArb = mostly(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(...EXTREMES), 4);
const signedArb = fc.tuple(positiveArb, fc.boolean()).map(([x, neg]) => (neg ? -x : x));
const fractionArb = fc.oneof(
  fc.constantFrom(0, 1, 5e-324, 1e-300, 1e-9, 0.5, 1 - 2 ** -53),
  fc.double({ min: 0, max: 1, noNaN: true }),
);
const countArb = (min: number) =>
  mostly(fc.integer({ min, max: 6 }), fc.constantFrom(0, 1e6, 1e6 + 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e300));
/** A step: max divided into k steps, or any value. */
type StepChoice = { k: number } | { v: number };
const stepArb = fc.option(
  mostly<StepChoice>(
    fc.integer({ min: 1, max: 20 }).map((k) => ({ k })),
    positiveArb.map((v) => ({ v })),
    4,
  ),
  { freq: 3 },
);

const inputArb = fc.record({
  n: fc.integer({ min: 1, max: 5 }),
  twoStages: fc.boolean(),
  stageWeights: fc.tuple(scaleArb, scaleArb),
  advance: fc.oneof(
    countArb(1).map((top) => ({ top })),
    positiveArb.map((minScore) => ({ minScore })),
  ),
  weights: fc.array(scaleArb, { minLength: 4, maxLength: 4 }),
  maxes: fc.array(scaleArb, { minLength: 3, maxLength: 3 }),
  steps: fc.array(stepArb, { minLength: 3, maxLength: 3 }),
  bands: fc.array(fc.tuple(signedArb, positiveArb), { minLength: 1, maxLength: 3 }),
  gate: fc.option(signedArb),
  indicators: fc.array(fc.tuple(signedArb, signedArb), { minLength: 5, maxLength: 5 }),
  cells: fc.array(fc.option(fractionArb, { freq: 4 }), { minLength: 5 * 4 * 4, maxLength: 5 * 4 * 4 }),
  kind: fc.constantFrom("mean" as const, "median" as const, "trimmed-mean" as const),
  trim: countArb(0),
  minPanel: countArb(1),
  calibration: fc.constantFrom("none" as const, "zscore" as const, "offset" as const),
  disagreementSd: positiveArb,
  delta: fc.option(
    fc.oneof(fc.constantFrom(5e-324, 1e-300, 0.5, 0.9, 1 - 2 ** -53), fc.double({ min: 0, max: 1, noNaN: true })),
  ),
  // Contract 2 adds the one-way figures and rankWithout; overrides take nominees on or out (§15).
  contract: fc.constantFrom(undefined, 1 as const, 2 as const),
  overrides: fc.array(
    fc.record({
      nominee: fc.integer({ min: 0, max: 4 }),
      interview: fc.boolean(),
      decision: fc.constantFrom("advance" as const, "exclude" as const),
    }),
    { maxLength: 3 },
  ),
});

const stepOf = (s: StepChoice | null, max: number) => (s === null ? {} : { step: "k" in s ? max / s.k : s.v });

type Params = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function buildInput(p: Params): ScoringInput {
  const judged = p.maxes.map((max, j) => ({
    id: `j${j}`,
    stage: p.twoStages && j === 2 ? "interview" : "desk",
    weight: p.weights[j]!,
    type: "judged" as const,
    max,
    ...stepOf(p.steps[j] ?? null, max),
  }));
  const criteria: ScoringInput["rubric"]["criteria"] = [
    ...judged,
    {
      id: "ind",
      stage: "desk",
      weight: p.weights[3]!,
      type: "indicator",
      indicator: "x",
      bands: p.bands.map(([min, points]) => ({ min, points })),
    },
  ];
  const stages = p.twoStages
    ? [
        { id: "desk", weight: p.stageWeights[0], advance: p.advance },
        { id: "interview", weight: p.stageWeights[1] },
      ]
    : [{ id: "desk", weight: p.stageWeights[0] }];
  const nominees = Array.from({ length: p.n }, (_, i) => ({
    id: `n${i}`,
    category: "c",
    indicators: { x: p.indicators[i]![0], g: p.indicators[i]![1] },
  }));
  const scores: ScoringInput["scores"] = [];
  let k = 0;
  for (let i = 0; i < p.n; i++) {
    for (const c of judged) {
      for (let a = 0; a < 4; a++) {
        const f = p.cells[k++];
        if (f !== null && f !== undefined)
          scores.push({ assessor: `a${a}`, nominee: `n${i}`, criterion: c.id, value: c.max * f });
      }
    }
  }
  return {
    rubric: { stages, criteria, gates: p.gate === null ? [] : [{ id: "g", indicator: "g", op: ">=", value: p.gate }] },
    method: {
      aggregate: { kind: p.kind, trim: p.trim, minPanel: p.minPanel },
      calibration: p.calibration,
      disagreementSd: p.disagreementSd,
      tieBreak: ["criterion:j0", "stage:desk"],
      ...(p.delta !== null ? { sensitivity: { weightDelta: p.delta } } : {}),
    },
    nominees,
    scores,
    ...(p.contract === undefined ? {} : { contract: p.contract }),
    overrides: overridesOf(p),
  } as ScoringInput;
}

/** The drawn overrides the parser would take: known nominee, advance only on desk, one per (nominee, stage). */
function overridesOf(p: Params): NonNullable<ScoringInput["overrides"]> {
  const seen = new Set<string>();
  const out: NonNullable<ScoringInput["overrides"]> = [];
  for (const o of p.overrides) {
    const stage = p.twoStages && o.interview ? "interview" : "desk";
    if (o.nominee >= p.n || seen.has(`${o.nominee} ${stage}`)) continue;
    if (o.decision === "advance" && (stage !== "desk" || !p.twoStages)) continue;
    seen.add(`${o.nominee} ${stage}`);
    out.push({ nominee: `n${o.nominee}`, stage, decision: o.decision, reason: "keputusan rapat pleno" });
  }
  return out;
}

describe("score() over extreme values", () => {
  it("returns only finite numbers for every input that parseScoringInput accepts (contract 1 and 2, with overrides)", () => {
    let accepted = 0;
    let oneWay = 0;
    fc.assert(
      fc.property(inputArb, (p) => {
        const parsed = parseScoringInput(buildInput(p));
        if (!parsed.ok) return;
        accepted++;
        const result = score(parsed.input);
        expect(nonFinite(result)).toEqual([]);
        if (result.categories.some((c) => Object.values(c.agreement).some((a) => a.oneWay?.icc1_1 != null))) oneWay++;
      }),
      { numRuns: 2000 },
    );
    // The one-way figures are computed (not always null) on a share of them.
    expect(oneWay).toBeGreaterThan(5);
    // The property is not vacuous: a fair share of the inputs is accepted and scored.
    expect(accepted).toBeGreaterThan(100);
  });
});
