import { describe, expect, it } from "vitest";
import {
  acceptInvitation, approveRegistration, createInvitation, findInvitation, hashToken, listPendingRegistrations,
  organisationMembers, organisationsWithoutEntry, registerOrganisation, rejectionReason, rejectRegistration,
} from "../../db/queries/invitations";
import { createEdition } from "../../db/queries/committee";
import { freshDb } from "./support";

async function demo() {
  const { db } = await freshDb({ seed: true });
  const edition = await db.selectFrom("editions").selectAll().executeTakeFirstOrThrow();
  const large = await db.selectFrom("categories").selectAll().where("key", "=", "large").executeTakeFirstOrThrow();
  const committee = await db.selectFrom("users").select("id").where("email", "=", "panitia@paritrana.test").executeTakeFirstOrThrow();
  const orgA = await db
    .selectFrom("memberships as m").innerJoin("users as u", "u.id", "m.user_id")
    .select("m.organisation_id").where("u.email", "=", "peserta@mahakam-energi.paritrana.test").executeTakeFirstOrThrow();
  return { db, edition, large, committeeId: committee.id, orgA: orgA.organisation_id! };
}

describe("invitations", () => {
  it("stores only the token's SHA-256, expires, and can be used once", async () => {
    const { db, edition, large, committeeId } = await demo();
    const now = new Date("2024-01-10T00:00:00Z");
    const inv = await createInvitation(db, { kind: "organisation", editionId: edition.id, categoryId: large.id, email: "hr@pt-baru.test", createdBy: committeeId, now });
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(inv.expiresAt).toBe("2024-01-24T00:00:00.000Z");
    const row = await db.selectFrom("invitations").selectAll().where("id", "=", inv.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(inv.token));
    expect(JSON.stringify(row)).not.toContain(inv.token);

    expect((await findInvitation(db, inv.token, now)).state).toBe("valid");
    expect((await findInvitation(db, inv.token, new Date("2024-01-25T00:00:00Z"))).state).toBe("expired");
    expect((await findInvitation(db, "no-such-token", now)).state).toBe("unknown");

    const user = { name: "Budi", email: "other@pt-baru.test", passwordHash: "x" };
    const organisation = { name: "PT Baru Jaya", kind: "company" as const, region: "Kota Samarinda", npp: "NPP1", nib: "NIB1", size: "large" as const };
    expect(await acceptInvitation(db, { token: inv.token, user, organisation, now })).toEqual({ ok: false, reason: "email_mismatch" });
    expect(await acceptInvitation(db, { token: inv.token, user: { ...user, email: "hr@pt-baru.test" }, now })).toEqual({ ok: false, reason: "organisation_required" });

    const ok = await acceptInvitation(db, { token: inv.token, user: { ...user, email: "HR@pt-baru.test" }, organisation, now });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const entry = await db.selectFrom("entries").selectAll().where("id", "=", ok.entryId!).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ status: "draft", category_id: large.id, organisation_id: ok.organisationId });
    const m = await db.selectFrom("memberships").selectAll().where("user_id", "=", ok.userId).execute();
    expect(m).toEqual([expect.objectContaining({ role: "entrant", organisation_id: ok.organisationId })]);

    expect(await acceptInvitation(db, { token: inv.token, user: { ...user, email: "again@pt-baru.test" }, organisation, now })).toEqual({ ok: false, reason: "used" });
    const expired = await createInvitation(db, { kind: "member", organisationId: ok.organisationId!, now: new Date("2023-01-01T00:00:00Z") });
    expect(await acceptInvitation(db, { token: expired.token, user: { ...user, email: "late@pt-baru.test" }, now })).toEqual({ ok: false, reason: "expired" });
  });

  it("member invitations join the colleague to that organisation only", async () => {
    const { db, orgA } = await demo();
    const inv = await createInvitation(db, { kind: "member", organisationId: orgA });
    expect((await organisationMembers(db, orgA)).invitations.map((i) => i.id)).toContain(inv.id);
    const res = await acceptInvitation(db, { token: inv.token, user: { name: "Rekan", email: "rekan@mahakam.test", passwordHash: "x" } });
    expect(res).toMatchObject({ ok: true, organisationId: orgA, entryId: null });
    const { members, invitations } = await organisationMembers(db, orgA);
    expect(members.map((m) => m.email)).toContain("rekan@mahakam.test");
    expect(invitations.map((i) => i.id)).not.toContain(inv.id);
    // An email that already has an account is not taken over.
    const again = await createInvitation(db, { kind: "member", organisationId: orgA });
    expect(await acceptInvitation(db, { token: again.token, user: { name: "X", email: "panitia@paritrana.test", passwordHash: "x" } })).toEqual({ ok: false, reason: "email_taken" });
  });

  it("self-registration: open until the deadline, pending until the committee decides", async () => {
    const { db, edition, large, committeeId } = await demo();
    const org = { name: "PT Daftar Sendiri", kind: "company" as const, region: "Kota Bontang", npp: "NPP-777", nib: "912-777", size: "large" as const };
    const user = { name: "Sari", email: "sari@daftar.test", passwordHash: "x" };
    const late = new Date(Date.parse(edition.registration_deadline!) + 1000);
    expect(await registerOrganisation(db, { editionId: edition.id, categoryId: large.id, organisation: org, user, now: late })).toEqual({ ok: false, reason: "closed" });
    expect(await registerOrganisation(db, { editionId: edition.id, categoryId: large.id, organisation: { ...org, kind: "city" }, user })).toEqual({ ok: false, reason: "kind" });
    const res = await registerOrganisation(db, { editionId: edition.id, categoryId: large.id, organisation: org, user });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(await registerOrganisation(db, { editionId: edition.id, categoryId: large.id, organisation: org, user: { ...user, email: "dup@daftar.test" } })).toEqual({ ok: false, reason: "duplicate" });

    const pending = await listPendingRegistrations(db, edition.id);
    expect(pending).toEqual([expect.objectContaining({ entryId: res.entryId, name: "PT Daftar Sendiri", npp: "NPP-777", category: "large", members: [{ name: "Sari", email: "sari@daftar.test" }] })]);

    expect(await rejectRegistration(db, res.entryId, committeeId, "  ")).toEqual({ ok: false, reason: "reason_required" });
    expect(await approveRegistration(db, res.entryId, committeeId)).toEqual({ ok: true });
    expect(await approveRegistration(db, res.entryId, committeeId)).toEqual({ ok: false, reason: "not_pending" });
    expect((await db.selectFrom("entries").select("status").where("id", "=", res.entryId).executeTakeFirstOrThrow()).status).toBe("draft");
    expect(await listPendingRegistrations(db, edition.id)).toEqual([]);

    const other = await registerOrganisation(db, { editionId: edition.id, categoryId: large.id, organisation: { ...org, name: "PT Daftar Lain", npp: "NPP-8", nib: "8" }, user: { ...user, email: "b@daftar.test" } });
    if (!other.ok) throw new Error("expected ok");
    expect(await rejectRegistration(db, other.entryId, committeeId, "Bukan perusahaan skala besar")).toEqual({ ok: true });
    expect(await rejectionReason(db, other.entryId)).toBe("Bukan perusahaan skala besar");
    const actions = await db.selectFrom("audit_log").select("action").where("entry_id", "in", [res.entryId, other.entryId]).execute();
    expect(actions.map((a) => a.action).sort()).toEqual(["entry.approve", "entry.register", "entry.register", "entry.reject"]);
  });

  it("assessor invitations give an edition membership; a signed-in user can accept for their own account", async () => {
    const { db, edition, large, committeeId, orgA } = await demo();
    const inv = await createInvitation(db, { kind: "assessor", editionId: edition.id, email: "ahli@univ.test", createdBy: committeeId });
    const res = await acceptInvitation(db, { token: inv.token, user: { name: "Dr. Ahli", email: "ahli@univ.test", passwordHash: "x" } });
    expect(res).toMatchObject({ ok: true, organisationId: null, entryId: null, created: true });
    if (!res.ok) return;
    const m = await db.selectFrom("memberships").selectAll().where("user_id", "=", res.userId).execute();
    expect(m).toEqual([expect.objectContaining({ role: "assessor", edition_id: edition.id, organisation_id: null })]);

    // An existing user (here the committee member) joins an organisation through a member link.
    const member = await createInvitation(db, { kind: "member", organisationId: orgA });
    expect(await acceptInvitation(db, { token: member.token, existingUserId: committeeId })).toMatchObject({ ok: true, created: false, organisationId: orgA });
    // An organisation invitation for an organisation that already has an entry in the edition is refused, and nothing is written.
    const again = await createInvitation(db, { kind: "organisation", editionId: edition.id, categoryId: large.id, organisationId: orgA });
    const users = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(await acceptInvitation(db, { token: again.token, user: { name: "X", email: "x@new.test", passwordHash: "x" } })).toEqual({ ok: false, reason: "already_entered" });
    expect(await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(users);
    expect((await findInvitation(db, again.token)).state).toBe("valid");
  });

  it("refuses a second entry of the same organisation, by NPP/NIB or by name and region, whichever way it comes in", async () => {
    const { db, edition, large, committeeId } = await demo();
    const existing = await db.selectFrom("organisations").select(["name", "region"]).where("kind", "=", "regency").executeTakeFirstOrThrow();
    const inv = await createInvitation(db, { kind: "organisation", editionId: edition.id, categoryId: large.id, createdBy: committeeId });
    const user = { name: "Rina", email: "rina@dup.test", passwordHash: "x" };
    // A government has no NPP/NIB: the same name in the same region (other case) is the same body.
    const twin = { name: existing.name.toUpperCase(), kind: "company" as const, region: existing.region, size: "large" as const };
    expect(await acceptInvitation(db, { token: inv.token, user, organisation: twin })).toEqual({ ok: false, reason: "duplicate" });
    expect((await findInvitation(db, inv.token)).state).toBe("valid");
    expect(await db.selectFrom("users").select("id").where("email", "=", user.email).executeTakeFirst()).toBeUndefined();
  });

  it("invites an organisation known from an earlier edition to a new one, without typing it again", async () => {
    const { db, edition, committeeId, orgA } = await demo();
    const next = await createEdition(db, {
      name: "Paritrana Award 2024", year: 2024, level: "provincial", region: "Kalimantan Timur", periodStart: "2024-01-01", periodEnd: "2024-12-31",
      registrationDeadline: null, deadlines: { desk: null, verification: null, interview: null }, categories: ["large"], places: 3, userId: committeeId,
    });
    // Every demo organisation has an entry in the demo edition; all of them may be invited to the new one.
    expect(await organisationsWithoutEntry(db, edition.id)).toEqual([]);
    const known = await organisationsWithoutEntry(db, next);
    expect(known.map((o) => o.id)).toContain(orgA);
    const large = await db.selectFrom("categories").selectAll().where("edition_id", "=", next).where("key", "=", "large").executeTakeFirstOrThrow();
    const inv = await createInvitation(db, { kind: "organisation", editionId: next, categoryId: large.id, organisationId: orgA, createdBy: committeeId });
    const member = await db
      .selectFrom("memberships as m").innerJoin("users as u", "u.id", "m.user_id")
      .select("u.id").where("m.organisation_id", "=", orgA).executeTakeFirstOrThrow();
    const res = await acceptInvitation(db, { token: inv.token, existingUserId: member.id });
    expect(res).toMatchObject({ ok: true, organisationId: orgA, created: false });
    const organisations = await db.selectFrom("organisations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(organisations.n)).toBe(42); // the demo's 42 organisations, none added
    expect((await organisationsWithoutEntry(db, next)).map((o) => o.id)).not.toContain(orgA);
  });
});
