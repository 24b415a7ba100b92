import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { listMyAssignments, myAssignmentsForEntry } from "../../db/queries/assignments";
import { declareConflict, listConflicts } from "../../db/queries/conflicts";
import {
  loadScores,
  reopenScoresheet,
  saveScoresheet,
  scoresheetCriteria,
  stageAccepts,
  type ScoresheetCriterion,
} from "../../db/queries/scores";
import { deadlineEnd } from "../../app/domain/deadlines";
import { currentRubric, insertRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { buildScoringInput } from "../../app/lib/scoring-input.server";
import { scoresAboveNewMax } from "../../db/queries/rubric-versions";
import { parseScoringInput } from "../../scoring/index";
import { freshDb } from "./support";

const run = promisify(execFile);

let db: Db;
let url: string;
let penilai1: number;
let penilai2: number;
/** penilai1's not-started desk assignments (each test takes its own). */
let free: { id: number; entry_id: number }[];

beforeAll(async () => {
  ({ db, url } = await freshDb({ seed: true }));
  const user = (email: string) =>
    db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  penilai1 = (await user("penilai1@paritrana.test")).id;
  penilai2 = (await user("penilai2@paritrana.test")).id;
  free = await db
    .selectFrom("assignments")
    .select(["id", "entry_id"])
    .where("user_id", "=", penilai1)
    .where("status", "=", "not_started")
    .orderBy("id")
    .execute();
  expect(free.length).toBeGreaterThanOrEqual(3);
});

/** A fresh not-started desk assignment of penilai1 (a seeded one, or a new one on another submitted entry). */
async function take() {
  const seeded = free.shift();
  if (seeded) return seeded;
  const entry = await db
    .selectFrom("entries")
    .select("id")
    .where("status", "=", "submitted")
    .where("id", "not in", db.selectFrom("assignments").select("entry_id").where("user_id", "=", penilai1))
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return db
    .insertInto("assignments")
    .values({ entry_id: entry.id, user_id: penilai1, stage_key: "desk" })
    .returning(["id", "entry_id"])
    .executeTakeFirstOrThrow();
}
const version = async (id: number) =>
  await db.selectFrom("assignments").select(["version", "status"]).where("id", "=", id).executeTakeFirstOrThrow();
const full = (criteria: ScoresheetCriterion[], value = 70, note: string | null = "ok") =>
  criteria.map((c) => ({ criterionId: c.id, value, note }));

describe("saving a scoresheet", () => {
  it("saves a draft, bumps the version and audits every changed score with before and after", async () => {
    const a = await take();
    const criteria = await scoresheetCriteria(db, a.id);
    expect(criteria.length).toBeGreaterThanOrEqual(2);
    const first = await saveScoresheet(db, {
      assignmentId: a.id,
      userId: penilai1,
      baseVersion: 0,
      scores: [{ criterionId: criteria[0].id, value: 65, note: null }],
    });
    expect(first).toEqual({ ok: true, version: 1, status: "draft", changed: 1 });
    const second = await saveScoresheet(db, {
      assignmentId: a.id,
      userId: penilai1,
      baseVersion: 1,
      scores: [
        { criterionId: criteria[0].id, value: 70, note: "Lengkap" },
        { criterionId: criteria[1].id, value: null, note: null },
      ],
    });
    expect(second).toMatchObject({ ok: true, version: 2, changed: 1 });
    expect(await loadScores(db, a.id)).toEqual([
      expect.objectContaining({ criterionId: criteria[0].id, value: 70, note: "Lengkap", status: "draft" }),
    ]);
    const log = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "score.change")
      .where("entry_id", "=", a.entry_id)
      .orderBy("id")
      .execute();
    expect(log.map((l) => [l.user_id, l.before, l.after])).toEqual([
      [penilai1, null, JSON.stringify({ value: 65, note: null })],
      [penilai1, JSON.stringify({ value: 65, note: null }), JSON.stringify({ value: 70, note: "Lengkap" })],
    ]);
    expect(log[0].subject).toBe(`assignment:${a.id}/criterion:${criteria[0].key}`);
  });

  it("refuses a save based on an older version and writes nothing", async () => {
    const a = await take();
    const [c] = await scoresheetCriteria(db, a.id);
    expect(
      (
        await saveScoresheet(db, {
          assignmentId: a.id,
          userId: penilai1,
          baseVersion: 0,
          scores: [{ criterionId: c.id, value: 40, note: null }],
        })
      ).ok,
    ).toBe(true);
    const stale = await saveScoresheet(db, {
      assignmentId: a.id,
      userId: penilai1,
      baseVersion: 0,
      scores: [{ criterionId: c.id, value: 90, note: null }],
    });
    expect(stale).toEqual({ ok: false, reason: "stale", version: 1, status: "draft" });
    expect((await loadScores(db, a.id))[0].value).toBe(40);
    expect(await version(a.id)).toEqual({ version: 1, status: "draft" });
  });

  it("refuses other users, unknown criteria and values off the scale", async () => {
    const a = await take();
    const [c] = await scoresheetCriteria(db, a.id);
    expect(await saveScoresheet(db, { assignmentId: a.id, userId: penilai2, baseVersion: 0, scores: [] })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await saveScoresheet(db, {
        assignmentId: a.id,
        userId: penilai1,
        baseVersion: 0,
        scores: [{ criterionId: 999999, value: 1, note: null }],
      }),
    ).toMatchObject({ ok: false, reason: "invalid" });
    for (const value of [-1, c.max + 1, 0.5, Number.NaN]) {
      expect(
        await saveScoresheet(db, {
          assignmentId: a.id,
          userId: penilai1,
          baseVersion: 0,
          scores: [{ criterionId: c.id, value, note: null }],
        }),
      ).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect(await version(a.id)).toEqual({ version: 0, status: "not_started" });
  });

  it("submits only when every criterion is scored, with a note at either end of the scale; then it is read-only", async () => {
    const a = await take();
    const criteria = await scoresheetCriteria(db, a.id);
    const partial = await saveScoresheet(db, {
      assignmentId: a.id,
      userId: penilai1,
      baseVersion: 0,
      scores: [{ criterionId: criteria[0].id, value: 50, note: null }],
      submit: true,
    });
    expect(partial).toMatchObject({
      ok: false,
      reason: "incomplete",
      criterionIds: criteria.slice(1).map((c) => c.id),
    });
    // The refused submit rolled back entirely: the version did not move and nothing was saved.
    expect(await version(a.id)).toEqual({ version: 0, status: "not_started" });
    expect(await loadScores(db, a.id)).toEqual([]);
    const extreme = await saveScoresheet(db, {
      assignmentId: a.id,
      userId: penilai1,
      baseVersion: 0,
      scores: full(criteria, 100, null),
      submit: true,
    });
    expect(extreme).toMatchObject({ ok: false, reason: "note_required" });
    const done = await saveScoresheet(db, {
      assignmentId: a.id,
      userId: penilai1,
      baseVersion: 0,
      scores: full(criteria, 100, "Sangat lengkap"),
      submit: true,
    });
    expect(done).toMatchObject({ ok: true, version: 1, status: "submitted" });
    expect((await loadScores(db, a.id)).every((s) => s.status === "submitted")).toBe(true);
    const after = await saveScoresheet(db, {
      assignmentId: a.id,
      userId: penilai1,
      baseVersion: 1,
      scores: full(criteria, 10),
    });
    expect(after).toMatchObject({ ok: false, reason: "submitted" });

    // The committee reopens it (with a reason): a draft again, a new version, audited.
    const committee = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "panitia@paritrana.test")
      .executeTakeFirstOrThrow();
    expect(await reopenScoresheet(db, a.id, committee.id, " ")).toEqual({ ok: false, reason: "reason_required" });
    expect(await reopenScoresheet(db, a.id, committee.id, "Catatan kurang jelas")).toEqual({ ok: true, version: 2 });
    expect(await reopenScoresheet(db, a.id, committee.id, "lagi")).toEqual({ ok: false, reason: "not_submitted" });
    expect(await reopenScoresheet(db, 999999, committee.id, "x")).toEqual({ ok: false, reason: "not_found" });
    expect(await version(a.id)).toEqual({ version: 2, status: "draft" });
    expect((await loadScores(db, a.id)).every((s) => s.status === "draft")).toBe(true);
    const reopen = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "scoresheet.reopen")
      .where("subject", "=", `assignment:${a.id}`)
      .executeTakeFirstOrThrow();
    expect(reopen).toMatchObject({ user_id: committee.id, reason: "Catatan kurang jelas" });
    expect(
      (await saveScoresheet(db, { assignmentId: a.id, userId: penilai1, baseVersion: 1, scores: full(criteria, 10) }))
        .ok,
    ).toBe(false);
    expect(
      (await saveScoresheet(db, { assignmentId: a.id, userId: penilai1, baseVersion: 2, scores: full(criteria, 90) }))
        .ok,
    ).toBe(true);

    // Once the stage is closed a submitted sheet cannot be reopened: it could never be sent again.
    expect(
      (
        await saveScoresheet(db, {
          assignmentId: a.id,
          userId: penilai1,
          baseVersion: 3,
          scores: full(criteria, 90, "Lengkap"),
          submit: true,
        })
      ).ok,
    ).toBe(true);
    const stage = await db.selectFrom("edition_stages").selectAll().where("key", "=", "desk").executeTakeFirstOrThrow();
    await db.updateTable("edition_stages").set({ status: "closed" }).where("id", "=", stage.id).execute();
    try {
      expect(await reopenScoresheet(db, a.id, committee.id, "Terlambat")).toEqual({
        ok: false,
        reason: "stage_not_open",
      });
      expect(await version(a.id)).toEqual({ version: 4, status: "submitted" });
    } finally {
      await db.updateTable("edition_stages").set({ status: "open" }).where("id", "=", stage.id).execute();
    }
  });

  it("refuses saves when the stage is not open or its deadline has passed", async () => {
    const a = await take();
    const [c] = await scoresheetCriteria(db, a.id);
    const stage = await db.selectFrom("edition_stages").selectAll().where("key", "=", "desk").executeTakeFirstOrThrow();
    const scores = [{ criterionId: c.id, value: 60, note: null }];
    const late = new Date(new Date(stage.deadline!).getTime() + 1000);
    expect(
      await saveScoresheet(db, { assignmentId: a.id, userId: penilai1, baseVersion: 0, scores, now: late }),
    ).toEqual({ ok: false, reason: "deadline" });
    await db.updateTable("edition_stages").set({ status: "closed" }).where("id", "=", stage.id).execute();
    try {
      expect(await saveScoresheet(db, { assignmentId: a.id, userId: penilai1, baseVersion: 0, scores })).toEqual({
        ok: false,
        reason: "stage_closed",
      });
      expect(await version(a.id)).toEqual({ version: 0, status: "not_started" });
      // A closed stage drops out of the assessor's list.
      expect((await listMyAssignments(db, penilai1)).some((x) => x.assignmentId === a.id)).toBe(false);
    } finally {
      await db.updateTable("edition_stages").set({ status: "open" }).where("id", "=", stage.id).execute();
    }
    expect((await saveScoresheet(db, { assignmentId: a.id, userId: penilai1, baseVersion: 0, scores })).ok).toBe(true);
  });

  it("reads a bare-date deadline as the end of that day in WIB", () => {
    expect(deadlineEnd("2024-03-01")!.toISOString()).toBe("2024-03-01T16:59:59.999Z");
    expect(stageAccepts({ stageStatus: "open", deadline: "2024-03-01" }, new Date("2024-03-01T16:00:00Z"))).toBe("ok");
    expect(stageAccepts({ stageStatus: "open", deadline: "2024-03-01" }, new Date("2024-03-01T17:00:00Z"))).toBe(
      "deadline",
    );
    expect(stageAccepts({ stageStatus: "pending", deadline: null })).toBe("stage_closed");
  });
});

describe("no lost update under concurrent saves", () => {
  it("two saves based on the same version, run concurrently on the server's connection: exactly one wins", async () => {
    const a = await take();
    for (let round = 0; round < 5; round++) {
      const criteria = await scoresheetCriteria(db, a.id);
      const { version: base } = await version(a.id);
      const results = await Promise.all(
        [10, 20].map((value) =>
          saveScoresheet(db, {
            assignmentId: a.id,
            userId: penilai1,
            baseVersion: base,
            scores: full(criteria, value),
          }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === "stale")).toHaveLength(1);
      expect((await version(a.id)).version).toBe(base + 1);
      const winner = results.findIndex((r) => r.ok);
      expect((await loadScores(db, a.id)).map((s) => s.value)).toEqual(criteria.map(() => [10, 20][winner]));
    }
  });

  const worker = async (args: Record<string, unknown>) => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "test/db/scores-race.worker.ts", JSON.stringify(args)],
      { timeout: 60_000 },
    );
    return JSON.parse(stdout) as { ok: number; stale: number; other: string[] };
  };

  it("separate processes (own connections) saving from the same version: exactly one wins, every time", async () => {
    const a = await take();
    const criterionIds = (await scoresheetCriteria(db, a.id)).map((c) => c.id);
    for (let round = 0; round < 3; round++) {
      const { version: base } = await version(a.id);
      const startAt = Date.now() + 1500;
      const results = await Promise.all(
        [0, 1, 2].map(() =>
          worker({ url, assignmentId: a.id, userId: penilai1, criterionIds, mode: "same", baseVersion: base, startAt }),
        ),
      );
      expect(results.reduce((n, r) => n + r.ok, 0)).toBe(1);
      expect(results.reduce((n, r) => n + r.stale, 0)).toBe(2);
      expect(results.flatMap((r) => r.other)).toEqual([]);
      expect((await version(a.id)).version).toBe(base + 1);
    }
  });

  it("many interleaved saves from several processes: the final version equals the number of successful saves", async () => {
    const a = await take();
    const criterionIds = (await scoresheetCriteria(db, a.id)).map((c) => c.id);
    const { version: before } = await version(a.id);
    const results = await Promise.all(
      [0, 1, 2, 3].map(() =>
        worker({ url, assignmentId: a.id, userId: penilai1, criterionIds, mode: "loop", rounds: 25 }),
      ),
    );
    const ok = results.reduce((n, r) => n + r.ok, 0);
    const stale = results.reduce((n, r) => n + r.stale, 0);
    expect(results.flatMap((r) => r.other)).toEqual([]);
    console.log(`interleaved saves: ${ok} ok, ${stale} stale`);
    expect(ok + stale).toBe(100);
    expect(ok).toBeGreaterThan(0);
    expect((await version(a.id)).version).toBe(before + ok);
    // Every successful save left one audit row, and nothing else touched the sheet.
    const saves = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "=", "scoresheet.save")
      .where("subject", "=", `assignment:${a.id}`)
      .executeTakeFirstOrThrow();
    expect(Number(saves.n)).toBe(ok);
  });
});

describe("conflicts of interest", () => {
  it("a declared conflict takes the entry off the assessor's list and shows it to the committee; declaring twice is refused", async () => {
    const a = await take();
    const entry = await db
      .selectFrom("entries")
      .select(["id", "edition_id"])
      .where("id", "=", a.entry_id)
      .executeTakeFirstOrThrow();
    expect((await listMyAssignments(db, penilai1)).some((x) => x.entryId === a.entry_id)).toBe(true);
    expect(
      await declareConflict(db, {
        userId: penilai1,
        entryId: a.entry_id,
        hasConflict: true,
        kind: "business_link",
        note: "Pemasok kami",
      }),
    ).toMatchObject({ ok: true });
    expect(await declareConflict(db, { userId: penilai1, entryId: a.entry_id, hasConflict: false })).toEqual({
      ok: false,
      reason: "already_declared",
    });
    expect((await listMyAssignments(db, penilai1)).some((x) => x.entryId === a.entry_id)).toBe(false);
    // Still assigned (until the committee reassigns), so the committee sees whom to replace.
    expect(await myAssignmentsForEntry(db, { userId: penilai1, entryId: a.entry_id })).toHaveLength(1);
    const conflicts = await listConflicts(db, entry.edition_id);
    expect(conflicts).toContainEqual(
      expect.objectContaining({
        entryId: a.entry_id,
        userId: penilai1,
        kind: "business_link",
        note: "Pemasok kami",
        userEmail: "penilai1@paritrana.test",
        assignments: [{ id: a.id, stage: "desk", status: "not_started" }],
      }),
    );
    const log = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "conflict.declare")
      .where("entry_id", "=", a.entry_id)
      .execute();
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0].after!)).toEqual({ hasConflict: true, kind: "business_link", note: "Pemasok kami" });
  });

  it("a declaration of no conflict keeps the entry and is not listed as a conflict", async () => {
    const a = await take();
    const entry = await db
      .selectFrom("entries")
      .select(["edition_id"])
      .where("id", "=", a.entry_id)
      .executeTakeFirstOrThrow();
    expect(
      await declareConflict(db, {
        userId: penilai1,
        entryId: a.entry_id,
        hasConflict: false,
        kind: "employed_by",
        note: "",
      }),
    ).toMatchObject({ ok: true });
    const row = await db
      .selectFrom("conflict_declarations")
      .selectAll()
      .where("entry_id", "=", a.entry_id)
      .where("user_id", "=", penilai1)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ has_conflict: 0, kind: null, note: null });
    expect((await listMyAssignments(db, penilai1)).find((x) => x.entryId === a.entry_id)).toMatchObject({
      hasConflict: 0,
    });
    expect((await listConflicts(db, entry.edition_id)).some((c) => c.entryId === a.entry_id)).toBe(false);
  });
});

describe("a new rubric version during a stage", () => {
  it("keeps the scores of criteria it still has, refuses pages opened before it, and scores only its own criteria", async () => {
    const { db } = await freshDb({ seed: true });
    const regency = await db
      .selectFrom("categories")
      .select(["id", "key"])
      .where("key", "=", "regency_city")
      .executeTakeFirstOrThrow();
    const sheet = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select(["a.id", "a.user_id", "a.version"])
      .where("e.category_id", "=", regency.id)
      .where("a.stage_key", "=", "desk")
      .where("a.status", "=", "submitted")
      .orderBy("a.id")
      .executeTakeFirstOrThrow();
    const before = await loadScores(db, sheet.id);
    expect(before.length).toBeGreaterThan(1);
    const rubric = (await currentRubric(db, regency.id))!;
    const definition = await loadRubricDefinition(db, rubric.id);
    // The new version drops the first judged desk criterion and keeps the others.
    const dropped = definition.criteria.find((c) => c.type === "judged" && c.stage === "desk")!;
    await insertRubric(db, {
      categoryId: regency.id,
      definition: { ...definition, criteria: definition.criteria.filter((c) => c !== dropped) },
      method: JSON.parse(rubric.method),
      reason: "Kriteria digabung",
    });

    const keyOf = new Map((await db.selectFrom("criteria").select(["id", "key"]).execute()).map((c) => [c.id, c.key]));
    const byKey = (rows: { criterionId: number; value: number | null }[]) =>
      Object.fromEntries(rows.map((s) => [keyOf.get(s.criterionId), s.value]));
    const kept = new Set((await scoresheetCriteria(db, sheet.id)).map((c) => c.id));
    const all = await loadScores(db, sheet.id);
    const after = all.filter((s) => kept.has(s.criterionId));
    expect(after).toHaveLength(kept.size);
    expect(all).toHaveLength(before.length); // the dropped criterion's score is kept, not counted
    // Every kept criterion shows the value it had before; only the dropped one is gone.
    const { [dropped.id]: _gone, ...expected } = byKey(before);
    expect(byKey(after)).toEqual(expected);
    // A page opened before the change carries the old version and is refused as stale.
    const version = await db
      .selectFrom("assignments")
      .select("version")
      .where("id", "=", sheet.id)
      .executeTakeFirstOrThrow();
    expect(version.version).toBe(sheet.version + 1);
    // The ranking scores the new version's criteria only, with the carried scores.
    const built = (await buildScoringInput(db, regency))!;
    const input = built.input as { scores: { criterion: string }[] };
    expect(input.scores.some((s) => s.criterion === dropped.id)).toBe(false);
    expect(parseScoringInput(built.input).ok).toBe(true);
  });

  it("finds the criteria whose new max would put given scores above the scale", async () => {
    const { db } = await freshDb({ seed: true });
    const regency = await db
      .selectFrom("categories")
      .select(["id"])
      .where("key", "=", "regency_city")
      .executeTakeFirstOrThrow();
    const definition = await loadRubricDefinition(db, (await currentRubric(db, regency.id))!.id);
    expect(await scoresAboveNewMax(db, regency.id, definition)).toEqual([]);
    const index = definition.criteria.findIndex((c) => c.type === "judged" && c.stage === "desk");
    const key = definition.criteria[index].id;
    const top = await db
      .selectFrom("scores as s")
      .innerJoin("criteria as c", "c.id", "s.criterion_id")
      .select((eb) => eb.fn.max("s.value").as("v"))
      .where("c.key", "=", key)
      .where("c.rubric_id", "=", (await currentRubric(db, regency.id))!.id)
      .executeTakeFirstOrThrow();
    const lowered = {
      ...definition,
      criteria: definition.criteria.map((c, i) => (i === index ? { ...c, max: 1 } : c)),
    };
    expect(await scoresAboveNewMax(db, regency.id, lowered)).toEqual([
      { index, criterion: key, highest: Number(top.v) },
    ]);
  });
});
