import { describe, expect, it } from "vitest";
import { publishSnapshot } from "../../db/queries/publications";
import { setZonePlaces } from "../../db/queries/zone-awards";
import { editionWinners } from "../../app/lib/publications.server";
import { currentZoneAwards } from "../../app/lib/zone-awards.server";
import {
  createEdition,
  createEntry,
  createNationalEdition,
  createOrganisation,
  testDb,
  type TestEdition,
  type TestEntry,
} from "../e2e/factories";
import { freshDb } from "./support";

// Issue 14: a zone award is a view of a national category's PUBLISHED ranking (the best N of each
// zone, ties included), set by the national committee (0–3, audited), never on a provincial edition.

const ready = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  return testDb();
})();

/** A province category entry of a province organisation of the region. */
async function provinceEntry(national: TestEdition, region: string): Promise<TestEntry> {
  const organisation = await createOrganisation({ kind: "province", name: `Pemerintah Provinsi ${region}`, region });
  return createEntry(national, { category: "province", organisation, evidence: false });
}

/** Publishes a hand-made ranking of the category (entry → rank), as the stored result holds it. */
async function publishRanking(national: TestEdition, ranks: [TestEntry, number][], tag: string) {
  const db = await ready;
  const category = national.categories.province!;
  const ranking = ranks.map(([e, rank]) => ({ nominee: String(e.id), rank, total: 100 - rank }));
  await publishSnapshot(db, {
    editionId: national.id,
    categoryId: category.id,
    rubricId: category.rubricId,
    inputJson: JSON.stringify({ tag }),
    resultJson: JSON.stringify({ categories: [{ id: "province", ranking, ineligible: [] }] }),
    sha256: `zone-${tag}-${national.id}`.padEnd(64, "0"),
    userId: national.committee.id,
  });
}

describe("zone awards of a published national category", () => {
  it("are set by the national committee (0–3, audited) and refused for a provincial edition", async () => {
    const db = await ready;
    const national = await createNationalEdition({ categories: ["province"] });
    const categoryId = national.categories.province!.id;
    const args = { editionId: national.id, categoryId, userId: national.committee.id };
    expect(await setZonePlaces(db, { ...args, zonePlaces: 4 })).toEqual({ ok: false, reason: "range" });
    expect(await setZonePlaces(db, { ...args, zonePlaces: 2 })).toEqual({ ok: true });
    const audited = await db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("subject", "=", `category:${categoryId}`)
      .execute();
    expect(audited).toEqual([
      { action: "category.zone_places", before: '{"zonePlaces":0}', after: '{"zonePlaces":2}' },
    ]);

    const provincial = await createEdition({ categories: ["regency_city"] });
    const regency = provincial.categories.regency_city!.id;
    const refused = await setZonePlaces(db, {
      editionId: provincial.id,
      categoryId: regency,
      zonePlaces: 1,
      userId: provincial.committee.id,
    });
    expect(refused).toEqual({ ok: false, reason: "provincial" });
    const row = await db.selectFrom("categories").select("zone_places").where("id", "=", regency).executeTakeFirst();
    expect(row?.zone_places).toBe(0);
    // A category of another edition is not found through this one.
    expect(await setZonePlaces(db, { ...args, categoryId: regency, zonePlaces: 1 })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("are read from the current publication: best per zone with ties, unknown regions counted, later entries not in it", async () => {
    const db = await ready;
    const national = await createNationalEdition({ categories: ["province"] });
    const category = national.categories.province!;
    const jatim = await provinceEntry(national, "Jawa Timur");
    const jabar = await provinceEntry(national, "Jawa Barat");
    const jateng = await provinceEntry(national, "Jawa Tengah");
    const aceh = await provinceEntry(national, "Aceh");
    const kaltim = await provinceEntry(national, "Kalimantan Timur");
    const unknown = await provinceEntry(national, "Provinsi Uji Zona");
    await publishRanking(
      national,
      [
        [jatim, 1],
        [kaltim, 2],
        [jabar, 3],
        [jateng, 3],
        [unknown, 4],
        [aceh, 5],
      ],
      "first",
    );
    // Unpublished data never shows: an entry added after publication, and no zone places yet.
    await provinceEntry(national, "Bali");
    expect(await currentZoneAwards(db, { id: category.id, zone_places: 0 })).toBeNull();
    await setZonePlaces(db, {
      editionId: national.id,
      categoryId: category.id,
      zonePlaces: 1,
      userId: national.committee.id,
    });

    const [winners] = await editionWinners(db, national.id);
    expect(winners?.zones?.unplaced).toBe(1);
    expect(winners?.zones?.zones.map((z) => [z.zone, z.winners.map((w) => [w.name, w.place, w.region])])).toEqual([
      ["sumatera", [["Pemerintah Provinsi Aceh", 1, "Aceh"]]],
      ["jawa", [["Pemerintah Provinsi Jawa Timur", 1, "Jawa Timur"]]],
      ["kalimantan", [["Pemerintah Provinsi Kalimantan Timur", 1, "Kalimantan Timur"]]],
    ]);

    // Two places per zone: Jawa Barat and Jawa Tengah tie for the second place of Jawa.
    await db.updateTable("categories").set({ zone_places: 2 }).where("id", "=", category.id).execute();
    const two = await currentZoneAwards(db, { id: category.id, zone_places: 2 });
    expect(two?.zones.find((z) => z.zone === "jawa")?.winners.map((w) => [w.nominee, w.place])).toEqual([
      [String(jatim.id), 1],
      [String(jabar.id), 2],
      [String(jateng.id), 2],
    ]);

    // A re-publication replaces the view: Jawa Tengah now leads its zone alone.
    await publishRanking(
      national,
      [
        [jateng, 1],
        [jatim, 2],
        [jabar, 4],
      ],
      "second",
    );
    const again = await currentZoneAwards(db, { id: category.id, zone_places: 1 });
    expect(again?.zones.map((z) => [z.zone, z.winners.map((w) => w.nominee)])).toEqual([["jawa", [String(jateng.id)]]]);
    expect(again?.unplaced).toBe(0);
  });
});
