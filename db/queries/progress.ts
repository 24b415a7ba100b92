import { sql } from "kysely";
import { inTransaction, type Db } from "../client";
import type { AssignmentStatus, CategoryKey, EntryStatus, StageKey } from "../schema";
import { sheetState, type SheetState } from "../../app/domain/conflict-resolution";
import { audit, json } from "./audit";
import { conflictReplacements } from "./conflicts";
import { reopenScoresheet } from "./scores";
import { raiseVersionOfEntries } from "./data-version";
import { enqueueEntryReopened } from "./entrant-mail";

// The committee's view of how far the panels are, for one stage of an edition: the sheets counted
// per category and per assessor by the database (GROUP BY, never every row loaded), and the
// entries one page at a time with their scoresheets. The committee may reopen a submitted
// scoresheet or a submitted entry, always with a reason, always audited.

/** Entries per page of the progress page's per-entry list. */
export const PROGRESS_PAGE_SIZE = 50;

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

/** The assignments of a stage of the edition on the given entries, by category, organisation and assessor. */
export async function stageAssignmentRows(
  db: Db,
  editionId: number,
  stage: StageKey,
  entryIds: readonly number[],
): Promise<ProgressRow[]> {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("conflict_declarations as cd", (j) =>
      j
        .onRef("cd.entry_id", "=", "a.entry_id")
        .onRef("cd.user_id", "=", "a.user_id")
        .on("cd.has_conflict", "=", DECLARED),
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
    .where("a.entry_id", "in", [...entryIds])
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
 * that the entry shows "conflict declared, replaced by …" rather than forgetting them. As many as
 * the committee made hand-overs, so read whole.
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

/**
 * `has_conflict = 1` written as a literal, so that SQLite uses the partial index of declared
 * conflicts (migration 0007): it cannot match an index's condition against a bound parameter.
 */
const DECLARED = sql.lit(1);

const empty = (): Counts => ({ assigned: 0, notStarted: 0, draft: 0, submitted: 0, conflict: 0 });

function add(c: Counts, state: SheetState, n = 1) {
  if (state === "conflict") {
    c.conflict += n;
    return;
  }
  c.assigned += n;
  if (state === "not_started") c.notStarted += n;
  else if (state === "draft") c.draft += n;
  else c.submitted += n;
}

/** What the per-entry list shows: one category or all, all entries or only those still behind. */
export interface ProgressFilter {
  categoryId?: number;
  /** Only entries with a sheet not submitted by someone without a declared conflict. */
  outstanding?: boolean;
  /** 1-based; past the last page reads the last page. */
  page?: number;
}

/**
 * A stage's progress: the totals, per category and per assessor (counted by the database), and
 * one page of the entries (filtered) with each one's scoresheets.
 */
export async function stageProgress(db: Db, editionId: number, stage: StageKey, filter: ProgressFilter = {}) {
  const replaced = await replacedConflictRows(db, editionId, stage);
  const summary = await progressSummary(db, editionId, stage, replaced);
  const entries = await progressEntryPage(db, editionId, stage, filter, replaced);
  return { ...summary, entries };
}

/**
 * The sheets of a stage counted per category and per assessor: the database groups them by
 * (category, assessor, status), all of them and those with a declared conflict, and each group
 * gets its state from app/domain (sheetState), so the rule is not restated in SQL. `replaced`
 * (hand-overs after a conflict) are few.
 */
async function progressSummary(db: Db, editionId: number, stage: StageKey, replaced: ProgressRow[]) {
  const stageSheets = db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .where("e.edition_id", "=", editionId)
    .where("a.stage_key", "=", stage)
    .select([
      "e.category_id as categoryId",
      "a.user_id as userId",
      "a.status",
      (eb) => eb.fn.countAll<number | string>().as("n"),
    ])
    .groupBy(["e.category_id", "a.user_id", "a.status"]);
  const [all, conflicted] = await Promise.all([
    stageSheets.execute(),
    // Few: read from the partial index of declared conflicts (the cross joins keep SQLite's
    // planner from visiting every sheet's declaration instead).
    db
      .selectFrom("conflict_declarations as cd")
      .crossJoin("assignments as a")
      .crossJoin("entries as e")
      .whereRef("a.entry_id", "=", "cd.entry_id")
      .whereRef("a.user_id", "=", "cd.user_id")
      .whereRef("e.id", "=", "a.entry_id")
      .where("cd.has_conflict", "=", DECLARED)
      .where("e.edition_id", "=", editionId)
      .where("a.stage_key", "=", stage)
      .select([
        "e.category_id as categoryId",
        "a.user_id as userId",
        "a.status",
        (eb) => eb.fn.countAll<number | string>().as("n"),
      ])
      .groupBy(["e.category_id", "a.user_id", "a.status"])
      .execute(),
  ]);
  const key = (g: { categoryId: number; userId: number; status: string }) => `${g.categoryId}/${g.userId}/${g.status}`;
  const conflictedBy = new Map(conflicted.map((g) => [key(g), Number(g.n)]));
  const groups = all.map((g) => ({ ...g, sheets: Number(g.n), conflicted: conflictedBy.get(key(g)) ?? 0 }));
  const userIds = [...new Set([...groups.map((g) => g.userId), ...replaced.map((r) => r.userId)])];
  const [categoryRows, userRows] = await Promise.all([
    db.selectFrom("categories").select(["id", "key"]).where("edition_id", "=", editionId).execute(),
    userIds.length
      ? db.selectFrom("users").select(["id", "name"]).where("id", "in", userIds).execute()
      : Promise.resolve([]),
  ]);
  const categoryKey = new Map(categoryRows.map((c) => [c.id, c.key]));
  const userName = new Map(userRows.map((u) => [u.id, u.name]));
  const total = empty();
  const categories = new Map<number, { categoryId: number; category: CategoryKey } & Counts>();
  const people = new Map<number, { userId: number; userName: string } & Counts>();
  const count = (categoryId: number, userId: number, state: SheetState, n: number) => {
    if (n === 0) return;
    add(total, state, n);
    let c = categories.get(categoryId);
    if (!c) {
      c = { categoryId, category: categoryKey.get(categoryId) as CategoryKey, ...empty() };
      categories.set(categoryId, c);
    }
    add(c, state, n);
    let p = people.get(userId);
    if (!p) people.set(userId, (p = { userId, userName: userName.get(userId) ?? "", ...empty() }));
    add(p, state, n);
  };
  for (const g of groups) {
    count(g.categoryId, g.userId, sheetState(g.status, true), g.conflicted);
    count(g.categoryId, g.userId, sheetState(g.status, false), g.sheets - g.conflicted);
  }
  for (const r of replaced) count(r.categoryId, r.userId, sheetState(r.status, r.conflictDeclared), 1);
  return {
    total,
    categories: [...categories.values()].sort((a, b) => a.categoryId - b.categoryId),
    people: [...people.values()].sort((a, b) => a.userName.localeCompare(b.userName, "id") || a.userId - b.userId),
  };
}

/**
 * One page of the stage's entries (those with an assignment in it, or a replaced conflict), by
 * category, organisation name and id, with their scoresheets: only the page's rows are read.
 */
async function progressEntryPage(
  db: Db,
  editionId: number,
  stage: StageKey,
  filter: ProgressFilter,
  replaced: ProgressRow[],
) {
  const replacedIds = [...new Set(replaced.map((r) => r.entryId))];
  let q = db
    .selectFrom("entries as e")
    .where("e.edition_id", "=", editionId)
    .where((eb) => {
      let sheets = eb
        .selectFrom("assignments as a")
        .select("a.id")
        .whereRef("a.entry_id", "=", "e.id")
        .where("a.stage_key", "=", stage);
      // Behind, as sheetState counts it: not submitted, and no conflict declared on the entry.
      if (filter.outstanding)
        sheets = sheets
          .where("a.status", "!=", "submitted")
          .where((x) =>
            x.not(
              x.exists(
                x
                  .selectFrom("conflict_declarations as cd")
                  .select("cd.id")
                  .whereRef("cd.entry_id", "=", "a.entry_id")
                  .whereRef("cd.user_id", "=", "a.user_id")
                  .where("cd.has_conflict", "=", DECLARED),
              ),
            ),
          );
      const assigned = eb.exists(sheets);
      return filter.outstanding || replacedIds.length === 0
        ? assigned
        : eb.or([assigned, eb("e.id", "in", replacedIds)]);
    });
  if (filter.categoryId !== undefined) q = q.where("e.category_id", "=", filter.categoryId);
  const { n } = await q.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / PROGRESS_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Math.floor(filter.page ?? 1)));
  const rows = await q
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .select([
      "e.id as entryId",
      "o.name as organisationName",
      "c.id as categoryId",
      "c.key as category",
      "e.status as entryStatus",
    ])
    .orderBy("e.category_id")
    .orderBy("o.name")
    .orderBy("e.id")
    .limit(PROGRESS_PAGE_SIZE)
    .offset((page - 1) * PROGRESS_PAGE_SIZE)
    .execute();
  const ids = rows.map((r) => r.entryId);
  const onPage = new Set(ids);
  const sheets = [
    ...(await stageAssignmentRows(db, editionId, stage, ids)),
    ...replaced.filter((r) => onPage.has(r.entryId)),
  ];
  return {
    total,
    page,
    pages,
    from: total === 0 ? 0 : (page - 1) * PROGRESS_PAGE_SIZE + 1,
    to: (page - 1) * PROGRESS_PAGE_SIZE + rows.length,
    rows: rows.map((r) => ({
      ...r,
      sheets: sheets
        .filter((s) => s.entryId === r.entryId)
        .map((s) => ({ ...s, state: sheetState(s.status, s.conflictDeclared) })),
    })),
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
    await enqueueEntryReopened(tx, { entryId: args.entryId, reason, now: args.now ?? new Date(at) });
    return { ok: true as const, version };
  });
}
