import { inTransaction, type Db } from "../client";
import type { EntryStatus, StageKey } from "../schema";
import { NOT_ADVANCED_STATUS, STAGE_ENTRY_STATUS, statusAssessedBy } from "../../app/domain/entry-status";
import { audit, auditAll, json } from "./audit";
import { raiseVersionOfEntries } from "./data-version";
import { notifyStageOpened } from "./panel-mail";

// The stages of an edition move on when the committee closes one (app/lib/stages.server.ts
// proposes the shortlist); what a closed stage's panel may read of one another is panel-view.ts.

/**
 * Closes a stage and confirms its shortlist: the given entries advance (status `next`), the other
 * scored entries of the given categories do not (not_shortlisted); the next stage opens and its
 * panel is told. Published entries keep their status.
 */
export async function closeStageWithShortlist(
  db: Db,
  args: {
    editionId: number;
    stage: StageKey;
    nextStage: StageKey | null;
    advancing: number[];
    notAdvancing: number[];
    userId: number;
    /**
     * Plenaries of the stage whose minutes not every panel member confirmed, closed anyway with
     * the committee's reason (kept on each, audited): app/lib/stages.server.ts decides.
     */
    unconfirmed?: { plenaries: { plenaryId: number; missing: number; minutes: boolean }[]; reason: string };
  },
) {
  await inTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    await tx
      .updateTable("edition_stages")
      .set({ status: "closed" })
      .where("edition_id", "=", args.editionId)
      .where("key", "=", args.stage)
      .execute();
    if (args.nextStage) {
      await tx
        .updateTable("edition_stages")
        .set({ status: "open", opens_at: now })
        .where("edition_id", "=", args.editionId)
        .where("key", "=", args.nextStage)
        .where("status", "=", "pending")
        .execute();
    }
    // Closing the last stage changes no entry: its finalists keep their status until publication.
    // A published entry is never moved back: its result stands whatever stage actions follow
    // (stages.server's proposal leaves published categories out; this holds it for any caller).
    const move = (ids: number[], status: EntryStatus) =>
      tx
        .updateTable("entries")
        .set({ status })
        .where("id", "in", ids)
        .where("edition_id", "=", args.editionId)
        .where("status", "!=", "published")
        .execute();
    if (args.nextStage && args.advancing.length) await move(args.advancing, STAGE_ENTRY_STATUS[args.nextStage]);
    if (args.nextStage && args.notAdvancing.length) await move(args.notAdvancing, NOT_ADVANCED_STATUS);
    if (args.nextStage) await raiseVersionOfEntries(tx, [...args.advancing, ...args.notAdvancing]);
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "stage.close",
      subject: `stage:${args.stage}`,
      before: json({ status: "open" }),
      after: json({
        status: "closed",
        next: args.nextStage,
        advancing: args.advancing,
        notAdvancing: args.notAdvancing,
      }),
      reason: null,
    });
    if (args.unconfirmed?.plenaries.length) {
      const { plenaries, reason } = args.unconfirmed;
      await tx
        .updateTable("plenaries")
        .set({ close_reason: reason })
        .where(
          "id",
          "in",
          plenaries.map((p) => p.plenaryId),
        )
        .execute();
      await auditAll(
        tx,
        plenaries.map((p) => ({
          at: now,
          user_id: args.userId,
          edition_id: args.editionId,
          entry_id: null,
          action: "plenary.close_unconfirmed",
          subject: `plenary:${p.plenaryId}/stage:${args.stage}`,
          before: null,
          after: json({ minutes: p.minutes, missing: p.missing }),
          reason,
        })),
      );
    }
    if (args.nextStage)
      await notifyStageOpened(tx, { editionId: args.editionId, closed: args.stage, next: args.nextStage });
  });
}

/**
 * Per category of the edition: the entries a stage assesses (in the stage's entry status) and how
 * many of them have no scoresheet (assignment) of that stage; app/domain/stages.ts decides.
 */
export async function stageCoverage(db: Db, editionId: number, stage: StageKey) {
  const first = await db
    .selectFrom("edition_stages")
    .select("key")
    .where("edition_id", "=", editionId)
    .orderBy("position")
    .executeTakeFirst();
  const rows = await db
    .selectFrom("entries as e")
    .select([
      "e.category_id",
      (eb) => eb.fn.countAll<number>().as("entries"),
      (eb) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.not(
                  eb.exists(
                    eb
                      .selectFrom("assignments as a")
                      .select("a.id")
                      .whereRef("a.entry_id", "=", "e.id")
                      .where("a.stage_key", "=", stage),
                  ),
                ),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as("without_sheet"),
    ])
    .where("e.edition_id", "=", editionId)
    .where("e.status", "=", statusAssessedBy(stage, first?.key))
    .groupBy("e.category_id")
    .execute();
  return new Map(
    rows.map((r) => [r.category_id, { entries: Number(r.entries), withoutSheet: Number(r.without_sheet ?? 0) }]),
  );
}
