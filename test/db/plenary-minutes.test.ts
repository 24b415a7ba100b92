import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { plenaryFacts, plenaryPanel } from "../../db/queries/plenary";
import { recordDecision } from "../../db/queries/plenary-decisions";
import {
  confirmationStatus,
  confirmMinutes,
  currentMinutes,
  issueMinutes,
  minutesByHash,
  withdrawMinutes,
} from "../../db/queries/plenary-minutes";
import { grantRevision, reviseCriterion } from "../../db/queries/plenary-revisions";
import { scoresheetCriteria } from "../../db/queries/scores";
import type { MinutesContent } from "../../app/domain/minutes";
import { minutesContent, minutesVerification } from "../../app/lib/minutes.server";
import { scoreCategory } from "../../app/lib/scoring-input.server";
import { addUser, auditOf, plenaryFixture, submittedSheets } from "./plenary-fixture";

// Issue 16, item 4: the minutes (berita acara) of a plenary are issued with their content frozen
// and hashed, confirmed once by each panel member, withdrawn only with a reason (their
// confirmations go with them), and found by their code.

process.env.RANKING_WORKER = "off"; // a test's database: the ranking is computed here

const REASON = "Bukti dukung terbukti tidak benar saat verifikasi.";

async function setUp() {
  const f = await plenaryFixture();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(f.db);
  const plenaryId = await f.open();
  const ranking = (await scoreCategory(f.db, f.category))!.result!.categories[0]!.ranking;
  // A revision on a ranked entry's sheet and an exclusion of another ranked entry.
  const sheets = await submittedSheets(f.db, f.category.id);
  const sheet = sheets.find((s) => ranking.some((r) => r.nominee === String(s.entryId)))!;
  const criterion = (await scoresheetCriteria(f.db, sheet.id))[0]!;
  const old = await f.db
    .selectFrom("scores")
    .select("value")
    .where("assignment_id", "=", sheet.id)
    .where("criterion_id", "=", criterion.id)
    .executeTakeFirstOrThrow();
  const value = old.value === criterion.max / 2 ? criterion.max / 2 + criterion.step : criterion.max / 2;
  const granted = await grantRevision(f.db, {
    plenaryId,
    assignmentId: sheet.id,
    criterionKey: criterion.key,
    userId: f.committee.id,
  });
  if (!granted.ok) throw new Error(granted.reason);
  const revised = await reviseCriterion(f.db, {
    revisionId: granted.revisionId,
    userId: sheet.userId,
    value,
    note: "Perda ditemukan saat pleno.",
  });
  if (!revised.ok) throw new Error(revised.reason);
  const excluded = Number(ranking.find((r) => r.nominee !== String(sheet.entryId))!.nominee);
  const decided = await recordDecision(f.db, {
    plenaryId,
    entryId: excluded,
    decision: "exclude",
    reason: REASON,
    userId: f.committee.id,
  });
  if (!decided.ok) throw new Error(decided.reason);
  const panel = await plenaryPanel(f.db, plenaryId);
  const content = async (present = new Set(panel.map((p) => p.userId))) =>
    (await minutesContent(f.db, (await plenaryFacts(f.db, plenaryId))!, {
      heldOn: "2026-12-01",
      place: "Ruang Rapat Disnaker, Samarinda",
      present,
      issuedBy: f.committee.name,
      issuedAt: new Date().toISOString(),
    }))!;
  const issue = async () =>
    issueMinutes(f.db, {
      plenaryId,
      heldOn: "2026-12-01",
      place: "Ruang Rapat Disnaker, Samarinda",
      content: await content(),
      userId: f.committee.id,
    });
  return { ...f, plenaryId, panel, sheet, criterion, old: old.value, value, excluded, content, issue };
}

describe("the plenary's minutes", () => {
  it("are issued with their content frozen and hashed: the decisions, the revisions, the ranking without the excluded entry", async () => {
    const { db, plenaryId, panel, sheet, criterion, old, value, excluded, issue } = await setUp();
    const issued = await issue();
    if (!issued.ok) throw new Error(issued.reason);
    const row = (await currentMinutes(db, plenaryId))!;
    expect(row.sha256).toBe(createHash("sha256").update(row.content_json).digest("hex"));
    expect(issued.sha256).toBe(row.sha256);
    const content = JSON.parse(row.content_json) as MinutesContent;
    expect(content.stage).toBe("desk");
    expect(content.panel.map((p) => p.name)).toEqual(panel.map((p) => p.name));
    expect(content.decisions).toEqual([
      expect.objectContaining({ entryId: excluded, decision: "exclude", reason: REASON, withdrawnAt: null }),
    ]);
    expect(content.revisions).toEqual([
      expect.objectContaining({
        entryId: sheet.entryId,
        sheet: expect.any(Number),
        assessor: null, // the stage shows sheets as "Lembar N"
        criterion: expect.objectContaining({ key: criterion.key }),
        oldValue: old,
        newValue: value,
        newNote: "Perda ditemukan saat pleno.",
      }),
    ]);
    expect(content.revisions[0]!.sheet).toBeGreaterThan(0);
    expect(content.ranking.some((r) => r.entryId === excluded)).toBe(false);
    expect(content.ineligible.find((x) => x.entryId === excluded)?.failed.at(-1)).toBe("override");
    expect(content.ranking.map((r) => r.rank)).toEqual([...content.ranking.map((r) => r.rank)].sort((a, b) => a - b));
    expect(content.method.stageWeights.map((s) => s.stage)[0]).toBe("desk");
    expect((await auditOf(db, "plenary.minutes_issue")).map((a) => a.subject)).toEqual([`minutes:${issued.minutesId}`]);
    // While current, no second minutes.
    expect(await issue()).toEqual({ ok: false, reason: "already_issued" });
  });

  it("are confirmed once by each panel member, by nobody else; complete only when all have", async () => {
    const { db, edition, plenaryId, panel, issue } = await setUp();
    expect(panel.length).toBeGreaterThan(1);
    const issued = await issue();
    if (!issued.ok) throw new Error(issued.reason);
    const minutesId = issued.minutesId;
    const outsider = await addUser(db, "Panitia Lain", "committee", edition.id);
    expect(await confirmMinutes(db, { minutesId, userId: outsider })).toEqual({ ok: false, reason: "not_panel" });
    expect(await confirmMinutes(db, { minutesId: 999_999, userId: panel[0]!.userId })).toEqual({
      ok: false,
      reason: "not_found",
    });
    const [first, ...rest] = panel;
    expect(await confirmMinutes(db, { minutesId, userId: first!.userId })).toEqual({ ok: true });
    expect(await confirmMinutes(db, { minutesId, userId: first!.userId })).toEqual({
      ok: false,
      reason: "already_confirmed",
    });
    let status = await confirmationStatus(db, plenaryId);
    expect(status.minutes?.sha256).toBe(issued.sha256);
    expect(status.panel.filter((p) => p.confirmedAt !== null).map((p) => p.userId)).toEqual([first!.userId]);
    expect(status.complete).toBe(false);
    for (const p of rest) expect(await confirmMinutes(db, { minutesId, userId: p.userId })).toEqual({ ok: true });
    status = await confirmationStatus(db, plenaryId);
    expect(status.complete).toBe(true);
    expect(await auditOf(db, "plenary.minutes_confirm")).toHaveLength(panel.length);
  });

  it("are withdrawn only with a reason, which voids their confirmations: the next minutes start unconfirmed", async () => {
    const { db, committee, plenaryId, panel, issue } = await setUp();
    const first = await issue();
    if (!first.ok) throw new Error(first.reason);
    for (const p of panel) await confirmMinutes(db, { minutesId: first.minutesId, userId: p.userId });
    expect((await confirmationStatus(db, plenaryId)).complete).toBe(true);

    const withdraw = (reason: string) =>
      withdrawMinutes(db, { minutesId: first.minutesId, reason, userId: committee.id });
    expect(await withdraw("  salah  ")).toEqual({ ok: false, reason: "reason_too_short" });
    expect(await currentMinutes(db, plenaryId)).not.toBeNull();
    expect(await withdraw("Tempat rapat salah ditulis.")).toEqual({ ok: true });
    expect(await withdraw("Tempat rapat salah ditulis.")).toEqual({ ok: false, reason: "withdrawn" });
    expect(await confirmMinutes(db, { minutesId: first.minutesId, userId: panel[0]!.userId })).toEqual({
      ok: false,
      reason: "withdrawn",
    });
    const none = await confirmationStatus(db, plenaryId);
    expect(none.minutes).toBeNull();
    expect(none.complete).toBe(false);
    const [audited] = await auditOf(db, "plenary.minutes_withdraw");
    expect(audited?.reason).toBe("Tempat rapat salah ditulis.");

    const second = await issue();
    if (!second.ok) throw new Error(second.reason);
    expect(second.sha256).not.toBe(first.sha256);
    const next = await confirmationStatus(db, plenaryId);
    expect(next.minutes?.id).toBe(second.minutesId);
    expect(next.panel.every((p) => p.confirmedAt === null)).toBe(true);
    expect(next.complete).toBe(false);

    // Both stay findable by their code; the first marked withdrawn, with the confirmations it had.
    const old = (await minutesByHash(db, first.sha256))!;
    expect(old.withdrawn_at).not.toBeNull();
    expect(old.confirmations.size).toBe(panel.length);
    expect((await minutesByHash(db, second.sha256))!.id).toBe(second.minutesId);
    expect(await minutesByHash(db, "0".repeat(64))).toBeNull();
  });

  it("are verified by their code (intact until the stored content changes) and frozen once the stage closes", async () => {
    const { db, edition, plenaryId, panel, issue } = await setUp();
    const issued = await issue();
    if (!issued.ok) throw new Error(issued.reason);
    await confirmMinutes(db, { minutesId: issued.minutesId, userId: panel[0]!.userId });
    expect(await minutesVerification(db, issued.sha256)).toMatchObject({
      intact: true,
      edition: edition.name,
      stage: "desk",
      heldOn: "2026-12-01",
      place: "Ruang Rapat Disnaker, Samarinda",
      withdrawnAt: null,
      confirmed: 1,
      panel: panel.length,
    });
    expect(await minutesVerification(db, "f".repeat(64))).toBeNull();

    await db
      .updateTable("edition_stages")
      .set({ status: "closed" })
      .where("edition_id", "=", edition.id)
      .where("key", "=", "desk")
      .execute();
    expect(await confirmMinutes(db, { minutesId: issued.minutesId, userId: panel[1]!.userId })).toEqual({
      ok: false,
      reason: "stage_closed",
    });
    expect(await withdrawMinutes(db, { minutesId: issued.minutesId, reason: "Terlambat ditarik.", userId: 1 })).toEqual(
      { ok: false, reason: "stage_closed" },
    );

    const row = (await currentMinutes(db, plenaryId))!;
    await db
      .updateTable("plenary_minutes")
      .set({ content_json: row.content_json.replace("Samarinda", "Balikpapan") })
      .where("id", "=", row.id)
      .execute();
    expect((await minutesVerification(db, issued.sha256))!.intact).toBe(false);
  });
});
