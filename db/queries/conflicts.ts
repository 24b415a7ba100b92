import { inTransaction, type Db } from "../client";
import type { ConflictKind } from "../../app/domain/conflicts";
import { audit } from "./audit";

// Conflict of interest: before an entry's evidence opens, an assessor or juror declares either no
// conflict or a conflict (with its kind and a note). One declaration per (user, entry), for all
// stages; it cannot be changed afterwards by the assessor. A declared conflict takes the entry off
// the assessor's list and shows it to the committee (listConflicts) for reassignment.

export async function findConflictDeclaration(db: Db, args: { userId: number; entryId: number }) {
  return db
    .selectFrom("conflict_declarations")
    .selectAll()
    .where("user_id", "=", args.userId)
    .where("entry_id", "=", args.entryId)
    .executeTakeFirst();
}

/** Records the declaration (audit-logged). Refused when the user has already declared for the entry. */
export async function declareConflict(
  db: Db,
  args: {
    userId: number;
    entryId: number;
    hasConflict: boolean;
    kind?: ConflictKind | null;
    note?: string | null;
    now?: Date;
  },
): Promise<{ ok: true; id: number } | { ok: false; reason: "already_declared" | "not_found" }> {
  const at = (args.now ?? new Date()).toISOString();
  const kind = args.hasConflict ? (args.kind ?? "other") : null;
  const note = args.note?.trim() ? args.note.trim() : null;
  return inTransaction(db, async (tx) => {
    const entry = await tx
      .selectFrom("entries")
      .select(["id", "edition_id"])
      .where("id", "=", args.entryId)
      .executeTakeFirst();
    if (!entry) return { ok: false as const, reason: "not_found" as const };
    if (await findConflictDeclaration(tx, args)) return { ok: false as const, reason: "already_declared" as const };
    // Two declarations sent at once: the unique (user, entry) pair lets only the first one in.
    const inserted = await tx
      .insertInto("conflict_declarations")
      .values({
        user_id: args.userId,
        entry_id: args.entryId,
        has_conflict: args.hasConflict ? 1 : 0,
        kind,
        note,
        declared_at: at,
      })
      .onConflict((oc) => oc.columns(["user_id", "entry_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: false as const, reason: "already_declared" as const };
    const { id } = inserted;
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: entry.edition_id,
      entry_id: args.entryId,
      action: args.hasConflict ? "conflict.declare" : "conflict.none",
      subject: `conflict:${id}`,
      before: null,
      after: JSON.stringify({ hasConflict: args.hasConflict, kind, note }),
      reason: null,
    });
    return { ok: true as const, id };
  });
}

/**
 * The declared conflicts of an edition, newest first, with the assessor, the entry and the
 * assessor's assignments on that entry (which the committee may reassign).
 */
export async function listConflicts(db: Db, editionId: number) {
  const rows = await db
    .selectFrom("conflict_declarations as cd")
    .innerJoin("entries as e", "e.id", "cd.entry_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("users as u", "u.id", "cd.user_id")
    .select([
      "cd.id",
      "cd.entry_id as entryId",
      "cd.user_id as userId",
      "cd.kind",
      "cd.note",
      "cd.declared_at as declaredAt",
      "u.name as userName",
      "u.email as userEmail",
      "o.name as organisationName",
      "c.id as categoryId",
      "c.key as category",
    ])
    .where("e.edition_id", "=", editionId)
    .where("cd.has_conflict", "=", 1)
    .orderBy("cd.declared_at", "desc")
    .orderBy("cd.id", "desc")
    .execute();
  if (rows.length === 0) return [];
  const assignments = await db
    .selectFrom("assignments")
    .select(["id", "entry_id", "user_id", "stage_key as stage", "status"])
    .where("entry_id", "in", [...new Set(rows.map((r) => r.entryId))])
    .execute();
  return rows.map((r) => ({
    ...r,
    assignments: assignments
      .filter((a) => a.entry_id === r.entryId && a.user_id === r.userId)
      .map((a) => ({ id: a.id, stage: a.stage, status: a.status })),
  }));
}
