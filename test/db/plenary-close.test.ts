import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { demoEdition, freshDb } from "./support";
import { editionCategories } from "../../db/queries/editions";
import { openPlenary, plenaryPanel } from "../../db/queries/plenary";
import { closeOpenStage, proposal } from "../../app/lib/stages.server";
import type { Db } from "../../db/client";
import type { Edition } from "../../db/schema";

// Issue 16, item 4: the stage closes once every plenary of it has current minutes confirmed by
// every panel member; otherwise only with the committee's reason, kept on each such plenary and
// audited. A stage without a plenary closes as before.

async function demo() {
  const { db } = await freshDb({ seed: true });
  const edition = await demoEdition(db);
  const regency = (await editionCategories(db, edition.id)).find((c) => c.key === "regency_city")!;
  const { id: userId } = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  return { db, edition, regency, userId };
}

const deskStatus = async (db: Db, editionId: number) =>
  (
    await db
      .selectFrom("edition_stages")
      .select("status")
      .where("edition_id", "=", editionId)
      .where("key", "=", "desk")
      .executeTakeFirstOrThrow()
  ).status;

async function close(db: Db, edition: Edition, userId: number, extra: { confirmed?: boolean; reason?: string } = {}) {
  const p = await proposal(db, edition);
  return closeOpenStage(db, edition, {
    stage: "desk",
    fingerprint: p.fingerprint,
    userId,
    confirmed: extra.confirmed ?? true,
    reason: extra.reason,
  });
}

async function openDeskPlenary(db: Db, editionId: number, categoryId: number, userId: number) {
  const opened = await openPlenary(db, {
    editionId,
    categoryId,
    stage: "desk",
    chairId: userId,
    margin: 2,
    named: false,
    goAhead: true,
    userId,
  });
  if (!opened.ok) throw new Error(`openPlenary: ${opened.reason}`);
  return opened.plenaryId;
}

/** Minutes issued as the minutes page would (rows written here), confirmed by the given people. */
async function issueAndConfirm(db: Db, plenaryId: number, userIds: number[]) {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto("plenary_minutes")
    .values({
      plenary_id: plenaryId,
      held_on: "2026-12-02",
      place: "Samarinda",
      content_json: JSON.stringify({ plenaryId }),
      sha256: randomBytes(32).toString("hex"),
      issued_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const userId of userIds)
    await db
      .insertInto("plenary_confirmations")
      .values({ minutes_id: id, user_id: userId, confirmed_at: now })
      .execute();
  return id;
}

const closeAudits = (db: Db, editionId: number) =>
  db
    .selectFrom("audit_log")
    .select(["subject", "reason", "after"])
    .where("edition_id", "=", editionId)
    .where("action", "=", "plenary.close_unconfirmed")
    .execute();

describe("closing a stage without a plenary", async () => {
  const { db, edition, userId } = await demo();

  it("closes as before, after the confirmation, and audits no plenary", async () => {
    expect(await close(db, edition, userId, { confirmed: false })).toEqual({ ok: false, reason: "unconfirmed" });
    expect(await close(db, edition, userId)).toEqual({ ok: true, stage: "desk", last: false });
    expect(await deskStatus(db, edition.id)).toBe("closed");
    expect(await closeAudits(db, edition.id)).toEqual([]);
  });
});

describe("closing a stage whose plenary minutes are not confirmed", async () => {
  const { db, edition, regency, userId } = await demo();
  const plenaryId = await openDeskPlenary(db, edition.id, regency.id, userId);
  const panel = await plenaryPanel(db, plenaryId);

  it("is refused with the list while no minutes are issued, even when confirmed", async () => {
    expect(panel.length).toBeGreaterThan(1);
    expect(await close(db, edition, userId)).toEqual({
      ok: false,
      reason: "minutes_unconfirmed",
      plenaries: [{ plenaryId, categoryKey: "regency_city", minutes: false, missing: panel.length }],
    });
    expect(await deskStatus(db, edition.id)).toBe("open");
  });

  it("counts the panel members who have not confirmed issued minutes", async () => {
    await issueAndConfirm(db, plenaryId, [panel[0]!.userId]);
    expect(await close(db, edition, userId)).toEqual({
      ok: false,
      reason: "minutes_unconfirmed",
      plenaries: [{ plenaryId, categoryKey: "regency_city", minutes: true, missing: panel.length - 1 }],
    });
  });

  it("is refused with a reason shorter than the minimum, or only spaces", async () => {
    for (const reason of ["terlambat", "          ", "   singkat   "])
      expect(await close(db, edition, userId, { reason })).toMatchObject({ reason: "minutes_unconfirmed" });
    expect(await deskStatus(db, edition.id)).toBe("open");
    expect(await closeAudits(db, edition.id)).toEqual([]);
  });

  it("with a reason, still asks for the confirmation, then closes and keeps and audits the reason", async () => {
    const reason = "  Dua penilai berhalangan hadir; keputusan disahkan ketua panitia.  ";
    expect(await close(db, edition, userId, { reason, confirmed: false })).toEqual({
      ok: false,
      reason: "unconfirmed",
    });
    expect(await deskStatus(db, edition.id)).toBe("open");
    expect(await close(db, edition, userId, { reason })).toEqual({ ok: true, stage: "desk", last: false });
    expect(await deskStatus(db, edition.id)).toBe("closed");
    const stored = await db
      .selectFrom("plenaries")
      .select("close_reason")
      .where("id", "=", plenaryId)
      .executeTakeFirstOrThrow();
    expect(stored.close_reason).toBe(reason.trim());
    const audits = await closeAudits(db, edition.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ subject: `plenary:${plenaryId}/stage:desk`, reason: reason.trim() });
    expect(JSON.parse(audits[0]!.after!)).toEqual({ minutes: true, missing: panel.length - 1 });
  });
});

describe("closing a stage whose plenary minutes every panel member confirmed", async () => {
  const { db, edition, regency, userId } = await demo();
  const plenaryId = await openDeskPlenary(db, edition.id, regency.id, userId);
  const panel = await plenaryPanel(db, plenaryId);

  it("needs no reason and keeps none", async () => {
    const minutesId = await issueAndConfirm(db, plenaryId, []);
    // Minutes withdrawn after everyone confirmed are not current: new minutes need new confirmations.
    for (const m of panel)
      await db
        .insertInto("plenary_confirmations")
        .values({ minutes_id: minutesId, user_id: m.userId, confirmed_at: new Date().toISOString() })
        .execute();
    await db
      .updateTable("plenary_minutes")
      .set({ withdrawn_at: new Date().toISOString(), withdrawal_reason: "Salah tanggal rapat." })
      .where("id", "=", minutesId)
      .execute();
    expect(await close(db, edition, userId)).toMatchObject({ ok: false, reason: "minutes_unconfirmed" });

    await issueAndConfirm(
      db,
      plenaryId,
      panel.map((m) => m.userId),
    );
    expect(await close(db, edition, userId)).toEqual({ ok: true, stage: "desk", last: false });
    expect(await deskStatus(db, edition.id)).toBe("closed");
    const stored = await db
      .selectFrom("plenaries")
      .select("close_reason")
      .where("id", "=", plenaryId)
      .executeTakeFirstOrThrow();
    expect(stored.close_reason).toBeNull();
    expect(await closeAudits(db, edition.id)).toEqual([]);
  });
});
