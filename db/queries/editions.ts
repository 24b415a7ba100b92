import type { Db } from "../client";

export async function listEditions(db: Db) {
  return db.selectFrom("editions").selectAll().orderBy("year", "desc").orderBy("id", "desc").execute();
}

export async function getEdition(db: Db, id: number) {
  return db.selectFrom("editions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function editionStages(db: Db, editionId: number) {
  return db.selectFrom("edition_stages").selectAll().where("edition_id", "=", editionId).orderBy("position").execute();
}

export async function editionCategories(db: Db, editionId: number) {
  return db.selectFrom("categories").selectAll().where("edition_id", "=", editionId).orderBy("id").execute();
}

/** Editions with their number of entries per status, for the committee's home. */
export async function editionsWithCounts(db: Db, editionIds: number[]) {
  if (editionIds.length === 0) return [];
  const [editions, counts] = await Promise.all([
    db.selectFrom("editions").selectAll().where("id", "in", editionIds).orderBy("year", "desc").execute(),
    db
      .selectFrom("entries")
      .select(["edition_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("edition_id", "in", editionIds)
      .groupBy(["edition_id", "status"])
      .execute(),
  ]);
  return editions.map((e) => ({
    ...e,
    entries: Object.fromEntries(counts.filter((c) => c.edition_id === e.id).map((c) => [c.status, Number(c.n)])),
  }));
}

/** Id and name of the given editions, newest first (for the edition switcher). */
export async function editionNames(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("editions").select(["id", "name"]).where("id", "in", ids).orderBy("year", "desc").orderBy("id", "desc").execute();
}
