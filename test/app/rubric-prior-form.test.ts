import { describe, expect, it } from "vitest";
import { importRubricJson } from "../../app/lib/rubric-json";
import { translateProblems } from "../../app/lib/rubric-problems";
import { modelFromDefinition } from "../../app/lib/rubric-form-model";
import { validateRubricForm } from "../../app/lib/rubric-form-errors";
import { translator } from "../../app/i18n";
import type { RubricDefinition } from "../../app/domain/rubric";

// The national rubric's provincial-total option in the rubric JSON and the form: the scoring
// contract's refusals said in the committee's language (by code), and a new gate never takes the
// id "prior" that a minimum uses (docs/scoring-contract.md §1).

const t = translator("id");
const bare = (prior: unknown, gates: unknown[] = []) =>
  JSON.stringify({
    stages: [{ id: "verification", weight: 1 }],
    criteria: [{ id: "q", stage: "verification", weight: 1, type: "judged", max: 100 }],
    gates,
    prior,
  });
const shown = (text: string) => {
  const r = importRubricJson(text, ["verification", "interview"]);
  return r.ok ? [] : translateProblems(r.problems, t).map((p) => `${p.path}: ${p.message}`);
};

describe("rubric JSON: the prior option", () => {
  it("reads it from a bare rubric; tieBreak false alone asks for nothing", () => {
    const r = importRubricJson(bare({ minScore: 65.5 }), ["verification"]);
    expect(r.ok && r.definition.prior).toEqual({ minScore: 65.5 });
    const none = importRubricJson(bare({ tieBreak: false }), ["verification"]);
    expect(none.ok && "prior" in none.definition).toBe(false);
  });

  it("says the contract's refusals in the committee's language", () => {
    expect(shown(bare({ minScore: 120 }))).toEqual([
      "prior.minScore: Total minimum tingkat provinsi antara 0 dan 100.",
    ]);
    expect(shown(bare({}))).toEqual(["prior: Pilih total minimum tingkat provinsi, pemecah seri, atau keduanya."]);
    expect(shown(bare({ minScore: 50 }, [{ id: "prior", indicator: "x", op: ">=", value: 1 }]))).toEqual([
      'gates[0].id: Kode syarat ini sudah dipakai oleh syarat lain, atau oleh total minimum tingkat provinsi (kode "prior").',
    ]);
  });
});

describe("rubric form: the prior option", () => {
  const def: RubricDefinition = {
    stages: [{ id: "verification", weight: 1 }],
    criteria: [{ id: "q", stage: "verification", weight: 1, type: "judged", max: 100, step: 1 }],
    gates: [],
  };

  it("builds it from the fields (decimal comma), and a new gate on indicator 'prior' gets another id", () => {
    const model = modelFromDefinition(def, ["verification", "interview"], 1);
    model.prior = { minScore: "70,25", tieBreak: false };
    model.newGate = { indicator: "prior", op: ">=", value: "1" };
    const r = validateRubricForm(model);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.definition.prior).toEqual({ minScore: 70.25 });
    expect(r.definition.gates.map((g) => g.id)).toEqual(["prior_2"]);
  });

  it("refuses a minimum that is no number or out of 0–100 at its field", () => {
    const model = modelFromDefinition(def, ["verification"], 1);
    for (const minScore of ["abc", "-1", "100,5"]) {
      const r = validateRubricForm({ ...model, prior: { minScore, tieBreak: false } });
      expect(r.ok ? null : r.errors["prior.minScore"]).toBe("rubricForm.priorMinRange");
    }
  });
});
