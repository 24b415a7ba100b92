import { describe, expect, it } from "vitest";
import { modelFromDefinition, modelFromForm, type RubricFormModel } from "../../app/lib/rubric-form-model";
import { buildDefinition } from "../../app/lib/rubric-form-build";
import { fieldForPath, validateRubricForm } from "../../app/lib/rubric-form-errors";
import { companyRubric, demoMethod } from "../../db/seed/rubrics";
import type { IndicatorCriterion, RubricDefinition } from "../../app/domain/rubric";
import { messages } from "../../app/i18n/messages";
import { saveRubricVersion } from "../../db/queries/rubric-versions";
import { currentRubric, insertRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { freshDb } from "../db/support";
import { rubricProblemKey, translateProblems } from "../../app/lib/rubric-problems";
import { translator } from "../../app/i18n";
import { formatNumber } from "../../app/i18n/format";
import { LIMITS, type ProblemCode } from "../../scoring/index";

const STAGES = ["desk", "verification", "interview"];

/** Serialises a model the way the page's form does (checkboxes only when ticked). */
function toForm(m: RubricFormModel): URLSearchParams {
  const f = new URLSearchParams();
  f.set("basedOn", m.basedOn);
  f.set("reason", m.reason);
  m.stages.forEach((s, i) => {
    const p = `stages.${i}`;
    f.set(`${p}.id`, s.id);
    if (s.use) f.set(`${p}.use`, "on");
    f.set(`${p}.weight`, s.weight);
    f.set(`${p}.advance`, s.advance);
    f.set(`${p}.advanceValue`, s.advanceValue);
  });
  const crit = (p: string, c: RubricFormModel["added"]) => {
    for (const k of ["key", "stage", "type", "nameId", "nameEn", "weight", "max", "step", "indicator"] as const)
      f.set(`${p}.${k}`, c[k]);
    if (c.evidence) f.set(`${p}.evidence`, "on");
    c.bands.forEach((b, j) => {
      f.set(`${p}.bands.${j}.min`, b.min);
      f.set(`${p}.bands.${j}.points`, b.points);
    });
  };
  m.criteria.forEach((c, i) => {
    crit(`criteria.${i}`, c);
    f.set(`criteria.${i}.descId`, c.descId);
    f.set(`criteria.${i}.descEn`, c.descEn);
    if (c.remove) f.set(`criteria.${i}.remove`, "on");
  });
  crit("added", m.added);
  m.gates.forEach((g, i) => {
    f.set(`gates.${i}.id`, g.id);
    f.set(`gates.${i}.indicator`, g.indicator);
    f.set(`gates.${i}.op`, g.op);
    f.set(`gates.${i}.value`, g.value);
    if (g.remove) f.set(`gates.${i}.remove`, "on");
  });
  f.set("newGate.indicator", m.newGate.indicator);
  f.set("newGate.op", m.newGate.op);
  f.set("newGate.value", m.newGate.value);
  return f;
}

const rubric = (): RubricDefinition => structuredClone(companyRubric(5));
const idx = (m: RubricFormModel, key: string) => m.criteria.findIndex((c) => c.key === key);

describe("rubric form: model and definition", () => {
  it("round-trips the demo rubric through the form unchanged (empty band rows dropped)", () => {
    const def = rubric();
    const model = modelFromForm(toForm(modelFromDefinition(def, STAGES, 3)));
    expect(model.basedOn).toBe("3");
    const indicator = model.criteria.find((c) => c.type === "indicator")!;
    expect(indicator.bands.filter((b) => !b.min && !b.points)).toHaveLength(2);
    const r = validateRubricForm(model, demoMethod);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const norm = (d: RubricDefinition) => ({
      ...d,
      criteria: d.criteria.map((c) => ({ step: c.type === "judged" ? 1 : undefined, evidenceRequired: false, ...c })),
    });
    expect(JSON.parse(JSON.stringify(norm(r.definition)))).toEqual(JSON.parse(JSON.stringify(norm(def))));
  });

  it("parses a filled form: numbers with a decimal comma, advance rules, evidence, a new band", () => {
    const model = modelFromDefinition(rubric(), STAGES, 1);
    const i = model.criteria.findIndex((c) => c.type === "indicator");
    const c = model.criteria[i]!;
    const before = c.bands.filter((b) => b.min).length;
    c.weight = "12,5";
    c.evidence = true;
    c.bands[before] = { min: "-5", points: "0" };
    model.stages[0]!.advance = "minScore";
    model.stages[0]!.advanceValue = "70,5";
    const r = buildDefinition(modelFromForm(toForm(model)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const built = r.definition.criteria.find((x) => x.id === c.key) as IndicatorCriterion;
    expect(built.weight).toBe(12.5);
    expect(built.evidenceRequired).toBe(true);
    expect(built.bands).toHaveLength(before + 1);
    expect(built.bands[before]).toEqual({ min: -5, points: 0 });
    expect(r.definition.stages[0]).toEqual({ id: "desk", weight: 50, advance: { minScore: 70.5 } });
    expect(r.sources.criteria[i]!.bands[before]).toBe(`criteria.${i}.bands.${before}`);
  });

  it("drops empty band rows and reports a half-filled one at its field", () => {
    const model = modelFromDefinition(rubric(), STAGES, 1);
    const i = model.criteria.findIndex((c) => c.type === "indicator");
    const n = model.criteria[i]!.bands.length;
    expect(n).toBeGreaterThan(2);
    const r = buildDefinition(model);
    expect(r.ok && (r.definition.criteria[i] as IndicatorCriterion).bands.length).toBe(n - 2);
    model.criteria[i]!.bands[n - 1] = { min: "3", points: "" };
    const bad = buildDefinition(model);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual({ [`criteria.${i}.bands.${n - 1}.points`]: "form.required" });
    // All rows empty: the criterion has no band left.
    model.criteria[i]!.bands = model.criteria[i]!.bands.map(() => ({ min: "", points: "" }));
    const none = buildDefinition(model);
    expect(!none.ok && none.errors[`criteria.${i}.bands`]).toBe("rubricForm.bandsRequired");
  });

  it("removes a ticked criterion and its gate; keeps the others in order", () => {
    const model = modelFromDefinition(rubric(), STAGES, 1);
    const keys = model.criteria.map((c) => c.key);
    model.criteria[1]!.remove = true;
    model.gates.forEach((g) => {
      g.remove = true;
    });
    const r = buildDefinition(modelFromForm(toForm(model)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.definition.criteria.map((c) => c.id)).toEqual(keys.filter((_, i) => i !== 1));
    expect(r.definition.gates).toEqual([]);
    expect(r.sources.criteria[1]!.prefix).toBe("criteria.2");
  });

  it("adds a new criterion after the last one of its stage, and a new gate with a generated id", () => {
    const model = modelFromDefinition(rubric(), STAGES, 1);
    model.added = {
      ...model.added,
      key: "k3_committee",
      stage: "desk",
      type: "indicator",
      nameId: "Komite K3",
      nameEn: "Safety committee",
      weight: "5",
      indicator: "programmes",
      bands: [
        { min: "5", points: "100" },
        { min: "0", points: "10" },
        { min: "", points: "" },
      ],
    };
    model.newGate = { indicator: "arrears_months", op: "<=", value: "2" };
    const r = validateRubricForm(modelFromForm(toForm(model)), demoMethod);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ids = r.definition.criteria.map((c) => c.id);
    const lastDesk = rubric()
      .criteria.map((c) => c.stage)
      .lastIndexOf("desk");
    expect(ids[lastDesk + 1]).toBe("k3_committee");
    expect(r.definition.criteria[lastDesk + 1]).toMatchObject({
      type: "indicator",
      indicator: "programmes",
      weight: 5,
      bands: [
        { min: 5, points: 100 },
        { min: 0, points: 10 },
      ],
    });
    const gate = r.definition.gates.at(-1)!;
    expect(gate).toMatchObject({ indicator: "arrears_months", op: "<=", value: 2 });
    expect(rubric().gates.map((g) => g.id)).not.toContain(gate.id);
  });

  it("checks the new criterion's key and stage; an empty block adds nothing", () => {
    const model = modelFromDefinition(rubric(), ["desk", "interview"], 1);
    expect(buildDefinition(model).ok).toBe(true);
    model.added = { ...model.added, key: model.criteria[0]!.key, nameId: "x", nameEn: "x", weight: "1" };
    let r = buildDefinition(model);
    expect(!r.ok && r.errors["added.key"]).toBe("rubricForm.keyTaken");
    model.added.key = "Bad Key";
    r = buildDefinition(model);
    expect(!r.ok && r.errors["added.key"]).toBe("rubricForm.identifier");
  });

  it("starts from no rubric: the edition's stages unticked, nothing to save until filled", () => {
    const model = modelFromDefinition(null, STAGES, 0);
    expect(model.stages.map((s) => [s.id, s.use])).toEqual([
      ["desk", false],
      ["verification", false],
      ["interview", false],
    ]);
    const r = validateRubricForm(model);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.values(r.errors)).toEqual(expect.arrayContaining(["rubricForm.noStages", "rubricForm.noCriteria"]));
    model.stages[0]!.use = true;
    model.stages[0]!.weight = "100";
    model.added = {
      ...model.added,
      key: "admin",
      stage: "desk",
      nameId: "Administrasi",
      nameEn: "Administration",
      weight: "1",
    };
    const ok = validateRubricForm(model);
    expect(ok.ok && ok.definition).toEqual({
      stages: [{ id: "desk", weight: 100 }],
      criteria: [
        {
          id: "admin",
          stage: "desk",
          weight: 1,
          type: "judged",
          max: 100,
          step: 1,
          name: { id: "Administrasi", en: "Administration" },
          evidenceRequired: false,
        },
      ],
      gates: [],
    });
  });
});

describe("rubric form: errors at their fields", () => {
  it("puts the form's own errors (zod) at the field names and keeps every typed value", () => {
    const model = modelFromDefinition(rubric(), STAGES, 1);
    const i = idx(model, model.criteria.find((c) => c.type === "judged")!.key);
    model.criteria[i]!.weight = "0";
    model.criteria[i]!.nameEn = "Typed but kept";
    model.criteria[i + 1]!.weight = "";
    model.stages[1]!.advanceValue = "2.5";
    const form = toForm(model);
    const again = modelFromForm(form);
    const r = buildDefinition(again);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[`criteria.${i}.weight`]).toBe("rubricForm.positive");
      expect(r.errors[`criteria.${i + 1}.weight`]).toBe("form.required");
      expect(r.errors["stages.1.advanceValue"]).toBe("rubricForm.top");
      for (const key of Object.values(r.errors)) expect(messages).toHaveProperty([key]);
    }
    expect(again.criteria[i]!.nameEn).toBe("Typed but kept");
    expect(again.criteria[i]!.weight).toBe("0");
  });

  it("maps scoring problem paths back to field names, through removed criteria and dropped band rows", () => {
    const sources = {
      stages: ["stages.0", "stages.2"],
      criteria: [
        { prefix: "criteria.0", bands: [] },
        { prefix: "criteria.2", bands: ["criteria.2.bands.0", "criteria.2.bands.3"] },
        { prefix: "added", bands: [] },
      ],
      gates: ["gates.1", "newGate"],
    };
    expect(fieldForPath("rubric.criteria[1].weight", sources)).toBe("criteria.2.weight");
    expect(fieldForPath("rubric.criteria[1].bands[1].min", sources)).toBe("criteria.2.bands.3.min");
    expect(fieldForPath("rubric.criteria[1].bands", sources)).toBe("criteria.2.bands");
    expect(fieldForPath("rubric.criteria[2].id", sources)).toBe("added.key");
    expect(fieldForPath("rubric.criteria[2].stage", sources)).toBe("added.stage");
    expect(fieldForPath("rubric.criteria[0].step", sources)).toBe("criteria.0.step");
    expect(fieldForPath("rubric.stages[1]", sources)).toBe("stages.2.use");
    expect(fieldForPath("rubric.stages[1].advance", sources)).toBe("stages.2.advanceValue");
    expect(fieldForPath("rubric.stages[0].weight", sources)).toBe("stages.0.weight");
    expect(fieldForPath("rubric.gates[1].value", sources)).toBe("newGate.value");
    expect(fieldForPath("rubric.gates[0].id", sources)).toBe("gates.1.indicator");
    expect(fieldForPath("rubric.criteria", sources)).toBe("criteria");
    expect(fieldForPath("method.tieBreak[0]", sources)).toBeNull();
  });

  it("reports the scoring contract's cross-checks at the fields (duplicate band min, advance on the last stage, stage without criteria)", () => {
    const model = modelFromDefinition(rubric(), STAGES, 1);
    const i = model.criteria.findIndex((c) => c.type === "indicator");
    const n = model.criteria[i]!.bands.filter((b) => b.min).length;
    // A duplicate minimum typed into the second empty row (the first empty row stays empty).
    model.criteria[i]!.bands[n + 1] = { min: model.criteria[i]!.bands[0]!.min, points: "1" };
    model.stages[2]!.advance = "top";
    model.stages[2]!.advanceValue = "2";
    const r = validateRubricForm(model, demoMethod);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[`criteria.${i}.bands.${n + 1}.min`]).toBe("rubricForm.bandDuplicate");
      expect(r.errors["stages.2.advanceValue"]).toBe("rubricForm.advanceLast");
    }
    const m2 = modelFromDefinition(rubric(), STAGES, 1);
    m2.criteria.forEach((c) => {
      if (c.stage === "verification") c.remove = true;
    });
    const r2 = validateRubricForm(m2);
    expect(!r2.ok && r2.errors["stages.1.use"]).toBe("rubricForm.stageEmpty");
  });
});

describe("rubric form: the scoring contract's ranges", () => {
  it("refuses numbers out of range at their fields (0 is still 'greater than 0')", () => {
    const model = modelFromDefinition(rubric(), STAGES, 1);
    const j = model.criteria.findIndex((c) => c.type === "judged");
    const k = model.criteria.findIndex((c, n) => c.type === "judged" && n > j);
    const ind = model.criteria.findIndex((c) => c.type === "indicator");
    model.criteria[j]!.weight = "0,0001";
    model.criteria[j]!.max = "2000000";
    model.criteria[j]!.step = "0,0000001";
    model.criteria[k]!.weight = "0";
    model.criteria[k]!.max = "10";
    model.criteria[k]!.step = "3";
    model.criteria[ind]!.bands[0]!.min = `1${"0".repeat(16)}`;
    model.stages[0]!.weight = "1000,5";
    model.stages[0]!.advanceValue = "1000001";
    model.gates[0]!.value = `-1${"0".repeat(16)}`;
    const r = validateRubricForm(model, demoMethod);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      [`criteria.${j}.weight`]: "rubricForm.weightRange",
      [`criteria.${j}.max`]: "rubricForm.maxRange",
      [`criteria.${j}.step`]: "rubricForm.stepRange",
      [`criteria.${k}.weight`]: "rubricForm.positive",
      [`criteria.${k}.step`]: "rubricForm.stepFit",
      [`criteria.${ind}.bands.0.min`]: "rubricForm.valueRange",
      "stages.0.weight": "rubricForm.weightRange",
      "stages.0.advanceValue": "rubricForm.top",
      "gates.0.value": "rubricForm.valueRange",
    });
  });

  it("accepts the limits themselves, and a step that divides max within rounding", () => {
    const model = modelFromDefinition(rubric(), STAGES, 1);
    const j = model.criteria.findIndex((c) => c.type === "judged");
    model.criteria[j]!.weight = "0,001";
    model.criteria[j]!.max = "0,3";
    model.criteria[j]!.step = "0,1"; // 0.3 / 0.1 = 2.9999999999999996
    model.stages[0]!.weight = "1000";
    const r = validateRubricForm(model, demoMethod);
    expect(r.ok).toBe(true);
    expect(r.ok && r.definition.criteria[j]).toMatchObject({ weight: 0.001, max: 0.3, step: 0.1 });
  });

  it("says the contract's limits in both languages (the texts name the numbers of scoring/limits.ts)", () => {
    const en = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 6 });
    const id = (n: number) => formatNumber(n, 0, 6);
    const cases: [keyof typeof messages, number[]][] = [
      ["rubricForm.weightRange", [LIMITS.weight.min, LIMITS.weight.max]],
      ["rubricForm.maxRange", [LIMITS.max.min, LIMITS.max.max]],
      ["rubricForm.stepRange", [LIMITS.step.min]],
      ["rubricForm.stepFit", [LIMITS.steps]],
      ["rubricForm.valueRange", [-LIMITS.value, LIMITS.value]],
      ["rubricForm.top", [1, LIMITS.count]],
      ["rubricForm.trim", [0, LIMITS.count]],
      ["rubricForm.sdRange", [0, LIMITS.sd]],
    ];
    for (const [key, numbers] of cases) {
      for (const n of numbers) {
        expect(messages[key][0], key).toContain(id(n));
        expect(messages[key][1], key).toContain(en(n));
      }
    }
  });

  it("translates the contract's problems the committee can meet by their code (and the field out of its bounds), never by the English text", () => {
    const key = (path: string, code: ProblemCode) => rubricProblemKey({ path, code });
    expect(key("rubric.criteria[2].weight", "too_big")).toBe("rubricForm.weightRange");
    expect(key("criteria[2].weight", "not_positive")).toBe("rubricForm.weightRange");
    expect(key("rubric.criteria[2].max", "too_small")).toBe("rubricForm.maxRange");
    expect(key("rubric.criteria[2].step", "step_does_not_fit")).toBe("rubricForm.stepFit");
    expect(key("rubric.criteria[2].bands[0].min", "too_big")).toBe("rubricForm.valueRange");
    expect(key("rubric.gates[0].value", "too_small")).toBe("rubricForm.valueRange");
    expect(key("rubric.stages[0].advance.top", "not_integer")).toBe("rubricForm.top");
    expect(key("method.aggregate.trim", "too_big")).toBe("rubricForm.trim");
    expect(key("method.sensitivity.weightDelta", "too_big")).toBe("rubricForm.deltaRange");
    expect(key("method.disagreementSd", "too_big")).toBe("rubricForm.sdRange");
    expect(key("rubric.criteria[1].id", "duplicate_criterion")).toBe("rubricForm.keyTaken");
    expect(key("rubric.criteria[1].stage", "unknown_stage")).toBe("rubricForm.stageNotUsed");
    expect(key("stages", "empty_list")).toBe("rubricForm.noStages"); // a bare rubric's path
    expect(key("rubric.criteria[0].bands", "empty_list")).toBe("rubricForm.bandsRequired");
    // Not a rubric's number, or not a rule the committee is told about: said as reported.
    expect(key("scores[0].value", "above_max")).toBeNull();
    expect(key("scores[0].value", "too_small")).toBeNull();
    expect(key("rubric.criteria[0].weight", "invalid_type")).toBeNull();
    const shown = translateProblems(
      [
        { path: "rubric.criteria[0].max", code: "too_big", message: "must be ≤ 1000000" },
        { path: "rubric.criteria[1].id", code: "duplicate_criterion", message: "any English wording" },
        { path: "x", code: "unknown_key", message: "unknown key" },
      ],
      translator("en"),
    );
    expect(shown).toEqual([
      { path: "rubric.criteria[0].max", message: "A maximum from 0.000001 to 1,000,000." },
      { path: "rubric.criteria[1].id", message: "Another criterion already uses this key." },
      { path: "x", message: "unknown key" },
    ]);
  });
});

describe("rubric form: saving a version", () => {
  it("stores a new version with the method carried over, audited; refuses a stale base version", async () => {
    const { db } = await freshDb();
    const edition = await db
      .insertInto("editions")
      .values({
        name: "Uji",
        year: 2030,
        level: "provincial",
        region: "Kaltim",
        period_start: "2030-01-01",
        period_end: "2030-12-31",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const category = await db
      .insertInto("categories")
      .values({ edition_id: edition.id, key: "medium" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertRubric(db, { categoryId: category.id, definition: rubric(), method: demoMethod });
    const model = modelFromDefinition(
      await loadRubricDefinition(db, (await currentRubric(db, category.id))!.id),
      STAGES,
      1,
    );
    model.criteria[0]!.weight = "7";
    const r = validateRubricForm(model, demoMethod);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const user = await db
      .insertInto("users")
      .values({ email: "p@x.test", name: "P", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const args = {
      editionId: edition.id,
      categoryId: category.id,
      definition: r.definition,
      reason: null,
      userId: user.id,
      source: "edit" as const,
    };
    const saved = await saveRubricVersion(db, { ...args, basedOn: 1 });
    expect(saved).toMatchObject({ ok: true, version: 2, frozen: false });
    const cur = (await currentRubric(db, category.id))!;
    expect(JSON.parse(cur.method)).toEqual(demoMethod);
    expect((await loadRubricDefinition(db, cur.id)).criteria[0]!.weight).toBe(7);
    expect(await saveRubricVersion(db, { ...args, basedOn: 1 })).toEqual({
      ok: false,
      refusal: "stale",
      currentVersion: 2,
    });
    const log = await db.selectFrom("audit_log").select(["action", "subject", "reason"]).orderBy("id").execute();
    expect(log).toEqual([{ action: "rubric.edit", subject: `category:${category.id}`, reason: null }]);
  });
});
