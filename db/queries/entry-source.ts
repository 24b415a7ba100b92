import type { Db } from "../client";

/**
 * Where a nominated national entry came from (docs/levels.md): the provincial entry and edition,
 * the publication it was nominated from (and its rubric) and its rank and total there; undefined for an entry that
 * was not carried over.
 */
export async function entrySource(db: Db, entryId: number) {
  return (
    db
      .selectFrom("entries as n")
      .innerJoin("entries as p", "p.id", "n.source_entry_id")
      .innerJoin("editions as ed", "ed.id", "p.edition_id")
      // Only the rubric of the publication: its stored snapshot (megabytes at scale) is not read here.
      .leftJoin("publications as pub", "pub.id", "n.source_publication_id")
      .select([
        "pub.rubric_id as publicationRubricId",
        "n.source_entry_id as entryId",
        "n.source_publication_id as publicationId",
        "n.source_rank as rank",
        "n.source_total as total",
        "ed.id as editionId",
        "ed.name as editionName",
      ])
      .where("n.id", "=", entryId)
      .executeTakeFirst()
  );
}
