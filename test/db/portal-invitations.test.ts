import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acceptInvitation, createInvitation, findInvitation, hashToken } from "../../db/queries/invitations";
import { organisationMembers } from "../../db/queries/members";
import {
  approveRegistration,
  editionsOpenForRegistration,
  listPendingRegistrations,
  registerOrganisation,
  rejectRegistration,
} from "../../db/queries/registrations";
import {
  answerOrganisationInvitation,
  inChain,
  invitableOrganisations,
  inviteOrganisation,
  openInvitationsFor,
} from "../../db/queries/organisation-invitations";
import { createEdition } from "../../db/queries/editions";
import { portalEntry } from "../../db/queries/figures";
import { createDb, type Db } from "../../db/client";
import { freshDb } from "./support";
import { EXPECTED_REJECTION_REASONS, rejectionReasonsAfterMigration } from "./rejection-reason-migration";

async function demo() {
  const { db } = await freshDb({ seed: true });
  const edition = await db.selectFrom("editions").selectAll().executeTakeFirstOrThrow();
  const large = await db.selectFrom("categories").selectAll().where("key", "=", "large").executeTakeFirstOrThrow();
  const committee = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  const orgA = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("m.organisation_id")
    .where("u.email", "=", "peserta@mahakam-energi.paritrana.test")
    .executeTakeFirstOrThrow();
  return { db, edition, large, committeeId: committee.id, orgA: orgA.organisation_id! };
}

describe("invitations", () => {
  it("stores only the token's SHA-256, expires, and can be used once", async () => {
    const { db, edition, large, committeeId } = await demo();
    const now = new Date("2024-01-10T00:00:00Z");
    const inv = await createInvitation(db, {
      kind: "organisation",
      editionId: edition.id,
      categoryId: large.id,
      email: "hr@pt-baru.test",
      createdBy: committeeId,
      now,
    });
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(inv.expiresAt).toBe("2024-01-24T16:59:59.999Z"); // the end of the 14th day in WIB
    const row = await db.selectFrom("invitations").selectAll().where("id", "=", inv.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(inv.token));
    expect(JSON.stringify(row)).not.toContain(inv.token);

    expect((await findInvitation(db, inv.token, now)).state).toBe("valid");
    expect((await findInvitation(db, inv.token, new Date("2024-01-24T23:59:00+07:00"))).state).toBe("valid");
    expect((await findInvitation(db, inv.token, new Date("2024-01-25T00:00:00+07:00"))).state).toBe("expired");
    expect((await findInvitation(db, "no-such-token", now)).state).toBe("unknown");

    const user = { name: "Budi", email: "other@pt-baru.test", passwordHash: "x" };
    const organisation = {
      name: "PT Baru Jaya",
      kind: "company" as const,
      region: "Kota Samarinda",
      npp: "NPP1",
      nib: "NIB1",
      size: "large" as const,
    };
    expect(await acceptInvitation(db, { token: inv.token, user, organisation, now })).toEqual({
      ok: false,
      reason: "email_mismatch",
    });
    expect(await acceptInvitation(db, { token: inv.token, user: { ...user, email: "hr@pt-baru.test" }, now })).toEqual({
      ok: false,
      reason: "organisation_required",
    });

    const ok = await acceptInvitation(db, {
      token: inv.token,
      user: { ...user, email: "HR@pt-baru.test" },
      organisation,
      now,
    });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const entry = await db.selectFrom("entries").selectAll().where("id", "=", ok.entryId!).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ status: "draft", category_id: large.id, organisation_id: ok.organisationId });
    const m = await db.selectFrom("memberships").selectAll().where("user_id", "=", ok.userId).execute();
    expect(m).toEqual([expect.objectContaining({ role: "entrant", organisation_id: ok.organisationId })]);

    expect(
      await acceptInvitation(db, {
        token: inv.token,
        user: { ...user, email: "again@pt-baru.test" },
        organisation,
        now,
      }),
    ).toEqual({ ok: false, reason: "used" });
    const expired = await createInvitation(db, {
      kind: "member",
      organisationId: ok.organisationId!,
      now: new Date("2023-01-01T00:00:00Z"),
    });
    expect(
      await acceptInvitation(db, { token: expired.token, user: { ...user, email: "late@pt-baru.test" }, now }),
    ).toEqual({ ok: false, reason: "expired" });
  });

  it("member invitations join the colleague to that organisation only", async () => {
    const { db, orgA } = await demo();
    const inv = await createInvitation(db, { kind: "member", organisationId: orgA });
    expect((await organisationMembers(db, orgA)).invitations.map((i) => i.id)).toContain(inv.id);
    const res = await acceptInvitation(db, {
      token: inv.token,
      user: { name: "Rekan", email: "rekan@mahakam.test", passwordHash: "x" },
    });
    expect(res).toMatchObject({ ok: true, organisationId: orgA, entryId: null });
    const { members, invitations } = await organisationMembers(db, orgA);
    expect(members.map((m) => m.email)).toContain("rekan@mahakam.test");
    expect(invitations.map((i) => i.id)).not.toContain(inv.id);
    // An email that already has an account is not taken over.
    const again = await createInvitation(db, { kind: "member", organisationId: orgA });
    expect(
      await acceptInvitation(db, {
        token: again.token,
        user: { name: "X", email: "panitia@paritrana.test", passwordHash: "x" },
      }),
    ).toEqual({ ok: false, reason: "email_taken" });
  });

  it("self-registration: open until the deadline, pending until the committee decides", async () => {
    const { db, edition, large, committeeId } = await demo();
    const org = {
      name: "PT Daftar Sendiri",
      kind: "company" as const,
      region: "Kota Bontang",
      npp: "NPP-777",
      nib: "912-777",
      size: "large" as const,
    };
    const user = { name: "Sari", email: "sari@daftar.test", passwordHash: "x" };
    const late = new Date(Date.parse(edition.registration_deadline!) + 1000);
    expect(
      await registerOrganisation(db, {
        editionId: edition.id,
        categoryId: large.id,
        organisation: org,
        user,
        now: late,
      }),
    ).toEqual({ ok: false, reason: "closed" });
    expect(
      await registerOrganisation(db, {
        editionId: edition.id,
        categoryId: large.id,
        organisation: { ...org, kind: "city" },
        user,
      }),
    ).toEqual({ ok: false, reason: "kind" });
    const res = await registerOrganisation(db, {
      editionId: edition.id,
      categoryId: large.id,
      organisation: org,
      user,
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(
      await registerOrganisation(db, {
        editionId: edition.id,
        categoryId: large.id,
        organisation: org,
        user: { ...user, email: "dup@daftar.test" },
      }),
    ).toEqual({ ok: false, reason: "duplicate" });

    const pending = await listPendingRegistrations(db, edition.id);
    expect(pending).toEqual([
      expect.objectContaining({
        entryId: res.entryId,
        name: "PT Daftar Sendiri",
        npp: "NPP-777",
        category: "large",
        members: [{ name: "Sari", email: "sari@daftar.test" }],
      }),
    ]);

    expect(await rejectRegistration(db, res.entryId, committeeId, "  ")).toEqual({
      ok: false,
      reason: "reason_required",
    });
    expect(await approveRegistration(db, res.entryId, committeeId)).toEqual({ ok: true });
    expect(await approveRegistration(db, res.entryId, committeeId)).toEqual({ ok: false, reason: "not_pending" });
    expect(
      await db
        .selectFrom("entries")
        .select(["status", "rejection_reason"])
        .where("id", "=", res.entryId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "draft", rejection_reason: null });
    expect(await listPendingRegistrations(db, edition.id)).toEqual([]);

    const other = await registerOrganisation(db, {
      editionId: edition.id,
      categoryId: large.id,
      organisation: { ...org, name: "PT Daftar Lain", npp: "NPP-8", nib: "8" },
      user: { ...user, email: "b@daftar.test" },
    });
    if (!other.ok) throw new Error("expected ok");
    expect(await rejectRegistration(db, other.entryId, committeeId, "Bukan perusahaan skala besar")).toEqual({
      ok: true,
    });
    // The reason is kept on the entry, where the organisation's status page reads it.
    expect(await portalEntry(db, other.entryId)).toMatchObject({
      status: "rejected",
      rejection_reason: "Bukan perusahaan skala besar",
    });
    const actions = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entry_id", "in", [res.entryId, other.entryId])
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      "entry.approve",
      "entry.register",
      "entry.register",
      "entry.reject",
    ]);
  });

  it("a registration deadline kept as a day (older rows) closes at the end of that day in WIB", async () => {
    const { db, edition } = await demo();
    await db
      .updateTable("editions")
      .set({ registration_deadline: "2024-03-31" })
      .where("id", "=", edition.id)
      .execute();
    const open = async (at: string) =>
      (await editionsOpenForRegistration(db, new Date(at))).some((e) => e.id === edition.id);
    expect(await open("2024-03-31T23:59:00+07:00")).toBe(true);
    expect(await open("2024-04-01T00:00:00+07:00")).toBe(false);
  });

  it("assessor invitations give an edition membership; a signed-in user can accept for their own account", async () => {
    const { db, edition, large, committeeId, orgA } = await demo();
    const inv = await createInvitation(db, {
      kind: "assessor",
      editionId: edition.id,
      email: "ahli@univ.test",
      createdBy: committeeId,
    });
    const res = await acceptInvitation(db, {
      token: inv.token,
      user: { name: "Dr. Ahli", email: "ahli@univ.test", passwordHash: "x" },
    });
    expect(res).toMatchObject({ ok: true, organisationId: null, entryId: null, created: true });
    if (!res.ok) return;
    const m = await db.selectFrom("memberships").selectAll().where("user_id", "=", res.userId).execute();
    expect(m).toEqual([expect.objectContaining({ role: "assessor", edition_id: edition.id, organisation_id: null })]);

    // An existing user (here the committee member) joins an organisation through a member link.
    const member = await createInvitation(db, { kind: "member", organisationId: orgA });
    expect(await acceptInvitation(db, { token: member.token, existingUserId: committeeId })).toMatchObject({
      ok: true,
      created: false,
      organisationId: orgA,
    });
    // A link never lets anyone into an existing organisation: its members are asked instead (inviteOrganisation).
    await expect(
      createInvitation(db, { kind: "organisation", editionId: edition.id, categoryId: large.id, organisationId: orgA }),
    ).rejects.toThrow(/never with a link/);
    expect(await db.selectFrom("invitations").select("id").where("kind", "=", "organisation").execute()).toEqual([]);
  });

  it("refuses a second entry of the same organisation, by NPP/NIB or by name and region, whichever way it comes in", async () => {
    const { db, edition, large, committeeId } = await demo();
    const existing = await db
      .selectFrom("organisations")
      .select(["name", "region"])
      .where("kind", "=", "regency")
      .executeTakeFirstOrThrow();
    const inv = await createInvitation(db, {
      kind: "organisation",
      editionId: edition.id,
      categoryId: large.id,
      createdBy: committeeId,
    });
    const user = { name: "Rina", email: "rina@dup.test", passwordHash: "x" };
    // A government has no NPP/NIB: the same name in the same region (other case) is the same body.
    const twin = {
      name: existing.name.toUpperCase(),
      kind: "company" as const,
      region: existing.region,
      size: "large" as const,
    };
    expect(await acceptInvitation(db, { token: inv.token, user, organisation: twin })).toEqual({
      ok: false,
      reason: "duplicate",
    });
    expect((await findInvitation(db, inv.token)).state).toBe("valid");
    expect(
      await db.selectFrom("users").select("id").where("email", "=", user.email).executeTakeFirst(),
    ).toBeUndefined();
  });

  it("offers the organisations of the edition's region and level chain, and refuses any other", async () => {
    const { db, edition, committeeId, orgA } = await demo();
    const ids = async (editionId: number) => (await invitableOrganisations(db, editionId)).map((o) => o.id);
    const kaltim2024 = await newEdition(db, committeeId, "provincial", "kalimantan timur ");
    const kaltara = await newEdition(db, committeeId, "provincial", "Kalimantan Utara");
    const national = await newEdition(db, committeeId, "national", "Indonesia");
    // Every demo organisation of Kalimantan Timur has an entry in the demo edition (none left to
    // invite there); all 42 took part in it, so a later edition of that province offers them. A
    // national edition offers every demo organisation: all took part in an edition of 2023.
    expect(await ids(edition.id)).toEqual([]);
    expect(await ids(kaltim2024)).toHaveLength(42);
    expect(await ids(kaltim2024)).toContain(orgA);
    const organisations = await db.selectFrom("organisations").select("id").execute();
    expect(await ids(national)).toHaveLength(organisations.length);
    expect(await ids(national)).toContain(orgA);
    expect(await ids(kaltara)).toEqual([]);
    // A self-registration still pending (or rejected) is no taking part.
    const pending = await registerOrganisation(db, {
      editionId: edition.id,
      categoryId: await largeOf(db, edition.id),
      user: { name: "Sari", email: "sari@daftar.test", passwordHash: "x" },
      organisation: {
        name: "PT Daftar Sendiri",
        kind: "company",
        region: "Kota Bontang",
        npp: "NPP-777",
        nib: "912-777",
        size: "large",
      },
    });
    if (!pending.ok) throw new Error("expected ok");
    expect(await ids(kaltim2024)).not.toContain(pending.organisationId);
    // A national entrant from Kalimantan Utara (its own region says so) belongs to that province's chain.
    const tarakan = (
      await db
        .insertInto("organisations")
        .values({
          name: "PT Tarakan Samudra",
          kind: "company",
          region: "Kota Tarakan, Kalimantan Utara",
          npp: "N-1",
          nib: "1",
          size: "large",
          sector: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto("entries")
      .values({
        edition_id: national,
        category_id: await largeOf(db, national),
        organisation_id: tarakan,
        status: "submitted",
      })
      .execute();
    expect(await ids(kaltara)).toEqual([tarakan]);
    expect(await ids(kaltim2024)).not.toContain(tarakan);
    expect(
      inChain(
        { level: "provincial", region: "Kalimantan Utara" },
        { level: "national", region: "Indonesia" },
        "Kalimantan Utara",
      ),
    ).toBe(true);
    expect(
      inChain(
        { level: "provincial", region: "Kalimantan Utara" },
        { level: "national", region: "Indonesia" },
        "Kota Kalimantan Utara Baru",
      ),
    ).toBe(false);

    // The server refuses what it does not offer, a category of another edition and a kind that does not fit.
    const invite = (editionId: number, organisationId: number, categoryId: number) =>
      inviteOrganisation(db, { editionId, categoryId, organisationId, createdBy: committeeId });
    expect(await invite(kaltara, orgA, await largeOf(db, kaltara))).toEqual({ ok: false, reason: "not_invitable" });
    expect(await invite(edition.id, orgA, await largeOf(db, edition.id))).toEqual({
      ok: false,
      reason: "not_invitable",
    });
    expect(await invite(kaltim2024, orgA, await largeOf(db, kaltara))).toEqual({ ok: false, reason: "category" });
    const regency = (
      await db.selectFrom("organisations").select("id").where("kind", "=", "regency").executeTakeFirstOrThrow()
    ).id;
    expect(await invite(kaltim2024, regency, await largeOf(db, kaltim2024))).toEqual({ ok: false, reason: "kind" });
    expect(await db.selectFrom("organisation_invitations").select("id").execute()).toEqual([]);
  });

  it("invites a known organisation through its members: one declines, the committee asks again, one accepts", async () => {
    const { db, committeeId, orgA } = await demo();
    const next = await newEdition(db, committeeId, "provincial", "Kalimantan Timur");
    const large = await largeOf(db, next);
    const demoOrganisations = await db.selectFrom("organisations").select("id").execute();
    const members = await db.selectFrom("memberships").select("user_id").where("organisation_id", "=", orgA).execute();
    const member = members[0]!.user_id;
    const first = await inviteOrganisation(db, {
      editionId: next,
      categoryId: large,
      organisationId: orgA,
      createdBy: committeeId,
    });
    if (!first.ok) throw new Error("expected ok");
    expect(first.organisation).toBe("PT Mahakam Energi Lestari");
    expect(
      await inviteOrganisation(db, {
        editionId: next,
        categoryId: large,
        organisationId: orgA,
        createdBy: committeeId,
      }),
    ).toEqual({ ok: false, reason: "already_invited" });
    expect(await openInvitationsFor(db, [orgA])).toEqual([
      expect.objectContaining({
        id: first.id,
        organisation: "PT Mahakam Energi Lestari",
        edition: "Edisi Kalimantan Timur provincial",
        category: "large",
      }),
    ]);

    expect(await answerOrganisationInvitation(db, { invitationId: first.id, userId: member, accept: false })).toEqual({
      ok: true,
      entryId: null,
    });
    expect(await answerOrganisationInvitation(db, { invitationId: first.id, userId: member, accept: true })).toEqual({
      ok: false,
      reason: "answered",
    });
    expect(await openInvitationsFor(db, [orgA])).toEqual([]);
    expect(await db.selectFrom("entries").select("id").where("edition_id", "=", next).execute()).toEqual([]);

    const second = await inviteOrganisation(db, {
      editionId: next,
      categoryId: large,
      organisationId: orgA,
      createdBy: committeeId,
    });
    if (!second.ok) throw new Error("expected ok");
    // A deactivated member is no member.
    await db
      .updateTable("memberships")
      .set({ active: 0 })
      .where("user_id", "=", member)
      .where("organisation_id", "=", orgA)
      .execute();
    expect(await answerOrganisationInvitation(db, { invitationId: second.id, userId: member, accept: true })).toEqual({
      ok: false,
      reason: "not_found",
    });
    await db
      .updateTable("memberships")
      .set({ active: 1 })
      .where("user_id", "=", member)
      .where("organisation_id", "=", orgA)
      .execute();
    const accepted = await answerOrganisationInvitation(db, { invitationId: second.id, userId: member, accept: true });
    if (!accepted.ok) throw new Error("expected ok");
    expect(
      await db.selectFrom("entries").selectAll().where("id", "=", accepted.entryId!).executeTakeFirstOrThrow(),
    ).toMatchObject({ edition_id: next, category_id: large, organisation_id: orgA, status: "draft" });
    expect(await db.selectFrom("memberships").select("user_id").where("organisation_id", "=", orgA).execute()).toEqual(
      members,
    );
    expect(await invitableOrganisations(db, next).then((l) => l.map((o) => o.id))).not.toContain(orgA);
    const organisations = await db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(organisations.n)).toBe(demoOrganisations.length); // the demo's organisations, none added
    const log = await db
      .selectFrom("audit_log")
      .select(["action", "subject"])
      .where("edition_id", "=", next)
      .where("action", "like", "invitation.%")
      .orderBy("id")
      .execute();
    expect(log).toEqual([
      { action: "invitation.create", subject: `organisation_invitation:${first.id}` },
      { action: "invitation.decline", subject: `organisation_invitation:${first.id}` },
      { action: "invitation.create", subject: `organisation_invitation:${second.id}` },
      { action: "invitation.accept", subject: `organisation_invitation:${second.id}` },
    ]);
  });

  it("an invitation cannot be accepted once the edition's registration has closed (its draft could never be submitted)", async () => {
    const { db, committeeId, orgA } = await demo();
    const next = await newEdition(db, committeeId, "provincial", "Kalimantan Timur");
    await db
      .updateTable("editions")
      .set({ registration_deadline: "2024-03-31T16:59:59.999Z" })
      .where("id", "=", next)
      .execute();
    const member = (
      await db.selectFrom("memberships").select("user_id").where("organisation_id", "=", orgA).executeTakeFirstOrThrow()
    ).user_id;
    const inv = await inviteOrganisation(db, {
      editionId: next,
      categoryId: await largeOf(db, next),
      organisationId: orgA,
      createdBy: committeeId,
    });
    if (!inv.ok) throw new Error("expected ok");
    const before = new Date("2024-03-31T12:00:00Z");
    const after = new Date("2024-04-01T00:00:00Z");
    expect(
      await answerOrganisationInvitation(db, { invitationId: inv.id, userId: member, accept: true, now: after }),
    ).toEqual({ ok: false, reason: "closed" });
    expect(await db.selectFrom("entries").select("id").where("edition_id", "=", next).execute()).toEqual([]);
    // Declining stays possible, and before the deadline accepting works.
    const again = await answerOrganisationInvitation(db, {
      invitationId: inv.id,
      userId: member,
      accept: true,
      now: before,
    });
    expect(again.ok).toBe(true);
  });

  it("two invitations of one organisation sent at the same moment: one is made", async () => {
    const { db, committeeId, orgA } = await demo();
    const next = await newEdition(db, committeeId, "provincial", "Kalimantan Timur");
    const categoryId = await largeOf(db, next);
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        inviteOrganisation(db, { editionId: next, categoryId, organisationId: orgA, createdBy: committeeId }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(
      await db.selectFrom("organisation_invitations").select("id").where("edition_id", "=", next).execute(),
    ).toHaveLength(1);
    // The index itself refuses a second open one, whoever writes it.
    await expect(
      db
        .insertInto("organisation_invitations")
        .values({
          edition_id: next,
          category_id: categoryId,
          organisation_id: orgA,
          created_by: committeeId,
          created_at: new Date().toISOString(),
        })
        .execute(),
    ).rejects.toThrow();
  });
});

async function newEdition(db: Db, userId: number, level: "provincial" | "national", region: string) {
  return createEdition(db, {
    name: `Edisi ${region.trim()} ${level}`,
    year: 2024,
    level,
    region,
    periodStart: "2024-01-01",
    periodEnd: "2024-12-31",
    registrationDeadline: null,
    deadlines: { desk: null, verification: null, interview: null },
    categories: ["large"],
    places: 3,
    userId,
  });
}

async function largeOf(db: Db, editionId: number) {
  return (
    await db
      .selectFrom("categories")
      .select("id")
      .where("edition_id", "=", editionId)
      .where("key", "=", "large")
      .executeTakeFirstOrThrow()
  ).id;
}

describe("migration 0004", () => {
  it("moves each rejected registration's reason from the audit log onto its entry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "paritrana-0004-"));
    const db = await createDb(`file:${join(dir, "old.sqlite")}`);
    try {
      expect(await rejectionReasonsAfterMigration(db)).toEqual(EXPECTED_REJECTION_REASONS);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
