// Overrides (docs/scoring-contract.md §15): the plenary's decisions as scoring input, hand-worked.
import { describe, it, expect } from "vitest";
import { parseScoringInput, type Override, type ScoringInput } from "../../scoring/index";
import { category, entry, nomineesOf, ranks, score, scoresFrom } from "./helpers";

/**
 * Four nominees, two assessors, aggregate `mean`; desk (weight 1, advance top 2) then interview
 * (weight 1), one judged criterion each (max 100):
 *
 *   desk q:        A 90 80 → 85   B 70 80 → 75   C 60 70 → 65   D 50 40 → 45   → A and B go on
 *   interview iv:  A 60 70 → 65   B 80 90 → 85   C 90 90 → 90   D 50 50 → 50   (C, D: unreached, ignored)
 *
 * totals (desk + interview)/2: B (75 + 85)/2 = 80, A (85 + 65)/2 = 75; C 65/2 = 32.5, D 45/2 = 22.5
 * → B 1, A 2, C 3, D 4.
 */
function example(overrides?: Override[], extra: Partial<ScoringInput> = {}): ScoringInput {
  return {
    rubric: {
      stages: [
        { id: "desk", weight: 1, advance: { top: 2 } },
        { id: "interview", weight: 1 },
      ],
      criteria: [
        { id: "q", stage: "desk", weight: 1, type: "judged", max: 100 },
        { id: "iv", stage: "interview", weight: 1, type: "judged", max: 100 },
      ],
    },
    method: { aggregate: { kind: "mean" } },
    nominees: nomineesOf(["A", "B", "C", "D"]),
    scores: [
      ...scoresFrom(
        { A: { a1: 90, a2: 80 }, B: { a1: 70, a2: 80 }, C: { a1: 60, a2: 70 }, D: { a1: 50, a2: 40 } },
        "q",
      ),
      ...scoresFrom(
        { A: { a1: 60, a2: 70 }, B: { a1: 80, a2: 90 }, C: { a1: 90, a2: 90 }, D: { a1: 50, a2: 50 } },
        "iv",
      ),
    ],
    ...(overrides === undefined ? {} : { overrides }),
    ...extra,
  };
}

const advance = (nominee: string, stage = "desk"): Override => ({
  nominee,
  stage,
  decision: "advance",
  reason: "Rapat pleno: wawancara yang menentukan",
});
const exclude = (nominee: string, stage = "desk"): Override => ({
  nominee,
  stage,
  decision: "exclude",
  reason: "Rapat pleno: data cakupan tidak benar",
});

/** score() of an input that must pass the contract's checks. */
function checked(input: ScoringInput) {
  const parsed = parseScoringInput(JSON.parse(JSON.stringify(input)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return score(parsed.input);
}

describe("overrides (§15)", () => {
  it("the example without overrides: B 1, A 2, C 3, D 4; A and B reach the interview", () => {
    const r = checked(example());
    expect(ranks(r)).toEqual({ B: 1, A: 2, C: 3, D: 4 });
    expect(category(r).ranking.map((e) => [e.nominee, e.total, e.reached])).toEqual([
      ["B", 80, "interview"],
      ["A", 75, "interview"],
      ["C", 32.5, "desk"],
      ["D", 22.5, "desk"],
    ]);
  });

  it("a forced advance of the 3rd: three go on, C with the flag forced-advance:desk", () => {
    const r = checked(example([advance("C")]));
    // C goes on besides A and B (nobody else moves): C (65 + 90)/2 = 77.5 → B 80, C 77.5, A 75, D 22.5.
    expect(category(r).ranking.map((e) => [e.nominee, e.rank, e.total, e.reached])).toEqual([
      ["B", 1, 80, "interview"],
      ["C", 2, 77.5, "interview"],
      ["A", 3, 75, "interview"],
      ["D", 4, 22.5, "desk"],
    ]);
    expect(entry(r, "C").flags).toEqual(["forced-advance:desk"]);
    expect(entry(r, "A").flags).toEqual([]);
    expect(entry(r, "B").flags).toEqual([]);
    expect(category(r).agreement.interview.nominees).toBe(3);
  });

  it("an exclusion of the 1st: it leaves before the rule, so C moves into the top 2", () => {
    const r = checked(example([exclude("A")]));
    // Desk participants B 75, C 65, D 45 → B and C go on; C (65 + 90)/2 = 77.5.
    expect(category(r).ranking.map((e) => [e.nominee, e.rank, e.total, e.reached])).toEqual([
      ["B", 1, 80, "interview"],
      ["C", 2, 77.5, "interview"],
      ["D", 3, 22.5, "desk"],
    ]);
    expect(entry(r, "C").flags).toEqual([]); // the rule took C on: no forced advance
    expect(category(r).ineligible).toEqual([{ nominee: "A", failed: ["override"] }]);
    // A's scores are ignored like any ineligible nominee's: the desk block has 3 nominees.
    expect(category(r).agreement.desk.nominees).toBe(3);
  });

  it("an excluded nominee's failed list ends with override, after a failed gate and prior", () => {
    const input = example([exclude("A", "interview")]);
    input.rubric.gates = [{ id: "g", indicator: "x", op: ">=", value: 0 }];
    input.rubric.prior = { minScore: 50 };
    input.nominees = [
      { id: "A", category: "c" }, // no indicator x (fails g), no prior (fails prior)
      ...["B", "C", "D"].map((id) => ({ id, category: "c", indicators: { x: 1 }, prior: 80 })),
    ];
    const r = checked(input);
    expect(category(r).ineligible).toEqual([{ nominee: "A", failed: ["g", "prior", "override"] }]);
    // Only the exclusion: nothing else
    input.rubric.gates = [];
    delete input.rubric.prior;
    input.nominees = nomineesOf(["A", "B", "C", "D"]);
    expect(category(checked(input)).ineligible).toEqual([{ nominee: "A", failed: ["override"] }]);
  });

  it("a forced advance of one the rule takes on anyway changes nothing and raises no flag", () => {
    expect(checked(example([advance("B")]))).toEqual(checked(example()));
    expect(entry(checked(example([advance("A")])), "A").flags).toEqual([]);
  });

  it("a forced advance of a nominee that never reached the stage, or is ineligible, changes nothing", () => {
    // Three stages: desk top 2 → interview top 1 → final. D never reaches the interview.
    const three = (overrides?: Override[]): ScoringInput => {
      const input = example(overrides);
      input.rubric.stages = [
        { id: "desk", weight: 1, advance: { top: 2 } },
        { id: "interview", weight: 1, advance: { top: 1 } },
        { id: "final", weight: 1 },
      ];
      input.rubric.criteria.push({ id: "fin", stage: "final", weight: 1, type: "judged", max: 100 });
      input.scores.push(...scoresFrom({ A: { a1: 50 }, B: { a1: 70 }, C: { a1: 80 }, D: { a1: 90 } }, "fin"));
      return input;
    };
    const base = checked(three());
    // interview: A running (85 + 65)/2 = 75, B (75 + 85)/2 = 80 → B alone goes on to the final.
    expect(entry(base, "B").reached).toBe("final");
    expect(checked(three([advance("D", "interview")]))).toEqual(base);
    // Forced at the desk, D reaches the interview, and then its forced advance there takes it on too.
    const both = checked(three([advance("D"), advance("D", "interview")]));
    expect(entry(both, "D").reached).toBe("final");
    expect(entry(both, "D").flags).toEqual(["forced-advance:desk", "forced-advance:interview"]);
    // An excluded (ineligible) nominee's forced advance: still excluded.
    const ex = checked(three([exclude("A"), advance("A", "interview")]));
    expect(category(ex).ineligible).toEqual([{ nominee: "A", failed: ["override"] }]);
    expect(ranks(ex)).not.toHaveProperty("A");
  });

  it("holds in every sensitivity variant: without:<assessor> keeps the excluded out and the forced in", () => {
    const method = { aggregate: { kind: "mean" as const }, sensitivity: { weightDelta: 0.1 } };
    const r = checked(example([exclude("A")], { method, contract: 2 }));
    // If A came back in without:a1 (desk A 80, B 80, C 70: A and B go on), C would fall behind D.
    // Kept out: without:a1 desk B 80, C 70, D 40 → B, C on; interview B 90, C 90 → B 85, C 80: B 1, C 2.
    // without:a2 desk B 70, C 60, D 50 → B, C on; interview B 80, C 90 → B 75, C 75: both 1, D 3.
    expect(category(r).ranking.map((e) => [e.nominee, e.rankRange, e.rankWithout])).toEqual([
      ["B", [1, 1], { a1: 1, a2: 1 }],
      ["C", [1, 2], { a1: 2, a2: 1 }],
      ["D", [3, 3], { a1: 3, a2: 3 }],
    ]);
    // Forced: D taken on at the desk in every variant (without:a2: D 50 + interview 50 → 50, still behind).
    const f = checked(example([advance("D")], { method, contract: 2 }));
    expect(entry(f, "D").reached).toBe("interview");
    expect(entry(f, "D").rankWithout).toEqual({ a1: 3, a2: 3 });
    expect(entry(f, "C").rankRange).toEqual([4, 4]); // C stays the only one left at the desk
  });

  it("refuses each broken override with its code and path", () => {
    const codes = (overrides: unknown[], mutate: (x: ScoringInput) => void = () => {}) => {
      const input = example();
      mutate(input);
      const r = parseScoringInput({ ...JSON.parse(JSON.stringify(input)), overrides });
      return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`);
    };
    expect(codes([{ ...advance("Z") }])).toEqual(["overrides[0].nominee unknown_nominee"]);
    expect(codes([{ ...exclude("A", "final") }])).toEqual(["overrides[0].stage unknown_stage"]);
    expect(codes([{ ...exclude("A"), reason: "" }])).toEqual(["overrides[0].reason empty_reason"]);
    expect(codes([{ ...exclude("A"), reason: "  \n " }])).toEqual(["overrides[0].reason empty_reason"]);
    expect(codes([advance("A", "interview")])).toEqual(["overrides[0].decision override_without_advance"]);
    expect(codes([exclude("A"), advance("A")])).toEqual(["overrides[1] duplicate_override"]);
    expect(
      codes([exclude("A")], (x) => (x.rubric.gates = [{ id: "override", indicator: "x", op: ">=", value: 0 }])),
    ).toEqual(["rubric.gates[0].id duplicate_gate"]);
    // A gate "override" is fine while nothing is excluded.
    expect(
      codes([advance("C")], (x) => (x.rubric.gates = [{ id: "override", indicator: "x", op: ">=", value: 0 }])),
    ).toEqual([]);
    expect(codes([{ ...exclude("A"), decision: "promote" }])).toEqual(["overrides[0].decision invalid_value"]);
    expect(codes([{ ...exclude("A"), why: "x" }])).toEqual(["overrides[0] unknown_key"]);
    expect(codes([{ ...exclude("A"), nominee: "" }])).toEqual([
      "overrides[0].nominee empty_id",
      "overrides[0].nominee unknown_nominee", // as for a score's nominee: both checks run on a string
    ]);
    const r = parseScoringInput({ ...example(), contract: 3 });
    expect(r.ok ? [] : r.problems.map((p) => `${p.path} ${p.code}`)).toEqual(["contract invalid_value"]);
    const messages = parseScoringInput({
      ...example(),
      overrides: [advance("A", "interview"), exclude("B"), exclude("B")],
    });
    expect(messages.ok ? [] : messages.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'overrides[0].decision: stage "interview" has no advance rule',
      "overrides[2]: duplicate override for (B, desk); first at overrides[1]",
    ]);
  });
});
