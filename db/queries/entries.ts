import type { Db } from "../client";

/** The entries of the given organisations, with edition and category. */
export async function entriesOfOrganisations(db: Db, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom("entries as e")
    .innerJoin("editions as ed", "ed.id", "e.edition_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "e.status", "e.submitted_at", "ed.name as edition_name", "c.key as category", "o.name as organisation_name"])
    .where("e.organisation_id", "in", organisationIds)
    .orderBy("e.id", "desc")
    .execute();
}
