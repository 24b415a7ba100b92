import type { Db } from "../client";

/** The current publication of each category of an edition (public data). */
export async function latestPublications(db: Db, editionId: number) {
  const rows = await db
    .selectFrom("publication_events as ev")
    .innerJoin("publications as p", "p.id", "ev.publication_id")
    .innerJoin("categories as c", "c.id", "ev.category_id")
    .select(["p.id", "ev.category_id", "c.key as category", "c.places", "c.mentions", "p.result_json", "p.sha256", "ev.published_at"])
    .where("p.edition_id", "=", editionId)
    .orderBy("ev.id", "desc")
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.category_id) && seen.add(r.category_id));
}
