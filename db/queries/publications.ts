import type { Db } from "../client";

/** The newest publication of each category of an edition (public data). */
export async function latestPublications(db: Db, editionId: number) {
  const rows = await db
    .selectFrom("publications as p")
    .innerJoin("categories as c", "c.id", "p.category_id")
    .select(["p.id", "p.category_id", "c.key as category", "c.places", "c.mentions", "p.result_json", "p.sha256", "p.published_at"])
    .where("p.edition_id", "=", editionId)
    .orderBy("p.id", "desc")
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.category_id) && seen.add(r.category_id));
}
