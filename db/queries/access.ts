import type { Db } from "../client";

/** Facts about an entry that decide who may see it. */
export async function entryAccessFacts(db: Db, entryId: number, userId: number) {
  const entry = await db
    .selectFrom("entries")
    .select(["id", "edition_id", "organisation_id", "status"])
    .where("id", "=", entryId)
    .executeTakeFirst();
  if (!entry) return null;
  const [assignments, conflict] = await Promise.all([
    db
      .selectFrom("assignments as a")
      .innerJoin("edition_stages as s", (j) =>
        j.onRef("s.key", "=", "a.stage_key").on("s.edition_id", "=", entry.edition_id),
      )
      .select(["a.id", "a.stage_key", "a.status", "s.panel"])
      .where("a.entry_id", "=", entryId)
      .where("a.user_id", "=", userId)
      .execute(),
    db
      .selectFrom("conflict_declarations")
      .select(["has_conflict"])
      .where("entry_id", "=", entryId)
      .where("user_id", "=", userId)
      .executeTakeFirst(),
  ]);
  return { entry, assignments, conflict: conflict ? conflict.has_conflict === 1 : null };
}

/**
 * The nominated national entries that carry over the files of the given (provincial) entry: who may
 * read one of them may read the carried files too (app/lib/entry-access.server.ts).
 */
export async function entriesCarrying(db: Db, entryId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("entries")
    .select("id")
    .where("source_entry_id", "=", entryId)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}
