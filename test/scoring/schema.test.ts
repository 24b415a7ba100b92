// The input contract: every violation is reported with a precise JSON path.
import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import {
  parseScoringInput,
  PROBLEM_CODES,
  type JudgedCriterion,
  type ProblemCode,
  type ScoringInput,
} from "../../scoring/index";

const valid = (): ScoringInput => ({
  rubric: {
    stages: [
      { id: "desk", weight: 60, advance: { top: 5 } },
      { id: "interview", weight: 40 },
    ],
    criteria: [
      { id: "regulation", stage: "desk", weight: 30, type: "judged", max: 100 },
      {
        id: "coverage",
        stage: "desk",
        weight: 40,
        type: "indicator",
        indicator: "coverage_pct",
        bands: [
          { min: 90, points: 100 },
          { min: 0, points: 20 },
        ],
      },
      { id: "presentation", stage: "interview", weight: 1, type: "judged", max: 10 },
    ],
    gates: [{ id: "no_arrears", indicator: "arrears_months", op: "<=", value: 0 }],
  },
  method: {
    aggregate: { kind: "trimmed-mean", trim: 1, minPanel: 5 },
    calibration: "none",
    ranking: "competition",
    tieBreak: ["stage:interview", "criterion:coverage"],
    disagreementSd: 15,
    sensitivity: { weightDelta: 0.1 },
  },
  nominees: [{ id: "n1", category: "large", indicators: { coverage_pct: 96.5, arrears_months: 0 } }],
  scores: [{ assessor: "a1", nominee: "n1", criterion: "regulation", value: 80 }],
});

function problems(mutate: (x: ScoringInput) => void): string[] {
  const input = valid();
  mutate(input);
  const r = parseScoringInput(JSON.parse(JSON.stringify(input)));
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

/** The problems of a mutated example as `path code`. */
function codes(mutate: (x: ScoringInput) => void): string[] {
  const input = valid();
  mutate(input);
  const r = parseScoringInput(JSON.parse(JSON.stringify(input)));
  return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`);
}

describe("parseScoringInput", () => {
  it("accepts the example of docs/scoring-contract.md and returns the typed input", () => {
    const r = parseScoringInput(valid());
    expect(r).toEqual({ ok: true, input: valid() });
    expect(parseScoringInput({ ...valid(), method: undefined }).ok).toBe(true);
  });

  it("reports value > max with the criterion's max", () => {
    expect(
      problems((x) => x.scores.push({ assessor: "a2", nominee: "n1", criterion: "presentation", value: 11 })),
    ).toEqual(["scores[1].value: must be ≤ max (10)"]);
    expect(problems((x) => (x.scores[0].value = -1))).toEqual(["scores[0].value: must be ≥ 0"]);
  });

  it("reports references to unknown ids", () => {
    expect(problems((x) => (x.scores[0].criterion = "nope"))).toEqual([
      'scores[0].criterion: unknown criterion "nope"',
    ]);
    expect(problems((x) => (x.scores[0].nominee = "n9"))).toEqual(['scores[0].nominee: unknown nominee "n9"']);
    expect(problems((x) => (x.method!.tieBreak = ["stage:final"]))).toEqual([
      'method.tieBreak[0]: unknown stage "final"',
    ]);
    expect(problems((x) => (x.method!.tieBreak = ["criterion:x"]))).toEqual([
      'method.tieBreak[0]: unknown criterion "x"',
    ]);
    expect(problems((x) => (x.method!.tieBreak = ["total"]))).toEqual([
      'method.tieBreak[0]: must be "stage:<id>" or "criterion:<id>"',
    ]);
    expect(problems((x) => (x.rubric.criteria[2].stage = "final"))).toEqual([
      'rubric.criteria[2].stage: unknown stage "final"',
      'rubric.stages[1]: stage "interview" has no criteria',
    ]);
  });

  it("reports scores for indicator criteria and duplicate scores", () => {
    expect(problems((x) => x.scores.push({ assessor: "a1", nominee: "n1", criterion: "coverage", value: 1 }))).toEqual([
      'scores[1].criterion: criterion "coverage" is an indicator criterion and takes no scores',
    ]);
    expect(problems((x) => x.scores.push({ ...x.scores[0], value: 70 }))).toEqual([
      "scores[1]: duplicate score for (a1, n1, regulation); first at scores[0]",
    ]);
  });

  it("reports duplicate ids", () => {
    expect(problems((x) => x.nominees.push({ ...x.nominees[0] }))).toEqual([
      'nominees[1].id: duplicate nominee id "n1"',
    ]);
    expect(
      problems((x) => x.rubric.criteria.push({ id: "regulation", stage: "desk", weight: 1, type: "judged", max: 5 })),
    ).toEqual(['rubric.criteria[3].id: duplicate criterion id "regulation"']);
    expect(problems((x) => x.rubric.stages.splice(1, 0, { id: "desk", weight: 1, advance: { top: 1 } }))).toEqual([
      'rubric.stages[1].id: duplicate stage id "desk"',
    ]);
    expect(problems((x) => x.rubric.gates!.push({ ...x.rubric.gates![0] }))).toEqual([
      'rubric.gates[1].id: duplicate gate id "no_arrears"',
    ]);
  });

  it("reports advance on the last stage and malformed advance", () => {
    expect(problems((x) => (x.rubric.stages[1].advance = { top: 1 }))).toEqual([
      "rubric.stages[1].advance: must be absent on the last stage",
    ]);
    expect(problems((x) => (x.rubric.stages[0].advance = { top: 0 }))).toEqual([
      "rubric.stages[0].advance.top: must be ≥ 1",
    ]);
    expect(problems((x) => (x.rubric.stages[0].advance = { top: 2, minScore: 3 } as never)).length).toBeGreaterThan(0);
  });

  it("reports wrong types, enums, non-positive weights and unknown keys", () => {
    expect(problems((x) => ((x.scores[0] as unknown as Record<string, unknown>).value = "80"))).toEqual([
      "scores[0].value: Invalid input: expected number, received string",
    ]);
    expect(problems((x) => (x.rubric.criteria[0].weight = 0))).toEqual(["rubric.criteria[0].weight: must be > 0"]);
    expect(problems((x) => ((x.method as Record<string, unknown>).calibration = "magic"))).toHaveLength(1);
    expect(problems((x) => ((x.method as Record<string, unknown>).agregate = {}))[0]).toMatch(
      /^method: Unrecognized key/,
    );
    expect(problems((x) => (x.method!.sensitivity = { weightDelta: 1 }))).toEqual([
      "method.sensitivity.weightDelta: must be < 1",
    ]);
  });

  it("bounds every number to a sane range (scoring/limits.ts), one problem per number", () => {
    expect(problems((x) => (x.rubric.stages[0].weight = 1e308))).toEqual(["rubric.stages[0].weight: must be ≤ 1000"]);
    expect(problems((x) => (x.rubric.criteria[0].weight = 5e-324))).toEqual([
      "rubric.criteria[0].weight: must be ≥ 0.001",
    ]);
    expect(problems((x) => ((x.rubric.criteria[2] as JudgedCriterion).max = 0))).toEqual([
      "rubric.criteria[2].max: must be > 0",
    ]);
    expect(problems((x) => ((x.rubric.criteria[2] as JudgedCriterion).max = 1e308))).toEqual([
      "rubric.criteria[2].max: must be ≤ 1000000",
    ]);
    expect(problems((x) => (x.nominees[0].indicators!.coverage_pct = 1e16))).toEqual([
      "nominees[0].indicators.coverage_pct: must be ≤ 1000000000000000",
    ]);
    expect(problems((x) => (x.rubric.gates![0].value = -1e16))).toEqual([
      "rubric.gates[0].value: must be ≥ -1000000000000000",
    ]);
    expect(problems((x) => (x.method!.aggregate!.minPanel = 1e7))).toEqual([
      "method.aggregate.minPanel: must be ≤ 1000000",
    ]);
    expect(problems((x) => (x.method!.disagreementSd = 1e300))).toEqual(["method.disagreementSd: must be ≤ 100"]);
  });

  it("takes a judged criterion's optional step: at least 0.000001, and max a whole number of steps", () => {
    // criteria[2] (presentation) has no scores.
    const step =
      (v: number, max = 100) =>
      (x: ScoringInput) =>
        Object.assign(x.rubric.criteria[2], { max, step: v });
    expect(problems(step(0.5))).toEqual([]);
    expect(problems(step(0.1, 0.3))).toEqual([]); // 0.3 / 0.1 = 2.9999999999999996
    expect(problems(step(5e-324))).toEqual(["rubric.criteria[2].step: must be ≥ 0.000001"]);
    expect(problems(step(0))).toEqual(["rubric.criteria[2].step: must be > 0"]);
    expect(problems(step(3))).toEqual([
      "rubric.criteria[2].step: must divide max (100) into whole steps (at most 1000000)",
    ]);
    expect(problems(step(0.00001))).toEqual([
      "rubric.criteria[2].step: must divide max (100) into whole steps (at most 1000000)",
    ]);
    expect(problems(step(200))).toEqual([
      "rubric.criteria[2].step: must divide max (100) into whole steps (at most 1000000)",
    ]);
    expect(problems((x) => Object.assign(x.rubric.criteria[1], { step: 1 }))[0]).toMatch(
      /^rubric\.criteria\[1\]: Unrecognized key/,
    );
  });

  it("refuses __proto__ as an id or indicator name (it would vanish from plain objects)", () => {
    const input = JSON.parse(`{
      "rubric": { "stages": [{ "id": "__proto__", "weight": 1 }], "criteria": [{ "id": "q", "stage": "__proto__", "weight": 1, "type": "judged", "max": 10 }] },
      "nominees": [{ "id": "n1", "category": "c", "indicators": { "__proto__": 5 } }],
      "scores": []
    }`) as unknown;
    const parsed = parseScoringInput(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.problems.map((p) => p.path);
    expect(paths).toContain("rubric.stages[0].id");
    expect(paths.some((p) => p.startsWith("nominees[0].indicators"))).toBe(true);
  });

  it("reports a non-object input at the root", () => {
    const r = parseScoringInput([]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].path).toBe("(root)");
  });
});

describe("problem codes", () => {
  it("gives every problem a stable code, whatever its English message says", () => {
    const cases: [(x: ScoringInput) => void, string[]][] = [
      [(x) => ((x.scores[0] as unknown as Record<string, unknown>).value = "80"), ["scores[0].value invalid_type"]],
      [(x) => ((x.method as Record<string, unknown>).agregate = {}), ["method unknown_key"]],
      [(x) => ((x.method as Record<string, unknown>).calibration = "magic"), ["method.calibration invalid_value"]],
      [(x) => (x.method!.tieBreak = ["total"]), ["method.tieBreak[0] invalid_format"]],
      [(x) => (x.rubric.gates![0]!.id = ""), ["rubric.gates[0].id empty_id"]],
      [(x) => (x.nominees[0]!.category = "__proto__"), ["nominees[0].category reserved_name"]],
      [(x) => Object.assign(x.rubric.criteria[1], { bands: [] }), ["rubric.criteria[1].bands empty_list"]],
      [(x) => (x.rubric.stages[0].advance = { top: 1.5 }), ["rubric.stages[0].advance.top not_integer"]],
      [(x) => (x.rubric.criteria[0].weight = 0), ["rubric.criteria[0].weight not_positive"]],
      [(x) => (x.rubric.criteria[0].weight = 5e-324), ["rubric.criteria[0].weight too_small"]],
      [(x) => (x.scores[0].value = -1), ["scores[0].value too_small"]],
      [(x) => (x.method!.disagreementSd = 1e300), ["method.disagreementSd too_big"]],
      [(x) => (x.method!.sensitivity = { weightDelta: 1 }), ["method.sensitivity.weightDelta too_big"]],
      [
        (x) => x.rubric.stages.splice(1, 0, { id: "desk", weight: 1, advance: { top: 1 } }),
        ["rubric.stages[1].id duplicate_stage"],
      ],
      [
        (x) => x.rubric.criteria.push({ id: "regulation", stage: "desk", weight: 1, type: "judged", max: 5 }),
        ["rubric.criteria[3].id duplicate_criterion"],
      ],
      [(x) => x.rubric.gates!.push({ ...x.rubric.gates![0]! }), ["rubric.gates[1].id duplicate_gate"]],
      [(x) => x.nominees.push({ ...x.nominees[0]! }), ["nominees[1].id duplicate_nominee"]],
      [
        (x) =>
          Object.assign(x.rubric.criteria[1], {
            bands: [
              { min: 1, points: 1 },
              { min: 1, points: 2 },
            ],
          }),
        ["rubric.criteria[1].bands[1].min duplicate_band_min"],
      ],
      [(x) => (x.method!.tieBreak = ["stage:desk", "stage:desk"]), ["method.tieBreak[1] duplicate_tie_break"]],
      [(x) => x.scores.push({ ...x.scores[0]!, value: 70 }), ["scores[1] duplicate_score"]],
      [
        (x) => (x.rubric.criteria[2].stage = "final"),
        ["rubric.criteria[2].stage unknown_stage", "rubric.stages[1] stage_without_criteria"],
      ],
      [(x) => (x.method!.tieBreak = ["criterion:x"]), ["method.tieBreak[0] unknown_criterion"]],
      [(x) => (x.scores[0].nominee = "n9"), ["scores[0].nominee unknown_nominee"]],
      [
        (x) => x.scores.push({ assessor: "a1", nominee: "n1", criterion: "coverage", value: 1 }),
        ["scores[1].criterion indicator_takes_no_scores"],
      ],
      [(x) => (x.rubric.stages[1].advance = { top: 1 }), ["rubric.stages[1].advance advance_on_last_stage"]],
      [(x) => (x.scores[0].value = 101), ["scores[0].value above_max"]],
      [(x) => Object.assign(x.rubric.criteria[2], { max: 10, step: 3 }), ["rubric.criteria[2].step step_does_not_fit"]],
      [
        (x) => (x.overrides = [{ nominee: "n1", stage: "desk", decision: "exclude", reason: " " }]),
        ["overrides[0].reason empty_reason"],
      ],
      [
        (x) => (x.overrides = [{ nominee: "n1", stage: "interview", decision: "advance", reason: "pleno" }]),
        ["overrides[0].decision override_without_advance"],
      ],
      [
        (x) =>
          (x.overrides = [
            { nominee: "n1", stage: "desk", decision: "advance", reason: "pleno" },
            { nominee: "n1", stage: "desk", decision: "exclude", reason: "pleno" },
          ]),
        ["overrides[1] duplicate_override"],
      ],
    ];
    const seen = new Set<string>();
    for (const [mutate, expected] of cases) {
      expect(codes(mutate)).toEqual(expected);
      for (const e of expected) seen.add(e.split(" ")[1]!);
    }
    // Every code is met by at least one case above.
    expect([...seen].sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it("lists exactly its codes in docs/scoring-contract.md", () => {
    const doc = readFileSync("docs/scoring-contract.md", "utf8");
    const table = doc.slice(doc.indexOf("| Code |"), doc.indexOf("\n\n", doc.indexOf("| Code |")));
    const firstCells = table
      .split("\n")
      .slice(2)
      .map((row) => row.split("|")[1] ?? "");
    const documented = firstCells.flatMap((cell) => [...cell.matchAll(/`([a-z_]+)`/g)].map((m) => m[1] as ProblemCode));
    expect(documented.sort()).toEqual([...PROBLEM_CODES].sort());
  });
});
