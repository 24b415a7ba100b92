import { inTransaction, type Db } from "../client";
import { audit, json } from "./audit";
import { notifyResults } from "./panel-mail";
import { SCORED_STATUSES } from "../../app/domain/entry-status";
import {
  currentEvents,
  publicationStanding,
  standingRows,
  standingsOf,
  type Standing,
} from "../../app/domain/publications";
import type { ScoringResult } from "../../scoring/index";
import { isFinal, stagesNotClosed } from "../../app/domain/stages";
import type { StageKey } from "../schema";

// Sign-off and publication of a category (ADR 0004). Which publication of a category is current is
// decided by app/domain/publications.ts over the category's publication events, and nowhere else:
// the one its newest event points at. Every reader (winners page, committee, scorecard,
// certificates, /verify, publishing itself) goes through currentPublication(s). Snapshots and
// events are only ever inserted.

const EVENT = ["ev.id", "ev.publication_id", "ev.category_id", "ev.published_at", "ev.published_by"] as const;

/**
 * What readers of a current publication get: the snapshot's result and when it became current
 * (its current event's time and author), for each given current event, in the same order.
 */
async function withSnapshots<
  E extends { publication_id: number; category_id: number; published_at: string; published_by: number | null },
>(db: Db, current: E[]) {
  if (current.length === 0) return [];
  const snapshots = await db
    .selectFrom("publications as p")
    // Not the stored JSON (megabytes at national scale): whoever needs it reads it by id.
    .select(["p.id", "p.edition_id", "p.rubric_id", "p.sha256"])
    .where("p.id", "in", [...new Set(current.map((e) => e.publication_id))])
    .execute();
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  return current.map((e) => {
    const s = byId.get(e.publication_id);
    // publication_events.publication_id references publications(id): a missing row is corruption.
    if (!s) throw new Error(`publication ${e.publication_id} of category ${e.category_id} is missing`);
    return {
      event: e,
      id: s.id,
      edition_id: s.edition_id,
      category_id: e.category_id,
      rubric_id: s.rubric_id,
      sha256: s.sha256,
      published_at: e.published_at,
      published_by: e.published_by,
    };
  });
}

/** The current publication of a category, or undefined when it was never published. */
export async function currentPublication(db: Db, categoryId: number) {
  const events = await db
    .selectFrom("publication_events as ev")
    .select(EVENT)
    .where("ev.category_id", "=", categoryId)
    .execute();
  const event = currentEvents(events).get(categoryId);
  if (!event) return undefined;
  const [found] = await withSnapshots(db, [event]); // one row per event, or it throws
  if (!found) return undefined;
  const { event: _event, ...snapshot } = found;
  return snapshot;
}

/** The current publication of each published category of an edition, by category (public data). */
export async function currentPublications(db: Db, editionId: number) {
  const events = await db
    .selectFrom("publication_events as ev")
    .innerJoin("categories as c", "c.id", "ev.category_id")
    .select([...EVENT, "c.key as category", "c.places", "c.mentions"])
    .where("c.edition_id", "=", editionId)
    .execute();
  const current = [...currentEvents(events).values()].sort((a, b) => a.category_id - b.category_id);
  const snapshots = await withSnapshots(db, current);
  return snapshots.map(({ event, ...s }) => ({
    ...s,
    category: event.category,
    places: event.places,
    mentions: event.mentions,
  }));
}

/** The ids of an edition's categories that have a current publication. */
export async function publishedCategoryIds(db: Db, editionId: number): Promise<Set<number>> {
  const events = await db
    .selectFrom("publication_events as ev")
    .innerJoin("categories as c", "c.id", "ev.category_id")
    .select(["ev.id", "ev.category_id"])
    .where("c.edition_id", "=", editionId)
    .execute();
  return new Set(currentEvents(events).keys());
}

export async function getPublication(db: Db, id: number) {
  return db.selectFrom("publications").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * A publication by its snapshot hash, with edition and category (public data): when it was last
 * made current, whether it still is, and if not, when a later publication replaced it.
 */
export async function publicationByHash(db: Db, sha256: string) {
  const p = await db
    .selectFrom("publications as p")
    .innerJoin("editions as ed", "ed.id", "p.edition_id")
    .innerJoin("categories as c", "c.id", "p.category_id")
    .select([
      "p.id",
      "p.edition_id",
      "p.category_id",
      "p.sha256",
      "p.published_at",
      "ed.name as edition_name",
      "ed.year",
      "c.key as category",
      "c.places",
      "c.mentions",
    ])
    .where("p.sha256", "=", sha256)
    .executeTakeFirst();
  if (!p) return undefined;
  const events = await db
    .selectFrom("publication_events")
    .select(["id", "publication_id", "category_id", "published_at"])
    .where("category_id", "=", p.category_id)
    .execute();
  const standing = publicationStanding(p.id, events);
  return {
    ...p,
    published_at: standing.publishedAt ?? p.published_at,
    current: standing.current,
    replacedAt: standing.replacedAt,
  };
}

/**
 * Signs off a category: approves exactly the data whose snapshot hash is given (audited). Refused
 * while a stage of the edition is not closed (app/domain/stages.ts): the result is not final yet.
 */
export async function signOffCategory(
  db: Db,
  args: { editionId: number; categoryId: number; userId: number; sha256: string; dataVersion: number },
): Promise<{ ok: true } | { ok: false; reason: "stages_open"; open: StageKey[] }> {
  return inTransaction(db, async (tx) => {
    const stages = await tx
      .selectFrom("edition_stages")
      .select(["key", "status"])
      .where("edition_id", "=", args.editionId)
      .orderBy("position")
      .execute();
    if (!isFinal(stages)) return { ok: false, reason: "stages_open", open: stagesNotClosed(stages).map((s) => s.key) };
    const at = new Date().toISOString();
    await tx
      .updateTable("categories")
      .set({
        signed_off_at: at,
        signed_off_by: args.userId,
        signed_off_sha256: args.sha256,
        signed_off_version: args.dataVersion,
      })
      .where("id", "=", args.categoryId)
      .execute();
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "category.sign_off",
      subject: `category:${args.categoryId}`,
      before: null,
      after: json({ signed_off_at: at, sha256: args.sha256 }),
      reason: null,
    });
    return { ok: true };
  });
}

export interface NewPublication {
  editionId: number;
  categoryId: number;
  rubricId: number;
  inputJson: string;
  resultJson: string;
  sha256: string;
  userId: number;
}

/**
 * Publishes a snapshot: stores it (or finds the identical one published before: hashes are
 * unique) and makes it the category's current publication, unless it already is. Every entry the
 * snapshot scored then reads "result published", and its entrants' members are told. Returns the
 * publication id.
 */
export async function publishSnapshot(db: Db, p: NewPublication): Promise<{ id: number; created: boolean }> {
  return inTransaction(db, async (tx) => {
    const at = new Date().toISOString();
    const earlier = await tx.selectFrom("publications").select("id").where("sha256", "=", p.sha256).executeTakeFirst();
    let id = earlier?.id;
    if (id === undefined) {
      id = (
        await tx
          .insertInto("publications")
          .values({
            edition_id: p.editionId,
            category_id: p.categoryId,
            rubric_id: p.rubricId,
            input_json: p.inputJson,
            result_json: p.resultJson,
            sha256: p.sha256,
            published_by: p.userId,
            published_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      const standings = standingsOf(JSON.parse(p.resultJson) as ScoringResult);
      for (const rows of standingRows(id, standings))
        await tx.insertInto("publication_standings").values(rows).execute();
    }
    const current = (await currentPublication(tx, p.categoryId))?.id ?? null;
    if (current === id) return { id, created: false };
    await tx
      .insertInto("publication_events")
      .values({ publication_id: id, category_id: p.categoryId, published_by: p.userId, published_at: at })
      .execute();
    const marked = await tx
      .updateTable("entries")
      .set({ status: "published" })
      .where("category_id", "=", p.categoryId)
      .where("status", "in", SCORED_STATUSES)
      .executeTakeFirst();
    await audit(tx, {
      user_id: p.userId,
      edition_id: p.editionId,
      entry_id: null,
      action: "category.publish",
      subject: `category:${p.categoryId}`,
      before: current === null ? null : json({ publication: current }),
      after: json({
        publication: id,
        sha256: p.sha256,
        rubric: p.rubricId,
        entries: Number(marked.numUpdatedRows),
        again: earlier !== undefined,
      }),
      reason: null,
    });
    // Whenever what the public reads of the category changes (a new result, or an earlier one made
    // current again), its entrants are told; publishing the current result again changes nothing.
    await notifyResults(tx, { editionId: p.editionId, categoryId: p.categoryId });
    return { id, created: earlier === undefined };
  });
}

/**
 * Standings (nominee, rank, total) of the given publications, by publication id, best first: those
 * ranked `upToRank` or better, and those of the given nominees wherever they rank. Written with each
 * publication (migration 0009 filled the earlier ones), so that a reader of many publications (the
 * nomination board) never parses whole snapshots.
 */
export async function publicationStandings(
  db: Db,
  publicationIds: number[],
  { upToRank, nominees = [] }: { upToRank: number; nominees?: string[] },
): Promise<Map<number, Standing[]>> {
  const found = new Map<number, Standing[]>(publicationIds.map((id) => [id, []]));
  if (publicationIds.length === 0) return found;
  const ids = [...new Set(publicationIds)];
  const columns = ["publication_id", "nominee", "rank", "total"] as const;
  // Two index reads (by rank, by nominee) rather than one OR, which would read every row.
  const [best, named] = await Promise.all([
    db
      .selectFrom("publication_standings")
      .select(columns)
      .where("publication_id", "in", ids)
      .where("rank", "<=", upToRank)
      .execute(),
    nominees.length
      ? db
          .selectFrom("publication_standings")
          .select(columns)
          .where("publication_id", "in", ids)
          .where("nominee", "in", [...new Set(nominees)])
          .execute()
      : [],
  ]);
  const seen = new Set<string>();
  for (const r of [...best, ...named]) {
    const key = `${r.publication_id}:${r.nominee}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.get(r.publication_id)?.push({ nominee: r.nominee, rank: r.rank, total: Number(r.total) });
  }
  for (const list of found.values()) list.sort((a, b) => a.rank - b.rank || (a.nominee < b.nominee ? -1 : 1));
  return found;
}
