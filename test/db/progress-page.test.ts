import { describe, expect, it } from "vitest";
import type { AssignmentStatus, CategoryKey } from "../../db/schema";
import { PROGRESS_PAGE_SIZE, stageProgress } from "../../db/queries/progress";
import { freshDb } from "./support";

// Issue 12, item 3: the progress page counts per category and per assessor in the database and
// reads one page of entries (with their sheets) at a time, filtered by category and by "sheets
// not submitted yet". An edition of 130 entries (120 large, 10 medium), 3 desk sheets each.

const LARGE = 120;
const MEDIUM = 10;

/** The status of sheet k of entry n, and whether its assessor declared a conflict on the entry. */
function sheetOf(n: number, k: number): { status: AssignmentStatus; conflict: boolean } {
  if (k === 0 && n % 3 === 0) return { status: "draft", conflict: false };
  if (k === 1 && n % 5 === 0) return { status: "not_started", conflict: n % 10 === 0 };
  return { status: "submitted", conflict: false };
}

async function world() {
  const { db } = await freshDb();
  const edition = await db
    .insertInto("editions")
    .values({
      name: "Uji kemajuan",
      year: 2026,
      level: "provincial",
      region: "Uji",
      period_start: "2026-01-01",
      period_end: "2026-12-31",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const category = async (key: CategoryKey) =>
    (
      await db
        .insertInto("categories")
        .values({ edition_id: edition.id, key })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const large = await category("large");
  const medium = await category("medium");
  const assessors: { id: number; name: string }[] = [];
  for (let i = 1; i <= 4; i++) {
    const name = `Penilai ${i}`;
    const { id } = await db
      .insertInto("users")
      .values({ email: `penilai${i}@progress.test`, name })
      .returning("id")
      .executeTakeFirstOrThrow();
    assessors.push({ id, name });
  }
  const entries: {
    id: number;
    n: number;
    name: string;
    categoryId: number;
    sheets: { userId: number; status: AssignmentStatus; conflict: boolean }[];
  }[] = [];
  // Inserted in an order unlike the page's (by category, then organisation name).
  for (let n = LARGE + MEDIUM; n >= 1; n--) {
    const name = `Organisasi ${String(n).padStart(3, "0")}`;
    const org = await db
      .insertInto("organisations")
      .values({ name, kind: "company", region: "Uji" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const categoryId = n <= LARGE ? large : medium;
    const { id } = await db
      .insertInto("entries")
      .values({ edition_id: edition.id, category_id: categoryId, organisation_id: org.id, status: "submitted" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const sheets = [];
    for (let k = 0; k < 3; k++) {
      const userId = assessors[(n + k) % 4]!.id;
      const { status, conflict } = sheetOf(n, k);
      await db.insertInto("assignments").values({ entry_id: id, user_id: userId, stage_key: "desk", status }).execute();
      if (conflict)
        await db
          .insertInto("conflict_declarations")
          .values({ user_id: userId, entry_id: id, has_conflict: 1, kind: "other" })
          .execute();
      sheets.push({ userId, status, conflict });
    }
    entries.push({ id, n, name, categoryId, sheets });
  }
  return { db, editionId: edition.id, large, medium, assessors, entries: entries.sort((a, b) => a.n - b.n) };
}

const tally = (sheets: { status: AssignmentStatus; conflict: boolean }[]) => {
  const counted = sheets.filter((s) => !(s.conflict && s.status !== "submitted"));
  return {
    assigned: counted.length,
    submitted: counted.filter((s) => s.status === "submitted").length,
    draft: counted.filter((s) => s.status === "draft").length,
    notStarted: counted.filter((s) => s.status === "not_started").length,
    conflict: sheets.length - counted.length,
  };
};

describe("progress page", () => {
  it("counts per category and per assessor in the database, a declared conflict apart", async () => {
    const w = await world();
    const p = await stageProgress(w.db, w.editionId, "desk");
    const all = w.entries.flatMap((e) => e.sheets.map((s) => ({ ...s, categoryId: e.categoryId })));
    expect(p.total).toEqual(tally(all));
    expect(p.total.conflict).toBe(LARGE / 10 + MEDIUM / 10);
    expect(p.categories).toEqual([
      { categoryId: w.large, category: "large", ...tally(all.filter((s) => s.categoryId === w.large)) },
      { categoryId: w.medium, category: "medium", ...tally(all.filter((s) => s.categoryId === w.medium)) },
    ]);
    expect(p.people).toEqual(
      w.assessors.map((a) => ({ userId: a.id, userName: a.name, ...tally(all.filter((s) => s.userId === a.id)) })),
    );
    // Another stage, another edition: nothing.
    expect((await stageProgress(w.db, w.editionId, "verification")).total.assigned).toBe(0);
    expect((await stageProgress(w.db, w.editionId + 1, "desk")).entries.total).toBe(0);
  });

  it("reads one page of entries in order with their sheets; past the last page reads the last", async () => {
    const w = await world();
    const page2 = (await stageProgress(w.db, w.editionId, "desk", { page: 2 })).entries;
    expect(page2).toMatchObject({ total: LARGE + MEDIUM, page: 2, pages: 3, from: 51, to: 100 });
    expect(page2.rows.map((r) => r.organisationName)).toEqual(w.entries.slice(50, 100).map((e) => e.name));
    for (const row of page2.rows) {
      const made = w.entries.find((e) => e.id === row.entryId)!;
      expect(row.sheets).toHaveLength(3);
      expect(row.sheets.map((s) => [s.userId, s.state]).sort()).toEqual(
        made.sheets.map((s) => [s.userId, s.conflict && s.status !== "submitted" ? "conflict" : s.status]).sort(),
      );
    }
    const last = (await stageProgress(w.db, w.editionId, "desk", { page: 99 })).entries;
    expect(last).toMatchObject({ page: 3, pages: 3, from: 101, to: LARGE + MEDIUM });
    // Medium comes after large (by category), then by name.
    expect(last.rows.at(-1)!.organisationName).toBe(`Organisasi ${LARGE + MEDIUM}`);
    expect(last.rows.slice(-MEDIUM).every((r) => r.category === "medium")).toBe(true);
  });

  it("filters by category and by sheets not submitted (a declared conflict is not behind)", async () => {
    const w = await world();
    const medium = (await stageProgress(w.db, w.editionId, "desk", { categoryId: w.medium })).entries;
    expect(medium).toMatchObject({ total: MEDIUM, pages: 1 });
    expect(medium.rows.map((r) => r.organisationName)).toEqual(
      w.entries.filter((e) => e.categoryId === w.medium).map((e) => e.name),
    );
    // Behind: a draft (n % 3 = 0) or a not-started sheet without a conflict (n % 5 = 0, n % 10 ≠ 0).
    const behind = w.entries.filter((e) => e.sheets.some((s) => s.status !== "submitted" && !s.conflict));
    expect(behind.length).toBeGreaterThan(PROGRESS_PAGE_SIZE);
    const open1 = (await stageProgress(w.db, w.editionId, "desk", { outstanding: true })).entries;
    const open2 = (await stageProgress(w.db, w.editionId, "desk", { outstanding: true, page: 2 })).entries;
    expect(open1.total).toBe(behind.length);
    expect([...open1.rows, ...open2.rows].map((r) => r.entryId)).toEqual(behind.map((e) => e.id));
    // An entry whose only unsubmitted sheet is a declared conflict (n = 10) is not listed.
    expect(open1.rows.some((r) => r.organisationName === "Organisasi 010")).toBe(false);
    const both = (await stageProgress(w.db, w.editionId, "desk", { outstanding: true, categoryId: w.medium })).entries;
    expect(both.rows.map((r) => r.entryId)).toEqual(behind.filter((e) => e.categoryId === w.medium).map((e) => e.id));
  });
});
