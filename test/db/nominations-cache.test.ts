import { describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/client";
import { nominationBoard } from "../../db/queries/nominations";
import {
  createEdition,
  createEntry,
  createMember,
  createNationalEdition,
  createScoresheet,
  nominateFrom,
  publishCategory,
  testDb,
} from "../e2e/factories";
import { freshDb } from "./support";

// The nomination board keeps the standings parsed from each publication (they never change; see
// db/queries/nominations.ts). What the board shows must never depend on what is kept: a
// re-publication shows at once, a re-published earlier snapshot is current again, another
// database's publication with the same id is not this one's, and a warm board equals a cold one.

const ready = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  return { db: await testDb() };
})();

/** The board as a process that has kept nothing yet computes it (a fresh copy of the module). */
async function coldBoard(db: Db, nationalEditionId: number) {
  vi.resetModules();
  const fresh = await import("../../db/queries/nominations");
  return fresh.nominationBoard(db, nationalEditionId);
}

describe("the nomination board's kept standings", () => {
  it("never hide a re-publication, nor an earlier snapshot made current again; warm equals cold", async () => {
    const { db } = await ready;
    const p = await createEdition({ categories: ["regency_city"] });
    const assessor = await createMember(p.id, "assessor");
    const entries = [];
    for (const score of [90, 70]) {
      const entry = await createEntry(p, { category: "regency_city", quality: score / 100 });
      await createScoresheet(entry, assessor, { score, createdBy: p.committee.id });
      entries.push(entry);
    }
    const rescore = async (entryId: number, value: number) => {
      const sheets = await db.selectFrom("assignments").select("id").where("entry_id", "=", entryId).execute();
      await db
        .updateTable("scores")
        .set({ value })
        .where(
          "assignment_id",
          "in",
          sheets.map((s) => s.id),
        )
        .execute();
    };
    const first = await publishCategory(p, "regency_city");
    const national = await createNationalEdition({ link: [p] });
    const nominee = await nominateFrom(national, entries[0]!);
    const juaraI = async () =>
      (await nominationBoard(db, national.id)).categories.find((c) => c.key === "regency_city")!.provinces[0]!
        .candidates[0]!;

    const before = await nominationBoard(db, national.id);
    expect(before.changes).toEqual([]);
    expect(await nominationBoard(db, national.id)).toEqual(before);
    expect(await coldBoard(db, national.id)).toEqual(before);
    expect((await juaraI()).entryId).toBe(entries[0]!.id);

    // The province republishes with the first entry fallen to second: shown at once, warm or not.
    await rescore(entries[0]!.id, 50);
    const second = await publishCategory(p, "regency_city");
    expect(second.sha256).not.toBe(first.sha256);
    const changed = await nominationBoard(db, national.id);
    expect(changed.changes).toEqual([
      expect.objectContaining({
        entryId: nominee.id,
        now: expect.objectContaining({ rank: 2 }),
        stillCandidate: false,
      }),
    ]);
    expect((await juaraI()).entryId).toBe(entries[1]!.id);
    expect(await coldBoard(db, national.id)).toEqual(changed);

    // Back to the first scores: the identical earlier snapshot is current again (a new event, the
    // same publication), so there is nothing to review any more.
    await rescore(entries[0]!.id, 90);
    expect((await publishCategory(p, "regency_city")).sha256).toBe(first.sha256);
    const again = await nominationBoard(db, national.id);
    expect(again.changes).toEqual([]);
    expect(again).toEqual(before);
    expect((await juaraI()).entryId).toBe(entries[0]!.id);
  });

  it("are not taken for another database's publication with the same id", async () => {
    /** A national edition linked to one province whose only category published the given ranking. */
    async function published(db: Db, ranking: { rank: number; total: number }[]) {
      const edition = (level: "national" | "provincial", region: string) =>
        db
          .insertInto("editions")
          .values({ name: region, year: 2025, level, region, period_start: "2025-01-01", period_end: "2025-12-31" })
          .returning("id")
          .executeTakeFirstOrThrow();
      const national = await edition("national", "Indonesia");
      const province = await edition("provincial", "Kalimantan Timur");
      for (const e of [national, province])
        await db.insertInto("categories").values({ edition_id: e.id, key: "regency_city" }).execute();
      const category = await db
        .selectFrom("categories")
        .select("id")
        .where("edition_id", "=", province.id)
        .executeTakeFirstOrThrow();
      const rubric = await db
        .insertInto("rubrics")
        .values({ category_id: category.id, version: 1 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const ids: number[] = [];
      for (const n of ["Kota Samarinda", "Kota Balikpapan"]) {
        const org = await db
          .insertInto("organisations")
          .values({ name: n, kind: "city", region: `${n}, Kalimantan Timur` })
          .returning("id")
          .executeTakeFirstOrThrow();
        const entry = await db
          .insertInto("entries")
          .values({ edition_id: province.id, category_id: category.id, organisation_id: org.id, status: "published" })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.push(entry.id);
      }
      const result = JSON.stringify({
        categories: [{ category: "regency_city", ranking: ranking.map((r, i) => ({ nominee: String(ids[i]), ...r })) }],
      });
      const at = "2025-06-01T00:00:00.000Z";
      const publication = await db
        .insertInto("publications")
        .values({
          edition_id: province.id,
          category_id: category.id,
          rubric_id: rubric.id,
          input_json: "{}",
          result_json: result,
          sha256: result,
          published_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("publication_events")
        .values({ publication_id: publication.id, category_id: category.id, published_at: at })
        .execute();
      await db
        .insertInto("edition_links")
        .values({ national_edition_id: national.id, provincial_edition_id: province.id, linked_at: at })
        .execute();
      return { national: national.id, publication: publication.id, ids };
    }
    const aDb = (await freshDb()).db;
    const a = await published(aDb, [
      { rank: 1, total: 91 },
      { rank: 2, total: 80 },
    ]);
    const bDb = (await freshDb()).db;
    const b = await published(bDb, [
      { rank: 2, total: 75 },
      { rank: 1, total: 88 },
    ]);
    expect([b.national, b.publication, b.ids]).toEqual([a.national, a.publication, a.ids]);
    const top = async (db: Db, national: number) =>
      (await nominationBoard(db, national)).categories[0]!.provinces[0]!.candidates.map((c) => [c.entryId, c.total]);
    expect(await top(aDb, a.national)).toEqual([[a.ids[0], 91]]);
    expect(await top(bDb, b.national)).toEqual([[b.ids[1], 88]]);
    expect(await top(aDb, a.national)).toEqual([[a.ids[0], 91]]);
  });
});
