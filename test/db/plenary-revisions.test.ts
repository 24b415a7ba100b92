import { describe, expect, it } from "vitest";
import { categoryDataVersion } from "../../db/queries/data-version";
import { grantRevision, reviseCriterion, revisionsOf, withdrawRevision } from "../../db/queries/plenary-revisions";
import { scoresheetCriteria } from "../../db/queries/scores";
import { scoreCategory } from "../../app/lib/scoring-input.server";
import { auditOf, plenaryFixture, submittedSheets } from "./plenary-fixture";

/** A plenary of the fixture's category and a submitted sheet of a ranked entry, with its criteria and scores. */
async function setUp() {
  const f = await plenaryFixture();
  const plenaryId = await f.open();
  const before = (await scoreCategory(f.db, f.category))!.result!.categories[0]!;
  const sheets = await submittedSheets(f.db, f.category.id);
  const sheet = sheets.find((s) => before.ranking.some((r) => r.nominee === String(s.entryId)))!;
  const other = sheets.find((s) => s.userId !== sheet.userId && s.entryId === sheet.entryId)!;
  const criteria = await scoresheetCriteria(f.db, sheet.id);
  const scores = async () =>
    f.db
      .selectFrom("scores")
      .select(["criterion_id as criterionId", "value", "note", "version", "status"])
      .where("assignment_id", "=", sheet.id)
      .orderBy("criterion_id")
      .execute();
  return { ...f, plenaryId, before, sheet, other, criteria, scores };
}

describe("a revision window", () => {
  it("lets that assessor change that criterion once: the row keeps the original, the audit both, the ranking follows", async () => {
    const { db, committee, category, plenaryId, before, sheet, other, criteria, scores } = await setUp();
    const c = criteria[0]!;
    const original = await scores();
    const old = original.find((s) => s.criterionId === c.id)!;
    const value = old.value === c.max / 2 ? c.max / 2 + c.step : c.max / 2;

    const granted = await grantRevision(db, {
      plenaryId,
      assignmentId: sheet.id,
      criterionKey: c.key,
      userId: committee.id,
    });
    if (!granted.ok) throw new Error(granted.reason);
    expect(
      await grantRevision(db, { plenaryId, assignmentId: sheet.id, criterionKey: c.key, userId: committee.id }),
    ).toEqual({ ok: false, reason: "already_granted" });

    const revise = (over: Partial<Parameters<typeof reviseCriterion>[1]> = {}) =>
      reviseCriterion(db, {
        revisionId: granted.revisionId,
        userId: sheet.userId,
        value,
        note: "Dibahas di pleno.",
        ...over,
      });
    // Another assessor of the same entry cannot use it.
    expect(await revise({ userId: other.userId })).toEqual({ ok: false, reason: "not_found" });
    // The scoresheet's rules: on the scale, a note at either end.
    expect(await revise({ value: c.max + c.step })).toEqual({ ok: false, reason: "off_scale" });
    if (c.step > 0 && c.step < c.max)
      expect(await revise({ value: c.step / 2 })).toEqual({ ok: false, reason: "off_scale" });
    expect(await revise({ value: 0, note: "  " })).toEqual({ ok: false, reason: "note_required" });
    expect(await revise({ value: c.max, note: null })).toEqual({ ok: false, reason: "note_required" });
    expect((await scores()).find((s) => s.criterionId === c.id)).toEqual(old);

    const version = await categoryDataVersion(db, category.id);
    expect(await revise()).toEqual({ ok: true });
    expect(await revise({ value: old.value! })).toEqual({ ok: false, reason: "not_granted" });

    const now = await scores();
    expect(now.find((s) => s.criterionId === c.id)).toEqual({
      ...old,
      value,
      note: "Dibahas di pleno.",
      version: old.version + 1,
    });
    // Only that criterion changed.
    expect(now.filter((s) => s.criterionId !== c.id)).toEqual(original.filter((s) => s.criterionId !== c.id));
    expect(await categoryDataVersion(db, category.id)).toBe(version! + 1);

    const [row] = await revisionsOf(db, plenaryId);
    expect(row).toMatchObject({
      entryId: sheet.entryId,
      assignmentId: sheet.id,
      userId: sheet.userId,
      criterionKey: c.key,
      max: c.max,
      step: c.step,
      status: "revised",
      oldValue: old.value,
      oldNote: old.note,
      newValue: value,
      newNote: "Dibahas di pleno.",
    });
    const [audit] = await auditOf(db, "plenary.revision");
    expect(audit).toMatchObject({ user_id: sheet.userId, entry_id: sheet.entryId });
    expect(JSON.parse(audit!.before!)).toEqual({ criterion: c.key, value: old.value, note: old.note });
    expect(JSON.parse(audit!.after!)).toEqual({ criterion: c.key, value, note: "Dibahas di pleno." });
    expect(await auditOf(db, "plenary.revision_grant")).toHaveLength(1);

    const after = (await scoreCategory(db, category))!.result!.categories[0]!;
    const was = before.ranking.find((r) => r.nominee === String(sheet.entryId))!;
    const is = after.ranking.find((r) => r.nominee === String(sheet.entryId))!;
    expect(is.criteria[c.key]!.value).not.toBe(was.criteria[c.key]!.value);
    expect(is.total).not.toBe(was.total);
  });

  it("is granted only on a submitted sheet of the plenary's category and stage, on a judged criterion", async () => {
    const { db, edition, committee, category, plenaryId, sheet, criteria } = await setUp();
    const grant = (assignmentId: number, criterionKey = criteria[0]!.key) =>
      grantRevision(db, { plenaryId, assignmentId, criterionKey, userId: committee.id });
    expect(await grant(sheet.id, "no_such_criterion")).toEqual({ ok: false, reason: "not_found" });
    const elsewhere = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select("a.id")
      .where("e.edition_id", "=", edition.id)
      .where("e.category_id", "!=", category.id)
      .where("a.status", "=", "submitted")
      .executeTakeFirstOrThrow();
    expect(await grant(elsewhere.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await grant(999_999)).toEqual({ ok: false, reason: "not_found" });
    const draft = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select("a.id")
      .where("e.category_id", "=", category.id)
      .where("a.status", "=", "draft")
      .executeTakeFirstOrThrow();
    expect(await grant(draft.id)).toEqual({ ok: false, reason: "not_submitted" });
    expect(await db.selectFrom("plenary_revisions").select("id").execute()).toEqual([]);
  });

  it("takes no grant and no revision while current minutes exist, nor after the stage closed", async () => {
    const { db, edition, committee, plenaryId, sheet, criteria, scores } = await setUp();
    const granted = await grantRevision(db, {
      plenaryId,
      assignmentId: sheet.id,
      criterionKey: criteria[0]!.key,
      userId: committee.id,
    });
    if (!granted.ok) throw new Error(granted.reason);
    const original = await scores();
    const { id: minutesId } = await db
      .insertInto("plenary_minutes")
      .values({
        plenary_id: plenaryId,
        held_on: "2026-12-01",
        place: "Samarinda",
        content_json: "{}",
        sha256: "a".repeat(64),
        issued_by: committee.id,
        issued_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const revise = () =>
      reviseCriterion(db, {
        revisionId: granted.revisionId,
        userId: sheet.userId,
        value: criteria[0]!.step,
        note: null,
      });
    const grantOther = () =>
      grantRevision(db, { plenaryId, assignmentId: sheet.id, criterionKey: criteria[1]!.key, userId: committee.id });
    expect(await revise()).toEqual({ ok: false, reason: "minutes_issued" });
    expect(await grantOther()).toEqual({ ok: false, reason: "minutes_issued" });

    // Withdrawn minutes free the plenary again; a closed stage does not.
    await db
      .updateTable("plenary_minutes")
      .set({ withdrawn_at: new Date().toISOString(), withdrawal_reason: "Salah tanggal rapat." })
      .where("id", "=", minutesId)
      .execute();
    await db.updateTable("edition_stages").set({ status: "closed" }).where("edition_id", "=", edition.id).execute();
    expect(await revise()).toEqual({ ok: false, reason: "stage_closed" });
    expect(await grantOther()).toEqual({ ok: false, reason: "stage_closed" });
    expect(await scores()).toEqual(original);
  });

  it("is withdrawn by the chair before it is used, and then cannot be used", async () => {
    const { db, edition, committee, plenaryId, sheet, criteria } = await setUp();
    const c = criteria[0]!;
    const granted = await grantRevision(db, {
      plenaryId,
      assignmentId: sheet.id,
      criterionKey: c.key,
      userId: committee.id,
    });
    if (!granted.ok) throw new Error(granted.reason);
    // Not the chair (here: the assessor) → as if it did not exist.
    expect(await withdrawRevision(db, { revisionId: granted.revisionId, userId: sheet.userId })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await withdrawRevision(db, { revisionId: granted.revisionId, userId: committee.id })).toEqual({ ok: true });
    expect(await withdrawRevision(db, { revisionId: granted.revisionId, userId: committee.id })).toEqual({
      ok: false,
      reason: "not_granted",
    });
    expect(
      await reviseCriterion(db, { revisionId: granted.revisionId, userId: sheet.userId, value: c.step, note: null }),
    ).toEqual({ ok: false, reason: "not_granted" });
    expect((await revisionsOf(db, plenaryId))[0]!.status).toBe("withdrawn");
    expect(await auditOf(db, "plenary.revision_withdraw")).toMatchObject([
      { user_id: committee.id, edition_id: edition.id },
    ]);
    // A new window may be granted for the same criterion once the first is closed.
    expect(
      (await grantRevision(db, { plenaryId, assignmentId: sheet.id, criterionKey: c.key, userId: committee.id })).ok,
    ).toBe(true);
  });
});
