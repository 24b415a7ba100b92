import { sql } from "kysely";
import type { Db } from "../client";
import { UNSUBMITTED_STATUSES } from "../../app/domain/entry-status";

// Assessor and jury workspace (assess.*): the viewer's own assignments and the entry they score.
// Nothing here reads another assessor's scores or notes: what a panel may read of one another's
// submitted scoresheets once their stage is closed is decided in panel-view.ts.

/**
 * The viewer's assignments in open stages ("open"), or their submitted ones in closed stages whose
 * panel may read one another ("closed_readable"); never entries they declared a conflict with.
 */
/**
 * An assignment (alias a) of an entry (e) in a stage (s) whose person is still an active member of
 * that stage's panel in the entry's edition: the assessor's list and the reminders both ask it.
 */
export const ON_OWN_PANEL = sql<boolean>`exists (select 1 from memberships m where m.user_id = a.user_id and m.edition_id = e.edition_id and m.role = s.panel and m.active = 1)`;

export async function listMyAssignments(db: Db, userId: number, which: "open" | "closed_readable" = "open") {
  return (
    db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .innerJoin("edition_stages as s", (j) =>
        j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
      )
      .innerJoin("organisations as o", "o.id", "e.organisation_id")
      .innerJoin("categories as c", "c.id", "e.category_id")
      .innerJoin("editions as ed", "ed.id", "e.edition_id")
      .leftJoin("conflict_declarations as cd", (j) =>
        j.onRef("cd.entry_id", "=", "a.entry_id").onRef("cd.user_id", "=", "a.user_id"),
      )
      .select([
        "a.id as assignmentId",
        "a.entry_id as entryId",
        "a.stage_key as stage",
        "a.status",
        "a.submitted_at as submittedAt",
        "s.deadline",
        "s.panel",
        "o.name as organisationName",
        "o.region",
        "c.id as categoryId",
        "c.key as category",
        "ed.id as editionId",
        "ed.name as editionName",
        "cd.has_conflict as hasConflict",
      ])
      .where("a.user_id", "=", userId)
      // The open stages' work; or, after a stage closed, the viewer's submitted sheets where the
      // committee lets the panel read one another (panel-view.ts).
      .where((eb) =>
        which === "open"
          ? eb("s.status", "=", "open")
          : eb.and([
              eb("s.status", "=", "closed"),
              eb("a.status", "=", "submitted"),
              eb("s.assessor_view", "!=", "none"),
            ]),
      )
      // Only stages of the viewer's own panel, in editions where their membership is active.
      .where(ON_OWN_PANEL)
      .where("e.status", "not in", UNSUBMITTED_STATUSES)
      .where((eb) => eb.or([eb("cd.has_conflict", "is", null), eb("cd.has_conflict", "=", 0)]))
      .orderBy("ed.id")
      .orderBy("c.id")
      .orderBy("o.name")
      .orderBy("a.id")
      .execute()
  );
}

/**
 * The viewer's assignments for one entry, with their stage (status, deadline, panel), newest
 * stage first. Empty when the viewer is not assigned to the entry.
 */
export async function myAssignmentsForEntry(db: Db, args: { userId: number; entryId: number }) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .select([
      "a.id",
      "a.entry_id as entryId",
      "a.stage_key as stage",
      "a.status",
      "a.version",
      "a.submitted_at as submittedAt",
      "s.status as stageStatus",
      "s.deadline",
      "s.panel",
      "s.position",
      "s.assessor_view as view",
    ])
    .where("a.user_id", "=", args.userId)
    .where("a.entry_id", "=", args.entryId)
    .orderBy("s.position", "desc")
    .execute();
}

/** What an assessor reads about an entry: organisation, figures, regulations, indicators, evidence. */
export async function assessmentEntry(db: Db, entryId: number) {
  const entry = await db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("editions as ed", "ed.id", "e.edition_id")
    .select([
      "e.id",
      "e.edition_id as editionId",
      "e.category_id as categoryId",
      "e.status",
      "e.submitted_at as submittedAt",
      "o.name as organisationName",
      "o.kind as organisationKind",
      "o.region",
      "o.size",
      "o.sector",
      "c.key as category",
      "ed.name as editionName",
    ])
    .where("e.id", "=", entryId)
    .executeTakeFirst();
  if (!entry) return undefined;
  const [figures, regulations, indicators, evidence] = await Promise.all([
    db.selectFrom("entry_figures").select(["key", "value"]).where("entry_id", "=", entryId).execute(),
    db
      .selectFrom("entry_regulations")
      .select(["id", "type", "number", "year", "title"])
      .where("entry_id", "=", entryId)
      .orderBy("year")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("indicator_values")
      .select(["indicator", "value"])
      .where("entry_id", "=", entryId)
      .orderBy("indicator")
      .execute(),
    evidenceFilesOfEntry(db, entryId),
  ]);
  return { entry, figures, regulations, indicators, evidence };
}

/** The evidence files of an entry (metadata only; the files are served by /evidence/:fileId). */
export async function evidenceFilesOfEntry(db: Db, entryId: number) {
  return db
    .selectFrom("evidence_files")
    .select([
      "id",
      "criterion_key as criterionKey",
      "original_name as name",
      "mime",
      "size",
      "uploaded_at as uploadedAt",
    ])
    .where("entry_id", "=", entryId)
    .orderBy("criterion_key")
    .orderBy("id")
    .execute();
}
