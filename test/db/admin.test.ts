import { describe, expect, it } from "vitest";
import { editionCommittee, editionsWithCommittees, removeCommitteeMember } from "../../db/queries/committee-members";
import { createEdition } from "../../db/queries/editions";
import { anonymiseUser } from "../../db/queries/anonymise";
import { invitePanelMember, openInvitations } from "../../db/queries/people";
import { getSetting, getSettings, setSetting } from "../../db/queries/settings";
import { addMembership, createUser } from "../../db/queries/users";
import { mayCreateEditions } from "../../app/domain/edition-creation";
import { freshDb } from "./support";

// Issue 13, item 7: the administrator creates editions and appoints their committees; committee
// members create editions only when the administrator allows it (an installation setting).

describe("installation settings", () => {
  it("committee_may_create_editions is off until the administrator turns it on; each change is audited", async () => {
    const { db } = await freshDb();
    const admin = await createUser(db, { email: "admin@example.go.id", name: "Sekretariat", passwordHash: null });
    expect(await getSetting(db, "committee_may_create_editions")).toBe(false);
    expect(await setSetting(db, "committee_may_create_editions", false, { userId: admin })).toBe(false);
    expect(await setSetting(db, "committee_may_create_editions", true, { userId: admin })).toBe(true);
    expect(await getSetting(db, "committee_may_create_editions")).toBe(true);
    expect(await getSettings(db)).toEqual({ committee_may_create_editions: true });
    expect(await setSetting(db, "committee_may_create_editions", false, { userId: admin })).toBe(true);
    expect(await getSetting(db, "committee_may_create_editions")).toBe(false);
    const audits = await db.selectFrom("audit_log").selectAll().where("action", "=", "setting.change").execute();
    expect(audits.map((a) => [a.user_id, a.subject, a.before, a.after])).toEqual([
      [
        admin,
        "setting:committee_may_create_editions",
        '{"committee_may_create_editions":false}',
        '{"committee_may_create_editions":true}',
      ],
      [
        admin,
        "setting:committee_may_create_editions",
        '{"committee_may_create_editions":true}',
        '{"committee_may_create_editions":false}',
      ],
    ]);
  });

  it("a value of the wrong type (edited by hand) counts as the default", async () => {
    const { db } = await freshDb();
    await db
      .insertInto("settings")
      .values({ key: "committee_may_create_editions", value: '"yes"', updated_at: new Date().toISOString() })
      .execute();
    expect(await getSetting(db, "committee_may_create_editions")).toBe(false);
  });

  it("who may create editions: the administrator always, a committee member only when allowed", () => {
    expect(mayCreateEditions(["admin"], false)).toBe(true);
    expect(mayCreateEditions(["committee"], false)).toBe(false);
    expect(mayCreateEditions(["committee"], true)).toBe(true);
    expect(mayCreateEditions(["assessor", "juror", "entrant"], true)).toBe(false);
  });
});

const EDITION = {
  name: "Paritrana Award 2027",
  year: 2027,
  level: "national" as const,
  region: "Indonesia",
  periodStart: "2027-01-01",
  periodEnd: "2027-12-31",
  registrationDeadline: null,
  deadlines: { desk: null, verification: null, interview: null },
  categories: ["large" as const],
  places: 3,
};

describe("committees appointed by the administrator", () => {
  it("an edition made by the administrator has no committee until one is appointed; the last member stays", async () => {
    const { db } = await freshDb();
    const admin = await createUser(db, { email: "admin@example.go.id", name: "Sekretariat", passwordHash: null });
    await addMembership(db, { userId: admin, role: "admin" });
    const id = await createEdition(db, { ...EDITION, userId: admin, creatorJoinsCommittee: false });
    expect(await editionCommittee(db, id)).toEqual([]);
    expect((await editionsWithCommittees(db)).find((e) => e.id === id)?.committee).toEqual([]);

    // An existing account joins at once; an unknown e-mail gets a committee invitation.
    const siti = await createUser(db, { email: "siti@example.go.id", name: "Siti", passwordHash: null });
    const added = await invitePanelMember(db, {
      editionId: id,
      role: "committee",
      email: "SITI@example.go.id",
      createdBy: admin,
    });
    expect(added).toEqual({ kind: "added", userId: siti });
    const invited = await invitePanelMember(db, {
      editionId: id,
      role: "committee",
      email: "budi@example.go.id",
      createdBy: admin,
    });
    expect(invited.kind).toBe("invited");
    expect((await openInvitations(db, id, ["committee"])).map((i) => [i.kind, i.email])).toEqual([
      ["committee", "budi@example.go.id"],
    ]);
    const committee = await editionCommittee(db, id);
    expect(committee.map((m) => m.name)).toEqual(["Siti"]);
    expect((await editionsWithCommittees(db)).find((e) => e.id === id)?.committee).toEqual(["Siti"]);

    // The last member is not removed; with a second one, the first can be.
    const only = committee[0]!.membershipId;
    expect(await removeCommitteeMember(db, { editionId: id, membershipId: only, userId: admin })).toEqual({
      ok: false,
      reason: "last",
    });
    const rudi = await createUser(db, { email: "rudi@example.go.id", name: "Rudi", passwordHash: null });
    await invitePanelMember(db, { editionId: id, role: "committee", email: "rudi@example.go.id", createdBy: admin });
    expect(await removeCommitteeMember(db, { editionId: id, membershipId: only, userId: admin })).toEqual({
      ok: true,
      name: "Siti",
    });
    expect((await editionCommittee(db, id)).map((m) => m.userId)).toEqual([rudi]);
    // Another edition's membership id is not found here.
    expect(await removeCommitteeMember(db, { editionId: id + 1, membershipId: only, userId: admin })).toEqual({
      ok: false,
      reason: "not_found",
    });
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "user_id"])
      .where("edition_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "edition.create",
      "membership.add",
      "invitation.create",
      "membership.add",
      "membership.deactivate",
    ]);
    expect(audit.every((a) => a.user_id === admin)).toBe(true);
  });

  it("a committee member who creates an edition is its committee, as before", async () => {
    const { db } = await freshDb();
    const member = await createUser(db, { email: "panitia@example.go.id", name: "Panitia", passwordHash: null });
    const id = await createEdition(db, { ...EDITION, userId: member });
    expect((await editionCommittee(db, id)).map((m) => m.userId)).toEqual([member]);
  });
});

describe("the last administrator", () => {
  it("is never anonymised: the installation would have no way in; with a second one it may be", async () => {
    const { db } = await freshDb();
    const first = await createUser(db, { email: "admin1@example.go.id", name: "Sekretariat Satu", passwordHash: null });
    await addMembership(db, { userId: first, role: "admin" });
    expect(await anonymiseUser(db, { userId: first, byUserId: first })).toEqual({ ok: false, reason: "last_admin" });
    const second = await createUser(db, { email: "admin2@example.go.id", name: "Sekretariat Dua", passwordHash: null });
    await addMembership(db, { userId: second, role: "admin" });
    expect(await anonymiseUser(db, { userId: first, byUserId: second })).toMatchObject({ ok: true });
    expect(await anonymiseUser(db, { userId: second, byUserId: second })).toEqual({ ok: false, reason: "last_admin" });
  });
});
