import { inTransaction, type Db } from "../client";
import { zonePlacesRefusal } from "../../app/domain/zone-awards";
import { audit, json } from "./audit";

// A category's zone award (docs/levels.md): how many places per zone the committee gives. A view
// of the published ranking, no scoring input: no data version is raised.

/** Sets a category's zone places (0: no zone award), audited; refused outside national editions and beyond 0–3. */
export async function setZonePlaces(
  db: Db,
  args: { editionId: number; categoryId: number; zonePlaces: number; userId: number },
): Promise<{ ok: true } | { ok: false; reason: "provincial" | "range" | "not_found" }> {
  return inTransaction(db, async (tx) => {
    const row = await tx
      .selectFrom("categories as c")
      .innerJoin("editions as e", "e.id", "c.edition_id")
      .select(["c.zone_places", "e.level"])
      .where("c.id", "=", args.categoryId)
      .where("c.edition_id", "=", args.editionId)
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "not_found" };
    const refused = zonePlacesRefusal(row.level, args.zonePlaces);
    if (refused) return { ok: false, reason: refused };
    if (row.zone_places === args.zonePlaces) return { ok: true };
    await tx
      .updateTable("categories")
      .set({ zone_places: args.zonePlaces })
      .where("id", "=", args.categoryId)
      .execute();
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "category.zone_places",
      subject: `category:${args.categoryId}`,
      before: json({ zonePlaces: row.zone_places }),
      after: json({ zonePlaces: args.zonePlaces }),
      reason: null,
    });
    return { ok: true };
  });
}

/** The organisation region of every entry of a category (by entry id): who is in which zone. */
export async function categoryEntryRegions(db: Db, categoryId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "o.region"])
    .where("e.category_id", "=", categoryId)
    .execute();
  return new Map(rows.map((r) => [String(r.id), r.region]));
}
