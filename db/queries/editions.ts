import { inTransaction, type Db } from "../client";
import type { CategoryKey, StageKey } from "../schema";
import { SCORED_STATUSES } from "../../app/domain/entry-status";
import { audit, json } from "./audit";
import { currentPublications } from "./publications";
import { stagesForLevel } from "../../app/domain/levels";

export async function listEditions(db: Db) {
  return db.selectFrom("editions").selectAll().orderBy("year", "desc").orderBy("id", "desc").execute();
}

export async function getEdition(db: Db, id: number) {
  return db.selectFrom("editions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function editionStages(db: Db, editionId: number) {
  return db.selectFrom("edition_stages").selectAll().where("edition_id", "=", editionId).orderBy("position").execute();
}

/** A category of the edition; undefined when there is none by that id in this edition. */
export async function getCategory(db: Db, editionId: number, categoryId: number) {
  return db
    .selectFrom("categories")
    .selectAll()
    .where("id", "=", categoryId)
    .where("edition_id", "=", editionId)
    .executeTakeFirst();
}

export async function editionCategories(db: Db, editionId: number) {
  return db.selectFrom("categories").selectAll().where("edition_id", "=", editionId).orderBy("id").execute();
}

/** Editions with their number of entries per status, for the committee's home. */
export async function editionsWithCounts(db: Db, editionIds: number[]) {
  if (editionIds.length === 0) return [];
  const [editions, counts] = await Promise.all([
    db.selectFrom("editions").selectAll().where("id", "in", editionIds).orderBy("year", "desc").execute(),
    db
      .selectFrom("entries")
      .select(["edition_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("edition_id", "in", editionIds)
      .groupBy(["edition_id", "status"])
      .execute(),
  ]);
  return editions.map((e) => ({
    ...e,
    entries: Object.fromEntries(counts.filter((c) => c.edition_id === e.id).map((c) => [c.status, Number(c.n)])),
  }));
}

/** Id and name of the given editions, newest first (for the edition switcher). */
export async function editionNames(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("editions")
    .select(["id", "name"])
    .where("id", "in", ids)
    .orderBy("year", "desc")
    .orderBy("id", "desc")
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
  /** The creator becomes its committee (default); the administrator appoints one instead. */
  creatorJoinsCommittee?: boolean;
}

/** Creates an edition (draft) with its three stages and categories, and the creator its committee unless told not to. */
export async function createEdition(db: Db, e: NewEdition): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { id } = await tx
      .insertInto("editions")
      .values({
        name: e.name,
        year: e.year,
        level: e.level,
        region: e.region,
        status: "draft",
        period_start: e.periodStart,
        period_end: e.periodEnd,
        registration_deadline: e.registrationDeadline,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [i, { key, panel }] of stagesForLevel(e.level).entries()) {
      await tx
        .insertInto("edition_stages")
        .values({
          edition_id: id,
          key,
          position: i,
          panel,
          status: i === 0 ? "open" : "pending",
          deadline: e.deadlines[key],
          opens_at: null,
        })
        .execute();
    }
    for (const key of e.categories) {
      await tx
        .insertInto("categories")
        .values({ edition_id: id, key, places: e.places, mentions: e.mentions ?? 0 })
        .execute();
    }
    if (e.creatorJoinsCommittee ?? true)
      await tx
        .insertInto("memberships")
        .values({ user_id: e.userId, role: "committee", edition_id: id, organisation_id: null })
        .execute();
    await audit(tx, {
      user_id: e.userId,
      edition_id: id,
      entry_id: null,
      action: "edition.create",
      subject: `edition:${id}`,
      before: null,
      after: json({ name: e.name, year: e.year, level: e.level, region: e.region, categories: e.categories }),
      reason: null,
    });
    return id;
  });
}
