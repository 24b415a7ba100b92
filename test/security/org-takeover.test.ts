import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Migrator } from "kysely";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createDb, type Db } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import * as m0001 from "../../db/migrations/2026-11-24-0001-initial";
import * as m0002 from "../../db/migrations/2026-11-25-0002-panel-view-sign-off-publication-events";
import * as m0005 from "../../db/migrations/2026-12-01-0005-edition-signatories";
import * as m0006 from "../../db/migrations/2026-12-01-0006-category-data-version";
import * as m0008 from "../../db/migrations/2026-12-01-0008-operations";
import * as m0009 from "../../db/migrations/2026-12-01-0009-levels";
import * as m0010 from "../../db/migrations/2026-12-02-0010-notifications";
import * as m0011 from "../../db/migrations/2026-12-02-0011-plenary";
import { createEdition } from "../../db/queries/editions";
import { acceptInvitation, findInvitation, hashToken } from "../../db/queries/invitations";
import { answerOrganisationInvitation } from "../../db/queries/organisation-invitations";
import { seedDemo } from "../../db/seed/demo";
import { activeMemberships, createUser } from "../../db/queries/users";
import { requireEntryAccess } from "~/lib/entry-access.server";
import type { Viewer } from "~/lib/guards.server";
import * as organisationsPage from "~/routes/committee.$editionId.organisations";
import * as invitePage from "~/routes/invite.$token";
import * as portalHome from "~/routes/portal._index";
import { freshDb } from "../db/support";
import { call, dataOf, statusOf } from "./route-calls";

// Issue 9, item 1: a committee member of any edition could invite a new person into any known
// organisation with a link; the invitee became a member and read and edited its draft entries in
// other editions and their evidence. The routes are called as the browser would (form posts with
// a session cookie); access is decided by the real guard, requireEntryAccess.

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>;

async function setup() {
  const { db } = await freshDb({ seed: true });
  // The app's handle (app/lib/db.server.ts) is this test database.
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const one = async (email: string) =>
    (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const memberA = await one("peserta@mahakam-energi.paritrana.test");
  const memberB = await one("peserta@borneo-sawit.paritrana.test");
  const orgA = (
    await db
      .selectFrom("memberships")
      .select("organisation_id")
      .where("user_id", "=", memberA)
      .executeTakeFirstOrThrow()
  ).organisation_id!;
  const entryA = await db
    .selectFrom("entries")
    .select(["id", "status", "edition_id"])
    .where("organisation_id", "=", orgA)
    .executeTakeFirstOrThrow();
  const evidenceA = await db
    .selectFrom("evidence_files")
    .select(["id", "entry_id"])
    .where("entry_id", "=", entryA.id)
    .executeTakeFirstOrThrow();
  return { db, memberA, memberB, orgA, entryA, evidenceA };
}

/** A committee member of a new edition of their own (anyone with a committee role can make one). */
async function otherCommittee(db: Db, email: string, edition: { level: "provincial" | "national"; region: string }) {
  const userId = await createUser(db, { email, name: "Panitia Lain", passwordHash: null });
  const editionId = await createEdition(db, {
    name: `Edisi ${edition.region} ${edition.level}`,
    year: 2024,
    level: edition.level,
    region: edition.region,
    periodStart: "2024-01-01",
    periodEnd: "2024-12-31",
    registrationDeadline: null,
    deadlines: { desk: null, verification: null, interview: null },
    categories: ["large"],
    places: 3,
    userId,
  });
  const large = await db
    .selectFrom("categories")
    .select("id")
    .where("edition_id", "=", editionId)
    .executeTakeFirstOrThrow();
  return { userId, editionId, categoryId: large.id };
}

async function viewerOf(db: Db, userId: number): Promise<Viewer> {
  const u = await db
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return { user: u, memberships: await activeMemberships(db, userId) };
}

/** requireEntryAccess's answer: the view, or the status of the Response it throws. */
async function accessTo(db: Db, userId: number, entryId: number) {
  try {
    return (await requireEntryAccess(await viewerOf(db, userId), entryId)).as;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("organisation takeover through a committee invitation", () => {
  it("a committee member of another edition cannot bring a stranger into an organisation, its draft entry or its evidence", async () => {
    const { db, orgA, entryA, evidenceA } = await setup();
    expect(entryA.status).toBe("draft");
    // Edition B: same province, so organisation A may be invited to it (with its members' consent).
    const b = await otherCommittee(db, "panitia.lain@b.test", { level: "provincial", region: "Kalimantan Timur" });
    expect(b.editionId).not.toBe(entryA.edition_id);

    const res = await call(
      organisationsPage.action as Handler,
      `/committee/${b.editionId}/organisations`,
      { editionId: String(b.editionId) },
      {
        userId: b.userId,
        form: { intent: "invite", categoryId: String(b.categoryId), organisationId: String(orgA), email: "" },
      },
    );
    expect(statusOf(res)).toBeLessThan(500);
    // Whatever link the committee got back, the stranger uses it to create an account.
    const link = (dataOf(res)?.invited as { link?: string } | undefined)?.link;
    if (link) {
      const token = link.split("/invite/")[1];
      await call(
        invitePage.action as Handler,
        `/invite/${token}`,
        { token },
        {
          form: {
            intent: "new",
            name: "Orang Asing",
            email: "asing@evil.test",
            password: "rahasia-asing-2024",
            password2: "rahasia-asing-2024",
          },
        },
      );
    }
    const stranger =
      (await db.selectFrom("users").select("id").where("email", "=", "asing@evil.test").executeTakeFirst())?.id ??
      (await createUser(db, { email: "asing@evil.test", name: "Orang Asing", passwordHash: null }));

    // No membership of organisation A, no access to its edition-A draft or to its evidence.
    const memberships = await db
      .selectFrom("memberships")
      .select("organisation_id")
      .where("user_id", "=", stranger)
      .execute();
    expect(memberships.map((m) => m.organisation_id)).not.toContain(orgA);
    expect(await accessTo(db, stranger, entryA.id)).toBe(404);
    expect(await accessTo(db, stranger, evidenceA.entry_id)).toBe(404);
    // Nor for the committee member who sent the invitation.
    expect(await accessTo(db, b.userId, entryA.id)).toBe(404);
    // No link for organisation A exists that anyone could pass on.
    const links = await db
      .selectFrom("invitations")
      .select("id")
      .where("organisation_id", "=", orgA)
      .where("kind", "=", "organisation")
      .execute();
    expect(links).toEqual([]);
    expect(link).toBeUndefined();
  });

  it("an organisation outside the edition's region and level chain is neither offered nor accepted by the server", async () => {
    const { db, orgA } = await setup();
    // Edition C: another province, where organisation A never took part.
    const c = await otherCommittee(db, "panitia@papua.test", { level: "provincial", region: "Papua" });
    const page = dataOf(
      await call(
        organisationsPage.loader as Handler,
        `/committee/${c.editionId}/organisations`,
        { editionId: String(c.editionId) },
        { userId: c.userId },
      ),
    );
    expect((page?.known as { id: number }[]).map((o) => o.id)).not.toContain(orgA);

    const res = await call(
      organisationsPage.action as Handler,
      `/committee/${c.editionId}/organisations`,
      { editionId: String(c.editionId) },
      {
        userId: c.userId,
        form: { intent: "invite", categoryId: String(c.categoryId), organisationId: String(orgA), email: "" },
      },
    );
    expect(statusOf(res)).toBe(400);
    expect((dataOf(res)?.errors as Record<string, string>).organisationId).toBeTruthy();
    expect(await db.selectFrom("invitations").select("id").where("edition_id", "=", c.editionId).execute()).toEqual([]);
  });
});

describe("inviting a known organisation: its members consent", () => {
  it("a member accepts and the entry is created in the new edition; a non-member cannot accept, and nobody joins the organisation", async () => {
    const { db, memberA, memberB, orgA } = await setup();
    const b = await otherCommittee(db, "panitia.2024@kaltim.test", { level: "provincial", region: "Kalimantan Timur" });
    const membersBefore = await db
      .selectFrom("memberships")
      .select(["user_id", "active"])
      .where("organisation_id", "=", orgA)
      .orderBy("id")
      .execute();
    const sent = await call(
      organisationsPage.action as Handler,
      `/committee/${b.editionId}/organisations`,
      { editionId: String(b.editionId) },
      {
        userId: b.userId,
        form: { intent: "invite", categoryId: String(b.categoryId), organisationId: String(orgA), email: "" },
      },
    );
    expect(sent).toBeInstanceOf(Response);
    expect((sent as Response).headers.get("Location")).toBe(`/committee/${b.editionId}/organisations`);
    const invitation = await db
      .selectFrom("organisation_invitations")
      .selectAll()
      .where("edition_id", "=", b.editionId)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ organisation_id: orgA, category_id: b.categoryId, status: "open" });
    const answer = (userId: number, intent = "accept") =>
      call(
        portalHome.action as Handler,
        "/portal",
        {},
        { userId, form: { intent, invitationId: String(invitation.id) } },
      );
    const portalOf = async (userId: number) =>
      (dataOf(await call(portalHome.loader as Handler, "/portal", {}, { userId }))?.invitations ?? []) as {
        id: number;
        edition: string;
        category: string;
      }[];

    // Organisation B's member neither sees it nor can answer it; the committee member is no entrant.
    expect(await portalOf(memberB)).toEqual([]);
    expect(statusOf(await answer(memberB))).toBe(404);
    expect(statusOf(await answer(b.userId))).toBe(403);
    const stranger = await createUser(db, { email: "asing@evil.test", name: "Orang Asing", passwordHash: null });
    expect(
      await answerOrganisationInvitation(db, { invitationId: invitation.id, userId: stranger, accept: true }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await db.selectFrom("entries").select("id").where("edition_id", "=", b.editionId).execute()).toEqual([]);

    // Organisation A's member sees "Undangan ke <edition>, <category>" and accepts.
    expect(await portalOf(memberA)).toEqual([
      expect.objectContaining({ id: invitation.id, edition: "Edisi Kalimantan Timur provincial", category: "large" }),
    ]);
    const accepted = await answer(memberA);
    const entry = await db
      .selectFrom("entries")
      .selectAll()
      .where("edition_id", "=", b.editionId)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ organisation_id: orgA, category_id: b.categoryId, status: "draft" });
    expect((accepted as Response).headers.get("Location")).toBe(`/portal/entries/${entry.id}`);
    expect(await accessTo(db, memberA, entry.id)).toBe("owner");
    expect(await portalOf(memberA)).toEqual([]);
    // Answered once: a second answer changes nothing.
    expect(((await answer(memberA, "decline")) as Response).headers.get("Location")).toBe("/portal");
    expect(
      await db
        .selectFrom("organisation_invitations")
        .select(["status", "answered_by"])
        .where("id", "=", invitation.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "accepted", answered_by: memberA });
    expect(
      await db
        .selectFrom("memberships")
        .select(["user_id", "active"])
        .where("organisation_id", "=", orgA)
        .orderBy("id")
        .execute(),
    ).toEqual(membersBefore);

    const log = await db
      .selectFrom("audit_log")
      .select(["action", "user_id", "edition_id", "entry_id"])
      .where("subject", "=", `organisation_invitation:${invitation.id}`)
      .orderBy("id")
      .execute();
    expect(log).toEqual([
      { action: "invitation.create", user_id: b.userId, edition_id: b.editionId, entry_id: null },
      { action: "invitation.accept", user_id: memberA, edition_id: b.editionId, entry_id: entry.id },
    ]);
  });

  it("links issued for a known organisation before the fix stop working; unused ones become invitations its members answer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "paritrana-org-links-"));
    const db = await createDb(`file:${join(dir, "old.sqlite")}`);
    try {
      // The database as it was before migration 0003, with the demo and a second edition.
      const before = {
        "2026-11-24-0001-initial": m0001,
        "2026-11-25-0002-panel-view-sign-off-publication-events": m0002,
      };
      expect(
        (await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()).error,
      ).toBeUndefined();
      // The demo seed also writes the certificate signatories of migration 0005, raises the
      // categories' data version of 0006, links and nominates across levels (0009) and writes its
      // messages to the outbox (0010), which asks whether an account was anonymised (0008), and
      // publishes through a scoring input that reads the plenary's decisions (0011): all are lent
      // for the seed and taken away again, so that the data is as old as the schema.
      await m0005.up(db);
      await m0006.up(db);
      await m0008.up(db);
      await m0009.up(db);
      await m0010.up(db);
      await m0011.up(db);
      await seedDemo(db);
      await m0011.down(db);
      await m0010.down(db);
      await m0009.down(db);
      await m0008.down(db);
      await m0006.down(db);
      await m0005.down(db);
      const committee = (
        await db
          .selectFrom("users")
          .select("id")
          .where("email", "=", "panitia@paritrana.test")
          .executeTakeFirstOrThrow()
      ).id;
      const demo = (await db.selectFrom("editions").select("id").executeTakeFirstOrThrow()).id;
      const next = await createEdition(db, {
        name: "Paritrana Award 2024",
        year: 2024,
        level: "provincial",
        region: "Kalimantan Timur",
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
        registrationDeadline: null,
        deadlines: { desk: null, verification: null, interview: null },
        categories: ["large"],
        places: 3,
        userId: committee,
      });
      const categoryOf = async (edition: number) =>
        (
          await db
            .selectFrom("categories")
            .select("id")
            .where("edition_id", "=", edition)
            .where("key", "=", "large")
            .executeTakeFirstOrThrow()
        ).id;
      const [orgA, orgB] = await Promise.all(
        ["PT Mahakam Energi Lestari", "PT Borneo Sawit Nusantara"].map(
          async (name) =>
            (await db.selectFrom("organisations").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id,
        ),
      );
      const future = "2999-01-01T00:00:00.000Z";
      const link = async (
        token: string,
        edition: number,
        organisationId: number | null,
        extra: { expires_at?: string; used_at?: string } = {},
      ) => {
        await db
          .insertInto("invitations")
          .values({
            token_hash: hashToken(token),
            kind: "organisation",
            email: null,
            edition_id: edition,
            category_id: await categoryOf(edition),
            organisation_id: organisationId,
            expires_at: future,
            created_by: committee,
            ...extra,
          })
          .execute();
      };
      await link("known-a", next, orgA);
      await link("known-a-again", next, orgA);
      await link("known-a-entered", demo, orgA); // A already has an entry in the demo edition
      await link("known-b-expired", next, orgB, { expires_at: "2020-01-01T00:00:00.000Z" });
      await link("known-b-used", next, orgB, { used_at: "2023-06-01T00:00:00.000Z" });
      await link("new-organisation", next, null);

      await migrateToLatest(db);
      const invitations = await db
        .selectFrom("organisation_invitations")
        .select(["edition_id", "organisation_id", "category_id", "status", "created_by"])
        .execute();
      expect(invitations).toEqual([
        {
          edition_id: next,
          organisation_id: orgA,
          category_id: await categoryOf(next),
          status: "open",
          created_by: committee,
        },
      ]);
      for (const token of ["known-a", "known-a-again", "known-a-entered", "known-b-expired", "known-b-used"]) {
        expect((await findInvitation(db, token)).state, token).toBe("unknown");
      }
      expect(
        await acceptInvitation(db, {
          token: "known-a",
          user: { name: "Orang Asing", email: "asing@evil.test", passwordHash: "x" },
        }),
      ).toEqual({ ok: false, reason: "unknown" });
      expect((await findInvitation(db, "new-organisation")).state).toBe("valid");
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
