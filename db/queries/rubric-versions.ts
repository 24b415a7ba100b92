import { sql } from "kysely";
import { inTransaction, type Db } from "../client";
import { criteriaBelowScores, criterionKey, type RubricDefinition } from "../../app/domain/rubric";
import { audit, json } from "./audit";
import { currentRubric, insertRubric } from "./rubrics";

// Rubric versions of a category: the one save that every way of changing a rubric goes through
// (the JSON import, the form editor), the checks it makes, and the list of versions.

/** Whether scoring has started in a category (any score exists): its rubric is then frozen. */
export async function categoryHasScores(db: Db, categoryId: number): Promise<boolean> {
  const row = await db
    .selectFrom("scores as s")
    .innerJoin("assignments as a", "a.id", "s.assignment_id")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select("s.id")
    .where("e.category_id", "=", categoryId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Judged criteria of a proposed rubric whose `max` is below scores already given on the same
 * criterion (same key and stage, in the current version): such a version would leave scores
 * above the scale. Returns the rubric index of each criterion and the highest score there.
 */
export async function scoresAboveNewMax(db: Db, categoryId: number, definition: RubricDefinition) {
  const current = await currentRubric(db, categoryId);
  if (!current) return [];
  const highest = await db
    .selectFrom("scores as s")
    .innerJoin("criteria as c", "c.id", "s.criterion_id")
    .select(["c.key", "c.stage_key", (eb) => eb.fn.max("s.value").as("top")])
    .where("c.rubric_id", "=", current.id)
    .where("s.value", "is not", null)
    .groupBy(["c.key", "c.stage_key"])
    .execute();
  return criteriaBelowScores(
    definition,
    new Map(highest.map((h) => [criterionKey({ stage: h.stage_key, id: h.key }), Number(h.top)])),
  );
}

export async function rubricVersions(db: Db, categoryId: number) {
  return db
    .selectFrom("rubrics as r")
    .leftJoin("users as u", "u.id", "r.created_by")
    .select(["r.id", "r.version", "r.reason", "r.created_at", "u.name as created_by_name"])
    .where("r.category_id", "=", categoryId)
    .orderBy("r.version", "desc")
    .execute();
}

export type SaveRubricVersionResult =
  | { ok: true; rubricId: number; version: number; frozen: boolean }
  | { ok: false; refusal: "stale"; currentVersion: number }
  | { ok: false; refusal: "reason_required" }
  | { ok: false; refusal: "max_below_scores"; above: Awaited<ReturnType<typeof scoresAboveNewMax>> };

/**
 * Stores a rubric as the category's new version. Refused when another version was saved since the
 * one the committee started from (`basedOn`, 0 for none), when scoring has started (the rubric is
 * frozen) and no reason is given, or when a judged criterion's max would fall below a score already
 * given. All three are checked inside the transaction that inserts the version, after taking the
 * write lock that score saves take too (see `lockScoresheets`): a score given while the committee
 * was filling in the form is seen here. `method` undefined carries the current version's over.
 * Audited as `rubric.import` / `rubric.edit` (by `source`), or `rubric.new_version_frozen` with the
 * reason once scoring has started.
 */
export async function saveRubricVersion(
  db: Db,
  a: {
    editionId: number;
    categoryId: number;
    basedOn: number;
    definition: RubricDefinition;
    method?: unknown;
    reason: string | null;
    userId: number;
    source: "import" | "edit";
  },
): Promise<SaveRubricVersionResult> {
  return inTransaction(db, async (tx) => {
    await lockScoresheets(tx, a.categoryId);
    const current = await currentRubric(tx, a.categoryId);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== a.basedOn) return { ok: false as const, refusal: "stale" as const, currentVersion };
    const frozen = await categoryHasScores(tx, a.categoryId);
    if (frozen && !a.reason?.trim()) return { ok: false as const, refusal: "reason_required" as const };
    const above = await scoresAboveNewMax(tx, a.categoryId, a.definition);
    if (above.length > 0) return { ok: false as const, refusal: "max_below_scores" as const, above };
    const method = a.method !== undefined ? a.method : current ? (JSON.parse(current.method) as unknown) : {};
    const rubricId = await insertRubric(tx, {
      categoryId: a.categoryId,
      definition: a.definition,
      method,
      reason: a.reason,
      userId: a.userId,
    });
    const version = currentVersion + 1;
    await audit(tx, {
      user_id: a.userId,
      edition_id: a.editionId,
      entry_id: null,
      action: frozen ? "rubric.new_version_frozen" : a.source === "import" ? "rubric.import" : "rubric.edit",
      subject: `category:${a.categoryId}`,
      before: current ? json({ rubric: current.id, version: currentVersion }) : null,
      after: json({ rubric: rubricId, version }),
      reason: a.reason,
    });
    return { ok: true as const, rubricId, version, frozen };
  });
}

/**
 * Takes the lock that every scoresheet save of the category takes first (saveScoresheet's
 * conditional UPDATE of its assignment row), so that no score is written between the checks above
 * and the insert: on PostgreSQL the rows of the category's scoresheets are locked, on SQLite the
 * database's write lock is held from here on (a deferred transaction would otherwise only take it
 * at the insert, and fail there if a score had been written since its first read).
 */
async function lockScoresheets(tx: Db, categoryId: number) {
  await tx
    .updateTable("assignments")
    .set({ version: sql<number>`version` })
    .where("entry_id", "in", (eb) => eb.selectFrom("entries").select("id").where("category_id", "=", categoryId))
    .execute();
}
