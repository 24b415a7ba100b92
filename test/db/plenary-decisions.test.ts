import { describe, expect, it } from "vitest";
import { categoryDataVersion } from "../../db/queries/data-version";
import { categoryOverrides, decisionsOf, recordDecision, withdrawDecision } from "../../db/queries/plenary-decisions";
import { rescore, scoreCategory, shortlistOf } from "../../app/lib/scoring-input.server";
import {
  hasCurrentMinutes,
  openPlenary,
  plenariesOfEdition,
  plenariesOfPanelMember,
  plenaryFacts,
  plenaryPanel,
  plenaryRole,
  unsubmittedSheets,
} from "../../db/queries/plenary";
import { addComment, commentCounts } from "../../db/queries/plenary-comments";
import { grantRevision, reviseCriterion, revisionsOf } from "../../db/queries/plenary-revisions";
import { scoresheetCriteria } from "../../db/queries/scores";
import { addUser, auditOf, plenaryFixture, seededPostgres, submittedSheets } from "./plenary-fixture";

const REASON = "Bukti dukung terbukti tidak benar saat verifikasi.";

async function setUp() {
  const f = await plenaryFixture();
  const plenaryId = await f.open();
  const result = async () => {
    const scoring = (await scoreCategory(f.db, f.category))!;
    const stageIds = scoring.parsed.ok ? scoring.parsed.input.rubric.stages.map((s) => s.id) : [];
    return { cat: scoring.result!.categories[0]!, stageIds, result: scoring.result! };
  };
  const version = () => categoryDataVersion(f.db, f.category.id);
  return { ...f, plenaryId, result, version };
}

describe("the plenary's decisions", () => {
  it("travel in the snapshot's input: scoring the stored input again gives the stored result, override and all", async () => {
    const { db, committee, category, plenaryId, result } = await setUp();
    const entryId = Number((await result()).cat.ranking[0]!.nominee);
    const recorded = await recordDecision(db, {
      plenaryId,
      entryId,
      decision: "exclude",
      reason: REASON,
      userId: committee.id,
    });
    expect(recorded.ok).toBe(true);
    const snapshot = (await scoreCategory(db, category))!.snapshot!;
    const input = JSON.parse(snapshot.inputJson) as { contract?: number; overrides?: unknown[] };
    expect(input.contract).toBe(2);
    expect(input.overrides).toEqual([{ nominee: String(entryId), stage: "desk", decision: "exclude", reason: REASON }]);
    expect(rescore(snapshot.inputJson)).toBe(snapshot.resultJson);
    expect(snapshot.resultJson).toContain('"override"');
  });

  it("an exclusion makes the entry ineligible (failed ends with override) and not advancing at any stage; withdrawing it restores the rubric's result", async () => {
    const { db, edition, committee, category, plenaryId, result, version } = await setUp();
    const before = await result();
    const target = before.cat.ranking[0]!;
    const entryId = Number(target.nominee);
    const v0 = await version();

    expect(
      await recordDecision(db, { plenaryId, entryId, decision: "exclude", reason: "Terlalu", userId: committee.id }),
    ).toEqual({ ok: false, reason: "reason_too_short" });
    const recorded = await recordDecision(db, {
      plenaryId,
      entryId,
      decision: "exclude",
      reason: REASON,
      userId: committee.id,
    });
    if (!recorded.ok) throw new Error(recorded.reason);
    expect(await version()).toBe(v0! + 1);
    expect(await categoryOverrides(db, category.id)).toEqual([
      { nominee: String(entryId), stage: "desk", decision: "exclude", reason: REASON },
    ]);

    const excluded = await result();
    expect(excluded.cat.ranking.some((r) => r.nominee === target.nominee)).toBe(false);
    const ineligible = excluded.cat.ineligible.find((x) => x.nominee === target.nominee)!;
    expect(ineligible.failed.at(-1)).toBe("override");
    for (const stage of excluded.stageIds.slice(0, -1)) {
      const list = shortlistOf(excluded.result, excluded.stageIds, stage);
      expect(list.notAdvancing).toContain(target.nominee);
      expect(list.advancing).not.toContain(target.nominee);
    }

    // One active decision per entry.
    expect(
      await recordDecision(db, { plenaryId, entryId, decision: "exclude", reason: REASON, userId: committee.id }),
    ).toEqual({ ok: false, reason: "already_decided" });

    const withdraw = (reason: string, userId = committee.id) =>
      withdrawDecision(db, { decisionId: recorded.decisionId, reason, userId });
    expect(await withdraw("Keliru")).toEqual({ ok: false, reason: "reason_too_short" });
    // Only the chair withdraws: another committee member's withdrawal finds nothing.
    const member = await addUser(db, "Anggota Panitia Lain", "committee", edition.id);
    expect(await withdraw("Bukti ternyata benar.", member)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await withdraw("Bukti ternyata benar.")).toEqual({ ok: true });
    expect(await withdraw("Bukti ternyata benar.")).toEqual({ ok: false, reason: "not_found" });
    expect(await version()).toBe(v0! + 2);
    const restored = await result();
    expect(restored.cat.ranking.find((r) => r.nominee === target.nominee)).toEqual(
      before.cat.ranking.find((r) => r.nominee === target.nominee),
    );
    expect(restored.cat.ineligible).toEqual(before.cat.ineligible);

    const rows = await decisionsOf(db, plenaryId);
    expect(rows).toMatchObject([
      {
        id: recorded.decisionId,
        entryId,
        decision: "exclude",
        reason: REASON,
        decidedBy: committee.name,
        withdrawalReason: "Bukti ternyata benar.",
      },
    ]);
    expect(rows[0]!.withdrawnAt).not.toBeNull();
    const [audit] = await auditOf(db, "plenary.decision");
    expect(audit).toMatchObject({ user_id: committee.id, entry_id: entryId, reason: REASON });
    expect(await auditOf(db, "plenary.decision_withdraw")).toHaveLength(1);
    // After the withdrawal a new decision may be recorded.
    expect(
      (await recordDecision(db, { plenaryId, entryId, decision: "exclude", reason: REASON, userId: committee.id })).ok,
    ).toBe(true);
  });

  it("a forced advance makes an entry below the cut go on to the next stage", async () => {
    const { db, committee, plenaryId, result, version } = await setUp();
    const before = await result();
    const below = before.cat.ranking.find((r) => r.reached === "desk");
    expect(below).toBeDefined();
    expect(shortlistOf(before.result, before.stageIds, "desk").notAdvancing).toContain(below!.nominee);
    const v0 = await version();
    const recorded = await recordDecision(db, {
      plenaryId,
      entryId: Number(below!.nominee),
      decision: "advance",
      reason: "Skor batas; panel sepakat layak diverifikasi.",
      userId: committee.id,
    });
    expect(recorded.ok).toBe(true);
    expect(await version()).toBe(v0! + 1);
    const after = await result();
    const entry = after.cat.ranking.find((r) => r.nominee === below!.nominee)!;
    expect(entry.reached).toBe("verification");
    expect(entry.flags).toContain("forced-advance:desk");
    expect(shortlistOf(after.result, after.stageIds, "desk").advancing).toContain(below!.nominee);
  });

  it("refuses an advance at the rubric's last stage, an entry of another category, and any change once minutes are issued or the stage closed", async () => {
    const { db, edition, committee, category, plenaryId, result } = await setUp();
    const { cat } = await result();
    const entryId = Number(cat.ranking[0]!.nominee);
    const record = (over: Partial<Parameters<typeof recordDecision>[1]> = {}) =>
      recordDecision(db, { plenaryId, entryId, decision: "exclude", reason: REASON, userId: committee.id, ...over });

    const other = await db
      .selectFrom("entries")
      .select("id")
      .where("edition_id", "=", edition.id)
      .where("category_id", "!=", category.id)
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow();
    expect(await record({ entryId: other.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await record({ plenaryId: plenaryId + 1000 })).toEqual({ ok: false, reason: "not_found" });

    const recorded = await record();
    if (!recorded.ok) throw new Error(recorded.reason);
    const second = Number(cat.ranking[1]!.nominee);
    await db
      .insertInto("plenary_minutes")
      .values({
        plenary_id: plenaryId,
        held_on: "2026-12-01",
        place: "Samarinda",
        content_json: "{}",
        sha256: "b".repeat(64),
        issued_by: committee.id,
        issued_at: new Date().toISOString(),
      })
      .execute();
    expect(await record({ entryId: second })).toEqual({ ok: false, reason: "minutes_issued" });
    expect(
      await withdrawDecision(db, {
        decisionId: recorded.decisionId,
        reason: "Bukti ternyata benar.",
        userId: committee.id,
      }),
    ).toEqual({ ok: false, reason: "minutes_issued" });
    await db.updateTable("plenary_minutes").set({ withdrawn_at: new Date().toISOString() }).execute();
    await db.updateTable("edition_stages").set({ status: "closed" }).where("edition_id", "=", edition.id).execute();
    expect(await record({ entryId: second })).toEqual({ ok: false, reason: "stage_closed" });
    expect(
      await withdrawDecision(db, {
        decisionId: recorded.decisionId,
        reason: "Bukti ternyata benar.",
        userId: committee.id,
      }),
    ).toEqual({ ok: false, reason: "stage_closed" });

    // The interview (the rubric's last stage) open, with its own plenary: no advance there.
    await db
      .updateTable("edition_stages")
      .set({ status: "open" })
      .where("edition_id", "=", edition.id)
      .where("key", "=", "interview")
      .execute();
    const last = await openPlenary(db, {
      editionId: edition.id,
      categoryId: category.id,
      stage: "interview",
      chairId: committee.id,
      margin: 2,
      named: false,
      goAhead: true,
      userId: committee.id,
    });
    if (!last.ok) throw new Error(last.reason);
    expect(
      await recordDecision(db, {
        plenaryId: last.plenaryId,
        entryId,
        decision: "advance",
        reason: REASON,
        userId: committee.id,
      }),
    ).toEqual({ ok: false, reason: "advance_on_last_stage" });
  });
});

// The same writes and reads on PostgreSQL (booleans from exists(), counts as strings, RETURNING,
// ON CONFLICT), in a schema of their own. Runs when TEST_POSTGRES_URL points at a database that
// may be written to, as test/db/postgres.test.ts.
const pgUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!pgUrl)("the plenary on PostgreSQL", () => {
  it("opens, comments, revises, decides and feeds scoring its overrides", async () => {
    const db = await seededPostgres(pgUrl!);
    try {
      const { edition, committee, category, open } = await plenaryFixture(db);
      const plenaryId = await open();
      expect(
        await openPlenary(db, {
          editionId: edition.id,
          categoryId: category.id,
          stage: "desk",
          chairId: committee.id,
          margin: 2,
          named: false,
          goAhead: true,
          userId: committee.id,
        }),
      ).toEqual({ ok: false, reason: "already_open" });
      const facts = (await plenaryFacts(db, plenaryId))!;
      expect(facts).toMatchObject({ hasMinutes: false, named: false, margin: 2, editionArchived: false });
      expect(facts.unsubmittedAtOpen).toBe(await unsubmittedSheets(db, category.id, "desk"));
      const [sheet] = await submittedSheets(db, category.id);
      expect(await plenaryRole(db, plenaryId, committee.id)).toBe("chair");
      expect(await plenaryRole(db, plenaryId, sheet!.userId)).toBe("panel");
      expect((await plenaryPanel(db, plenaryId)).some((p) => p.userId === sheet!.userId)).toBe(true);
      expect((await plenariesOfPanelMember(db, sheet!.userId)).map((p) => p.id)).toContain(plenaryId);
      expect((await plenariesOfEdition(db, edition.id)).map((p) => p.id)).toEqual([plenaryId]);

      const comment = await addComment(db, {
        plenaryId,
        entryId: sheet!.entryId,
        userId: committee.id,
        parentId: null,
        body: "Catatan.",
      });
      expect(comment.ok).toBe(true);
      expect(await commentCounts(db, plenaryId)).toEqual(new Map([[sheet!.entryId, 1]]));

      const [c] = await scoresheetCriteria(db, sheet!.id);
      const granted = await grantRevision(db, {
        plenaryId,
        assignmentId: sheet!.id,
        criterionKey: c!.key,
        userId: committee.id,
      });
      if (!granted.ok) throw new Error(granted.reason);
      expect(
        await reviseCriterion(db, {
          revisionId: granted.revisionId,
          userId: sheet!.userId,
          value: c!.step,
          note: null,
        }),
      ).toEqual({ ok: true });
      expect((await revisionsOf(db, plenaryId))[0]).toMatchObject({ status: "revised", newValue: c!.step });

      const decided = await recordDecision(db, {
        plenaryId,
        entryId: sheet!.entryId,
        decision: "exclude",
        reason: REASON,
        userId: committee.id,
      });
      expect(decided.ok).toBe(true);
      expect(await categoryOverrides(db, category.id)).toEqual([
        { nominee: String(sheet!.entryId), stage: "desk", decision: "exclude", reason: REASON },
      ]);
      const cat = (await scoreCategory(db, category))!.result!.categories[0]!;
      expect(cat.ineligible.find((x) => x.nominee === String(sheet!.entryId))!.failed.at(-1)).toBe("override");

      await db
        .insertInto("plenary_minutes")
        .values({
          plenary_id: plenaryId,
          held_on: "2026-12-01",
          place: "Samarinda",
          content_json: "{}",
          sha256: "d".repeat(64),
          issued_by: committee.id,
          issued_at: new Date().toISOString(),
        })
        .execute();
      expect(await hasCurrentMinutes(db, plenaryId)).toBe(true);
      expect((await plenaryFacts(db, plenaryId))!.hasMinutes).toBe(true);
      if (decided.ok)
        expect(
          await withdrawDecision(db, {
            decisionId: decided.decisionId,
            reason: "Bukti ternyata benar.",
            userId: committee.id,
          }),
        ).toEqual({ ok: false, reason: "minutes_issued" });
    } finally {
      await db.destroy();
    }
  });
});
