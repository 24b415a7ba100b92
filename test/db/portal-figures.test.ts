import { describe, expect, it } from "vitest";
import {
  addEvidence,
  deleteEvidence,
  EntryLockedError,
  listEvidence,
  replaceEvidence,
} from "../../db/queries/evidence";
import {
  entryChecklist,
  entryFigures,
  isEditable,
  portalEntry,
  saveFigures,
  submitEntry,
} from "../../db/queries/figures";
import { publishSnapshot } from "../../db/queries/publications";
import { publishedScorecard } from "../../app/lib/scorecard.server";
import { figuresSchema } from "../../app/lib/figures-form.server";
import { bandFor } from "../../app/lib/portal-figures";
import { parseForm } from "../../app/lib/forms";
import { translator } from "../../app/i18n";
import { freshDb } from "./support";

const t = translator("en");
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
};

async function demo() {
  const { db } = await freshDb({ seed: true });
  const entryOf = async (slug: string) =>
    await db
      .selectFrom("entries as e")
      .innerJoin("memberships as m", "m.organisation_id", "e.organisation_id")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["e.id", "u.id as userId"])
      .where("u.email", "=", `peserta@${slug}.paritrana.test`)
      .executeTakeFirstOrThrow();
  return { db, entryOf };
}

describe("the figures form", () => {
  it("refuses impossible company figures next to the field and keeps the rest of the input", () => {
    const schema = figuresSchema("company");
    const cases: [Record<string, string>, string, string][] = [
      [
        { workers: "100", workers_registered: "101" },
        "workers_registered",
        "Workers registered cannot exceed the number of workers.",
      ],
      [{ workers: "-1" }, "workers", "Cannot be negative."],
      [{ months_on_time: "13" }, "months_on_time", "At most 12 months."],
      [
        { months_on_time: "10", months_arrears: "3" },
        "months_arrears",
        "Months on time plus months in arrears cannot exceed 12.",
      ],
      [{ wages_paid: "lima juta" }, "wages_paid", "Enter a whole number, e.g. 1250 or 1.250."],
    ];
    for (const [values, field, message] of cases) {
      const r = parseForm(schema, form({ version: "3", accidents_reported: "2", ...values }), t);
      expect(r.ok, JSON.stringify(values)).toBe(false);
      if (r.ok) continue;
      expect(r.errors[field]).toBe(message);
      expect(r.values.accidents_reported).toBe("2");
      for (const [k, v] of Object.entries(values)) expect(r.values[k]).toBe(v);
    }
  });

  it("refuses impossible government figures", () => {
    const schema = figuresSchema("government", 2024);
    const bad: [Record<string, string>, string][] = [
      [{ workforce: "1000", pu_covered: "700", bpu_covered: "301" }, "bpu_covered"],
      [{ non_asn_staff: "50", non_asn_all_four: "51" }, "non_asn_all_four"],
      [
        { "regulations.0.type": "perda", "regulations.0.number": "", "regulations.0.year": "2020" },
        "regulations.0.number",
      ],
      [
        { "regulations.0.type": "perda", "regulations.0.number": "5", "regulations.0.year": "2031" },
        "regulations.0.year",
      ],
      [
        { "regulations.0.type": "surat", "regulations.0.number": "5", "regulations.0.year": "2020" },
        "regulations.0.type",
      ],
    ];
    for (const [values, field] of bad) {
      const r = parseForm(schema, form({ version: "1", ...values }), t);
      expect(r.ok, JSON.stringify(values)).toBe(false);
      if (!r.ok) expect(Object.keys(r.errors)).toContain(field);
    }
    const ok = parseForm(
      schema,
      form({
        version: "1",
        workforce: "1.000",
        pu_covered: "700",
        bpu_covered: "300",
        "regulations.0.type": "perda",
        "regulations.0.number": "7",
        "regulations.0.year": "2021",
        "regulations.1.type": "",
      }),
      t,
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.data.figures).toMatchObject({
        workforce: 1000,
        pu_covered: 700,
        bpu_covered: 300,
        employers_registered: undefined,
      });
      expect(ok.data.regulations).toEqual([{ type: "perda", number: "7", year: 2021, title: null }]);
    }
    // More rows than the form can have are refused.
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`regulations.${i}.type`, ""]));
    expect(parseForm(schema, form({ version: "1", ...many }), t).ok).toBe(false);
  });

  it("finds the band an indicator falls into (largest min not above the value)", () => {
    const bands = [
      { min: 0, points: 20 },
      { min: 95, points: 85 },
      { min: 100, points: 100 },
    ];
    expect(bandFor(bands, 95)).toEqual({ min: 95, points: 85 });
    expect(bandFor(bands, 94.99)).toEqual({ min: 0, points: 20 });
    expect(bandFor(bands, 100)).toEqual({ min: 100, points: 100 });
    expect(bandFor([{ min: 1, points: 20 }], 0)).toBeNull();
    expect(bandFor(bands, undefined)).toBeNull();
  });
});

describe("saving figures", () => {
  it("derives the company indicators on every save, never from typed-in values", async () => {
    const { db, entryOf } = await demo();
    const a = await entryOf("mahakam-energi");
    const entry = (await portalEntry(db, a.id))!;
    const res = await saveFigures(db, {
      entryId: a.id,
      version: entry.version,
      userId: a.userId,
      figures: {
        workers: 1200,
        workers_registered: 1140,
        programme_jkk: 1,
        programme_jkm: 1,
        programme_jht: 1,
        programme_jp: 0,
        programme_jkp: 1,
        months_on_time: 11,
        months_arrears: 1,
        wages_reported: 900,
        wages_paid: 1000,
        accidents_reported: 2,
        coverage_pct: 100,
      },
      regulations: [],
    });
    expect(res).toEqual({
      ok: true,
      version: entry.version + 1,
      indicators: { coverage_pct: 95, programmes: 4, on_time_months: 11, arrears_months: 1, wage_ratio_pct: 90 },
    });
    const stored = await entryFigures(db, a.id);
    expect(stored.indicators).toEqual({
      coverage_pct: 95,
      programmes: 4,
      on_time_months: 11,
      arrears_months: 1,
      wage_ratio_pct: 90,
    });
    // A key that is not a figure (here an indicator name) is never stored as a figure.
    expect(stored.figures.coverage_pct).toBeUndefined();
    const log = await db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entry_id", "=", a.id)
      .where("action", "=", "entry.figures")
      .execute();
    expect(log).toHaveLength(1);

    // Leaving figures blank removes the indicators that depend on them.
    const again = await saveFigures(db, {
      entryId: a.id,
      version: entry.version + 1,
      userId: a.userId,
      figures: { workers: 10 },
      regulations: [],
    });
    expect(again).toMatchObject({ ok: true, indicators: {} });
    expect((await entryFigures(db, a.id)).indicators).toEqual({});
  });

  it("derives the government indicators, with the regulations in force", async () => {
    const { db, entryOf } = await demo();
    const g = await entryOf("balikpapan");
    const entry = (await portalEntry(db, g.id))!;
    if (entry.status !== "draft")
      await db.updateTable("entries").set({ status: "draft" }).where("id", "=", g.id).execute();
    const res = await saveFigures(db, {
      entryId: g.id,
      version: entry.version,
      userId: g.userId,
      figures: {
        workforce: 400_000,
        pu_covered: 150_000,
        bpu_covered: 50_000,
        employers_registered: 3000,
        non_asn_staff: 2000,
        non_asn_all_four: 1500,
        vulnerable_apbd_workers: 12_000,
        vulnerable_apbd_amount: 2_419_200_000,
      },
      regulations: [
        { type: "perwali", number: "19", year: 2023, title: null },
        { type: "perda", number: "3", year: 2021, title: null },
      ],
    });
    expect(res).toMatchObject({
      ok: true,
      indicators: { coverage_pct: 50, non_asn_pct: 75, vulnerable_workers: 12_000, regulations: 2 },
    });
    expect((await entryFigures(db, g.id)).regulations.map((r) => r.type)).toEqual(["perwali", "perda"]);
  });

  it("refuses a save based on an older version, and any save once submitted or past the deadline", async () => {
    const { db, entryOf } = await demo();
    const a = await entryOf("mahakam-energi");
    const entry = (await portalEntry(db, a.id))!;
    const first = await saveFigures(db, {
      entryId: a.id,
      version: entry.version,
      userId: a.userId,
      figures: { workers: 5 },
      regulations: [],
    });
    expect(first.ok).toBe(true);
    const stale = await saveFigures(db, {
      entryId: a.id,
      version: entry.version,
      userId: a.userId,
      figures: { workers: 6 },
      regulations: [],
    });
    expect(stale).toEqual({ ok: false, reason: "stale", version: entry.version + 1 });
    expect((await entryFigures(db, a.id)).figures.workers).toBe(5);

    const late = new Date(Date.parse(entry.registration_deadline!) + 1000);
    expect(isEditable(entry, late)).toBe(false);
    expect(
      await saveFigures(db, {
        entryId: a.id,
        version: entry.version + 1,
        userId: a.userId,
        figures: {},
        regulations: [],
        now: late,
      }),
    ).toEqual({ ok: false, reason: "locked" });
    // Reopened by the committee (with a reason): editable again, even after the deadline.
    await db.updateTable("entries").set({ reopened_reason: "Lampiran tidak terbaca" }).where("id", "=", a.id).execute();
    expect(
      await saveFigures(db, {
        entryId: a.id,
        version: entry.version + 1,
        userId: a.userId,
        figures: { workers: 7 },
        regulations: [],
        now: late,
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("submitting", () => {
  it("lists what is missing, then submits and locks a complete entry", async () => {
    const { db, entryOf } = await demo();
    const a = await entryOf("mahakam-energi");
    const entry = (await portalEntry(db, a.id))!;
    await saveFigures(db, {
      entryId: a.id,
      version: entry.version,
      userId: a.userId,
      figures: { workers: 10, workers_registered: 10 },
      regulations: [],
    });
    const checklist = await entryChecklist(db, a.id);
    expect(checklist.missingFigures).toEqual([
      "months_on_time",
      "months_arrears",
      "wages_reported",
      "wages_paid",
      "accidents_reported",
    ]);
    // The seed gave A one file for "administration"; "extra_protection" still needs one.
    expect(checklist.missingEvidence.map((c) => c.key)).toEqual(["extra_protection"]);
    expect(await submitEntry(db, { entryId: a.id, userId: a.userId })).toMatchObject({
      ok: false,
      reason: "incomplete",
    });

    await saveFigures(db, {
      entryId: a.id,
      version: entry.version + 1,
      userId: a.userId,
      figures: {
        workers: 10,
        workers_registered: 10,
        months_on_time: 12,
        months_arrears: 0,
        wages_reported: 1,
        wages_paid: 1,
        accidents_reported: 0,
      },
      regulations: [],
    });
    await addEvidence(db, {
      entryId: a.id,
      editionId: entry.edition_id,
      userId: a.userId,
      files: [
        {
          criterionKey: "extra_protection",
          originalName: "k3.pdf",
          storageName: "00000000-0000-4000-8000-000000000001.pdf",
          mime: "application/pdf",
          size: 10,
          sha256: "0".repeat(64),
        },
      ],
    });
    expect((await entryChecklist(db, a.id)).complete).toBe(true);
    const now = new Date();
    expect(await submitEntry(db, { entryId: a.id, userId: a.userId, now })).toEqual({ ok: true });
    const after = (await portalEntry(db, a.id))!;
    expect(after).toMatchObject({ status: "submitted", submitted_at: now.toISOString() });
    expect(await submitEntry(db, { entryId: a.id, userId: a.userId })).toEqual({
      ok: false,
      reason: "locked",
      closed: "not_draft",
    });
    expect(
      await saveFigures(db, { entryId: a.id, version: after.version, userId: a.userId, figures: {}, regulations: [] }),
    ).toEqual({ ok: false, reason: "locked" });
    const log = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entry_id", "=", a.id)
      .where("action", "=", "entry.submit")
      .execute();
    expect(log).toHaveLength(1);

    // Evidence is locked by the data layer itself, whatever a route checked before.
    const [file] = await listEvidence(db, a.id);
    const base = { entryId: a.id, editionId: entry.edition_id, userId: a.userId };
    const pdf = {
      originalName: "late.pdf",
      storageName: "00000000-0000-4000-8000-000000000002.pdf",
      mime: "application/pdf",
      size: 10,
      sha256: "1".repeat(64),
    };
    await expect(
      addEvidence(db, { ...base, files: [{ ...pdf, criterionKey: "extra_protection" }] }),
    ).rejects.toBeInstanceOf(EntryLockedError);
    await expect(replaceEvidence(db, { ...base, fileId: file.id, file: pdf })).rejects.toBeInstanceOf(EntryLockedError);
    await expect(deleteEvidence(db, { ...base, fileId: file.id })).rejects.toBeInstanceOf(EntryLockedError);
    expect(await listEvidence(db, a.id)).toHaveLength(2);
  });
});

describe("the scorecard", () => {
  it("is read from the publication snapshot only (entry ids as strings), without assessors' scores", async () => {
    const { db, entryOf } = await demo();
    const a = await entryOf("mahakam-energi");
    const entry = (await portalEntry(db, a.id))!;
    expect(await publishedScorecard(db, a.id)).toBeNull();
    const rubric = await db
      .selectFrom("rubrics")
      .select("id")
      .where("category_id", "=", entry.category_id)
      .executeTakeFirstOrThrow();
    const other = String(a.id + 1000);
    const snapshot = {
      categories: [
        {
          category: "large",
          ranking: [
            {
              nominee: other,
              rank: 1,
              total: 90,
              reached: "interview",
              stages: { desk: 90, verification: 90, interview: 90 },
              criteria: {},
              flags: [],
            },
            {
              nominee: String(a.id),
              rank: 2,
              total: 81.5,
              reached: "interview",
              stages: { desk: 80, verification: 85, interview: 82 },
              criteria: {
                enrolment: { value: 85, indicator: 95 },
                administration: { value: 78.33, panel: 3, sd: 4.1 },
              },
              flags: [],
            },
          ],
          ineligible: [],
          agreement: {},
          flags: [],
        },
      ],
    };
    await publishSnapshot(db, {
      editionId: entry.edition_id,
      categoryId: entry.category_id,
      rubricId: rubric.id,
      inputJson: "{}",
      resultJson: JSON.stringify(snapshot),
      sha256: "a".repeat(64),
      userId: 1,
    });
    const card = (await publishedScorecard(db, a.id))!;
    expect(card.ranked).toBe(2);
    expect(card.result).toEqual({
      rank: 2,
      total: 81.5,
      reached: "interview",
      stages: { desk: 80, verification: 85, interview: 82 },
      criteria: { enrolment: { value: 85, indicator: 95 }, administration: { value: 78.33, indicator: null } },
    });
    expect(JSON.stringify(card.result)).not.toMatch(/panel|sd/);
  });
});
