import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { retentionReport } from "../../db/ops/retention";
import { invitePanelMember } from "../../db/queries/people";
import { anonymiseUser } from "../../db/queries/anonymise";
import { archiveEdition, editionRetention, setRetentionYears } from "../../db/queries/archive";
import { findPeopleByEmail, personalDataExport } from "../../db/queries/personal-data";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../../db/seed/demo";
import { attemptLogin } from "../../app/lib/login.server";
import { publicationIntact } from "../../app/lib/ranking-engine.server";
import { dbPathOf, occurrences, personalDataFixture } from "./personal-data-fixture";

// One fixture for the file (the factories keep one database handle per process); the tests run in
// order: export, archive, anonymise.
describe("personal data (UU 27/2022)", () => {
  const fixture = personalDataFixture();

  it("a committee's export holds the person's records of its edition and nothing of another", async () => {
    const { db, a, b, shared } = await fixture;
    const mine = await personalDataExport(db, shared.id, { editionId: a.id });
    expect(mine!.account).toMatchObject({ id: shared.id, email: shared.email, name: shared.name });
    expect(mine!.account).not.toHaveProperty("password_hash");
    expect(mine!.memberships.map((m) => m.edition_id)).toEqual([a.id]);
    expect(mine!.assignments.length).toBeGreaterThan(0);
    expect(mine!.assignments.every((x) => x.edition_id === a.id)).toBe(true);
    expect(mine!.assignments[0]!.scores.length).toBeGreaterThan(0);
    expect(mine!.conflictDeclarations.every((x) => x.edition_id === a.id)).toBe(true);
    expect(mine!.auditEntries.every((x) => x.edition_id === a.id)).toBe(true);
    expect(mine!.sessions).toBeNull();
    expect(JSON.stringify(mine)).not.toContain(b.name);
    const bEntries = new Set(b.entries.map((e) => e.id));
    expect(mine!.assignments.some((x) => bEntries.has(x.entry_id))).toBe(false);

    const everything = await personalDataExport(db, shared.id);
    expect(everything!.memberships.map((m) => m.edition_id).sort()).toEqual([a.id, b.id].sort());
    expect(everything!.assignments.some((x) => bEntries.has(x.entry_id))).toBe(true);
    expect(everything!.sessions).toEqual({ count: 0, latestExpiry: null });
  });

  it("the administrator's search finds people by part of their e-mail, each with the editions they are in", async () => {
    const { db, a, b, shared } = await fixture;
    const found = await findPeopleByEmail(db, shared.email.slice(2, -2).toUpperCase());
    expect(found.map((p) => p.id)).toEqual([shared.id]);
    expect(found[0]!.editions.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    expect(await findPeopleByEmail(db, "tidak-ada-yang-begini@")).toEqual([]);
  });

  it("archives only a published edition, and keeps the retention years the committee sets", async () => {
    const { db, a, b, person } = await fixture;
    expect(await archiveEdition(db, { editionId: b.id, userId: b.committee.id })).toEqual({
      ok: false,
      reason: "not_published",
    });
    expect(await anonymiseUser(db, { userId: person.id, byUserId: a.committee.id })).toEqual({
      ok: false,
      reason: "editions_not_archived",
    });
    await setRetentionYears(db, { editionId: a.id, years: 7, userId: a.committee.id });
    const archived = await archiveEdition(db, { editionId: a.id, userId: a.committee.id });
    expect(archived.ok).toBe(true);
    expect(await archiveEdition(db, { editionId: a.id, userId: a.committee.id })).toEqual({
      ok: false,
      reason: "already_archived",
    });
    const state = await editionRetention(db, a.id);
    expect(state!.archivedAt).not.toBeNull();
    expect(state!.retentionYears).toBe(7);
    expect(new Date(state!.dueDate!).getUTCFullYear()).toBe(new Date(state!.lastPublishedAt!).getUTCFullYear() + 7);
    const actions = await db.selectFrom("audit_log").select("action").where("edition_id", "=", a.id).execute();
    expect(actions.map((r) => r.action)).toEqual(expect.arrayContaining(["edition.archive", "edition.retention"]));
  });

  it("anonymises an assessor after publication and archive: name and e-mail nowhere, numbers kept, still verifies", async () => {
    const { db, dir, a, person, shared, publicationId } = await fixture;

    const scoresOf = () =>
      db
        .selectFrom("scores as s")
        .innerJoin("assignments as x", "x.id", "s.assignment_id")
        .select(["s.id", "s.value", "s.status", "x.user_id"])
        .where("x.user_id", "=", person.id)
        .orderBy("s.id")
        .execute();
    const versions = () => db.selectFrom("categories").select(["id", "data_version"]).orderBy("id").execute();
    const scoresBefore = await scoresOf();
    const versionsBefore = await versions();
    expect(scoresBefore.length).toBeGreaterThan(0);
    expect(await occurrences(dbPathOf(dir), person.email)).not.toEqual([]);

    const done = await anonymiseUser(db, { userId: person.id, byUserId: a.committee.id });
    expect(done).toEqual({ ok: true, label: "Penilai 1" });

    expect(await occurrences(dbPathOf(dir), person.name)).toEqual([]);
    expect(await occurrences(dbPathOf(dir), person.email)).toEqual([]);
    expect(await scoresOf()).toEqual(scoresBefore);
    expect(await versions()).toEqual(versionsBefore);
    expect(await publicationIntact(db, publicationId)).toBe(true);
    const user = await db.selectFrom("users").selectAll().where("id", "=", person.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: "Penilai 1", password_hash: null, active: 0 });
    expect(user.email).toBe(`anonim-${person.id}@anonim.invalid`);
    const memberships = await db.selectFrom("memberships").select("active").where("user_id", "=", person.id).execute();
    expect(memberships.every((m) => m.active === 0)).toBe(true);
    for (const email of [person.email, user.email])
      expect(await attemptLogin(db, { email, password: DEMO_PASSWORD, address: "10.9.9.9" })).toEqual({
        ok: false,
        reason: "invalid",
      });
    const logged = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "user.anonymise")
      .executeTakeFirstOrThrow();
    expect(logged).toMatchObject({ user_id: a.committee.id, subject: `user:${person.id}` });

    // `shared` also scores in edition B, which is not archived.
    expect(await anonymiseUser(db, { userId: shared.id, byUserId: null })).toEqual({
      ok: false,
      reason: "editions_not_archived",
    });
    // The next assessor anonymised gets the next number.
    expect(await anonymiseUser(db, { userId: a.assessors[2]!.id, byUserId: null })).toEqual({
      ok: true,
      label: "Penilai 2",
    });
  });
});

// The same anonymisation on PostgreSQL (its upsert of the label number and the text scrub are
// written in SQL both databases run). Runs when TEST_POSTGRES_URL points at a database that may
// be wiped, as test/db/postgres.test.ts.
const pgUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!pgUrl)("personal data on PostgreSQL", () => {
  it("anonymises two demo assessors after archive: numbered labels, name and e-mail in no text column", async () => {
    const db = await createDb(pgUrl!);
    try {
      await sql`drop schema public cascade`.execute(db);
      await sql`create schema public`.execute(db);
      await migrateToLatest(db);
      await seedDemo(db);
      const committee = await db
        .selectFrom("users")
        .select("id")
        .where("email", "=", DEMO_LOGINS.committee)
        .executeTakeFirstOrThrow();
      const people = await db
        .selectFrom("users")
        .select(["id", "name", "email"])
        .where("email", "in", ["penilai1@paritrana.test", "penilai2@paritrana.test"])
        .orderBy("email")
        .execute();
      const edition = await db.selectFrom("editions").select("id").executeTakeFirstOrThrow();
      for (const p of people)
        await invitePanelMember(db, {
          editionId: edition.id,
          role: "juror",
          name: p.name,
          email: p.email,
          createdBy: committee.id,
        });
      expect((await anonymiseUser(db, { userId: people[0]!.id, byUserId: null })).ok).toBe(false);
      await db.updateTable("editions").set({ archived_at: new Date().toISOString() }).execute();
      const exported = await personalDataExport(db, people[0]!.id);
      expect(exported!.assignments.length).toBeGreaterThan(0);
      expect(exported!.auditEntries.length).toBeGreaterThan(0);

      const labels = [];
      for (const p of people) labels.push(await anonymiseUser(db, { userId: p.id, byUserId: committee.id }));
      expect(labels).toEqual([
        { ok: true, label: "Penilai 1" },
        { ok: true, label: "Penilai 2" },
      ]);
      const columns = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb')`.execute(db);
      for (const p of people)
        for (const needle of [p.name, p.email])
          for (const c of columns.rows) {
            const hit = await sql<{ n: string }>`select count(*) as n from ${sql.table(c.table_name)}
              where position(${needle.toLowerCase()} in lower(${sql.ref(c.column_name)}::text)) > 0`.execute(db);
            expect(Number(hit.rows[0]!.n), `${needle} in ${c.table_name}.${c.column_name}`).toBe(0);
          }
      // Nothing was published in the demo: nothing is due.
      expect((await retentionReport(db)).people).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
