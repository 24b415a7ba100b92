import { inTransaction, type Db } from "../client";
import type { EntryStatus, StageKey } from "../schema";
import { audit, json } from "./audit";
import { notifyAssigned } from "./panel-mail";

// The committee's side of assignments: who scores which entry in which stage.

/** Assignments of an edition in a stage, with entry and user. */
export async function stageAssignments(db: Db, editionId: number, stage: StageKey) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.id", "a.entry_id", "a.user_id", "a.status", "e.category_id"])
    .where("e.edition_id", "=", editionId)
    .where("a.stage_key", "=", stage)
    .orderBy("a.id")
    .execute();
}

/**
 * Pairs (user, entry) that must not be assigned: declared conflicts (has_conflict = 1) and users
 * who are members of the entrant organisation.
 */
export async function blockedPairs(db: Db, editionId: number) {
  const [declared, members] = await Promise.all([
    db
      .selectFrom("conflict_declarations as cd")
      .innerJoin("entries as e", "e.id", "cd.entry_id")
      .select(["cd.user_id", "cd.entry_id"])
      .where("e.edition_id", "=", editionId)
      .where("cd.has_conflict", "=", 1)
      .execute(),
    db
      .selectFrom("memberships as m")
      .innerJoin("entries as e", "e.organisation_id", "m.organisation_id")
      .select(["m.user_id", "e.id as entry_id"])
      .where("e.edition_id", "=", editionId)
      .where("m.active", "=", 1)
      .execute(),
  ]);
  return [...declared, ...members].map((r) => ({ userId: r.user_id, entryId: r.entry_id }));
}

/** Entries of an edition with a given status (e.g. shortlisted), by id. */
export async function entriesWithStatus(db: Db, editionId: number, statuses: readonly EntryStatus[]) {
  return db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .select(["e.id", "e.organisation_id", "e.status", "c.key as category", "o.name as organisation_name"])
    .where("e.edition_id", "=", editionId)
    .where("e.status", "in", statuses)
    .orderBy("e.id")
    .execute();
}

/**
 * Adds assignments (pairs already assigned in that stage are skipped), audits the batch and tells
 * each person how many entries are new for them (one message per person and batch).
 */
export async function addAssignments(
  db: Db,
  args: {
    editionId: number;
    stage: StageKey;
    pairs: { entryId: number; userId: number }[];
    createdBy: number;
    action: string;
  },
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const existing = new Set(
      (await stageAssignments(tx, args.editionId, args.stage)).map((a) => `${a.entry_id}/${a.user_id}`),
    );
    const assigned: number[] = [];
    for (const p of args.pairs) {
      const key = `${p.entryId}/${p.userId}`;
      if (existing.has(key)) continue;
      existing.add(key);
      await tx
        .insertInto("assignments")
        .values({
          entry_id: p.entryId,
          user_id: p.userId,
          stage_key: args.stage,
          status: "not_started",
          version: 0,
          created_by: args.createdBy,
        })
        .execute();
      assigned.push(p.userId);
    }
    const added = assigned.length;
    await audit(tx, {
      user_id: args.createdBy,
      edition_id: args.editionId,
      entry_id: null,
      action: args.action,
      subject: `stage:${args.stage}`,
      before: null,
      after: json({ added, pairs: args.pairs.length }),
      reason: null,
    });
    await notifyAssigned(tx, { editionId: args.editionId, stage: args.stage, userIds: assigned });
    return added;
  });
}

/**
 * Removes an assignment that has no submitted scoresheet (its draft scores go with it) and, when
 * given, puts another user in its place. Audited with the reason.
 */
export async function reassign(
  db: Db,
  args: { editionId: number; assignmentId: number; toUserId: number | null; userId: number; reason: string },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "submitted" | "duplicate" }> {
  return inTransaction(db, async (tx) => {
    const a = await tx
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select(["a.id", "a.entry_id", "a.user_id", "a.stage_key", "a.status"])
      .where("a.id", "=", args.assignmentId)
      .where("e.edition_id", "=", args.editionId)
      .executeTakeFirst();
    if (!a) return { ok: false as const, reason: "not_found" as const };
    if (a.status === "submitted") return { ok: false as const, reason: "submitted" as const };
    if (args.toUserId !== null) {
      const dup = await tx
        .selectFrom("assignments")
        .select("id")
        .where("entry_id", "=", a.entry_id)
        .where("user_id", "=", args.toUserId)
        .where("stage_key", "=", a.stage_key)
        .executeTakeFirst();
      if (dup) return { ok: false as const, reason: "duplicate" as const };
    }
    await tx.deleteFrom("scores").where("assignment_id", "=", a.id).execute();
    await tx.deleteFrom("assignments").where("id", "=", a.id).execute();
    if (args.toUserId !== null) {
      await tx
        .insertInto("assignments")
        .values({
          entry_id: a.entry_id,
          user_id: args.toUserId,
          stage_key: a.stage_key,
          status: "not_started",
          version: 0,
          created_by: args.userId,
        })
        .execute();
    }
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: a.entry_id,
      action: "assignment.reassign",
      subject: `assignment:${a.id}`,
      before: json({ user: a.user_id, stage: a.stage_key, status: a.status }),
      after: json({ user: args.toUserId }),
      reason: args.reason,
    });
    if (args.toUserId !== null)
      await notifyAssigned(tx, { editionId: args.editionId, stage: a.stage_key, userIds: [args.toUserId] });
    return { ok: true as const };
  });
}

/** The entry of an assignment of the edition, or undefined. */
export async function assignmentEntry(db: Db, editionId: number, assignmentId: number) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.id", "a.entry_id", "a.user_id", "a.stage_key", "a.status"])
    .where("a.id", "=", assignmentId)
    .where("e.edition_id", "=", editionId)
    .executeTakeFirst();
}
