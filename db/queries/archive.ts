import { inTransaction, type Db } from "../client";
import { archiveRefusal, retentionDueDate, type ArchiveRefusal } from "../../app/domain/personal-data";
import { audit, json } from "./audit";
import { publishedCategoryIds } from "./publications";

// Archiving an edition once its results are published, and how long its personal data is kept
// (retention_years after its last publication). The rules are app/domain/personal-data.ts's.

/** The last time any category of each given edition was published (by edition id; absent: never). */
export async function lastPublications(db: Db, editionIds?: number[]) {
  if (editionIds?.length === 0) return new Map<number, string>();
  let q = db
    .selectFrom("publication_events as ev")
    .innerJoin("categories as c", "c.id", "ev.category_id")
    .select(["c.edition_id", (eb) => eb.fn.max("ev.published_at").as("last")])
    .groupBy("c.edition_id");
  if (editionIds) q = q.where("c.edition_id", "in", editionIds);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.edition_id, String(r.last)]));
}

/** An edition's archive state, retention and due date (null: never published). */
export async function editionRetention(db: Db, editionId: number) {
  const edition = await db
    .selectFrom("editions")
    .select(["id", "archived_at", "archived_by", "retention_years"])
    .where("id", "=", editionId)
    .executeTakeFirst();
  if (!edition) return undefined;
  const last = (await lastPublications(db, [editionId])).get(editionId) ?? null;
  const [categories, published] = await Promise.all([
    db.selectFrom("categories").select("id").where("edition_id", "=", editionId).execute(),
    publishedCategoryIds(db, editionId),
  ]);
  return {
    archivedAt: edition.archived_at,
    retentionYears: Number(edition.retention_years),
    lastPublishedAt: last,
    dueDate: retentionDueDate(last, Number(edition.retention_years)),
    refusal: archiveRefusal({
      archivedAt: edition.archived_at,
      categories: categories.length,
      published: categories.filter((c) => published.has(c.id)).length,
    }),
  };
}

export type ArchiveResult = { ok: true; archivedAt: string } | { ok: false; reason: ArchiveRefusal };

/** Archives the edition when every category is published (audited `edition.archive`). */
export async function archiveEdition(
  db: Db,
  args: { editionId: number; userId: number; now?: Date },
): Promise<ArchiveResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const state = await editionRetention(tx, args.editionId);
    if (!state) throw new Error(`edition ${args.editionId} does not exist`);
    if (state.refusal) return { ok: false as const, reason: state.refusal };
    const res = await tx
      .updateTable("editions")
      .set({ archived_at: at, archived_by: args.userId })
      .where("id", "=", args.editionId)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: "already_archived" as const };
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "edition.archive",
      subject: `edition:${args.editionId}`,
      before: null,
      after: json({ archived_at: at, last_publication: state.lastPublishedAt }),
      reason: null,
    });
    return { ok: true as const, archivedAt: at };
  });
}

/** Sets how many years the edition's personal data is kept after its last publication (audited). */
export async function setRetentionYears(db: Db, args: { editionId: number; years: number; userId: number }) {
  await inTransaction(db, async (tx) => {
    const before = await tx
      .selectFrom("editions")
      .select("retention_years")
      .where("id", "=", args.editionId)
      .executeTakeFirstOrThrow();
    if (Number(before.retention_years) === args.years) return;
    await tx.updateTable("editions").set({ retention_years: args.years }).where("id", "=", args.editionId).execute();
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "edition.retention",
      subject: `edition:${args.editionId}`,
      before: json({ retention_years: Number(before.retention_years) }),
      after: json({ retention_years: args.years }),
      reason: null,
    });
  });
}
