import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { saveScoresheet, savedScoresheet, scoresheetCriteria } from "../../db/queries/scores";
import { freshDb } from "./support";

// A stale page is shown the scoresheet as saved now (version and values read together), and may
// save over exactly that version ("replace with mine"); a page based on an older one is refused.

let db: Db;
let userId: number;
let assignmentId: number;

beforeAll(async () => {
  ({ db } = await freshDb({ seed: true }));
  userId = (
    await db.selectFrom("users").select("id").where("email", "=", "penilai1@paritrana.test").executeTakeFirstOrThrow()
  ).id;
  assignmentId = (
    await db
      .selectFrom("assignments")
      .select("id")
      .where("user_id", "=", userId)
      .where("status", "=", "not_started")
      .orderBy("id")
      .executeTakeFirstOrThrow()
  ).id;
});

describe("the saved scoresheet shown to a stale page", () => {
  it("is version 0 with no scores before any save, and null for no assignment", async () => {
    expect(await savedScoresheet(db, assignmentId)).toEqual({ version: 0, scores: [] });
    expect(await savedScoresheet(db, 999_999)).toBeNull();
  });

  it("carries the version and values another tab saved; a save based on it wins, one based on the old version is refused", async () => {
    const [first, second] = await scoresheetCriteria(db, assignmentId);
    // Tab A saves over version 0.
    const a = await saveScoresheet(db, {
      assignmentId,
      userId,
      baseVersion: 0,
      scores: [
        { criterionId: first.id, value: 80, note: "dari tab A" },
        { criterionId: second.id, value: 60, note: null },
      ],
    });
    expect(a).toMatchObject({ ok: true, version: 1 });
    // Tab B, still on version 0, is refused; what it is then shown is tab A's save.
    const b = await saveScoresheet(db, {
      assignmentId,
      userId,
      baseVersion: 0,
      scores: [{ criterionId: first.id, value: 33, note: "dari tab B" }],
    });
    expect(b).toMatchObject({ ok: false, reason: "stale", version: 1 });
    const seen = await savedScoresheet(db, assignmentId);
    expect(seen).toEqual({
      version: 1,
      scores: [
        { criterionId: first.id, value: 80, note: "dari tab A" },
        { criterionId: second.id, value: 60, note: null },
      ].sort((x, y) => x.criterionId - y.criterionId),
    });
    // "Replace with mine": based on the version just seen, it is saved.
    const replaced = await saveScoresheet(db, {
      assignmentId,
      userId,
      baseVersion: seen!.version,
      scores: [{ criterionId: first.id, value: 33, note: "dari tab B" }],
    });
    expect(replaced).toMatchObject({ ok: true, version: 2 });
    expect(await savedScoresheet(db, assignmentId)).toMatchObject({
      version: 2,
      scores: expect.arrayContaining([{ criterionId: first.id, value: 33, note: "dari tab B" }]),
    });
    // Tab A is now the stale one: refused, and shown tab B's values.
    const late = await saveScoresheet(db, {
      assignmentId,
      userId,
      baseVersion: 1,
      scores: [{ criterionId: first.id, value: 81, note: null }],
    });
    expect(late).toMatchObject({ ok: false, reason: "stale", version: 2 });
  });
});
