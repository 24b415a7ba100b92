import { Migrator } from "kysely";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { migrations } from "../../db/migrate";
import { publicationStandings } from "../../db/queries/publications";
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

// The nomination board reads each current publication's standings, stored beside the snapshot when
// it is published (db/queries/publications.ts): a re-publication shows at once, a re-published
// earlier snapshot is current again, and publications made before migration 0009 have theirs.

const ready = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  return { db: await testDb() };
})();

describe("the nomination board's standings", () => {
  it("show a re-publication at once, and an earlier snapshot made current again", async () => {
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

    // Back to the first scores: the identical earlier snapshot is current again (a new event, the
    // same publication), so there is nothing to review any more.
    await rescore(entries[0]!.id, 90);
    expect((await publishCategory(p, "regency_city")).sha256).toBe(first.sha256);
    const again = await nominationBoard(db, national.id);
    expect(again.changes).toEqual([]);
    expect(again).toEqual(before);
    expect((await juaraI()).entryId).toBe(entries[0]!.id);
  });

  it("migration 0009 gives every earlier publication its standings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "paritrana-standings-"));
    const db = await createDb(`file:${join(dir, "old.sqlite")}`);
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < "2026-12-01-0009"));
      const migrator = (m: typeof migrations) => new Migrator({ db, provider: { getMigrations: async () => m } });
      expect((await migrator(before).migrateToLatest()).error).toBeUndefined();
      const edition = await db
        .insertInto("editions")
        .values({
          name: "Lama",
          year: 2022,
          level: "provincial",
          region: "Bali",
          period_start: "2022-01-01",
          period_end: "2022-12-31",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const category = await db
        .insertInto("categories")
        .values({ edition_id: edition.id, key: "large" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const rubric = await db
        .insertInto("rubrics")
        .values({ category_id: category.id, version: 1 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const ranking = [
        { nominee: "7", rank: 1, total: 81.5, reached: "desk", stages: {}, criteria: {}, flags: [] },
        { nominee: "9", rank: 2, total: 64, reached: "desk", stages: {}, criteria: {}, flags: [] },
      ];
      const result = JSON.stringify({
        categories: [{ category: "large", ranking, ineligible: [], agreement: {}, flags: [] }],
      });
      const { id } = await db
        .insertInto("publications")
        .values({
          edition_id: edition.id,
          category_id: category.id,
          rubric_id: rubric.id,
          input_json: "{}",
          result_json: result,
          sha256: "a".repeat(64),
          published_at: "2023-03-01T00:00:00.000Z",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect((await migrator(migrations).migrateToLatest()).error).toBeUndefined();
      expect(await publicationStandings(db, [id], { upToRank: 2 })).toEqual(
        new Map([
          [
            id,
            [
              { nominee: "7", rank: 1, total: 81.5 },
              { nominee: "9", rank: 2, total: 64 },
            ],
          ],
        ]),
      );
      // Only the places asked for, and the nominees asked for wherever they rank.
      expect(await publicationStandings(db, [id], { upToRank: 1 })).toEqual(
        new Map([[id, [{ nominee: "7", rank: 1, total: 81.5 }]]]),
      );
      expect(await publicationStandings(db, [id], { upToRank: 1, nominees: ["9"] })).toEqual(
        new Map([
          [
            id,
            [
              { nominee: "7", rank: 1, total: 81.5 },
              { nominee: "9", rank: 2, total: 64 },
            ],
          ],
        ]),
      );
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
