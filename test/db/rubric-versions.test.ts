import { execFile } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import type { RubricDefinition } from "../../app/domain/rubric";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { categoryHasScores, saveRubricVersion } from "../../db/queries/rubric-versions";
import { loadScores, saveScoresheet, scoresheetCriteria } from "../../db/queries/scores";
import { freshDb } from "./support";

// saveRubricVersion makes its checks (stale version, frozen needs a reason, max not below given
// scores) inside the transaction that inserts the version: a score given after the committee's page
// was checked, or while the version is being saved, is taken into account.

const run = promisify(execFile);

let db: Db;
let url: string;
let penilai1: number;
let editionId: number;
let categoryId: number;
/** penilai1's not-started desk scoresheets in that category. */
let sheets: number[];
let committee: number;

beforeAll(async () => {
  ({ db, url } = await freshDb({ seed: true }));
  penilai1 = (
    await db.selectFrom("users").select("id").where("email", "=", "penilai1@paritrana.test").executeTakeFirstOrThrow()
  ).id;
  committee = (
    await db.selectFrom("users").select("id").where("email", "=", "panitia@paritrana.test").executeTakeFirstOrThrow()
  ).id;
  const free = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.id", "e.category_id", "e.edition_id"])
    .where("a.user_id", "=", penilai1)
    .where("a.status", "=", "not_started")
    .where("a.stage_key", "=", "desk")
    .orderBy("a.id")
    .execute();
  ({ category_id: categoryId, edition_id: editionId } = free[0]!);
  sheets = free.filter((a) => a.category_id === categoryId).map((a) => a.id);
  // Scoring has not started in this category yet: its rubric is not frozen.
  await db
    .deleteFrom("scores")
    .where("assignment_id", "in", (eb) =>
      eb
        .selectFrom("assignments as a")
        .innerJoin("entries as e", "e.id", "a.entry_id")
        .select("a.id")
        .where("e.category_id", "=", categoryId),
    )
    .execute();
});

/** The current definition, its version, and the same rubric with one judged desk criterion's max changed. */
async function current() {
  const rubric = (await currentRubric(db, categoryId))!;
  const definition = await loadRubricDefinition(db, rubric.id);
  const index = definition.criteria.findIndex((c) => c.type === "judged" && c.stage === "desk");
  const withMax = (max: number): RubricDefinition => ({
    ...definition,
    criteria: definition.criteria.map((c, i) => (i === index && c.type === "judged" ? { ...c, max } : c)),
  });
  return { version: rubric.version, index, key: definition.criteria[index]!.id, withMax };
}

/** Scores of the category's current rubric version above their criterion's max (must stay none). */
const aboveTheScale = async () =>
  db
    .selectFrom("scores as s")
    .innerJoin("criteria as c", "c.id", "s.criterion_id")
    .select(["s.value", "c.max"])
    .where("c.rubric_id", "=", (await currentRubric(db, categoryId))!.id)
    .whereRef("s.value", ">", "c.max")
    .execute();

const save = (basedOn: number, definition: RubricDefinition, reason: string | null) =>
  saveRubricVersion(db, { editionId, categoryId, basedOn, definition, reason, userId: committee, source: "edit" });

describe("saveRubricVersion", () => {
  it("sees a score given after the committee's form was checked: the rubric is frozen now, and its max may not go below that score", async () => {
    const { version, index, key, withMax } = await current();
    // The committee opens the form: no scores yet, so no reason asked.
    expect(await categoryHasScores(db, categoryId)).toBe(false);

    // Meanwhile an assessor gives the criterion 80.
    const sheet = sheets[0]!;
    const criterion = (await scoresheetCriteria(db, sheet)).find((c) => c.key === key)!;
    expect(
      await saveScoresheet(db, {
        assignmentId: sheet,
        userId: penilai1,
        baseVersion: 0,
        scores: [{ criterionId: criterion.id, value: 80, note: null }],
      }),
    ).toMatchObject({ ok: true });

    // The committee saves max 50 without a reason: both checks see the new score.
    expect(await save(version, withMax(50), null)).toEqual({ ok: false, refusal: "reason_required" });
    expect(await save(version, withMax(50), "Skala disederhanakan")).toEqual({
      ok: false,
      refusal: "max_below_scores",
      above: [{ index, criterion: key, highest: 80 }],
    });
    expect((await currentRubric(db, categoryId))!.version).toBe(version);
    expect(await db.selectFrom("audit_log").select("id").where("action", "like", "rubric.%").execute()).toEqual([]);

    // Max 80 keeps the score on the scale: stored, with the reason, and the score carried over.
    const saved = await save(version, withMax(80), "Skala disederhanakan");
    expect(saved).toMatchObject({ ok: true, version: version + 1, frozen: true });
    const log = await db
      .selectFrom("audit_log")
      .select(["action", "reason"])
      .where("action", "like", "rubric.%")
      .execute();
    expect(log).toEqual([{ action: "rubric.new_version_frozen", reason: "Skala disederhanakan" }]);
    const carried = (await scoresheetCriteria(db, sheet)).find((c) => c.key === key)!;
    expect(carried.max).toBe(80);
    expect((await loadScores(db, sheet)).find((s) => s.criterionId === carried.id)?.value).toBe(80);
    // A form based on the version before is stale.
    expect(await save(version, withMax(100), "Lagi")).toEqual({
      ok: false,
      refusal: "stale",
      currentVersion: version + 1,
    });
  });

  it("separate processes scoring while versions are saved: no version ever leaves a score above its max", async () => {
    const { key } = await current();
    const sheet = sheets[1] ?? sheets[0]!;
    const worker = async () => {
      const { stdout } = await run(
        process.execPath,
        [
          "--import",
          "tsx",
          "test/db/rubric-race.worker.ts",
          JSON.stringify({ url, assignmentId: sheet, userId: penilai1, key, rounds: 40 }),
        ],
        { timeout: 60_000 },
      );
      return JSON.parse(stdout) as Record<string, number>;
    };
    let running = true;
    const workers = Promise.all([worker(), worker()]).finally(() => {
      running = false;
    });
    // The committee meanwhile lowers the criterion's max to 60 and raises it back to 100, again and again.
    const outcomes: Record<string, number> = {};
    for (let n = 0; running; n++) {
      const { version, withMax } = await current();
      const res = await save(version, withMax(n % 2 === 0 ? 60 : 100), "Uji");
      const outcome = res.ok ? "ok" : res.refusal;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      expect(await aboveTheScale()).toEqual([]);
      await sleep(10);
    }
    const scored = await workers;
    console.log("rubric saves:", outcomes, "score saves:", scored);
    // Only the refusals of the rules, never an error (a busy database, a broken transaction).
    expect(Object.keys(outcomes).every((o) => o === "ok" || o === "max_below_scores")).toBe(true);
    for (const w of scored) expect(Object.keys(w).every((o) => ["ok", "stale", "invalid"].includes(o))).toBe(true);
    expect(scored.reduce((n, w) => n + (w.ok ?? 0), 0)).toBeGreaterThan(0);
    expect(await aboveTheScale()).toEqual([]);
  });
});
