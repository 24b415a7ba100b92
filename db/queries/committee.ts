import { inTransaction, type Db } from "../client";
import type { CategoryKey, EntryStatus, StageKey } from "../schema";
import { audit, json } from "./audit";
import { currentPublications } from "./publications";
import { currentRubric, insertRubric, type RubricDefinition } from "./rubrics";
import { NOT_ADVANCED_STATUS, SCORED_STATUSES, STAGE_ENTRY_STATUS } from "../../app/domain/entry-status";

export async function getCategory(db: Db, editionId: number, categoryId: number) {
  return db
    .selectFrom("categories")
    .selectAll()
    .where("id", "=", categoryId)
    .where("edition_id", "=", editionId)
    .executeTakeFirst();
}

/** The entries of a category that take part in scoring, with their organisation, by id. */
export async function scoredEntries(db: Db, categoryId: number) {
  return db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "e.status", "e.organisation_id", "o.name as organisation_name", "o.region"])
    .where("e.category_id", "=", categoryId)
    .where("e.status", "in", SCORED_STATUSES)
    .orderBy("e.id")
    .execute();
}

/** Indicator values of the given entries. */
export async function indicatorValues(db: Db, entryIds: number[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom("indicator_values")
    .select(["entry_id", "indicator", "value"])
    .where("entry_id", "in", entryIds)
    .orderBy("entry_id")
    .orderBy("indicator")
    .execute();
}

/**
 * The scores of SUBMITTED scoresheets of the given entries on the criteria of one rubric version
 * (insertRubric carries scores over to a new version), criterion by key, in a stable order.
 */
export async function submittedScores(db: Db, entryIds: number[], rubricId: number) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom("scores as s")
    .innerJoin("assignments as a", "a.id", "s.assignment_id")
    .innerJoin("criteria as c", "c.id", "s.criterion_id")
    .select(["a.user_id", "a.entry_id", "a.stage_key", "c.key as criterion", "s.value"])
    .where("a.entry_id", "in", entryIds)
    .where("a.status", "=", "submitted")
    .where("s.value", "is not", null)
    // Only criteria of the rubric version scored (a new version carries the scores it keeps over).
    .where("c.rubric_id", "=", rubricId)
    .orderBy("a.entry_id")
    .orderBy("a.user_id")
    .orderBy("c.position")
    .orderBy("s.id")
    .execute();
}

/** Scoresheets of a category per stage and status (for the "missing scoresheets" warning). */
export async function scoresheetCounts(db: Db, categoryId: number) {
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.stage_key", "a.status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("e.category_id", "=", categoryId)
    .where("e.status", "in", SCORED_STATUSES)
    .groupBy(["a.stage_key", "a.status"])
    .execute();
  return rows.map((r) => ({ stage: r.stage_key, status: r.status, n: Number(r.n) }));
}

/** Names of users (assessors, jurors) by id. */
export async function userNames(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
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

// ---- stages -------------------------------------------------------------------------------

/**
 * Closes a stage and confirms its shortlist: the given entries advance (status `next`), the other
 * scored entries of the given categories do not (not_shortlisted); the next stage opens. Published
 * entries keep their status.
 */
export async function closeStageWithShortlist(
  db: Db,
  args: {
    editionId: number;
    stage: StageKey;
    nextStage: StageKey | null;
    advancing: number[];
    notAdvancing: number[];
    userId: number;
  },
) {
  await inTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    await tx.updateTable("edition_stages").set({ status: "closed" }).where("edition_id", "=", args.editionId).where("key", "=", args.stage).execute();
    if (args.nextStage) {
      await tx
        .updateTable("edition_stages")
        .set({ status: "open", opens_at: now })
        .where("edition_id", "=", args.editionId)
        .where("key", "=", args.nextStage)
        .where("status", "=", "pending")
        .execute();
    }
    // Closing the last stage changes no entry: its finalists keep their status until publication.
    // A published entry is never moved back: its result stands whatever stage actions follow
    // (stages.server's proposal leaves published categories out; this holds it for any caller).
    const move = (ids: number[], status: EntryStatus) =>
      tx.updateTable("entries").set({ status }).where("id", "in", ids).where("edition_id", "=", args.editionId).where("status", "!=", "published").execute();
    if (args.nextStage && args.advancing.length) await move(args.advancing, STAGE_ENTRY_STATUS[args.nextStage]);
    if (args.nextStage && args.notAdvancing.length) await move(args.notAdvancing, NOT_ADVANCED_STATUS);
    await audit(tx, {
      user_id: args.userId, edition_id: args.editionId, entry_id: null, action: "stage.close",
      subject: `stage:${args.stage}`, before: json({ status: "open" }),
      after: json({ status: "closed", next: args.nextStage, advancing: args.advancing, notAdvancing: args.notAdvancing }), reason: null,
    });
  });
}

/** Members of an edition with a panel role (assessor or juror), active ones only. */
export async function panelMembers(db: Db, editionId: number, role: "assessor" | "juror") {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("m.edition_id", "=", editionId)
    .where("m.role", "=", role)
    .where("m.active", "=", 1)
    .where("u.active", "=", 1)
    .orderBy("u.id")
    .execute();
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

/** Per category of an edition: current rubric version, entries scored, sign-off, current publication. */
export async function categoryOverview(db: Db, editionId: number) {
  const [categories, rubrics, counts, pubs] = await Promise.all([
    db.selectFrom("categories").selectAll().where("edition_id", "=", editionId).orderBy("id").execute(),
    db
      .selectFrom("rubrics as r")
      .innerJoin("categories as c", "c.id", "r.category_id")
      .select(["r.category_id", (eb) => eb.fn.max("r.version").as("version")])
      .where("c.edition_id", "=", editionId)
      .groupBy("r.category_id")
      .execute(),
    db
      .selectFrom("entries")
      .select(["category_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("edition_id", "=", editionId)
      .where("status", "in", SCORED_STATUSES)
      .groupBy("category_id")
      .execute(),
    currentPublications(db, editionId),
  ]);
  return categories.map((c) => ({
    ...c,
    rubricVersion: rubrics.find((r) => r.category_id === c.id)?.version ?? null,
    scored: Number(counts.find((r) => r.category_id === c.id)?.n ?? 0),
    publishedAt: pubs.find((p) => p.category_id === c.id)?.published_at ?? null,
  }));
}

// ---- editions and rubrics ------------------------------------------------------------------

export interface NewEdition {
  name: string;
  year: number;
  level: "provincial" | "national";
  region: string;
  periodStart: string;
  periodEnd: string;
  registrationDeadline: string | null;
  deadlines: Record<StageKey, string | null>;
  categories: CategoryKey[];
  places: number;
  /** Special mentions (Penghargaan khusus) per category, after the places. */
  mentions?: number;
  userId: number;
}

/** Creates an edition (draft) with its three stages and categories; the creator is its committee. */
export async function createEdition(db: Db, e: NewEdition): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { id } = await tx
      .insertInto("editions")
      .values({
        name: e.name, year: e.year, level: e.level, region: e.region, status: "draft",
        period_start: e.periodStart, period_end: e.periodEnd, registration_deadline: e.registrationDeadline,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const stages = [["desk", "assessor"], ["verification", "assessor"], ["interview", "juror"]] as const;
    for (const [i, [key, panel]] of stages.entries()) {
      await tx.insertInto("edition_stages").values({ edition_id: id, key, position: i, panel, status: i === 0 ? "open" : "pending", deadline: e.deadlines[key], opens_at: null }).execute();
    }
    for (const key of e.categories) {
      await tx.insertInto("categories").values({ edition_id: id, key, places: e.places, mentions: e.mentions ?? 0 }).execute();
    }
    await tx.insertInto("memberships").values({ user_id: e.userId, role: "committee", edition_id: id, organisation_id: null }).execute();
    await audit(tx, {
      user_id: e.userId, edition_id: id, entry_id: null, action: "edition.create", subject: `edition:${id}`,
      before: null, after: json({ name: e.name, year: e.year, level: e.level, region: e.region, categories: e.categories }), reason: null,
    });
    return id;
  });
}

/** Whether scoring has started in a category (any score exists): its rubric is then frozen. */
export async function categoryHasScores(db: Db, categoryId: number): Promise<boolean> {
  const row = await db
    .selectFrom("scores as s")
    .innerJoin("assignments as a", "a.id", "s.assignment_id")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select("s.id")
    .where("e.category_id", "=", categoryId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Judged criteria of a proposed rubric whose `max` is below scores already given on the same
 * criterion (same key and stage, in the current version): such a version would leave scores
 * above the scale. Returns the rubric index of each criterion and the highest score there.
 */
export async function scoresAboveNewMax(db: Db, categoryId: number, definition: RubricDefinition) {
  const current = await currentRubric(db, categoryId);
  if (!current) return [];
  const highest = await db
    .selectFrom("scores as s")
    .innerJoin("criteria as c", "c.id", "s.criterion_id")
    .select(["c.key", "c.stage_key", (eb) => eb.fn.max("s.value").as("top")])
    .where("c.rubric_id", "=", current.id)
    .where("s.value", "is not", null)
    .groupBy(["c.key", "c.stage_key"])
    .execute();
  const top = new Map(highest.map((h) => [`${h.stage_key}/${h.key}`, Number(h.top)]));
  return definition.criteria.flatMap((c, index) => {
    const value = top.get(`${c.stage}/${c.id}`);
    return c.type === "judged" && value !== undefined && (c.max ?? 100) < value ? [{ index, criterion: c.id, highest: value }] : [];
  });
}

/** Records a rubric import in the audit log (the rubric itself is stored by insertRubric). */
export async function auditRubric(db: Db, a: { editionId: number; categoryId: number; rubricId: number; version: number; frozen: boolean; reason: string | null; userId: number }) {
  await audit(db, {
    user_id: a.userId, edition_id: a.editionId, entry_id: null, action: a.frozen ? "rubric.new_version_frozen" : "rubric.import",
    subject: `category:${a.categoryId}`, before: null, after: json({ rubric: a.rubricId, version: a.version }), reason: a.reason,
  });
}

export async function rubricVersions(db: Db, categoryId: number) {
  return db
    .selectFrom("rubrics as r")
    .leftJoin("users as u", "u.id", "r.created_by")
    .select(["r.id", "r.version", "r.reason", "r.created_at", "u.name as created_by_name"])
    .where("r.category_id", "=", categoryId)
    .orderBy("r.version", "desc")
    .execute();
}

/** Stores an imported rubric as a new version and audits it (with the reason when frozen). */
export async function importRubricVersion(
  db: Db,
  a: { editionId: number; categoryId: number; definition: RubricDefinition; method: unknown; frozen: boolean; reason: string | null; userId: number },
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const rubricId = await insertRubric(tx, { categoryId: a.categoryId, definition: a.definition, method: a.method, reason: a.reason, userId: a.userId });
    const version = (await currentRubric(tx, a.categoryId))!.version;
    await auditRubric(tx, { editionId: a.editionId, categoryId: a.categoryId, rubricId, version, frozen: a.frozen, reason: a.reason, userId: a.userId });
    return rubricId;
  });
}
