import { sql } from "kysely";
import { inTransaction, type Db } from "../client";
import type { CategoryKey, StageKey, StageStatus } from "../schema";
import { audit } from "./audit";
import { ON_OWN_PANEL } from "./assignments";
import { UNSUBMITTED_STATUSES } from "../../app/domain/entry-status";

// The plenary (rapat pleno, docs/plenary.md) of one category and stage: who takes part in it and
// in which role, opening it and its settings. Comments, revision windows and decisions have their
// own modules (plenary-comments.ts, plenary-revisions.ts, plenary-decisions.ts).
//
// Roles: the CHAIR (a committee member of the edition) acts; the COMMITTEE of the edition reads and
// comments; the PANEL are the active users with an assignment of the stage on an entry of the
// category who are still on the stage's panel (ON_OWN_PANEL). Everyone else has no role.

export interface PlenaryFacts {
  id: number;
  editionId: number;
  editionName: string;
  editionArchived: boolean;
  categoryId: number;
  categoryKey: CategoryKey;
  stage: StageKey;
  stageStatus: StageStatus;
  /** Sheets shown with their assessors' names (the stage's setting), else as "Lembar 1…". */
  named: boolean;
  chairId: number;
  chairName: string;
  openedAt: string;
  margin: number;
  unsubmittedAtOpen: number;
  closeReason: string | null;
  version: number;
  /** Current (not withdrawn) minutes exist: revisions and decisions are refused. */
  hasMinutes: boolean;
}

export type PlenaryRole = "chair" | "committee" | "panel";

function selectFacts(db: Db) {
  return db
    .selectFrom("plenaries as p")
    .innerJoin("editions as ed", "ed.id", "p.edition_id")
    .innerJoin("categories as c", "c.id", "p.category_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "p.edition_id").onRef("s.key", "=", "p.stage_key"),
    )
    .innerJoin("users as u", "u.id", "p.chair_id")
    .select([
      "p.id",
      "p.edition_id as editionId",
      "ed.name as editionName",
      "ed.archived_at as archivedAt",
      "p.category_id as categoryId",
      "c.key as categoryKey",
      "p.stage_key as stage",
      "s.status as stageStatus",
      "s.plenary_named as named",
      "p.chair_id as chairId",
      "u.name as chairName",
      "p.opened_at as openedAt",
      "p.margin",
      "p.unsubmitted_at_open as unsubmittedAtOpen",
      "p.close_reason as closeReason",
      "p.version",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("plenary_minutes as pm")
              .select("pm.id")
              .whereRef("pm.plenary_id", "=", "p.id")
              .where("pm.withdrawn_at", "is", null),
          )
          .as("hasMinutes"),
    ]);
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof selectFacts>["executeTakeFirstOrThrow"]>>;

function toFacts(r: FactsRow): PlenaryFacts {
  const { archivedAt, named, hasMinutes, ...rest } = r;
  return {
    ...rest,
    margin: Number(r.margin),
    editionArchived: archivedAt !== null,
    named: Number(named) === 1,
    // SQLite answers exists() as 0/1, PostgreSQL as a boolean.
    hasMinutes: Boolean(Number(hasMinutes)),
  };
}

export async function plenaryFacts(db: Db, plenaryId: number): Promise<PlenaryFacts | null> {
  const r = await selectFacts(db).where("p.id", "=", plenaryId).executeTakeFirst();
  return r ? toFacts(r) : null;
}

export async function plenaryOfCategoryStage(
  db: Db,
  categoryId: number,
  stage: StageKey,
): Promise<PlenaryFacts | null> {
  const r = await selectFacts(db)
    .where("p.category_id", "=", categoryId)
    .where("p.stage_key", "=", stage)
    .executeTakeFirst();
  return r ? toFacts(r) : null;
}

export async function plenariesOfEdition(db: Db, editionId: number): Promise<PlenaryFacts[]> {
  const rows = await selectFacts(db)
    .where("p.edition_id", "=", editionId)
    .orderBy("c.id")
    .orderBy("s.position")
    .execute();
  return rows.map(toFacts);
}

/** The plenaries whose panel the user is on (stage open or closed), newest edition first. */
export async function plenariesOfPanelMember(db: Db, userId: number): Promise<PlenaryFacts[]> {
  const rows = await selectFacts(db)
    .where(onPanelOf(userId))
    .orderBy("p.edition_id", "desc")
    .orderBy("c.id")
    .orderBy("s.position")
    .execute();
  return rows.map(toFacts);
}

/**
 * The user is on the panel of the plenary `p` (correlated): active, with an assignment of p's stage
 * on an entry of p's category, still on that stage's panel.
 */
function onPanelOf(userId: number) {
  return sql<boolean>`exists (select 1 from assignments a
    join entries e on e.id = a.entry_id
    join edition_stages s on s.edition_id = e.edition_id and s.key = a.stage_key
    join users pu on pu.id = a.user_id
    where e.category_id = p.category_id and a.stage_key = p.stage_key and a.user_id = ${userId}
      and pu.active = 1 and ${ON_OWN_PANEL})`;
}

/** The plenary's panel (see above), ordered by name. */
export async function plenaryPanel(db: Db, plenaryId: number): Promise<{ userId: number; name: string }[]> {
  return db
    .selectFrom("plenaries as p")
    .innerJoin("entries as e", "e.category_id", "p.category_id")
    .innerJoin("assignments as a", (j) => j.onRef("a.entry_id", "=", "e.id").onRef("a.stage_key", "=", "p.stage_key"))
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["u.id as userId", "u.name"])
    .distinct()
    .where("p.id", "=", plenaryId)
    .where("u.active", "=", 1)
    .where(ON_OWN_PANEL)
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
}

async function isCommittee(db: Db, editionId: number, userId: number) {
  const m = await db
    .selectFrom("memberships")
    .select("id")
    .where("user_id", "=", userId)
    .where("edition_id", "=", editionId)
    .where("role", "=", "committee")
    .where("active", "=", 1)
    .executeTakeFirst();
  return m !== undefined;
}

/** The user's role in the plenary: the chair wins over committee, committee over panel; null: none. */
export async function plenaryRole(db: Db, plenaryId: number, userId: number): Promise<PlenaryRole | null> {
  const p = await db
    .selectFrom("plenaries")
    .select(["edition_id", "chair_id"])
    .where("id", "=", plenaryId)
    .executeTakeFirst();
  if (!p) return null;
  const committee = await isCommittee(db, p.edition_id, userId);
  if (committee) return p.chair_id === userId ? "chair" : "committee";
  const panel = await db
    .selectFrom("plenaries as p")
    .select("p.id")
    .where("p.id", "=", plenaryId)
    .where(onPanelOf(userId))
    .executeTakeFirst();
  return panel ? "panel" : null;
}

/** The entries of the plenary's category the user declared a conflict with (hidden from them). */
export async function conflictedEntryIds(db: Db, plenaryId: number, userId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom("conflict_declarations as cd")
    .innerJoin("entries as e", "e.id", "cd.entry_id")
    .innerJoin("plenaries as p", "p.category_id", "e.category_id")
    .select("cd.entry_id as entryId")
    .where("p.id", "=", plenaryId)
    .where("cd.user_id", "=", userId)
    .where("cd.has_conflict", "=", 1)
    .execute();
  return new Set(rows.map((r) => r.entryId));
}

export async function hasCurrentMinutes(db: Db, plenaryId: number): Promise<boolean> {
  const m = await db
    .selectFrom("plenary_minutes")
    .select("id")
    .where("plenary_id", "=", plenaryId)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return m !== undefined;
}

/** Sheets of the stage on the category's entries, on their assessor's own panel, not submitted. */
export async function unsubmittedSheets(db: Db, categoryId: number, stage: StageKey): Promise<number> {
  const r = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("e.category_id", "=", categoryId)
    .where("a.stage_key", "=", stage)
    .where("a.status", "!=", "submitted")
    .where(ON_OWN_PANEL)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type OpenPlenaryResult =
  | { ok: true; plenaryId: number }
  | {
      ok: false;
      reason: "stage_not_open" | "already_open" | "chair_not_committee" | "unsubmitted";
      unsubmitted?: number;
    };

/**
 * Opens the plenary of a category and stage while the stage is open. Sheets not yet submitted are
 * refused ("unsubmitted", with their count) unless the committee goes ahead (`goAhead`): their
 * number is kept. `named` is the stage's setting (every category's plenary of the stage shows it).
 */
export async function openPlenary(
  db: Db,
  args: {
    editionId: number;
    categoryId: number;
    stage: StageKey;
    chairId: number;
    margin: number;
    named: boolean;
    goAhead: boolean;
    userId: number;
    now?: Date;
  },
): Promise<OpenPlenaryResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const stage = await tx
      .selectFrom("edition_stages as s")
      .innerJoin("categories as c", "c.edition_id", "s.edition_id")
      .select("s.status")
      .where("s.edition_id", "=", args.editionId)
      .where("s.key", "=", args.stage)
      .where("c.id", "=", args.categoryId)
      .executeTakeFirst();
    if (stage?.status !== "open") return { ok: false as const, reason: "stage_not_open" as const };
    if (await plenaryOfCategoryStage(tx, args.categoryId, args.stage))
      return { ok: false as const, reason: "already_open" as const };
    if (!(await isCommittee(tx, args.editionId, args.chairId)))
      return { ok: false as const, reason: "chair_not_committee" as const };
    const unsubmitted = await unsubmittedSheets(tx, args.categoryId, args.stage);
    if (unsubmitted > 0 && !args.goAhead) return { ok: false as const, reason: "unsubmitted" as const, unsubmitted };
    // Two openings at once: the unique (category, stage) lets one in; the other is "already_open".
    const row = await tx
      .insertInto("plenaries")
      .values({
        edition_id: args.editionId,
        category_id: args.categoryId,
        stage_key: args.stage,
        chair_id: args.chairId,
        opened_by: args.userId,
        opened_at: at,
        unsubmitted_at_open: unsubmitted,
        margin: args.margin,
      })
      .onConflict((oc) => oc.columns(["category_id", "stage_key"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return { ok: false as const, reason: "already_open" as const };
    await tx
      .updateTable("edition_stages")
      .set({ plenary_named: args.named ? 1 : 0 })
      .where("edition_id", "=", args.editionId)
      .where("key", "=", args.stage)
      .execute();
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "plenary.open",
      subject: `plenary:${row.id}`,
      before: null,
      after: JSON.stringify({
        category: args.categoryId,
        stage: args.stage,
        chair: args.chairId,
        margin: args.margin,
        named: args.named,
        unsubmitted,
      }),
      reason: null,
    });
    return { ok: true as const, plenaryId: row.id };
  });
}

/** The plenary's settings (margin, named sheets, chair), based on the version the form showed. */
export async function updatePlenarySettings(
  db: Db,
  args: {
    plenaryId: number;
    version: number;
    margin: number;
    named: boolean;
    chairId: number;
    userId: number;
    now?: Date;
  },
): Promise<{ ok: true } | { ok: false; reason: "stale" | "chair_not_committee" | "stage_closed" }> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const p = await plenaryFacts(tx, args.plenaryId);
    if (!p || p.version !== args.version) return { ok: false as const, reason: "stale" as const };
    if (p.stageStatus === "closed") return { ok: false as const, reason: "stage_closed" as const };
    if (!(await isCommittee(tx, p.editionId, args.chairId)))
      return { ok: false as const, reason: "chair_not_committee" as const };
    const res = await tx
      .updateTable("plenaries")
      .set((eb) => ({ margin: args.margin, chair_id: args.chairId, version: eb("version", "+", 1) }))
      .where("id", "=", args.plenaryId)
      .where("version", "=", args.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: "stale" as const };
    await tx
      .updateTable("edition_stages")
      .set({ plenary_named: args.named ? 1 : 0 })
      .where("edition_id", "=", p.editionId)
      .where("key", "=", p.stage)
      .execute();
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: p.editionId,
      entry_id: null,
      action: "plenary.settings",
      subject: `plenary:${p.id}`,
      before: JSON.stringify({ margin: p.margin, named: p.named, chair: p.chairId }),
      after: JSON.stringify({ margin: args.margin, named: args.named, chair: args.chairId }),
      reason: null,
    });
    return { ok: true as const };
  });
}

/** Whether the entry is one the plenary discusses: submitted (at least), of its category. */
export async function isPlenaryEntry(db: Db, plenary: Pick<PlenaryFacts, "categoryId">, entryId: number) {
  const e = await db
    .selectFrom("entries")
    .select("id")
    .where("id", "=", entryId)
    .where("category_id", "=", plenary.categoryId)
    .where("status", "not in", UNSUBMITTED_STATUSES)
    .executeTakeFirst();
  return e !== undefined;
}
