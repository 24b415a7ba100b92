import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { addMembership } from "../../db/queries/users";
import * as overviewPage from "~/routes/committee.$editionId._index";
import * as peoplePage from "~/routes/committee.$editionId.people";
import * as committeeExport from "~/routes/committee.$editionId.people.$userId.data";
import * as adminPeople from "~/routes/admin.people";
import * as adminExport from "~/routes/admin.people_.$userId.data";
import { personalDataFixture } from "../db/personal-data-fixture";
import { call, dataOf, statusOf } from "./route-calls";

// Personal data (issue 13, item 6) through the real routes, as the browser calls them (form posts
// with a session cookie): a committee exports and anonymises only the people of its own edition,
// only the administrator reaches anyone, and refusals are answers, never a 500.

const anonymised = async (db: Db, userId: number) =>
  (await db.selectFrom("users").select("anonymised_at").where("id", "=", userId).executeTakeFirstOrThrow())
    .anonymised_at !== null;

describe("personal data through the routes", () => {
  const fixture = (async () => {
    const f = await personalDataFixture();
    // The app's handle (app/lib/db.server.ts) is this test database.
    (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(f.db);
    return f;
  })();

  it("a committee member of another edition can neither export nor anonymise a person of this one", async () => {
    const { db, a, b, person } = await fixture;
    const other = b.committee.id;
    const exportPath = (editionId: number) => `/committee/${editionId}/people/${person.id}/data`;
    // Through their own edition: the person has no role there (404, as if unknown).
    const viaOwn = await call(
      committeeExport.loader,
      exportPath(b.id),
      { editionId: String(b.id), userId: String(person.id) },
      { userId: other },
    );
    expect(statusOf(viaOwn)).toBe(404);
    // Through the person's edition: not its committee.
    const viaTheirs = await call(
      committeeExport.loader,
      exportPath(a.id),
      { editionId: String(a.id), userId: String(person.id) },
      { userId: other },
    );
    expect(statusOf(viaTheirs)).toBe(403);
    // Nor the administrator's export.
    expect(
      statusOf(
        await call(
          adminExport.loader,
          `/admin/people/${person.id}/data`,
          { userId: String(person.id) },
          { userId: other },
        ),
      ),
    ).toBe(403);

    await db.updateTable("editions").set({ archived_at: new Date().toISOString() }).where("id", "=", a.id).execute();
    try {
      const form = { intent: "anonymise", userId: String(person.id), confirmed: "yes" };
      const own = await call(
        peoplePage.action,
        `/committee/${b.id}/people`,
        { editionId: String(b.id) },
        { userId: other, form },
      );
      expect(statusOf(own)).toBe(404);
      const theirs = await call(
        peoplePage.action,
        `/committee/${a.id}/people`,
        { editionId: String(a.id) },
        { userId: other, form },
      );
      expect(statusOf(theirs)).toBe(403);
      const admin = await call(adminPeople.action, "/admin/people", {}, { userId: other, form });
      expect(statusOf(admin)).toBe(403);
      expect(await anonymised(db, person.id)).toBe(false);
    } finally {
      await db.updateTable("editions").set({ archived_at: null }).where("id", "=", a.id).execute();
    }
  });

  it("the committee downloads its edition's records of a person, never cached, and nothing of another edition", async () => {
    const { a, b, shared } = await fixture;
    const res = await call(
      committeeExport.loader,
      `/committee/${a.id}/people/${shared.id}/data`,
      { editionId: String(a.id), userId: String(shared.id) },
      { userId: a.committee.id },
    );
    expect(res).toBeInstanceOf(Response);
    const response = res as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="data-pribadi-/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = (await response.json()) as { account: { email: string }; assignments: { edition_id: number }[] };
    expect(body.account.email).toBe(shared.email);
    expect(body.assignments.length).toBeGreaterThan(0);
    expect(body.assignments.every((x) => x.edition_id === a.id)).toBe(true);
    expect(JSON.stringify(body)).not.toContain(b.name);
  });

  it("archiving is refused in words before publication, and the retention form keeps what was typed", async () => {
    const { db, a, b } = await fixture;
    const refused = await call(
      overviewPage.action,
      `/committee/${b.id}`,
      { editionId: String(b.id) },
      { userId: b.committee.id, form: { intent: "archive", confirmed: "yes" } },
    );
    expect(statusOf(refused)).toBe(409);
    expect(dataOf(refused).archiveError).toMatch(/belum diumumkan|not been published/);
    const invalid = await call(
      overviewPage.action,
      `/committee/${a.id}`,
      { editionId: String(a.id) },
      { userId: a.committee.id, form: { intent: "retention", retentionYears: "45" } },
    );
    expect(statusOf(invalid)).toBe(400);
    expect(dataOf(invalid).values).toMatchObject({ retentionYears: "45" });
    expect(Object.keys(dataOf(invalid).errors as object)).toEqual(["retentionYears"]);
    const edition = await db.selectFrom("editions").select("retention_years").where("id", "=", a.id).executeTakeFirst();
    expect(edition!.retention_years).toBe(5);
  });

  it("the committee archives its published edition, then anonymises a person whose editions are all archived", async () => {
    const { db, a, person, shared } = await fixture;
    const asCommittee = { userId: a.committee.id };
    const params = { editionId: String(a.id) };
    // Refused while the edition is not archived.
    const early = await call(peoplePage.action, `/committee/${a.id}/people`, params, {
      ...asCommittee,
      form: { intent: "anonymise", userId: String(person.id), confirmed: "yes" },
    });
    expect(statusOf(early)).toBe(409);
    expect(await anonymised(db, person.id)).toBe(false);

    const ask = await call(overviewPage.action, `/committee/${a.id}`, params, {
      ...asCommittee,
      form: { intent: "archive" },
    });
    expect(dataOf(ask)).toEqual({ confirm: "archive" });
    const archived = await call(overviewPage.action, `/committee/${a.id}`, params, {
      ...asCommittee,
      form: { intent: "archive", confirmed: "yes" },
    });
    expect(statusOf(archived)).toBe(302);

    const done = await call(peoplePage.action, `/committee/${a.id}/people`, params, {
      ...asCommittee,
      form: { intent: "anonymise", userId: String(person.id), confirmed: "yes" },
    });
    expect(statusOf(done)).toBe(302);
    expect(await anonymised(db, person.id)).toBe(true);
    // `shared` still scores in edition B, not archived.
    const sharedRes = await call(peoplePage.action, `/committee/${a.id}/people`, params, {
      ...asCommittee,
      form: { intent: "anonymise", userId: String(shared.id), confirmed: "yes" },
    });
    expect(statusOf(sharedRes)).toBe(409);
    expect(String(dataOf(sharedRes).refused)).toMatch(/belum diarsipkan|not archived/);
  });

  it("the administrator exports anyone, everything", async () => {
    const { db, a, b, shared } = await fixture;
    const adminId = a.assessors[2]!.id + 1000;
    await db
      .insertInto("users")
      .values({ id: adminId, email: "admin@personal.test", name: "Admin", password_hash: null })
      .execute();
    await addMembership(db, { userId: adminId, role: "admin" });
    const res = (await call(
      adminExport.loader,
      `/admin/people/${shared.id}/data`,
      { userId: String(shared.id) },
      { userId: adminId },
    )) as Response;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { memberships: { edition_id: number }[]; sessions: unknown };
    expect(body.memberships.map((m) => m.edition_id).sort()).toEqual([a.id, b.id].sort());
    expect(body.sessions).not.toBeNull();
  });
});
