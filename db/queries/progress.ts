import { inTransaction, type Db } from "../client";
import type { AssignmentStatus, CategoryKey, EntryStatus, StageKey } from "../schema";
import { sheetState, type SheetState } from "../../app/domain/conflict-resolution";
import { audit, json } from "./audit";
import { conflictReplacements } from "./conflicts";
import { reopenScoresheet } from "./scores";
import { raiseVersionOfEntries } from "./data-version";

// The committee's view of how far the panels are: for one stage of an edition, every assignment
// with its scoresheet status, summed per category, per assessor and per entry. The committee may
// reopen a submitted scoresheet or a submitted entry, always with a reason, always audited.

export interface ProgressRow {
  /** Null for a conflicted person whose assignment was handed to someone else (conflictRows). */
  assignmentId: number | null;
  entryId: number;
  entryStatus: EntryStatus;
  organisationName: string;
  categoryId: number;
  category: CategoryKey;
  userId: number;
  userName: string;
  status: AssignmentStatus;
  version: number;
  submittedAt: string | null;
  /** The person declared a conflict of interest on the entry. */
  conflictDeclared: boolean;
  /** Who took the conflicted person's place, if someone did. */
  replacedBy: string | null;
}

/** Every assignment of a stage of the edition, by category, organisation and assessor. */
export async function stageAssignmentRows(db: Db, editionId: number, stage: StageKey): Promise<ProgressRow[]> {
  return db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("conflict_declarations as cd", (j) =>
      j.onRef("cd.entry_id", "=", "a.entry_id").onRef("cd.user_id", "=", "a.user_id").on("cd.has_conflict", "=", 1),
    )
    .select([
      "a.id as assignmentId",
      "e.id as entryId",
      "e.status as entryStatus",
      "o.name as organisationName",
      "c.id as categoryId",
      "c.key as category",
      "u.id as userId",
      "u.name as userName",
      "a.status",
      "a.version",
      "a.submitted_at as submittedAt",
      "cd.id as conflictId",
    ])
    .where("e.edition_id", "=", editionId)
    .where("a.stage_key", "=", stage)
    .orderBy("c.id")
    .orderBy("o.name")
    .orderBy("e.id")
    .orderBy("u.name")
    .orderBy("a.id")
    .execute()
    .then((rows) =>
      rows.map(({ conflictId, ...r }) => ({ ...r, conflictDeclared: conflictId !== null, replacedBy: null })),
    );
}

/**
 * People of a stage who declared a conflict and whose assignment the committee handed to someone
 * else (the assignment itself is gone: reassign() deletes it), as rows for the progress page, so
 * that the entry shows "conflict declared, replaced by …" rather than forgetting them.
 */
export async function replacedConflictRows(db: Db, editionId: number, stage: StageKey): Promise<ProgressRow[]> {
  const replaced = (await conflictReplacements(db, editionId)).filter((r) => r.stage === stage);
  if (replaced.length === 0) return [];
  const declared = await db
    .selectFrom("conflict_declarations as cd")
    .innerJoin("entries as e", "e.id", "cd.entry_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("users as u", "u.id", "cd.user_id")
    .select([
      "e.id as entryId",
      "e.status as entryStatus",
      "o.name as organisationName",
      "c.id as categoryId",
      "c.key as category",
      "u.id as userId",
      "u.name as userName",
    ])
    .where("e.edition_id", "=", editionId)
    .where("cd.has_conflict", "=", 1)
    .where("cd.entry_id", "in", [...new Set(replaced.map((r) => r.entryId))])
    .execute();
  const still = new Set(
    (
      await db
        .selectFrom("assignments")
        .select(["entry_id", "user_id"])
        .where("stage_key", "=", stage)
        .where("entry_id", "in", [...new Set(replaced.map((r) => r.entryId))])
        .execute()
    ).map((a) => `${a.entry_id}/${a.user_id}`),
  );
  return declared.flatMap((d) => {
    // The latest hand-over of this person's assignment on the entry, unless they hold one again.
    const last = replaced.filter((r) => r.entryId === d.entryId && r.fromUserId === d.userId).at(-1);
    if (!last || still.has(`${d.entryId}/${d.userId}`)) return [];
    return [
      {
        ...d,
        assignmentId: null,
        status: "not_started" as const,
        version: 0,
        submittedAt: null,
        conflictDeclared: true,
        replacedBy: last.toUserName,
      },
    ];
  });
}

export interface Counts {
  /** Sheets someone is expected to score (a declared conflict is not one). */
  assigned: number;
  notStarted: number;
  draft: number;
  submitted: number;
  /** Sheets of people who declared a conflict: not behind, counted apart. */
  conflict: number;
}

const empty = (): Counts => ({ assigned: 0, notStarted: 0, draft: 0, submitted: 0, conflict: 0 });

function add(c: Counts, state: SheetState) {
  if (state === "conflict") {
    c.conflict++;
    return;
  }
  c.assigned++;
  if (state === "not_started") c.notStarted++;
  else if (state === "draft") c.draft++;
  else c.submitted++;
}

/**
 * Sums the rows per category, per assessor and per entry (keeping the rows' order); each sheet
 * gets its state (app/domain/conflict-resolution.ts: a declared conflict is not "not started").
 */
export function summariseProgress(rows: ProgressRow[]) {
  const total = empty();
  const categories = new Map<number, { categoryId: number; category: CategoryKey } & Counts>();
  const people = new Map<number, { userId: number; userName: string } & Counts>();
  const entries = new Map<
    number,
    {
      entryId: number;
      organisationName: string;
      categoryId: number;
      category: CategoryKey;
      entryStatus: EntryStatus;
      sheets: (ProgressRow & { state: SheetState })[];
    } & Counts
  >();
  for (const r of rows) {
    const state = sheetState(r.status, r.conflictDeclared);
    add(total, state);
    let c = categories.get(r.categoryId);
    if (!c) categories.set(r.categoryId, (c = { categoryId: r.categoryId, category: r.category, ...empty() }));
    add(c, state);
    let p = people.get(r.userId);
    if (!p) people.set(r.userId, (p = { userId: r.userId, userName: r.userName, ...empty() }));
    add(p, state);
    let e = entries.get(r.entryId);
    if (!e) {
      entries.set(
        r.entryId,
        (e = {
          entryId: r.entryId,
          organisationName: r.organisationName,
          categoryId: r.categoryId,
          category: r.category,
          entryStatus: r.entryStatus,
          sheets: [],
          ...empty(),
        }),
      );
    }
    add(e, state);
    e.sheets.push({ ...r, state });
  }
  return {
    total,
    categories: [...categories.values()],
    people: [...people.values()].sort((a, b) => a.userName.localeCompare(b.userName, "id") || a.userId - b.userId),
    entries: [...entries.values()],
  };
}

/** One assignment of the edition with its entry and assessor (for the reopen form), or undefined. */
export async function progressAssignment(db: Db, editionId: number, assignmentId: number) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select([
      "a.id",
      "a.entry_id as entryId",
      "a.stage_key as stage",
      "a.status",
      "a.version",
      "o.name as organisationName",
      "u.name as userName",
    ])
    .where("a.id", "=", assignmentId)
    .where("e.edition_id", "=", editionId)
    .executeTakeFirst();
}

/** One entry of the edition (for the reopen form), or undefined. */
export async function progressEntry(db: Db, editionId: number, entryId: number) {
  return db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "e.status", "e.version", "e.category_id as categoryId", "o.name as organisationName"])
    .where("e.id", "=", entryId)
    .where("e.edition_id", "=", editionId)
    .executeTakeFirst();
}

export type ReopenResult =
  | { ok: true; version: number }
  | { ok: false; reason: "not_found" | "not_submitted" | "reason_required" | "stage_not_open" };

/** Reopens a submitted scoresheet of THIS edition (another edition's assignment is "not_found"). */
export async function reopenEditionScoresheet(
  db: Db,
  args: { editionId: number; assignmentId: number; userId: number; reason: string },
): Promise<ReopenResult> {
  if (!args.reason.trim()) return { ok: false, reason: "reason_required" };
  if (!(await progressAssignment(db, args.editionId, args.assignmentId))) return { ok: false, reason: "not_found" };
  return reopenScoresheet(db, args.assignmentId, args.userId, args.reason);
}

/**
 * Reopens a submitted entry: back to "draft" with the reason (shown to the organisation, which may
 * then change and submit it again, also after the registration deadline), version + 1, audited.
 */
export async function reopenEntry(
  db: Db,
  args: { editionId: number; entryId: number; userId: number; reason: string; now?: Date },
): Promise<ReopenResult> {
  const reason = args.reason.trim();
  if (!reason) return { ok: false, reason: "reason_required" };
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const entry = await progressEntry(tx, args.editionId, args.entryId);
    if (!entry) return { ok: false as const, reason: "not_found" as const };
    const res = await tx
      .updateTable("entries")
      .set((eb) => ({ status: "draft", reopened_reason: reason, version: eb("version", "+", 1), submitted_at: null }))
      .where("id", "=", args.entryId)
      .where("edition_id", "=", args.editionId)
      .where("status", "=", "submitted")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: "not_submitted" as const };
    await raiseVersionOfEntries(tx, [args.entryId]);
    const version = entry.version + 1;
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: args.entryId,
      action: "entry.reopen",
      subject: `entry:${args.entryId}`,
      before: json({ status: "submitted", version: entry.version }),
      after: json({ status: "draft", version }),
      reason,
    });
    return { ok: true as const, version };
  });
}
