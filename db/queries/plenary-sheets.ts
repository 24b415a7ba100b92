import type { Db } from "../client";
import type { StageKey } from "../schema";
import { SCORED_STATUSES } from "../../app/domain/entry-status";
import { ON_OWN_PANEL } from "./assignments";

// The scoresheets a plenary discusses: the stage's assignments on the category's scored entries
// whose assessor is still on the stage's panel (ON_OWN_PANEL), per entry for the list, and one
// entry's sheets with their scores and notes (submitted sheets only) for its page.

/** Per entry of the category with a sheet at the stage: organisation, sheets submitted and not. */
export async function stageSheetCounts(db: Db, categoryId: number, stage: StageKey) {
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select((eb) => [
      "e.id as entryId",
      "o.name as organisation",
      eb.fn.countAll<number>().as("sheets"),
      eb.fn.sum<number>(eb.case().when("a.status", "=", "submitted").then(1).else(0).end()).as("submitted"),
    ])
    .where("e.category_id", "=", categoryId)
    .where("e.status", "in", SCORED_STATUSES)
    .where("a.stage_key", "=", stage)
    .where(ON_OWN_PANEL)
    .groupBy(["e.id", "o.name"])
    .orderBy("e.id")
    .execute();
  return rows.map((r) => ({
    entryId: r.entryId,
    organisation: r.organisation,
    submitted: Number(r.submitted),
    unsubmitted: Number(r.sheets) - Number(r.submitted),
  }));
}

/** The judged criteria of a stage in a rubric version, in rubric order. */
export async function stageCriteria(db: Db, rubricId: number, stage: StageKey) {
  return db
    .selectFrom("criteria")
    .select(["id", "key", "name_id as nameId", "name_en as nameEn", "max", "step"])
    .where("rubric_id", "=", rubricId)
    .where("stage_key", "=", stage)
    .where("type", "=", "judged")
    .orderBy("position")
    .execute();
}

export interface EntrySheet {
  assignmentId: number;
  /** Its place (1…) among all the entry's sheets of the stage, submitted or not: "Lembar N". */
  n: number;
  userId: number;
  assessorName: string;
  /** Criterion key → the value and note given (submitted sheets only). */
  scores: Record<string, { value: number | null; note: string | null }>;
}

/**
 * One entry's sheets at a stage, by assignment id (the stable order their labels follow): the
 * submitted ones with their scores on the given criteria, and how many are not submitted.
 */
export async function entrySheets(db: Db, entryId: number, stage: StageKey, criterionIds: number[]) {
  const sheets = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["a.id", "a.user_id", "a.status", "u.name"])
    .where("a.entry_id", "=", entryId)
    .where("a.stage_key", "=", stage)
    .where(ON_OWN_PANEL)
    .orderBy("a.id")
    .execute();
  const submitted = sheets.map((s, i) => ({ ...s, n: i + 1 })).filter((s) => s.status === "submitted");
  const scores =
    submitted.length && criterionIds.length
      ? await db
          .selectFrom("scores as sc")
          .innerJoin("criteria as c", "c.id", "sc.criterion_id")
          .select(["sc.assignment_id", "c.key", "sc.value", "sc.note"])
          .where(
            "sc.assignment_id",
            "in",
            submitted.map((s) => s.id),
          )
          .where("sc.criterion_id", "in", criterionIds)
          .execute()
      : [];
  const byId = new Map<number, EntrySheet>(
    submitted.map((s) => [s.id, { assignmentId: s.id, n: s.n, userId: s.user_id, assessorName: s.name, scores: {} }]),
  );
  for (const s of scores) byId.get(s.assignment_id)!.scores[s.key] = { value: s.value, note: s.note };
  return { sheets: [...byId.values()], unsubmitted: sheets.length - submitted.length };
}
