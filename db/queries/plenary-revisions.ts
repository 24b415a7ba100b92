import { inTransaction, type Db } from "../client";
import type { RevisionStatus } from "../schema";
import { judgedScale } from "../../app/domain/rubric";
import { needsNote, onScale } from "../../app/domain/scoresheet";
import { audit } from "./audit";
import { raiseVersionOfAssignment } from "./data-version";
import { plenaryFacts, type PlenaryFacts } from "./plenary";
import { loadAssignment, scoresheetCriteria } from "./scores";

// Revision windows of the plenary (docs/plenary.md): the chair lets one assessor change one
// criterion of their submitted sheet, once. The revision follows the scoresheet's rules (scale and
// note: app/domain/scoresheet.ts), updates the score row (its version moves on), keeps the old value
// and note in plenary_revisions and in the audit log, and raises the category's data version so
// the ranking follows. Refused while current minutes exist, and after the stage closed.

type Refusal<R extends string> = { ok: false; reason: R };
const refuse = <R extends string>(reason: R): Refusal<R> => ({ ok: false, reason });

/** Why a plenary takes no change now: stage closed, or current minutes issued. */
function frozen(p: PlenaryFacts) {
  if (p.stageStatus !== "open") return refuse("stage_closed");
  if (p.hasMinutes) return refuse("minutes_issued");
  return null;
}

export type GrantResult =
  | { ok: true; revisionId: number }
  | Refusal<"not_found" | "not_submitted" | "already_granted" | "minutes_issued" | "stage_closed">;

/**
 * Opens a revision window on one criterion of a submitted sheet of the plenary's stage and
 * category (anything else is "not_found"). One open window per sheet and criterion.
 */
export async function grantRevision(
  db: Db,
  args: { plenaryId: number; assignmentId: number; criterionKey: string; userId: number; now?: Date },
): Promise<GrantResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const p = await plenaryFacts(tx, args.plenaryId);
    if (!p) return refuse("not_found");
    const a = await loadAssignment(tx, args.assignmentId);
    if (!a || a.categoryId !== p.categoryId || a.stage !== p.stage) return refuse("not_found");
    const criterion = (await scoresheetCriteria(tx, a.id)).find((c) => c.key === args.criterionKey);
    if (!criterion) return refuse("not_found");
    const stop = frozen(p);
    if (stop) return stop;
    if (a.status !== "submitted") return refuse("not_submitted");
    const open = await tx
      .selectFrom("plenary_revisions")
      .select("id")
      .where("assignment_id", "=", a.id)
      .where("criterion_id", "=", criterion.id)
      .where("status", "=", "granted")
      .executeTakeFirst();
    if (open) return refuse("already_granted");
    const row = await tx
      .insertInto("plenary_revisions")
      .values({
        plenary_id: p.id,
        entry_id: a.entryId,
        assignment_id: a.id,
        criterion_id: criterion.id,
        user_id: a.userId,
        granted_by: args.userId,
        granted_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: p.editionId,
      entry_id: a.entryId,
      action: "plenary.revision_grant",
      subject: `plenary:${p.id}/assignment:${a.id}/criterion:${criterion.key}`,
      before: null,
      after: JSON.stringify({ assessor: a.userId }),
      reason: null,
    });
    return { ok: true as const, revisionId: row.id };
  });
}

/** A revision window with its plenary (null: none). */
async function loadRevision(db: Db, revisionId: number) {
  return db
    .selectFrom("plenary_revisions as r")
    .innerJoin("criteria as c", "c.id", "r.criterion_id")
    .select([
      "r.id",
      "r.plenary_id as plenaryId",
      "r.entry_id as entryId",
      "r.assignment_id as assignmentId",
      "r.criterion_id as criterionId",
      "c.key as criterionKey",
      "r.user_id as userId",
      "r.status",
    ])
    .where("r.id", "=", revisionId)
    .executeTakeFirst();
}

export type ReviseResult =
  | { ok: true }
  | Refusal<"not_found" | "not_granted" | "off_scale" | "note_required" | "minutes_issued" | "stage_closed">;

/** The assessor of the window's sheet revises its criterion (once). */
export async function reviseCriterion(
  db: Db,
  args: { revisionId: number; userId: number; value: number; note: string | null; now?: Date },
): Promise<ReviseResult> {
  const at = (args.now ?? new Date()).toISOString();
  const note = args.note?.trim() ? args.note.trim() : null;
  return inTransaction(db, async (tx) => {
    const r = await loadRevision(tx, args.revisionId);
    if (!r || r.userId !== args.userId) return refuse("not_found");
    const p = await plenaryFacts(tx, r.plenaryId);
    if (!p) return refuse("not_found");
    const stop = frozen(p);
    if (stop) return stop;
    if (r.status !== "granted") return refuse("not_granted");
    const a = await loadAssignment(tx, r.assignmentId);
    // Reopened by the committee meanwhile: the assessor changes the sheet itself, not through here.
    if (!a || a.status !== "submitted") return refuse("not_granted");
    // The scoresheet's rules for this criterion, as the sheet's save checks them.
    const c = (await scoresheetCriteria(tx, a.id)).find((x) => x.id === r.criterionId);
    if (!c) return refuse("not_found");
    if (!onScale(args.value, c)) return refuse("off_scale");
    if (needsNote(args.value, c) && note === null) return refuse("note_required");
    const before = await tx
      .selectFrom("scores")
      .select(["value", "note"])
      .where("assignment_id", "=", a.id)
      .where("criterion_id", "=", c.id)
      .executeTakeFirst();
    if (!before) return refuse("not_found");
    // Only a window still granted is used (two posts at once: one wins).
    const used = await tx
      .updateTable("plenary_revisions")
      .set({
        status: "revised",
        old_value: before.value,
        old_note: before.note,
        new_value: args.value,
        new_note: note,
        revised_at: at,
        closed_at: at,
      })
      .where("id", "=", r.id)
      .where("status", "=", "granted")
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return refuse("not_granted");
    await tx
      .updateTable("scores")
      .set((eb) => ({ value: args.value, note, version: eb("version", "+", 1), updated_at: at }))
      .where("assignment_id", "=", a.id)
      .where("criterion_id", "=", c.id)
      .execute();
    // The sheet's version moves on too: a page holding the old values is stale.
    await tx
      .updateTable("assignments")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .where("id", "=", a.id)
      .execute();
    await raiseVersionOfAssignment(tx, a.id);
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: p.editionId,
      entry_id: a.entryId,
      action: "plenary.revision",
      subject: `plenary:${p.id}/assignment:${a.id}/criterion:${c.key}`,
      before: JSON.stringify({ criterion: c.key, value: before.value, note: before.note }),
      after: JSON.stringify({ criterion: c.key, value: args.value, note }),
      reason: null,
    });
    return { ok: true as const };
  });
}

/**
 * The chair withdraws a window not used yet. Only the current chair of the window's plenary may
 * (anyone else: "not_found", as a window of another plenary).
 */
export async function withdrawRevision(
  db: Db,
  args: { revisionId: number; userId: number; now?: Date },
): Promise<{ ok: true } | Refusal<"not_found" | "not_granted">> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const r = await loadRevision(tx, args.revisionId);
    const p = r ? await plenaryFacts(tx, r.plenaryId) : null;
    if (!r || !p || p.chairId !== args.userId) return refuse("not_found");
    const res = await tx
      .updateTable("plenary_revisions")
      .set({ status: "withdrawn", closed_at: at })
      .where("id", "=", r.id)
      .where("status", "=", "granted")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return refuse("not_granted");
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: p.editionId,
      entry_id: r.entryId,
      action: "plenary.revision_withdraw",
      subject: `plenary:${p.id}/assignment:${r.assignmentId}/criterion:${r.criterionKey}`,
      before: null,
      after: null,
      reason: null,
    });
    return { ok: true as const };
  });
}

export interface RevisionRow {
  id: number;
  entryId: number;
  assignmentId: number;
  userId: number;
  assessorName: string;
  criterionKey: string;
  criterionNameId: string;
  criterionNameEn: string;
  max: number;
  step: number;
  status: RevisionStatus;
  oldValue: number | null;
  oldNote: string | null;
  newValue: number | null;
  newNote: string | null;
  grantedAt: string;
  revisedAt: string | null;
}

/** Every revision window of the plenary, in the order they were granted. */
export async function revisionsOf(db: Db, plenaryId: number): Promise<RevisionRow[]> {
  const rows = await db
    .selectFrom("plenary_revisions as r")
    .innerJoin("criteria as c", "c.id", "r.criterion_id")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select([
      "r.id",
      "r.entry_id as entryId",
      "r.assignment_id as assignmentId",
      "r.user_id as userId",
      "u.name as assessorName",
      "c.key as criterionKey",
      "c.name_id as criterionNameId",
      "c.name_en as criterionNameEn",
      "c.max",
      "c.step",
      "r.status",
      "r.old_value as oldValue",
      "r.old_note as oldNote",
      "r.new_value as newValue",
      "r.new_note as newNote",
      "r.granted_at as grantedAt",
      "r.revised_at as revisedAt",
    ])
    .where("r.plenary_id", "=", plenaryId)
    .orderBy("r.granted_at")
    .orderBy("r.id")
    .execute();
  return rows.map((r) => ({ ...r, ...judgedScale(r) }));
}
