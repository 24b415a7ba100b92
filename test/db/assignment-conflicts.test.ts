import { describe, expect, it } from "vitest";
import { reassign } from "../../db/queries/assignment-plans";
import { declareConflict, listConflicts } from "../../db/queries/conflicts";
import { replacedConflictRows, stageProgress } from "../../db/queries/progress";
import { panelMembers } from "../../db/queries/people";
import { freshDb } from "./support";

// Issue 10, item 6: after a declared conflict the committee replaces the person with someone free
// to take the entry; the conflict then shows as resolved, and progress shows "conflict declared"
// (and by whom the person was replaced) rather than "not started".

async function demo() {
  const { db } = await freshDb({ seed: true });
  const edition = await db.selectFrom("editions").select("id").orderBy("id").executeTakeFirstOrThrow();
  const committee = await db
    .selectFrom("users")
    .select(["id", "name"])
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  // A desk assignment not started yet (no declaration), and everyone on its entry in the stage.
  const target = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.id", "a.entry_id", "a.user_id"])
    .where("e.edition_id", "=", edition.id)
    .where("a.stage_key", "=", "desk")
    .where("a.status", "=", "not_started")
    .orderBy("a.id")
    .executeTakeFirstOrThrow();
  const onEntry = (
    await db
      .selectFrom("assignments")
      .select("user_id")
      .where("entry_id", "=", target.entry_id)
      .where("stage_key", "=", "desk")
      .execute()
  ).map((a) => a.user_id);
  const assessors = await panelMembers(db, edition.id, "assessor");
  return { db, editionId: edition.id, committee, target, onEntry, assessors };
}

describe("conflict replacement", () => {
  it("offers only people not already on the entry and not blocked, then shows the conflict as replaced", async () => {
    const { db, editionId, committee, target, onEntry, assessors } = await demo();
    const free = assessors.filter((a) => !onEntry.includes(a.id));
    expect(onEntry.length).toBeGreaterThanOrEqual(2);
    expect(free.length).toBeGreaterThanOrEqual(2);
    await declareConflict(db, {
      userId: target.user_id,
      entryId: target.entry_id,
      hasConflict: true,
      kind: "related_to",
    });
    // A free assessor who has a conflict with the entry too is blocked from taking it.
    const [blocked, taker] = free as [(typeof free)[0], (typeof free)[0]];
    await declareConflict(db, {
      userId: blocked.id,
      entryId: target.entry_id,
      hasConflict: true,
      kind: "business_link",
    });

    const before = await listConflicts(db, editionId);
    const mine = before.find((c) => c.userId === target.user_id && c.entryId === target.entry_id)!;
    expect(mine.state.state).toBe("needs_action");
    expect(mine.kind).toBe("related_to");
    const candidates = mine.open.find((a) => a.id === target.id)!.candidates.map((p) => p.id);
    for (const id of onEntry) expect(candidates).not.toContain(id);
    expect(candidates).not.toContain(blocked.id);
    expect(candidates).toContain(taker.id);
    // The blocked assessor holds no assignment on the entry: nothing to do; it is listed after.
    const theirs = before.find((c) => c.userId === blocked.id)!;
    expect(theirs.state.state).toBe("nothing_to_do");
    expect(before[0]).toBe(mine);

    // Progress before the replacement: the conflicted sheet is not "not started".
    const p1 = await stageProgress(db, editionId, "desk");
    const sheet1 = p1.entries.rows
      .find((e) => e.entryId === target.entry_id)!
      .sheets.find((s) => s.userId === target.user_id)!;
    expect(sheet1.state).toBe("conflict");
    expect(p1.total.conflict).toBe(1);
    const notStartedRows = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select(["a.user_id as userId"])
      .where("e.edition_id", "=", editionId)
      .where("a.stage_key", "=", "desk")
      .where("a.status", "=", "not_started")
      .execute();
    expect(p1.total.notStarted).toBe(notStartedRows.length - 1);

    const res = await reassign(db, {
      editionId,
      assignmentId: target.id,
      toUserId: taker.id,
      userId: committee.id,
      reason: "Konflik kepentingan",
    });
    expect(res).toEqual({ ok: true });

    const after = await listConflicts(db, editionId);
    const resolved = after.find((c) => c.userId === target.user_id && c.entryId === target.entry_id)!;
    expect(resolved.open).toEqual([]);
    expect(resolved.state).toMatchObject({
      state: "replaced",
      replacements: [{ stage: "desk", toUserName: taker.name, byUserName: committee.name }],
    });

    // Progress after: the original assessor still shows on the entry, as conflicted and replaced.
    const p2 = await stageProgress(db, editionId, "desk");
    const sheets = p2.entries.rows.find((e) => e.entryId === target.entry_id)!.sheets;
    const original = sheets.find((s) => s.userId === target.user_id)!;
    expect(original).toMatchObject({ state: "conflict", replacedBy: taker.name, assignmentId: null });
    expect(sheets.find((s) => s.userId === taker.id)!.state).toBe("not_started");
    expect(p2.total.conflict).toBe(1);
    expect(p2.people.find((x) => x.userId === target.user_id)?.notStarted ?? 0).toBe(
      notStartedRows.filter((r) => r.userId === target.user_id).length - 1,
    );
    // Another stage knows nothing of it.
    expect(await replacedConflictRows(db, editionId, "verification")).toEqual([]);
  });
});
