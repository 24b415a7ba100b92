import { inTransaction, type Db } from "../client";
import type { StageKey } from "../schema";
import type { ConflictKind } from "../../app/domain/conflicts";
import { conflictState, replacementCandidates } from "../../app/domain/conflict-resolution";
import { audit } from "./audit";
import { blockedPairs } from "./assignment-plans";
import { editionStages } from "./editions";
import { notifyConflict } from "./panel-mail";
import { panelMembers } from "./people";

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

/**
 * Records the declaration (audit-logged); a conflict is told to the edition's committee. Refused
 * when the user has already declared for the entry.
 */
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
    if (kind)
      await notifyConflict(tx, { editionId: entry.edition_id, userId: args.userId, entryId: args.entryId, kind });
    return { ok: true as const, id };
  });
}

/**
 * The declared conflicts of an edition, those that need the committee first, then newest first:
 * the assessor, the entry, where the conflict stands (app/domain/conflict-resolution.ts) and, for
 * each of the person's unsubmitted assignments on the entry, who may take it over.
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
  const [assignments, replacements, blocked, stages, assessors, jurors] = await Promise.all([
    db
      .selectFrom("assignments")
      .select(["id", "entry_id", "user_id", "stage_key as stage", "status"])
      .where("entry_id", "in", [...new Set(rows.map((r) => r.entryId))])
      .orderBy("id")
      .execute(),
    conflictReplacements(db, editionId),
    blockedPairs(db, editionId),
    editionStages(db, editionId),
    panelMembers(db, editionId, "assessor"),
    panelMembers(db, editionId, "juror"),
  ]);
  const panelOf = (stage: StageKey) =>
    (stages.find((s) => s.key === stage)?.panel ?? (stage === "interview" ? "juror" : "assessor")) === "juror"
      ? jurors
      : assessors;
  const list = rows.map((r) => {
    const mine = assignments
      .filter((a) => a.entry_id === r.entryId && a.user_id === r.userId)
      .map((a) => ({ id: a.id, stage: a.stage, status: a.status }));
    const state = conflictState(
      mine,
      replacements.filter((x) => x.entryId === r.entryId && x.fromUserId === r.userId),
    );
    const open = (state.state === "needs_action" ? state.open : []).map((a) => ({
      ...a,
      candidates: replacementCandidates(panelOf(a.stage), {
        assigned: assignments.filter((x) => x.entry_id === r.entryId && x.stage === a.stage).map((x) => x.user_id),
        blocked: blocked.filter((b) => b.entryId === r.entryId).map((b) => b.userId),
      }).map((p) => ({ id: p.id, name: p.name })),
    }));
    return { ...r, assignments: mine, state, open };
  });
  // Stable: those needing action keep their newest-first order ahead of the rest.
  return [
    ...list.filter((c) => c.state.state === "needs_action"),
    ...list.filter((c) => c.state.state !== "needs_action"),
  ];
}

/**
 * The assignments the committee handed from one person to another in an edition (the audit log's
 * "assignment.reassign" rows: reassign() deletes the old assignment and logs who had it), oldest
 * first, with the names of the new person and of the committee member who did it.
 */
export async function conflictReplacements(db: Db, editionId: number) {
  const rows = await db
    .selectFrom("audit_log as l")
    .leftJoin("users as by", "by.id", "l.user_id")
    .select(["l.id", "l.at", "l.entry_id", "l.before", "l.after", "by.name as byUserName"])
    .where("l.edition_id", "=", editionId)
    .where("l.action", "=", "assignment.reassign")
    .orderBy("l.id")
    .execute();
  const parsed = rows.flatMap((r) => {
    const before = readJson(r.before);
    const after = readJson(r.after);
    const from = before?.user;
    const stage = before?.stage;
    if (r.entry_id === null || typeof from !== "number" || !isStage(stage)) return [];
    const to = typeof after?.user === "number" ? after.user : null;
    return [{ entryId: r.entry_id, fromUserId: from, toUserId: to, stage, at: r.at, byUserName: r.byUserName }];
  });
  const ids = [...new Set(parsed.flatMap((p) => (p.toUserId === null ? [] : [p.toUserId])))];
  const names = new Map(
    ids.length
      ? (await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute()).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  return parsed.map((p) => ({ ...p, toUserName: p.toUserId === null ? null : (names.get(p.toUserId) ?? null) }));
}

const isStage = (v: unknown): v is StageKey => v === "desk" || v === "verification" || v === "interview";

function readJson(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
