import type { Db } from "../client";
import type { OrganisationKind } from "../schema";

// Organisations (regional governments, companies, public-service bodies): creating one when it
// comes in (invitation link or self-registration) and the one-entry-per-edition check both ways
// in share; their names for the committee's pages. Which kinds may enter which category is
// app/domain/categories.ts.

export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  region: string;
  npp?: string | null;
  nib?: string | null;
  size?: "large" | "medium" | "small" | "micro" | null;
  sector?: string | null;
}

/**
 * An entry of the edition (not rejected) by the same organisation: the same NPP or NIB, or the
 * same name (ignoring case) in the same region. Both ways in, self-registration and invitation
 * links that create an organisation, refuse such a second entry.
 */
export async function duplicateEntry(db: Db, editionId: number, o: NewOrganisation): Promise<boolean> {
  const npp = o.npp?.trim() || null;
  const nib = o.nib?.trim() || null;
  const dup = await db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select("e.id")
    .where("e.edition_id", "=", editionId)
    .where("e.status", "!=", "rejected")
    .where((eb) =>
      eb.or([
        ...(npp ? [eb("o.npp", "=", npp)] : []),
        ...(nib ? [eb("o.nib", "=", nib)] : []),
        eb.and([
          eb(eb.fn("lower", ["o.name"]), "=", o.name.trim().toLowerCase()),
          eb(eb.fn("lower", ["o.region"]), "=", o.region.trim().toLowerCase()),
        ]),
      ]),
    )
    .executeTakeFirst();
  return dup !== undefined;
}

/** Stores a new organisation (trimmed; empty NPP, NIB and sector stored as none); returns its id. */
export async function insertOrganisation(db: Db, o: NewOrganisation): Promise<number> {
  const row = await db
    .insertInto("organisations")
    .values({
      name: o.name.trim(),
      kind: o.kind,
      region: o.region.trim(),
      npp: o.npp?.trim() || null,
      nib: o.nib?.trim() || null,
      size: o.size ?? null,
      sector: o.sector?.trim() || null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Organisation names of entries (by entry id). */
export async function entryOrganisations(db: Db, entryIds: number[]) {
  if (entryIds.length === 0) return new Map<number, { name: string; region: string }>();
  const rows = await db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "o.name", "o.region"])
    .where("e.id", "in", entryIds)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, region: r.region }]));
}
