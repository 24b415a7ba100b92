import { sql } from "kysely";
import type { Db } from "../client";

// Everything stored about one person (UU 27/2022), for the export a person may ask for, and the
// editions a person has a role in (who may export or anonymise them, and when: app/domain/
// personal-data.ts). A committee's export is limited to its edition's records plus the account
// itself; the administrator's covers everything.

/**
 * The editions a person has (or had) a role in: an edition membership (committee, assessor,
 * juror, active or not), an entry of an organisation they are a member of, or an assignment or a
 * conflict declaration on an entry of the edition.
 */
export async function personEditionIds(db: Db, userId: number): Promise<number[]> {
  return (await editionIdsByPerson(db, [userId])).get(userId) ?? [];
}

/** personEditionIds for the given people (every account when none are given), by user id. */
export async function editionIdsByPerson(db: Db, userIds?: number[]): Promise<Map<number, number[]>> {
  if (userIds?.length === 0) return new Map();
  const [memberships, organisationEntries, assigned, declared] = await Promise.all([
    db
      .selectFrom("memberships")
      .select(["user_id", "edition_id"])
      .where("edition_id", "is not", null)
      .$if(userIds !== undefined, (q) => q.where("user_id", "in", userIds!))
      .execute(),
    db
      .selectFrom("entries as e")
      .innerJoin("memberships as m", "m.organisation_id", "e.organisation_id")
      .select(["m.user_id", "e.edition_id"])
      .where("m.role", "=", "entrant")
      .$if(userIds !== undefined, (q) => q.where("m.user_id", "in", userIds!))
      .execute(),
    db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select(["a.user_id", "e.edition_id"])
      .$if(userIds !== undefined, (q) => q.where("a.user_id", "in", userIds!))
      .execute(),
    db
      .selectFrom("conflict_declarations as d")
      .innerJoin("entries as e", "e.id", "d.entry_id")
      .select(["d.user_id", "e.edition_id"])
      .$if(userIds !== undefined, (q) => q.where("d.user_id", "in", userIds!))
      .execute(),
  ]);
  const byPerson = new Map<number, Set<number>>();
  for (const r of [...memberships, ...organisationEntries, ...assigned, ...declared]) {
    if (r.edition_id === null) continue;
    const set = byPerson.get(r.user_id) ?? new Set<number>();
    set.add(r.edition_id);
    byPerson.set(r.user_id, set);
  }
  return new Map([...byPerson].map(([user, ids]) => [user, [...ids].sort((a, b) => a - b)]));
}

/** The sign-in throttling keys that carry an e-mail (app/lib/login.server.ts `throttleKeys`). */
export async function signInFailureKeys(db: Db, email: string) {
  const rows = await db
    .selectFrom("login_failures")
    .selectAll()
    .where((eb) =>
      eb.or([eb("key", "=", `email:${email}`), eb(sql<string>`substr(key, 1, ${email.length + 1})`, "=", `${email}|`)]),
    )
    .orderBy("key")
    .execute();
  return rows;
}

export interface ExportScope {
  /** Limit to this edition's records (plus the account); undefined: everything. */
  editionId?: number;
}

/** Everything stored about a person, as plain JSON-ready data; undefined when there is no such account. */
export async function personalDataExport(db: Db, userId: number, scope: ExportScope = {}, now = new Date()) {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "active", "created_at", "anonymised_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const { editionId } = scope;
  const inEdition = <T>(rows: (T & { edition_id: number | null })[]) =>
    editionId === undefined ? rows : rows.filter((r) => r.edition_id === editionId);

  const memberships = await db
    .selectFrom("memberships as m")
    .leftJoin("editions as ed", "ed.id", "m.edition_id")
    .leftJoin("organisations as o", "o.id", "m.organisation_id")
    .select([
      "m.id",
      "m.role",
      "m.active",
      "m.created_at",
      "m.edition_id",
      "ed.name as edition_name",
      "ed.year as edition_year",
      "m.organisation_id",
      "o.name as organisation_name",
    ])
    .where("m.user_id", "=", userId)
    .orderBy("m.id")
    .execute();
  // An organisation membership belongs to an edition's records when the organisation entered it.
  const organisationIds = memberships.flatMap((m) => (m.organisation_id === null ? [] : [m.organisation_id]));
  const organisationsInEdition =
    editionId === undefined || organisationIds.length === 0
      ? new Set<number>()
      : new Set(
          (
            await db
              .selectFrom("entries")
              .select("organisation_id")
              .where("edition_id", "=", editionId)
              .where("organisation_id", "in", organisationIds)
              .execute()
          ).map((e) => e.organisation_id),
        );
  const keptMemberships = memberships.filter(
    (m) =>
      editionId === undefined ||
      m.edition_id === editionId ||
      (m.organisation_id !== null && organisationsInEdition.has(m.organisation_id)),
  );

  const invitations = inEdition(
    await db
      .selectFrom("invitations")
      // Never the token hash.
      .select([
        "id",
        "kind",
        "email",
        "edition_id",
        "category_id",
        "organisation_id",
        "expires_at",
        "used_at",
        "created_at",
      ])
      .where("email", "=", user.email)
      .orderBy("id")
      .execute(),
  );

  const conflicts = inEdition(
    await db
      .selectFrom("conflict_declarations as d")
      .innerJoin("entries as e", "e.id", "d.entry_id")
      .innerJoin("organisations as o", "o.id", "e.organisation_id")
      .select([
        "d.id",
        "d.entry_id",
        "e.edition_id",
        "o.name as organisation_name",
        "d.has_conflict",
        "d.kind",
        "d.note",
        "d.declared_at",
      ])
      .where("d.user_id", "=", userId)
      .orderBy("d.id")
      .execute(),
  );

  const assignmentRows = inEdition(
    await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .innerJoin("organisations as o", "o.id", "e.organisation_id")
      .innerJoin("categories as c", "c.id", "e.category_id")
      .select([
        "a.id",
        "a.entry_id",
        "e.edition_id",
        "c.key as category",
        "o.name as organisation_name",
        "a.stage_key",
        "a.status",
        "a.submitted_at",
        "a.created_at",
      ])
      .where("a.user_id", "=", userId)
      .orderBy("a.id")
      .execute(),
  );
  const scores =
    assignmentRows.length === 0
      ? []
      : await db
          .selectFrom("scores as s")
          .innerJoin("criteria as cr", "cr.id", "s.criterion_id")
          .select(["s.assignment_id", "cr.key as criterion", "s.value", "s.note", "s.status", "s.updated_at"])
          .where(
            "s.assignment_id",
            "in",
            assignmentRows.map((a) => a.id),
          )
          .orderBy("s.assignment_id")
          .orderBy("cr.position")
          .execute();
  const assignments = assignmentRows.map((a) => ({
    ...a,
    scores: scores.filter((s) => s.assignment_id === a.id).map(({ assignment_id: _, ...s }) => s),
  }));

  const evidenceFiles = inEdition(
    await db
      .selectFrom("evidence_files as f")
      .innerJoin("entries as e", "e.id", "f.entry_id")
      // The file's metadata; its contents belong to the organisation's entry, not to this export.
      .select([
        "f.id",
        "f.entry_id",
        "e.edition_id",
        "f.criterion_key",
        "f.original_name",
        "f.mime",
        "f.size",
        "f.sha256",
        "f.uploaded_at",
      ])
      .where("f.uploaded_by", "=", userId)
      .orderBy("f.id")
      .execute(),
  );

  const auditEntries = inEdition(await auditAboutPerson(db, user, keptMemberships, assignmentRows, conflicts));
  const messages = inEdition(await messagesToPerson(db, user));

  const account = editionId === undefined;
  const sessions = account
    ? await db
        .selectFrom("sessions")
        .select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.max("expires_at").as("latest")])
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    : null;

  return {
    exportedAt: now.toISOString(),
    scope: editionId === undefined ? { all: true } : { editionId },
    account: { ...user, active: user.active === 1 },
    memberships: keptMemberships.map((m) => ({ ...m, active: m.active === 1 })),
    invitations,
    conflictDeclarations: conflicts.map((c) => ({ ...c, has_conflict: c.has_conflict === 1 })),
    assignments,
    evidenceFiles,
    auditEntries,
    messages,
    // Account-wide records (not of one edition): in the full export only.
    sessions: sessions ? { count: Number(sessions.n), latestExpiry: (sessions.latest as string | null) ?? null } : null,
    signInFailures: account ? await signInFailureKeys(db, user.email) : null,
  };
}

/**
 * The messages addressed to the person (to their account, or to their address before they had
 * one), with the facts each was written from; never an invitation's one-time link.
 */
async function messagesToPerson(db: Db, user: { id: number; email: string }) {
  const rows = await db
    .selectFrom("outbox")
    .select([
      "id",
      "event",
      "edition_id",
      "to_address",
      "locale",
      "status",
      "attempts",
      "created_at",
      "sent_at",
      "read_at",
      "params",
    ])
    .where((eb) => eb.or([eb("user_id", "=", user.id), eb("to_address", "=", user.email)]))
    .orderBy("id")
    .execute();
  return rows.map(({ params, ...r }) => {
    const facts = JSON.parse(params) as Record<string, unknown>;
    // An invitation's link holds its one-time token.
    if (r.event === "invitation") delete facts.path;
    return { ...r, facts };
  });
}

/**
 * Audit entries written by the person, or about them: their account, memberships, assignments,
 * conflict declarations, or naming their user id or e-mail in what changed.
 */
async function auditAboutPerson(
  db: Db,
  user: { id: number; email: string },
  memberships: { id: number }[],
  assignments: { id: number }[],
  conflicts: { id: number }[],
) {
  const subjects = [
    `user:${user.id}`,
    ...memberships.map((m) => `membership:${m.id}`),
    ...assignments.map((a) => `assignment:${a.id}`),
    ...conflicts.map((c) => `conflict:${c.id}`),
  ];
  const userIdJson = `"userId":${user.id}`;
  const rows = await db
    .selectFrom("audit_log")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("user_id", "=", user.id),
        eb("subject", "in", subjects),
        ...assignments.map((a) => eb("subject", "like", `assignment:${a.id}/%`)),
        eb("after", "like", `%${userIdJson}%`),
        eb("before", "like", `%${userIdJson}%`),
        eb("after", "like", `%${user.email}%`),
        eb("before", "like", `%${user.email}%`),
      ]),
    )
    .orderBy("id")
    .execute();
  // LIKE matched "userId":12 for user 1 too: keep only exact ids.
  const exactId = new RegExp(`"userId":${user.id}(?!\\d)`);
  return rows
    .filter(
      (r) =>
        r.user_id === user.id ||
        (r.subject !== null &&
          (subjects.includes(r.subject) || assignments.some((a) => r.subject!.startsWith(`assignment:${a.id}/`)))) ||
        exactId.test(`${r.before ?? ""}${r.after ?? ""}`) ||
        `${r.before ?? ""}${r.after ?? ""}`.toLowerCase().includes(user.email),
    )
    .map((r) => ({ ...r, by: r.user_id === user.id }));
}

/** Accounts whose e-mail contains `part` (at most 50), each with the editions they have a role in. */
export async function findPeopleByEmail(db: Db, part: string) {
  const users = await db
    .selectFrom("users")
    .select(["id", "name", "email", "active", "anonymised_at"])
    .where(sql<string>`lower(email)`, "like", `%${part.trim().toLowerCase()}%`)
    .orderBy("email")
    .limit(50)
    .execute();
  // Two reads for the whole list, not two per person.
  const editionIds = await editionIdsByPerson(
    db,
    users.map((u) => u.id),
  );
  const wanted = [...new Set([...editionIds.values()].flat())];
  const editions =
    wanted.length === 0
      ? []
      : await db
          .selectFrom("editions")
          .select(["id", "name", "archived_at"])
          .where("id", "in", wanted)
          .orderBy("id")
          .execute();
  return users.map((u) => {
    const ids = new Set(editionIds.get(u.id) ?? []);
    return { ...u, editions: editions.filter((e) => ids.has(e.id)) };
  });
}
