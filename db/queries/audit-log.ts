import type { Db } from "../client";

// Reading the audit log of an edition (the log itself is append-only, see audit.ts).

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  entryId?: number;
  userId?: number;
  action?: string;
  /** 1-based. */
  page?: number;
}

/** The edition's audit rows, newest first, filtered, one page of AUDIT_PAGE_SIZE, with the total. */
export async function auditLogPage(db: Db, editionId: number, filter: AuditFilter = {}) {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  let q = db.selectFrom("audit_log as l").where("l.edition_id", "=", editionId);
  if (filter.entryId !== undefined) q = q.where("l.entry_id", "=", filter.entryId);
  if (filter.userId !== undefined) q = q.where("l.user_id", "=", filter.userId);
  if (filter.action) q = q.where("l.action", "=", filter.action);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    q
      .leftJoin("users as u", "u.id", "l.user_id")
      .leftJoin("entries as e", "e.id", "l.entry_id")
      .leftJoin("organisations as o", "o.id", "e.organisation_id")
      .select([
        "l.id",
        "l.at",
        "l.user_id as userId",
        "u.name as userName",
        "u.email as userEmail",
        "l.entry_id as entryId",
        "o.name as organisationName",
        "l.action",
        "l.subject",
        "l.before",
        "l.after",
        "l.reason",
      ])
      .orderBy("l.at", "desc")
      .orderBy("l.id", "desc")
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
  ]);
  const total = Number(count.n);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** What the filters can choose from: the actions, people and entries that occur in the edition's log. */
export async function auditFilterOptions(db: Db, editionId: number) {
  const [actions, users, entries] = await Promise.all([
    db
      .selectFrom("audit_log")
      .select("action")
      .distinct()
      .where("edition_id", "=", editionId)
      .orderBy("action")
      .execute(),
    db
      .selectFrom("users as u")
      .select(["u.id", "u.name", "u.email"])
      .where("u.id", "in", (eb) =>
        eb
          .selectFrom("audit_log")
          .select("user_id")
          .where("edition_id", "=", editionId)
          .where("user_id", "is not", null),
      )
      .orderBy("u.name")
      .orderBy("u.id")
      .execute(),
    db
      .selectFrom("entries as e")
      .innerJoin("organisations as o", "o.id", "e.organisation_id")
      .select(["e.id", "o.name"])
      .where("e.edition_id", "=", editionId)
      .orderBy("o.name")
      .orderBy("e.id")
      .execute(),
  ]);
  return { actions: actions.map((a) => a.action), users, entries };
}

/**
 * Names for the ids the log's before/after values mention: the edition's people (members and
 * actors), its entrants (entry id → organisation) and its categories (id → key).
 */
export async function auditNames(db: Db, editionId: number) {
  const [users, entries, categories, assignments, criteria] = await Promise.all([
    db
      .selectFrom("users as u")
      .select(["u.id", "u.name"])
      .where((eb) =>
        eb.or([
          eb("u.id", "in", eb.selectFrom("memberships").select("user_id").where("edition_id", "=", editionId)),
          eb(
            "u.id",
            "in",
            eb
              .selectFrom("audit_log")
              .select("user_id")
              .where("edition_id", "=", editionId)
              .where("user_id", "is not", null),
          ),
        ]),
      )
      .execute(),
    db
      .selectFrom("entries as e")
      .innerJoin("organisations as o", "o.id", "e.organisation_id")
      .select(["e.id", "o.name"])
      .where("e.edition_id", "=", editionId)
      .execute(),
    db.selectFrom("categories").select(["id", "key"]).where("edition_id", "=", editionId).execute(),
    db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["a.id", "a.stage_key as stage", "u.name as person"])
      .where("e.edition_id", "=", editionId)
      .execute(),
    // Every version's criteria, oldest first, so that the newest name of a key wins.
    db
      .selectFrom("criteria as cr")
      .innerJoin("rubrics as r", "r.id", "cr.rubric_id")
      .innerJoin("categories as c", "c.id", "r.category_id")
      .select(["cr.key", "cr.name_id", "cr.name_en"])
      .where("c.edition_id", "=", editionId)
      .orderBy("r.id")
      .execute(),
  ]);
  return {
    users: Object.fromEntries(users.map((u) => [String(u.id), u.name])),
    entries: Object.fromEntries(entries.map((e) => [String(e.id), e.name])),
    categories: Object.fromEntries(categories.map((c) => [String(c.id), c.key])),
    assignments: Object.fromEntries(assignments.map((a) => [String(a.id), { person: a.person, stage: a.stage }])),
    criteria: Object.fromEntries(criteria.map((c) => [c.key, { id: c.name_id, en: c.name_en }])),
  };
}
