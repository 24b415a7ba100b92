import { inTransaction, type Db } from "../client";
import type { AssessorView, StageKey } from "../schema";
import { audit, json } from "./audit";

// Blind until submitted: while a stage is open no assessor reads another's scoresheet. Once the
// stage is closed, the committee decides per stage what its panel may read of one another's
// submitted scoresheets (AssessorView); an assessor sees it only after submitting their own.

/** Sets what the panel of a closed stage may read; false when the stage is not closed. */
export async function setAssessorView(
  db: Db,
  args: { editionId: number; stage: StageKey; view: AssessorView; userId: number },
) {
  return inTransaction(db, async (tx) => {
    const stage = await tx
      .selectFrom("edition_stages")
      .select(["id", "status", "assessor_view"])
      .where("edition_id", "=", args.editionId)
      .where("key", "=", args.stage)
      .executeTakeFirst();
    if (!stage || stage.status !== "closed") return false;
    if (stage.assessor_view === args.view) return true;
    await tx.updateTable("edition_stages").set({ assessor_view: args.view }).where("id", "=", stage.id).execute();
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "stage.assessor_view",
      subject: `stage:${args.stage}`,
      before: json({ view: stage.assessor_view }),
      after: json({ view: args.view }),
      reason: null,
    });
    return true;
  });
}

/**
 * The other panel members' submitted scores (and notes when allowed) of an entry in a stage, as
 * the assessor `userId` may read them: nothing unless the stage is closed, its view allows it and
 * the assessor's own scoresheet there is submitted. Scoresheets are labelled 1, 2, … in the order
 * they were assigned, never by name.
 */
export async function otherScoresheets(db: Db, args: { entryId: number; stage: StageKey; userId: number }) {
  const own = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .select(["a.status", "s.status as stageStatus", "s.assessor_view as view"])
    .where("a.entry_id", "=", args.entryId)
    .where("a.stage_key", "=", args.stage)
    .where("a.user_id", "=", args.userId)
    .executeTakeFirst();
  if (!own || own.stageStatus !== "closed" || own.status !== "submitted" || own.view === "none") return null;
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("scores as sc", "sc.assignment_id", "a.id")
    .select(["a.id as sheet", "sc.criterion_id as criterionId", "sc.value", "sc.note"])
    .where("a.entry_id", "=", args.entryId)
    .where("a.stage_key", "=", args.stage)
    .where("a.user_id", "!=", args.userId)
    .where("a.status", "=", "submitted")
    .orderBy("a.id")
    .orderBy("sc.criterion_id")
    .execute();
  const label = new Map<number, number>();
  for (const r of rows) if (!label.has(r.sheet)) label.set(r.sheet, label.size + 1);
  const notes = own.view === "scores_notes";
  return {
    view: own.view,
    scores: rows.map((r) => ({
      sheet: label.get(r.sheet)!,
      criterionId: r.criterionId,
      value: r.value,
      note: notes ? r.note : null,
    })),
  };
}
