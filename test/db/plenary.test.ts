import { describe, expect, it } from "vitest";
import {
  conflictedEntryIds,
  openPlenary,
  plenaryFacts,
  plenaryPanel,
  plenaryRole,
  unsubmittedSheets,
  updatePlenarySettings,
} from "../../db/queries/plenary";
import { addUser, auditOf, plenaryFixture, submittedSheets } from "./plenary-fixture";

describe("opening a plenary", () => {
  it("is refused while the stage is pending or closed, and for a chair not on the committee", async () => {
    const { db, edition, committee, category } = await plenaryFixture();
    const base = {
      editionId: edition.id,
      categoryId: category.id,
      chairId: committee.id,
      margin: 2,
      named: false,
      goAhead: true,
      userId: committee.id,
    };
    expect(await openPlenary(db, { ...base, stage: "verification" })).toEqual({
      ok: false,
      reason: "stage_not_open",
    });
    const [sheet] = await submittedSheets(db, category.id);
    expect(await openPlenary(db, { ...base, stage: "desk", chairId: sheet!.userId })).toEqual({
      ok: false,
      reason: "chair_not_committee",
    });
    await db
      .updateTable("edition_stages")
      .set({ status: "closed" })
      .where("edition_id", "=", edition.id)
      .where("key", "=", "desk")
      .execute();
    expect(await openPlenary(db, { ...base, stage: "desk" })).toEqual({ ok: false, reason: "stage_not_open" });
    expect(await db.selectFrom("plenaries").select("id").execute()).toEqual([]);
  });

  it("names the sheets not submitted unless the committee goes ahead, keeps their number, and opens once", async () => {
    const { db, edition, committee, category } = await plenaryFixture();
    const args = {
      editionId: edition.id,
      categoryId: category.id,
      stage: "desk" as const,
      chairId: committee.id,
      margin: 3,
      named: true,
      goAhead: false,
      userId: committee.id,
    };
    const missing = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select("a.id")
      .where("e.category_id", "=", category.id)
      .where("a.stage_key", "=", "desk")
      .where("a.status", "!=", "submitted")
      .execute();
    expect(missing.length).toBeGreaterThan(0);
    expect(await unsubmittedSheets(db, category.id, "desk")).toBe(missing.length);
    expect(await openPlenary(db, args)).toEqual({ ok: false, reason: "unsubmitted", unsubmitted: missing.length });

    const opened = await openPlenary(db, { ...args, goAhead: true });
    if (!opened.ok) throw new Error(opened.reason);
    const facts = (await plenaryFacts(db, opened.plenaryId))!;
    expect(facts).toMatchObject({
      editionId: edition.id,
      editionArchived: false,
      categoryId: category.id,
      categoryKey: category.key,
      stage: "desk",
      stageStatus: "open",
      named: true,
      chairId: committee.id,
      margin: 3,
      unsubmittedAtOpen: missing.length,
      closeReason: null,
      version: 1,
      hasMinutes: false,
    });
    const stage = await db
      .selectFrom("edition_stages")
      .select("plenary_named")
      .where("edition_id", "=", edition.id)
      .where("key", "=", "desk")
      .executeTakeFirstOrThrow();
    expect(stage.plenary_named).toBe(1);
    expect(await openPlenary(db, { ...args, goAhead: true })).toEqual({ ok: false, reason: "already_open" });
    const audits = await auditOf(db, "plenary.open");
    expect(audits).toHaveLength(1);
    expect(audits[0]!.subject).toBe(`plenary:${opened.plenaryId}`);
  });

  it("opens without the warning once every sheet is submitted", async () => {
    const { db, edition, committee, category } = await plenaryFixture();
    await db
      .updateTable("assignments")
      .set({ status: "submitted" })
      .where("entry_id", "in", (eb) => eb.selectFrom("entries").select("id").where("category_id", "=", category.id))
      .execute();
    const res = await openPlenary(db, {
      editionId: edition.id,
      categoryId: category.id,
      stage: "desk",
      chairId: committee.id,
      margin: 2,
      named: false,
      goAhead: false,
      userId: committee.id,
    });
    expect(res.ok).toBe(true);
    if (res.ok) expect((await plenaryFacts(db, res.plenaryId))!.unsubmittedAtOpen).toBe(0);
  });
});

describe("the plenary's settings", () => {
  it("change with the version shown; a stale form, a chair off the committee and a closed stage are refused", async () => {
    const { db, edition, committee, open } = await plenaryFixture();
    const plenaryId = await open();
    const second = await addUser(db, "Bambang Second Committee", "committee", edition.id);
    const base = { plenaryId, margin: 4, named: true, chairId: second, userId: committee.id };
    expect(await updatePlenarySettings(db, { ...base, version: 1 })).toEqual({ ok: true });
    expect(await plenaryFacts(db, plenaryId)).toMatchObject({ margin: 4, named: true, chairId: second, version: 2 });
    expect(await updatePlenarySettings(db, { ...base, version: 1, margin: 1 })).toEqual({ ok: false, reason: "stale" });
    const outsider = await addUser(db, "Outsider", null, null);
    expect(await updatePlenarySettings(db, { ...base, version: 2, chairId: outsider })).toEqual({
      ok: false,
      reason: "chair_not_committee",
    });
    expect((await plenaryFacts(db, plenaryId))!.margin).toBe(4);
    expect(await auditOf(db, "plenary.settings")).toHaveLength(1);
    await db.updateTable("edition_stages").set({ status: "closed" }).where("edition_id", "=", edition.id).execute();
    expect(await updatePlenarySettings(db, { ...base, version: 2 })).toEqual({ ok: false, reason: "stage_closed" });
  });
});

describe("who takes part", () => {
  it("gives the chair, the committee and the panel their role, and nobody else", async () => {
    const { db, edition, committee, category, open } = await plenaryFixture();
    const plenaryId = await open();
    const second = await addUser(db, "Bambang Second Committee", "committee", edition.id);
    const [sheet] = await submittedSheets(db, category.id);
    const otherEdition = await db
      .selectFrom("editions")
      .select("id")
      .where("id", "!=", edition.id)
      .executeTakeFirstOrThrow();
    const foreignCommittee = await addUser(db, "Foreign Committee", "committee", otherEdition.id);
    const entrant = await db
      .selectFrom("memberships")
      .select("user_id")
      .where("role", "=", "entrant")
      .executeTakeFirstOrThrow();
    // An assessor of the edition assigned only in another category.
    const elsewhere = await addUser(db, "Assessor Elsewhere", "assessor", edition.id);
    const otherEntry = await db
      .selectFrom("entries")
      .select("id")
      .where("edition_id", "=", edition.id)
      .where("category_id", "!=", category.id)
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("assignments")
      .values({ entry_id: otherEntry.id, user_id: elsewhere, stage_key: "desk", status: "submitted" })
      .execute();

    expect(await plenaryRole(db, plenaryId, committee.id)).toBe("chair");
    expect(await plenaryRole(db, plenaryId, second)).toBe("committee");
    expect(await plenaryRole(db, plenaryId, sheet!.userId)).toBe("panel");
    expect(await plenaryRole(db, plenaryId, foreignCommittee)).toBeNull();
    expect(await plenaryRole(db, plenaryId, entrant.user_id)).toBeNull();
    expect(await plenaryRole(db, plenaryId, elsewhere)).toBeNull();
    expect(await plenaryRole(db, plenaryId + 1000, committee.id)).toBeNull();
  });

  it("has as panel the active people assigned at the stage who are still on its panel, by name", async () => {
    const { db, edition, category, open } = await plenaryFixture();
    const plenaryId = await open();
    const assigned = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["u.id as userId", "u.name"])
      .distinct()
      .where("e.category_id", "=", category.id)
      .where("a.stage_key", "=", "desk")
      .orderBy("u.name")
      .execute();
    expect(assigned.length).toBeGreaterThanOrEqual(3);
    expect(await plenaryPanel(db, plenaryId)).toEqual(assigned);

    const [inactive, offPanel] = assigned;
    await db.updateTable("users").set({ active: 0 }).where("id", "=", inactive!.userId).execute();
    // No longer on the desk stage's panel: their assessor membership is deactivated.
    await db
      .updateTable("memberships")
      .set({ active: 0 })
      .where("user_id", "=", offPanel!.userId)
      .where("edition_id", "=", edition.id)
      .where("role", "=", "assessor")
      .execute();
    const panel = await plenaryPanel(db, plenaryId);
    expect(panel).toEqual(assigned.slice(2));
    expect(await plenaryRole(db, plenaryId, offPanel!.userId)).toBeNull();
    expect(await plenaryRole(db, plenaryId, inactive!.userId)).toBeNull();
  });

  it("lists the entries of its category a person declared a conflict with", async () => {
    const { db, edition, category, open } = await plenaryFixture();
    const plenaryId = await open();
    const [first, second] = await submittedSheets(db, category.id);
    const userId = first!.userId;
    const mine = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select(["a.entry_id as entryId", "e.category_id as categoryId"])
      .where("a.user_id", "=", userId)
      .where("e.edition_id", "=", edition.id)
      .execute();
    const here = mine.find((m) => m.categoryId === category.id)!;
    const there = mine.find((m) => m.categoryId !== category.id);
    expect(await conflictedEntryIds(db, plenaryId, userId)).toEqual(new Set());
    const conflict = async (entryId: number, user = userId) => {
      await db
        .deleteFrom("conflict_declarations")
        .where("user_id", "=", user)
        .where("entry_id", "=", entryId)
        .execute();
      await db
        .insertInto("conflict_declarations")
        .values({ user_id: user, entry_id: entryId, has_conflict: 1, kind: "other" })
        .execute();
    };
    await conflict(here.entryId);
    if (there) await conflict(there.entryId);
    // Someone else's conflict is not theirs.
    if (second!.userId !== userId) await conflict(second!.entryId, second!.userId);
    const own = await conflictedEntryIds(db, plenaryId, userId);
    expect(own.has(here.entryId)).toBe(true);
    expect([...own].every((id) => mine.some((m) => m.entryId === id && m.categoryId === category.id))).toBe(true);
    if (there) expect(own.has(there.entryId)).toBe(false);
  });
});
