import type { Db } from "../client";
import { SCORED_STATUSES } from "../../app/domain/entry-status";

// What the scoring module is given for a category (app/lib/scoring-input.server.ts builds its
// input from these): the entries that take part, their indicator values, the submitted scores,
// and how many scoresheets each stage has.

/** The entries of a category that take part in scoring, with their organisation, by id. */
export async function scoredEntries(db: Db, categoryId: number) {
  return db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "e.status", "e.organisation_id", "o.name as organisation_name", "o.region", "e.source_total"])
    .where("e.category_id", "=", categoryId)
    .where("e.status", "in", SCORED_STATUSES)
    .orderBy("e.id")
    .execute();
}

/** Indicator values of the given entries. */
export async function indicatorValues(db: Db, entryIds: number[]) {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom("indicator_values")
    .select(["entry_id", "indicator", "value"])
    .where("entry_id", "in", entryIds)
    .orderBy("entry_id")
    .orderBy("indicator")
    .execute();
}

/**
 * The scores of SUBMITTED scoresheets of the given entries on the criteria of one rubric version
 * (insertRubric carries scores over to a new version), criterion by key, in a stable order.
 */
export async function submittedScores(db: Db, entryIds: number[], rubricId: number) {
  if (entryIds.length === 0) return [];
  return (
    db
      .selectFrom("scores as s")
      .innerJoin("assignments as a", "a.id", "s.assignment_id")
      .innerJoin("criteria as c", "c.id", "s.criterion_id")
      .select(["a.user_id", "a.entry_id", "a.stage_key", "c.key as criterion", "s.value"])
      .where("a.entry_id", "in", entryIds)
      .where("a.status", "=", "submitted")
      .where("s.value", "is not", null)
      // Only criteria of the rubric version scored (a new version carries the scores it keeps over).
      .where("c.rubric_id", "=", rubricId)
      .orderBy("a.entry_id")
      .orderBy("a.user_id")
      .orderBy("c.position")
      .orderBy("s.id")
      .execute()
  );
}

/** Scoresheets of a category per stage and status (for the "missing scoresheets" warning). */
export async function scoresheetCounts(db: Db, categoryId: number) {
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.stage_key", "a.status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("e.category_id", "=", categoryId)
    .where("e.status", "in", SCORED_STATUSES)
    .groupBy(["a.stage_key", "a.status"])
    .execute();
  return rows.map((r) => ({ stage: r.stage_key, status: r.status, n: Number(r.n) }));
}
