import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import type { RubricDefinition } from "../../app/domain/rubric";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { saveRubricVersion } from "../../db/queries/rubric-versions";
import { scoreCategory } from "../../app/lib/scoring-input.server";
import { exportRubricJson, importRubricJson } from "../../app/lib/rubric-json";
import type { RubricFormModel } from "../../app/lib/rubric-form-model";
import { priorGateText, priorOptionText } from "../../app/lib/prior-text";
import { translator } from "../../app/i18n";
import * as editPage from "~/routes/committee.$editionId.rubric.$categoryId_.edit";
import * as rubricPage from "~/routes/committee.$editionId.rubric.$categoryId";
import * as rankingPage from "~/routes/committee.$editionId.ranking.$categoryId";
import {
  createEdition,
  createEntry,
  createMember,
  createNationalEdition,
  createScoresheet,
  testDb,
  type TestEdition,
} from "../e2e/factories";
import { call, dataOf, statusOf } from "../security/route-calls";
import { freshDb } from "./support";

// Issue 14: the national rubric's use of the provincial total (docs/scoring-contract.md §1, §10):
// stored with the rubric version, edited in the form of a national category only, carried by the
// JSON export and import, and fed to score() as each nominated entry's prior (entries.source_total).

process.env.RANKING_WORKER = "off";

const ready = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  // The app's handle (app/lib/db.server.ts) is this test database.
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  return db;
})();

/** One national stage (verification), one judged criterion on 0–100, panel mean. */
const simple = (prior?: RubricDefinition["prior"]): RubricDefinition => ({
  stages: [{ id: "verification", weight: 1 }],
  criteria: [
    {
      id: "q",
      stage: "verification",
      weight: 1,
      type: "judged",
      max: 100,
      step: 1,
      name: { id: "Kualitas", en: "Quality" },
      evidenceRequired: false,
    },
  ],
  gates: [],
  ...(prior ? { prior } : {}),
});

/** Stores `simple(prior)` as the category's next version (its rubric was version 1). */
async function saveSimple(edition: TestEdition, categoryId: number, prior?: RubricDefinition["prior"]) {
  const saved = await saveRubricVersion(await ready, {
    editionId: edition.id,
    categoryId,
    basedOn: 1,
    definition: simple(prior),
    method: { aggregate: { kind: "mean" } },
    reason: null,
    userId: edition.committee.id,
    source: "edit",
  });
  expect(saved.ok).toBe(true);
}

/** The form as the page posts it: every field by its name, ticked boxes as "on". */
function toForm(model: RubricFormModel, intent = "save"): Record<string, string> {
  const form: Record<string, string> = { intent };
  const walk = (value: unknown, name: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${name}.${i}`));
    else if (typeof value === "object" && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, name ? `${name}.${k}` : k);
    else if (typeof value === "boolean") {
      if (value) form[name] = "on";
    } else form[name] = String(value);
  };
  walk(model, "");
  return form;
}

async function editModel(edition: TestEdition, categoryId: number) {
  const params = { editionId: String(edition.id), categoryId: String(categoryId) };
  const loaded = dataOf(
    await call(editPage.loader, `/committee/${edition.id}/rubric/${categoryId}/edit`, params, {
      userId: edition.committee.id,
    }),
  ) as { model: RubricFormModel; priorAllowed: boolean };
  return { ...loaded, params };
}

async function postEdit(edition: TestEdition, categoryId: number, model: RubricFormModel) {
  const params = { editionId: String(edition.id), categoryId: String(categoryId) };
  return call(editPage.action, `/committee/${edition.id}/rubric/${categoryId}/edit`, params, {
    userId: edition.committee.id,
    form: toForm(model),
  });
}

const id = translator("id");

describe("the national rubric's provincial-total option", () => {
  it("the editor of a national category offers it, refuses a minimum out of 0–100, saves and shows it", async () => {
    const db = await ready;
    const national = await createNationalEdition({ categories: ["regency_city"] });
    const categoryId = national.categories.regency_city!.id;
    await saveSimple(national, categoryId);
    const { model, priorAllowed } = await editModel(national, categoryId);
    expect(priorAllowed).toBe(true);
    expect(model.prior).toEqual({ minScore: "", tieBreak: false });

    const refused = await postEdit(national, categoryId, { ...model, prior: { minScore: "120", tieBreak: true } });
    expect(statusOf(refused)).toBe(400);
    expect((dataOf(refused) as { errors: Record<string, string> }).errors["prior.minScore"]).toBe(
      "rubricForm.priorMinRange",
    );

    // Indonesian decimal input: "72,5".
    const saved = await postEdit(national, categoryId, { ...model, prior: { minScore: "72,5", tieBreak: true } });
    expect(statusOf(saved)).toBe(302);
    const rubric = (await currentRubric(db, categoryId))!;
    expect(rubric).toMatchObject({ version: 3, prior_min_score: 72.5, prior_tie_break: 1 });
    expect((await loadRubricDefinition(db, rubric.id)).prior).toEqual({ minScore: 72.5, tieBreak: true });
    // The form shows it again, and the rubric page says it in words.
    expect((await editModel(national, categoryId)).model.prior).toEqual({ minScore: "72.5", tieBreak: true });
    const page = dataOf(
      await call(
        rubricPage.loader,
        `/committee/${national.id}/rubric/${categoryId}`,
        { editionId: String(national.id), categoryId: String(categoryId) },
        { userId: national.committee.id },
      ),
    ) as { prior: RubricDefinition["prior"] | null };
    expect(priorOptionText(id, page.prior)).toEqual([
      "Nominasi dengan total tingkat provinsi di bawah 72,5 (atau tanpa total provinsi) tidak memenuhi syarat.",
      "Total tingkat provinsi memecah seri terakhir: yang lebih tinggi di depan, yang tanpa total provinsi paling belakang.",
    ]);

    // Back to "context only": both cleared, the next version has no option.
    const cleared = await postEdit(national, categoryId, {
      ...(await editModel(national, categoryId)).model,
      prior: { minScore: "", tieBreak: false },
    });
    expect(statusOf(cleared)).toBe(302);
    const v4 = (await currentRubric(db, categoryId))!;
    expect(v4).toMatchObject({ version: 4, prior_min_score: null, prior_tie_break: 0 });
    expect((await loadRubricDefinition(db, v4.id)).prior).toBeUndefined();
  });

  it("a provincial category neither offers nor imports it", async () => {
    const db = await ready;
    const provincial = await createEdition({ categories: ["regency_city"] });
    const categoryId = provincial.categories.regency_city!.id;
    const { model, priorAllowed } = await editModel(provincial, categoryId);
    expect(priorAllowed).toBe(false);
    // Posted anyway: not taken.
    expect(
      statusOf(await postEdit(provincial, categoryId, { ...model, prior: { minScore: "70", tieBreak: true } })),
    ).toBe(302);
    expect((await currentRubric(db, categoryId))!).toMatchObject({ prior_min_score: null, prior_tie_break: 0 });

    const json = exportRubricJson(simple({ minScore: 70 }), {});
    const imported = await call(
      rubricPage.action,
      `/committee/${provincial.id}/rubric/${categoryId}`,
      { editionId: String(provincial.id), categoryId: String(categoryId) },
      { userId: provincial.committee.id, form: { intent: "import", json, basedOn: "2", reason: "" } },
    );
    expect(statusOf(imported)).toBe(400);
    expect((dataOf(imported) as { errors: Record<string, string> }).errors.json).toBe(
      id("rubricForm.priorNationalOnly"),
    );
    expect((await currentRubric(db, categoryId))!.version).toBe(2);
  });

  it("is carried by the JSON export and import of a stored version", async () => {
    const db = await ready;
    const national = await createNationalEdition({ categories: ["regency_city"] });
    const categoryId = national.categories.regency_city!.id;
    await saveSimple(national, categoryId, { minScore: 70, tieBreak: true });
    const definition = await loadRubricDefinition(db, (await currentRubric(db, categoryId))!.id);
    const text = exportRubricJson(definition, { aggregate: { kind: "mean" } });
    expect(JSON.parse(text).rubric.prior).toEqual({ minScore: 70, tieBreak: true });
    const back = importRubricJson(text);
    expect(back).toEqual({ ok: true, definition, method: { aggregate: { kind: "mean" } } });
  });

  it("feeds each nominated entry's provincial total to score(): the minimum excludes, the tie-break orders", async () => {
    const db = await ready;
    const national = await createNationalEdition({ categories: ["regency_city"] });
    const categoryId = national.categories.regency_city!.id;
    await saveSimple(national, categoryId, { minScore: 70, tieBreak: true });
    const assessors = [await createMember(national.id, "assessor"), await createMember(national.id, "assessor")];
    // Every entry scored 80 by both assessors: all tie on total (80).
    //   A: provincial total 85   B: 90   C: 60 (below 70: ineligible)   D: not nominated (no prior: ineligible)
    const entries: Record<string, number> = {};
    for (const [name, total] of [
      ["A", 85],
      ["B", 90],
      ["C", 60],
      ["D", null],
    ] as const) {
      const entry = await createEntry(national, { category: "regency_city", evidence: false });
      await db.updateTable("entries").set({ source_total: total }).where("id", "=", entry.id).execute();
      for (const a of assessors) await createScoresheet(entry, a, { stage: "verification", score: 80 });
      entries[name] = entry.id;
    }
    const scoring = await scoreCategory(db, { id: categoryId, key: "regency_city" });
    expect(scoring?.parsed.ok).toBe(true);
    if (!scoring?.parsed.ok) return;
    const priorOf = (name: string) =>
      scoring.parsed.ok ? scoring.parsed.input.nominees.find((n) => n.id === String(entries[name]))?.prior : null;
    expect([priorOf("A"), priorOf("B"), priorOf("C"), priorOf("D")]).toEqual([85, 90, 60, undefined]);
    const result = scoring.result!.categories[0]!;
    // B before A on the provincial total (90 > 85), both 80.
    expect(result.ranking.map((r) => [r.nominee, r.rank, r.total])).toEqual([
      [String(entries.B), 1, 80],
      [String(entries.A), 2, 80],
    ]);
    expect(result.ineligible).toEqual(
      [
        { nominee: String(entries.C), failed: ["prior"] },
        { nominee: String(entries.D), failed: ["prior"] },
      ].sort((x, y) => (x.nominee < y.nominee ? -1 : 1)),
    );

    // The ranking page lists them as "below the minimum" and explains the tie-break.
    const ranking = dataOf(
      await call(
        rankingPage.loader,
        `/committee/${national.id}/ranking/${categoryId}`,
        { editionId: String(national.id), categoryId: String(categoryId) },
        { userId: national.committee.id },
      ),
    ) as { prior: RubricDefinition["prior"] | null; view: { ineligible: { failed: string[] }[] } };
    expect(ranking.prior).toEqual({ minScore: 70, tieBreak: true });
    expect(ranking.view.ineligible.map((x) => x.failed)).toEqual([["prior"], ["prior"]]);
    expect(priorGateText(id, ranking.prior!.minScore!)).toBe("Nilai provinsi di bawah minimum (70)");
  });
});
