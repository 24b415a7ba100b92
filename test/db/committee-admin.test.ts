import { describe, expect, it } from "vitest";
import { acceptInvitation } from "../../db/queries/invitations";
import { activeMemberships } from "../../db/queries/users";
import { editionPeople, invitePanelMember, openInvitations, setMembershipActive } from "../../db/queries/people";
import { progressAssignment, reopenEditionScoresheet, reopenEntry, stageProgress } from "../../db/queries/progress";
import { AUDIT_PAGE_SIZE, auditFilterOptions, auditLogPage } from "../../db/queries/audit-log";
import { freshDb } from "./support";

async function demo() {
  const { db } = await freshDb({ seed: true });
  const edition = await db.selectFrom("editions").selectAll().orderBy("id").executeTakeFirstOrThrow();
  const committee = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  return { db, editionId: edition.id, committeeId: committee.id };
}

describe("progress", () => {
  it("counts assigned, not started, draft and submitted per category, assessor and entry, matching the database", async () => {
    const { db, editionId } = await demo();
    const p = await stageProgress(db, editionId, "desk");
    const all = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select(["a.status"])
      .where("a.stage_key", "=", "desk")
      .where("e.edition_id", "=", editionId)
      .execute();
    const count = (s: string) => all.filter((a) => a.status === s).length;
    expect(p.total).toEqual({
      assigned: all.length,
      notStarted: count("not_started"),
      draft: count("draft"),
      submitted: count("submitted"),
      conflict: 0,
    });
    expect(p.total.submitted).toBeGreaterThan(0);
    expect(p.total.notStarted).toBeGreaterThan(0);
    // The three views sum to the same total, and every entry has three assessors (seed).
    for (const view of [p.categories, p.people]) {
      expect(view.reduce((s, c) => s + c.assigned, 0)).toBe(all.length);
      expect(view.reduce((s, c) => s + c.submitted, 0)).toBe(count("submitted"));
    }
    // The demo's entries fit on one page; every entry has three assessors (seed).
    expect(p.entries.total).toBe(all.length / 3);
    expect(p.entries.rows).toHaveLength(all.length / 3);
    for (const e of p.entries.rows) expect(e.sheets).toHaveLength(3);
    const penilai1 = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "penilai1@paritrana.test")
      .executeTakeFirstOrThrow();
    const mine = await db.selectFrom("assignments").select("status").where("user_id", "=", penilai1.id).execute();
    const person = p.people.find((x) => x.userId === penilai1.id)!;
    expect(person.assigned).toBe(mine.length);
    expect(person.notStarted).toBe(mine.filter((m) => m.status === "not_started").length);
    for (const other of [
      await stageProgress(db, editionId, "interview"),
      await stageProgress(db, editionId + 999, "desk"),
    ]) {
      expect(other.total.assigned + other.total.conflict).toBe(0);
      expect(other.entries).toMatchObject({ total: 0, rows: [], page: 1, pages: 1 });
    }
  });

  it("reopens a submitted scoresheet only with a reason and only within the edition, audited", async () => {
    const { db, editionId, committeeId } = await demo();
    const sheet = await db
      .selectFrom("assignments")
      .select(["id", "version", "entry_id"])
      .where("status", "=", "submitted")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    expect(
      await reopenEditionScoresheet(db, { editionId, assignmentId: sheet.id, userId: committeeId, reason: "   " }),
    ).toEqual({ ok: false, reason: "reason_required" });
    expect(
      await reopenEditionScoresheet(db, {
        editionId: editionId + 999,
        assignmentId: sheet.id,
        userId: committeeId,
        reason: "Salah ketik",
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await reopenEditionScoresheet(db, {
        editionId,
        assignmentId: 9_999_999,
        userId: committeeId,
        reason: "Salah ketik",
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect((await progressAssignment(db, editionId, sheet.id))!.status).toBe("submitted");

    const ok = await reopenEditionScoresheet(db, {
      editionId,
      assignmentId: sheet.id,
      userId: committeeId,
      reason: " Nilai kriteria 2 salah ketik ",
    });
    expect(ok).toEqual({ ok: true, version: sheet.version + 1 });
    const after = await db.selectFrom("assignments").selectAll().where("id", "=", sheet.id).executeTakeFirstOrThrow();
    expect(after.status).toBe("draft");
    expect(after.submitted_at).toBeNull();
    const log = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "scoresheet.reopen")
      .where("subject", "=", `assignment:${sheet.id}`)
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      user_id: committeeId,
      edition_id: editionId,
      entry_id: sheet.entry_id,
      reason: "Nilai kriteria 2 salah ketik",
    });
    // Again: it is no longer submitted.
    expect(
      await reopenEditionScoresheet(db, { editionId, assignmentId: sheet.id, userId: committeeId, reason: "x" }),
    ).toEqual({ ok: false, reason: "not_submitted" });
  });

  it("reopens a submitted entry to draft with its reason and version + 1, audited; refuses without a reason", async () => {
    const { db, editionId, committeeId } = await demo();
    const entry = await db
      .selectFrom("entries")
      .selectAll()
      .where("status", "=", "submitted")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const draft = await db
      .selectFrom("entries")
      .selectAll()
      .where("status", "=", "draft")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    expect(await reopenEntry(db, { editionId, entryId: entry.id, userId: committeeId, reason: "" })).toEqual({
      ok: false,
      reason: "reason_required",
    });
    expect(
      await reopenEntry(db, { editionId: editionId + 999, entryId: entry.id, userId: committeeId, reason: "x" }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await reopenEntry(db, { editionId, entryId: draft.id, userId: committeeId, reason: "x" })).toEqual({
      ok: false,
      reason: "not_submitted",
    });
    const unchanged = await db.selectFrom("entries").selectAll().where("id", "=", entry.id).executeTakeFirstOrThrow();
    expect(unchanged).toEqual(entry);

    expect(
      await reopenEntry(db, { editionId, entryId: entry.id, userId: committeeId, reason: "Bukti NPP tidak terbaca" }),
    ).toEqual({ ok: true, version: entry.version + 1 });
    const after = await db.selectFrom("entries").selectAll().where("id", "=", entry.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      status: "draft",
      reopened_reason: "Bukti NPP tidak terbaca",
      version: entry.version + 1,
      submitted_at: null,
    });
    const log = await db.selectFrom("audit_log").selectAll().where("action", "=", "entry.reopen").execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      entry_id: entry.id,
      edition_id: editionId,
      user_id: committeeId,
      reason: "Bukti NPP tidak terbaca",
    });
    expect(JSON.parse(log[0].after!)).toEqual({ status: "draft", version: entry.version + 1 });
  });
});

describe("people", () => {
  it("invites a new assessor with a one-time link; accepting it makes them an active assessor of the edition", async () => {
    const { db, editionId, committeeId } = await demo();
    const res = await invitePanelMember(db, {
      editionId,
      role: "assessor",
      name: "Sari Baru",
      email: " Sari@Penilai.test ",
      createdBy: committeeId,
    });
    if (res.kind !== "invited") throw new Error(`expected an invitation, got ${res.kind}`);
    expect((await openInvitations(db, editionId, ["assessor"])).map((i) => i.email)).toEqual(["sari@penilai.test"]);

    const accepted = await acceptInvitation(db, {
      token: res.token,
      user: { name: "Sari Baru", email: "sari@penilai.test", passwordHash: "h" },
    });
    if (!accepted.ok) throw new Error(accepted.reason);
    const memberships = await activeMemberships(db, accepted.userId);
    expect(memberships).toMatchObject([{ role: "assessor", edition_id: editionId, organisation_id: null }]);
    expect(await openInvitations(db, editionId, ["assessor"])).toEqual([]);
    const person = (await editionPeople(db, editionId)).find((p) => p.userId === accepted.userId)!;
    expect(person).toMatchObject({
      role: "assessor",
      active: true,
      assigned: 0,
      submitted: 0,
      email: "sari@penilai.test",
    });
    // Once only.
    expect(
      await acceptInvitation(db, {
        token: res.token,
        user: { name: "X", email: "sari@penilai.test", passwordHash: "h" },
      }),
    ).toEqual({ ok: false, reason: "used" });
  });

  it("invites a juror the same way, and adds an existing user's membership directly", async () => {
    const { db, editionId, committeeId } = await demo();
    const juror = await invitePanelMember(db, {
      editionId,
      role: "juror",
      name: "Juri Baru",
      email: "juri.baru@test",
      createdBy: committeeId,
    });
    if (juror.kind !== "invited") throw new Error(juror.kind);
    const ok = await acceptInvitation(db, {
      token: juror.token,
      user: { name: "Juri Baru", email: "juri.baru@test", passwordHash: "h" },
    });
    if (!ok.ok) throw new Error(ok.reason);
    expect(await activeMemberships(db, ok.userId)).toMatchObject([{ role: "juror", edition_id: editionId }]);

    // penilai1 is an assessor already; as a juror they are added directly, without a link.
    const penilai1 = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "penilai1@paritrana.test")
      .executeTakeFirstOrThrow();
    expect(
      await invitePanelMember(db, {
        editionId,
        role: "assessor",
        name: "x",
        email: "penilai1@paritrana.test",
        createdBy: committeeId,
      }),
    ).toEqual({ kind: "already", userId: penilai1.id });
    expect(
      await invitePanelMember(db, {
        editionId,
        role: "juror",
        name: "x",
        email: "PENILAI1@paritrana.test",
        createdBy: committeeId,
      }),
    ).toEqual({ kind: "added", userId: penilai1.id });
    expect((await activeMemberships(db, penilai1.id)).map((m) => m.role).sort()).toEqual(["assessor", "juror"]);
    expect(
      await db.selectFrom("audit_log").select("action").where("action", "=", "membership.add").execute(),
    ).toHaveLength(1);
  });

  it("deactivates and reactivates a membership of the edition, audited; the guard's memberships follow", async () => {
    const { db, editionId, committeeId } = await demo();
    const people = await editionPeople(db, editionId);
    const p = people.find((x) => x.email === "penilai2@paritrana.test" && x.role === "assessor")!;
    expect(p.active).toBe(true);
    expect(p.assigned).toBeGreaterThan(0);
    expect(
      await setMembershipActive(db, {
        editionId: editionId + 999,
        membershipId: p.membershipId,
        active: false,
        userId: committeeId,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    const committeeMembership = await db
      .selectFrom("memberships")
      .select("id")
      .where("user_id", "=", committeeId)
      .executeTakeFirstOrThrow();
    expect(
      await setMembershipActive(db, {
        editionId,
        membershipId: committeeMembership.id,
        active: false,
        userId: committeeId,
      }),
    ).toEqual({ ok: false, reason: "not_found" });

    expect(
      await setMembershipActive(db, {
        editionId,
        membershipId: p.membershipId,
        active: false,
        userId: committeeId,
        reason: "Mengundurkan diri",
      }),
    ).toEqual({ ok: true });
    expect(await activeMemberships(db, p.userId)).toEqual([]);
    expect((await editionPeople(db, editionId)).find((x) => x.membershipId === p.membershipId)!.active).toBe(false);
    expect(
      await setMembershipActive(db, { editionId, membershipId: p.membershipId, active: false, userId: committeeId }),
    ).toEqual({ ok: false, reason: "unchanged" });
    // Inviting them again reactivates the membership.
    expect(
      await invitePanelMember(db, {
        editionId,
        role: "assessor",
        name: "x",
        email: "penilai2@paritrana.test",
        createdBy: committeeId,
      }),
    ).toEqual({ kind: "reactivated", userId: p.userId });
    expect(await activeMemberships(db, p.userId)).toHaveLength(1);
    expect(
      await setMembershipActive(db, { editionId, membershipId: p.membershipId, active: false, userId: committeeId }),
    ).toEqual({ ok: true });
    expect(
      await setMembershipActive(db, { editionId, membershipId: p.membershipId, active: true, userId: committeeId }),
    ).toEqual({ ok: true });
    const log = await db
      .selectFrom("audit_log")
      .select(["action", "reason"])
      .where("subject", "=", `membership:${p.membershipId}`)
      .orderBy("id")
      .execute();
    expect(log).toEqual([
      { action: "membership.deactivate", reason: "Mengundurkan diri" },
      { action: "membership.reactivate", reason: null },
      { action: "membership.deactivate", reason: null },
      { action: "membership.reactivate", reason: null },
    ]);
  });
});

describe("audit log", () => {
  it("pages newest first and filters by entry, user and action", async () => {
    const { db, editionId, committeeId } = await demo();
    const entries = await db
      .selectFrom("entries")
      .select("id")
      .where("status", "=", "submitted")
      .orderBy("id")
      .limit(2)
      .execute();
    const base = Date.parse("2025-01-01T00:00:00Z");
    // 60 rows for the first entry, by the committee, one minute apart.
    for (let i = 0; i < 60; i++) {
      await db
        .insertInto("audit_log")
        .values({
          at: new Date(base + i * 60_000).toISOString(),
          user_id: committeeId,
          edition_id: editionId,
          entry_id: entries[0].id,
          action: "test.mark",
          subject: `n:${i}`,
          before: null,
          after: JSON.stringify({ i }),
          reason: null,
        })
        .execute();
    }
    await reopenEntry(db, { editionId, entryId: entries[1].id, userId: committeeId, reason: "Periksa lagi" });

    const first = await auditLogPage(db, editionId, { action: "test.mark" });
    expect(first).toMatchObject({ total: 60, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows[0].subject).toBe("n:59");
    expect(first.rows.map((r) => r.at)).toEqual([...first.rows.map((r) => r.at)].sort().reverse());
    const second = await auditLogPage(db, editionId, { action: "test.mark", page: 2 });
    expect(second.rows.map((r) => r.subject)).toEqual(Array.from({ length: 10 }, (_, k) => `n:${9 - k}`));

    const byEntry = await auditLogPage(db, editionId, { entryId: entries[1].id });
    expect(byEntry.rows.map((r) => r.action)).toEqual(["entry.reopen"]);
    expect(byEntry.rows[0]).toMatchObject({
      userName: expect.any(String),
      reason: "Periksa lagi",
      entryId: entries[1].id,
    });
    expect(byEntry.rows[0].organisationName).toBeTruthy();
    expect((await auditLogPage(db, editionId, { userId: committeeId })).total).toBe(61);
    expect((await auditLogPage(db, editionId, { userId: committeeId, action: "entry.reopen" })).total).toBe(1);
    expect((await auditLogPage(db, editionId, { userId: 9_999_999 })).total).toBe(0);
    expect((await auditLogPage(db, editionId + 999)).total).toBe(0);

    const options = await auditFilterOptions(db, editionId);
    expect(options.actions).toEqual(expect.arrayContaining(["entry.reopen", "seed.demo", "test.mark"]));
    expect(options.users.map((u) => u.id)).toContain(committeeId);
    expect(options.entries.length).toBeGreaterThan(2);
  });
});
