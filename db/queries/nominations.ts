import { sql } from "kysely";
import { inTransaction, type Db } from "../client";
import type { CategoryKey, EntryStatus } from "../schema";
import { CATEGORY_KEYS } from "../../app/domain/categories";
import { PROVINCES, provinceOf, sameProvince } from "../../app/domain/levels";
import { currentEvents, type Standing } from "../../app/domain/publications";
import { publicationStandings } from "./publications";
import { topWithTies } from "../../app/domain/top-places";
import { audit, json } from "./audit";
import { raiseCategoryVersion } from "./data-version";

// The national committee's nominations (docs/levels.md): a national edition links the provincial
// editions of its year (one per province) and nominates, per category, each province's places
// 1..nominate_top (ties go too) of the CURRENT publication of the provincial category with the
// same key. Only publication snapshots and the entries/organisations tables of a provincial
// edition are read here: never its scores, drafts or unpublished rankings. A nominated entry
// keeps the publication it came from (source_*); a later re-publication is a change the committee
// reviews (reviewSourceChange), never applied silently.

/** The highest nomination rule a category may have (places 1..10 of each province). */
export const NOMINATE_TOP_MAX = 10;

// ---------------------------------------------------------------------------------------------
// Links

export type LinkRefusal = "not_national" | "not_provincial" | "other_year" | "province_taken" | "already_linked";

/** Links a provincial edition of the same year to a national edition (one per province; audited). */
export async function linkProvincialEdition(
  db: Db,
  args: { nationalEditionId: number; provincialEditionId: number; userId: number },
): Promise<{ ok: true } | { ok: false; reason: LinkRefusal }> {
  return inTransaction(db, async (tx) => {
    const editions = await tx
      .selectFrom("editions")
      .select(["id", "level", "year", "region"])
      .where("id", "in", [args.nationalEditionId, args.provincialEditionId])
      .execute();
    const national = editions.find((e) => e.id === args.nationalEditionId);
    const provincial = editions.find((e) => e.id === args.provincialEditionId);
    if (national?.level !== "national") return { ok: false, reason: "not_national" };
    if (provincial?.level !== "provincial") return { ok: false, reason: "not_provincial" };
    if (provincial.year !== national.year) return { ok: false, reason: "other_year" };
    const linked = await linkedEditions(tx, national.id);
    if (linked.some((l) => l.id === provincial.id)) return { ok: false, reason: "already_linked" };
    const province = provinceOf(provincial.region);
    if (linked.some((l) => sameProvince(l.region, provincial.region))) return { ok: false, reason: "province_taken" };
    await tx
      .insertInto("edition_links")
      .values({
        national_edition_id: national.id,
        provincial_edition_id: provincial.id,
        linked_by: args.userId,
        linked_at: new Date().toISOString(),
      })
      .execute();
    await audit(tx, {
      user_id: args.userId,
      edition_id: national.id,
      entry_id: null,
      action: "edition.link",
      subject: `edition:${provincial.id}`,
      before: null,
      after: json({ province }),
      reason: null,
    });
    return { ok: true };
  });
}

/** Unlinks a provincial edition; refused while entries nominated from it exist (audited). */
export async function unlinkProvincialEdition(
  db: Db,
  args: { nationalEditionId: number; provincialEditionId: number; userId: number },
): Promise<{ ok: true } | { ok: false; reason: "not_linked" | "has_nominees" }> {
  return inTransaction(db, async (tx) => {
    const link = await tx
      .selectFrom("edition_links")
      .select("id")
      .where("national_edition_id", "=", args.nationalEditionId)
      .where("provincial_edition_id", "=", args.provincialEditionId)
      .executeTakeFirst();
    if (!link) return { ok: false, reason: "not_linked" };
    const nominee = await tx
      .selectFrom("entries as e")
      .innerJoin("entries as s", "s.id", "e.source_entry_id")
      .select("e.id")
      .where("e.edition_id", "=", args.nationalEditionId)
      .where("s.edition_id", "=", args.provincialEditionId)
      .executeTakeFirst();
    if (nominee) return { ok: false, reason: "has_nominees" };
    await tx.deleteFrom("edition_links").where("id", "=", link.id).execute();
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.nationalEditionId,
      entry_id: null,
      action: "edition.unlink",
      subject: `edition:${args.provincialEditionId}`,
      before: null,
      after: null,
      reason: null,
    });
    return { ok: true };
  });
}

/** The provincial editions linked to a national edition, with their province, in province order. */
export async function linkedEditions(db: Db, nationalEditionId: number) {
  const rows = await db
    .selectFrom("edition_links as l")
    .innerJoin("editions as ed", "ed.id", "l.provincial_edition_id")
    .select(["ed.id", "ed.name", "ed.region", "ed.year"])
    .where("l.national_edition_id", "=", nationalEditionId)
    .execute();
  return byProvince(rows.map((r) => ({ ...r, province: provinceOf(r.region) })));
}

/** Provincial editions of the national edition's year that may still be linked (province not taken). */
export async function linkableEditions(db: Db, nationalEditionId: number) {
  const national = await db
    .selectFrom("editions")
    .select(["year", "level"])
    .where("id", "=", nationalEditionId)
    .executeTakeFirst();
  if (national?.level !== "national") return [];
  const linked = await linkedEditions(db, nationalEditionId);
  const rows = await db
    .selectFrom("editions")
    .select(["id", "name", "region", "year"])
    .where("level", "=", "provincial")
    .where("year", "=", national.year)
    .execute();
  return byProvince(
    rows
      .filter((r) => !linked.some((l) => sameProvince(l.region, r.region)))
      .map((r) => ({ ...r, province: provinceOf(r.region) })),
  );
}

function byProvince<T extends { province: string; id: number }>(rows: T[]): T[] {
  const order = (p: string) => {
    const i = PROVINCES.indexOf(p);
    return i < 0 ? PROVINCES.length : i;
  };
  return rows.sort(
    (a, b) => order(a.province) - order(b.province) || a.province.localeCompare(b.province) || a.id - b.id,
  );
}

// ---------------------------------------------------------------------------------------------
// The rule

/** Sets a national category's nomination rule: places 1..top of each province (audited). */
export async function setNominationRule(
  db: Db,
  args: { categoryId: number; top: number; userId: number },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "not_national" | "out_of_range" }> {
  if (!Number.isInteger(args.top) || args.top < 1 || args.top > NOMINATE_TOP_MAX)
    return { ok: false, reason: "out_of_range" };
  return inTransaction(db, async (tx) => {
    const category = await tx
      .selectFrom("categories as c")
      .innerJoin("editions as ed", "ed.id", "c.edition_id")
      .select(["c.id", "c.edition_id", "c.nominate_top", "ed.level"])
      .where("c.id", "=", args.categoryId)
      .executeTakeFirst();
    if (!category) return { ok: false, reason: "not_found" };
    if (category.level !== "national") return { ok: false, reason: "not_national" };
    if (category.nominate_top === args.top) return { ok: true };
    await tx.updateTable("categories").set({ nominate_top: args.top }).where("id", "=", category.id).execute();
    await audit(tx, {
      user_id: args.userId,
      edition_id: category.edition_id,
      entry_id: null,
      action: "category.nominate_top",
      subject: `category:${category.id}`,
      before: json({ nominateTop: category.nominate_top }),
      after: json({ nominateTop: args.top }),
      reason: null,
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Published snapshots

interface Snapshot {
  publicationId: number;
  ranking: readonly Standing[];
}

/**
 * The current publication of each given category that has one, with its standings of rank
 * `upToRank` or better and those of the given nominees (db/queries/publications.ts: stored rows,
 * never the whole snapshot, which at national scale would cost ~1 s of CPU per view): one read of
 * the events (current per app/domain/publications.ts, as currentPublication decides) and one of the
 * standings, whatever the number of categories. Ranked `upToRank` or better is a superset of the
 * candidates of any rule up to that many places (an entry is a candidate when fewer than N rank
 * strictly better, so its rank, competition or dense, is at most N); topWithTies picks them.
 */
async function currentSnapshots(
  db: Db,
  categoryIds: number[],
  wanted: { upToRank: number; nominees?: number[] },
): Promise<Map<number, Snapshot>> {
  const found = new Map<number, Snapshot>();
  if (categoryIds.length === 0) return found;
  const events = await db
    .selectFrom("publication_events")
    .select(["id", "publication_id", "category_id"])
    .where("category_id", "in", [...new Set(categoryIds)])
    .execute();
  const current = currentEvents(events);
  const standings = await publicationStandings(
    db,
    [...current.values()].map((e) => e.publication_id),
    { upToRank: wanted.upToRank, nominees: (wanted.nominees ?? []).map(String) },
  );
  for (const [categoryId, event] of current)
    found.set(categoryId, { publicationId: event.publication_id, ranking: standings.get(event.publication_id) ?? [] });
  return found;
}

/** The candidates of a snapshot by the rule: entry id, rank and total. */
function candidatesOf(snapshot: Snapshot, top: number) {
  return topWithTies(snapshot.ranking, top).map((r) => ({ entryId: Number(r.nominee), rank: r.rank, total: r.total }));
}

function standingIn(snapshot: Snapshot | undefined, entryId: number) {
  const r = snapshot?.ranking.find((x) => x.nominee === String(entryId));
  return r ? { rank: r.rank, total: r.total } : null;
}

// ---------------------------------------------------------------------------------------------
// The board

export interface NominationCandidate {
  /** The provincial entry. */
  entryId: number;
  organisation: string;
  rank: number;
  total: number;
  /** The national entry nominated from it, if any, and its status (rejected: withdrawn). */
  nominated: { entryId: number; status: EntryStatus } | null;
}

export interface ProvinceBoard {
  editionId: number;
  editionName: string;
  province: string;
  /** Null: the province's category with this key has no current publication (or does not exist). */
  publicationId: number | null;
  candidates: NominationCandidate[];
}

export interface CategoryBoard {
  categoryId: number;
  key: CategoryKey;
  nominateTop: number;
  provinces: ProvinceBoard[];
}

export interface SourceChange {
  /** The national entry. */
  entryId: number;
  categoryId: number;
  categoryKey: CategoryKey;
  organisation: string;
  province: string;
  sourceEntryId: number;
  was: { publicationId: number | null; rank: number | null; total: number | null };
  /** Where it stands in the current publication; null: no longer in the published ranking. */
  now: { publicationId: number | null; rank: number; total: number } | null;
  /** Whether it is still a candidate by the rule (accepting needs that; else withdraw). */
  stillCandidate: boolean;
}

/** What the national committee's nomination page shows (see the top of this file). */
export async function nominationBoard(
  db: Db,
  nationalEditionId: number,
): Promise<{ categories: CategoryBoard[]; changes: SourceChange[] }> {
  const categories = (
    await db
      .selectFrom("categories")
      .select(["id", "key", "nominate_top"])
      .where("edition_id", "=", nationalEditionId)
      .execute()
  ).sort((a, b) => CATEGORY_KEYS.indexOf(a.key) - CATEGORY_KEYS.indexOf(b.key));
  const links = await linkedEditions(db, nationalEditionId);
  const provincial = links.length
    ? await db
        .selectFrom("categories")
        .select(["id", "edition_id", "key"])
        .where(
          "edition_id",
          "in",
          links.map((l) => l.id),
        )
        .execute()
    : [];
  const nominated = await db
    .selectFrom("entries as e")
    .innerJoin("entries as s", "s.id", "e.source_entry_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .select([
      "e.id",
      "e.status",
      "e.category_id",
      "c.key",
      "c.nominate_top",
      "e.source_entry_id",
      "e.source_publication_id",
      "e.source_rank",
      "e.source_total",
      "s.category_id as source_category_id",
      "s.edition_id as source_edition_id",
      "o.name as organisation",
    ])
    .where("e.edition_id", "=", nationalEditionId)
    .execute();
  const snapshots = await currentSnapshots(
    db,
    [...provincial.map((c) => c.id), ...nominated.map((n) => n.source_category_id)],
    {
      upToRank: Math.max(1, ...categories.map((c) => c.nominate_top), ...nominated.map((n) => n.nominate_top)),
      nominees: nominated.flatMap((n) => (n.source_entry_id === null ? [] : [n.source_entry_id])),
    },
  );
  const categoryOf = new Map(provincial.map((c) => [`${c.edition_id}:${c.key}`, c.id]));
  const nominationOf = new Map(nominated.map((n) => [n.source_entry_id, n]));

  const boards: CategoryBoard[] = categories.map((c) => ({
    categoryId: c.id,
    key: c.key,
    nominateTop: c.nominate_top,
    provinces: links.map((l) => {
      const pc = categoryOf.get(`${l.id}:${c.key}`);
      const snap = pc === undefined ? undefined : snapshots.get(pc);
      return {
        editionId: l.id,
        editionName: l.name,
        province: l.province,
        publicationId: snap?.publicationId ?? null,
        candidates: snap
          ? candidatesOf(snap, c.nominate_top).map((x) => {
              const n = nominationOf.get(x.entryId);
              return { ...x, organisation: "", nominated: n ? { entryId: n.id, status: n.status } : null };
            })
          : [],
      };
    }),
  }));
  const names = await organisationNames(
    db,
    boards.flatMap((b) => b.provinces.flatMap((p) => p.candidates.map((x) => x.entryId))),
  );
  for (const b of boards)
    for (const p of b.provinces) for (const x of p.candidates) x.organisation = names.get(x.entryId) ?? "";

  const provinceOfEdition = new Map(links.map((l) => [l.id, l.province]));
  const changes: SourceChange[] = [];
  for (const n of nominated) {
    if (n.status === "rejected" || n.source_entry_id === null) continue;
    const snap = snapshots.get(n.source_category_id);
    if ((snap?.publicationId ?? null) === n.source_publication_id) continue;
    const now = standingIn(snap, n.source_entry_id);
    changes.push({
      entryId: n.id,
      categoryId: n.category_id,
      categoryKey: n.key,
      organisation: n.organisation,
      province: provinceOfEdition.get(n.source_edition_id) ?? "",
      sourceEntryId: n.source_entry_id,
      was: { publicationId: n.source_publication_id, rank: n.source_rank, total: n.source_total },
      now: now && { publicationId: snap?.publicationId ?? null, ...now },
      stillCandidate:
        snap !== undefined && candidatesOf(snap, n.nominate_top).some((x) => x.entryId === n.source_entry_id),
    });
  }
  return { categories: boards, changes };
}

/** The organisation name of each given entry, by entry id. */
export async function organisationNames(db: Db, entryIds: number[]): Promise<Map<number, string>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "o.name"])
    .where("e.id", "in", [...new Set(entryIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------------------------------------
// Nominating

export type NominateRefusal =
  | "not_linked"
  | "not_published"
  | "not_a_candidate"
  | "already_nominated"
  | "organisation_has_entry"
  | "category_mismatch";

/**
 * Nominates a provincial entry into the national category with the same key, in one transaction:
 * checked against the current publication, the national entry is created `submitted` (same
 * organisation, the provincial submission time, its source), with copies of the figures,
 * regulations and indicator values. Evidence stays the provincial entry's (read through
 * source_entry_id; never a second row for a stored file).
 */
export async function nominate(
  db: Db,
  args: { nationalEditionId: number; categoryId: number; sourceEntryId: number; userId: number },
): Promise<{ ok: true; entryId: number } | { ok: false; reason: NominateRefusal }> {
  return inTransaction(db, async (tx) => {
    const category = await tx
      .selectFrom("categories")
      .select(["id", "key", "nominate_top"])
      .where("id", "=", args.categoryId)
      .where("edition_id", "=", args.nationalEditionId)
      .executeTakeFirst();
    if (!category) return { ok: false, reason: "category_mismatch" };
    const source = await tx
      .selectFrom("entries as s")
      .innerJoin("categories as c", "c.id", "s.category_id")
      .select(["s.id", "s.edition_id", "s.category_id", "s.organisation_id", "s.submitted_at", "c.key"])
      .where("s.id", "=", args.sourceEntryId)
      .executeTakeFirst();
    if (!source) return { ok: false, reason: "not_a_candidate" };
    const link = await tx
      .selectFrom("edition_links")
      .select("id")
      .where("national_edition_id", "=", args.nationalEditionId)
      .where("provincial_edition_id", "=", source.edition_id)
      .executeTakeFirst();
    if (!link) return { ok: false, reason: "not_linked" };
    if (source.key !== category.key) return { ok: false, reason: "category_mismatch" };
    const snap = (await currentSnapshots(tx, [source.category_id], { upToRank: category.nominate_top })).get(
      source.category_id,
    );
    if (!snap) return { ok: false, reason: "not_published" };
    const candidate = candidatesOf(snap, category.nominate_top).find((x) => x.entryId === source.id);
    if (!candidate) return { ok: false, reason: "not_a_candidate" };
    const existing = await tx
      .selectFrom("entries")
      .select(["id", "source_entry_id"])
      .where("edition_id", "=", args.nationalEditionId)
      .where((eb) => eb.or([eb("source_entry_id", "=", source.id), eb("organisation_id", "=", source.organisation_id)]))
      .execute();
    if (existing.some((e) => e.source_entry_id === source.id)) return { ok: false, reason: "already_nominated" };
    if (existing.length > 0) return { ok: false, reason: "organisation_has_entry" };

    const { id } = await tx
      .insertInto("entries")
      .values({
        edition_id: args.nationalEditionId,
        category_id: category.id,
        organisation_id: source.organisation_id,
        status: "submitted",
        submitted_at: source.submitted_at,
        source_entry_id: source.id,
        source_publication_id: snap.publicationId,
        source_rank: candidate.rank,
        source_total: candidate.total,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The id is the database's own integer: a literal is safe, and PostgreSQL needs no parameter type.
    const newId = sql.lit(id);
    await tx
      .insertInto("entry_figures")
      .columns(["entry_id", "key", "value"])
      .expression((eb) =>
        eb
          .selectFrom("entry_figures")
          .select([newId.as("entry_id"), "key", "value"])
          .where("entry_id", "=", source.id),
      )
      .execute();
    await tx
      .insertInto("entry_regulations")
      .columns(["entry_id", "type", "number", "year", "title"])
      .expression((eb) =>
        eb
          .selectFrom("entry_regulations")
          .select([newId.as("entry_id"), "type", "number", "year", "title"])
          .where("entry_id", "=", source.id)
          .orderBy("id"),
      )
      .execute();
    await tx
      .insertInto("indicator_values")
      .columns(["entry_id", "indicator", "value"])
      .expression((eb) =>
        eb
          .selectFrom("indicator_values")
          .select([newId.as("entry_id"), "indicator", "value"])
          .where("entry_id", "=", source.id),
      )
      .execute();
    await raiseCategoryVersion(tx, category.id);
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.nationalEditionId,
      entry_id: id,
      action: "entry.nominate",
      subject: `entry:${source.id}`,
      before: null,
      after: json({
        status: "submitted",
        sourceEntry: source.id,
        publication: snap.publicationId,
        rank: candidate.rank,
        total: candidate.total,
      }),
      reason: null,
    });
    return { ok: true, entryId: id };
  });
}

/**
 * Nominates every candidate not nominated yet of every linked, published province for a national
 * category, in one transaction. Returns how many were nominated and how many were refused, by reason
 * (e.g. an organisation that already has an entry in the national edition).
 */
export async function nominateAll(
  db: Db,
  args: { nationalEditionId: number; categoryId: number; userId: number },
): Promise<{
  nominated: number;
  refused: number;
  refusals: Partial<Record<NominateRefusal, number>>;
  /** Linked provinces whose category has no current publication (nothing nominated from them). */
  unpublished: number;
}> {
  return inTransaction(db, async (tx) => {
    const board = await nominationBoard(tx, args.nationalEditionId);
    const category = board.categories.find((c) => c.categoryId === args.categoryId);
    const result = {
      nominated: 0,
      refused: 0,
      refusals: {} as Partial<Record<NominateRefusal, number>>,
      unpublished: 0,
    };
    if (!category) return result;
    for (const p of category.provinces) {
      if (p.publicationId === null) result.unpublished += 1;
      for (const c of p.candidates) {
        if (c.nominated) continue;
        const r = await nominate(tx, { ...args, sourceEntryId: c.entryId });
        if (r.ok) result.nominated += 1;
        else {
          result.refused += 1;
          result.refusals[r.reason] = (result.refusals[r.reason] ?? 0) + 1;
        }
      }
    }
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// Reviewing a re-publication

export type ReviewRefusal = "not_found" | "withdrawn" | "no_change" | "not_a_candidate" | "reason_required";

/**
 * The committee's answer to a re-publication of a nominee's provincial category. "accept": the
 * entry's source follows the current publication (refused when it is no longer a candidate by the
 * rule: withdraw instead). "withdraw": the nomination is withdrawn (status rejected, the reason kept
 * for the organisation). Audited; the category's data version is raised (the provincial total is
 * scoring input as the nominee's prior).
 */
export async function reviewSourceChange(
  db: Db,
  args: {
    entryId: number;
    decision: "accept" | "withdraw";
    reason: string;
    userId: number;
    /** When given, an entry of another edition is not found (the page's guard). */
    nationalEditionId?: number;
  },
): Promise<{ ok: true } | { ok: false; reason: ReviewRefusal }> {
  return inTransaction(db, async (tx) => {
    const entry = await tx
      .selectFrom("entries as e")
      .innerJoin("entries as s", "s.id", "e.source_entry_id")
      .innerJoin("categories as c", "c.id", "e.category_id")
      .select([
        "e.id",
        "e.edition_id",
        "e.category_id",
        "e.status",
        "e.source_publication_id",
        "e.source_rank",
        "e.source_total",
        "s.id as source_id",
        "s.category_id as source_category_id",
        "c.nominate_top",
      ])
      .where("e.id", "=", args.entryId)
      .$if(args.nationalEditionId !== undefined, (q) => q.where("e.edition_id", "=", args.nationalEditionId!))
      .executeTakeFirst();
    if (!entry) return { ok: false, reason: "not_found" };
    if (entry.status === "rejected") return { ok: false, reason: "withdrawn" };
    const was = { publication: entry.source_publication_id, rank: entry.source_rank, total: entry.source_total };
    const common = { user_id: args.userId, edition_id: entry.edition_id, entry_id: entry.id };

    if (args.decision === "withdraw") {
      const reason = args.reason.trim();
      if (!reason) return { ok: false, reason: "reason_required" };
      await tx
        .updateTable("entries")
        .set({ status: "rejected", rejection_reason: reason, version: sql<number>`version + 1` })
        .where("id", "=", entry.id)
        .execute();
      await raiseCategoryVersion(tx, entry.category_id);
      await audit(tx, {
        ...common,
        action: "entry.nomination_withdraw",
        subject: `entry:${entry.source_id}`,
        before: json({ status: entry.status }),
        after: json({ status: "rejected" }),
        reason,
      });
      return { ok: true };
    }

    const snap = (await currentSnapshots(tx, [entry.source_category_id], { upToRank: entry.nominate_top })).get(
      entry.source_category_id,
    );
    if (!snap || snap.publicationId === entry.source_publication_id) return { ok: false, reason: "no_change" };
    const candidate = candidatesOf(snap, entry.nominate_top).find((x) => x.entryId === entry.source_id);
    if (!candidate) return { ok: false, reason: "not_a_candidate" };
    await tx
      .updateTable("entries")
      .set({
        source_publication_id: snap.publicationId,
        source_rank: candidate.rank,
        source_total: candidate.total,
        version: sql<number>`version + 1`,
      })
      .where("id", "=", entry.id)
      .execute();
    await raiseCategoryVersion(tx, entry.category_id);
    await audit(tx, {
      ...common,
      action: "entry.source_accept",
      subject: `entry:${entry.source_id}`,
      before: json(was),
      after: json({ publication: snap.publicationId, rank: candidate.rank, total: candidate.total }),
      reason: args.reason.trim() || null,
    });
    return { ok: true };
  });
}
