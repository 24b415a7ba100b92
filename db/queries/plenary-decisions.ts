import { inTransaction, type Db } from "../client";
import type { PlenaryDecision } from "../schema";
import type { Override } from "../../scoring/index";
import { MIN_REASON_LENGTH } from "../../app/domain/plenary";
import { audit } from "./audit";
import { raiseCategoryVersion } from "./data-version";
import { isPlenaryEntry, plenaryFacts, type PlenaryFacts } from "./plenary";
import { currentRubric, loadRubricDefinition } from "./rubrics";

// The plenary's decisions (docs/plenary.md): where the rubric's rule is not enough, the chair
// records that an entry goes on despite the cut ("advance") or is excluded ("exclude"), with a
// reason. Active decisions are scoring input (`overrides`, docs/scoring-contract.md §15), so each
// write raises the category's data version. One active decision per entry and plenary; refused
// while current minutes exist and after the stage closed.

type Refusal<R extends string> = { ok: false; reason: R };
const refuse = <R extends string>(reason: R): Refusal<R> => ({ ok: false, reason });

const tooShort = (reason: string) => reason.trim().length < MIN_REASON_LENGTH;

function frozen(p: PlenaryFacts) {
  if (p.stageStatus !== "open") return refuse("stage_closed");
  if (p.hasMinutes) return refuse("minutes_issued");
  return null;
}

export type RecordDecisionResult =
  | { ok: true; decisionId: number }
  | Refusal<
      "not_found" | "advance_on_last_stage" | "already_decided" | "minutes_issued" | "stage_closed" | "reason_too_short"
    >;

/**
 * Records the plenary's decision on an entry of its category. "advance" needs a stage with a rule
 * for going on in the current rubric (not the last stage: scoring refuses it there).
 */
export async function recordDecision(
  db: Db,
  args: { plenaryId: number; entryId: number; decision: PlenaryDecision; reason: string; userId: number; now?: Date },
): Promise<RecordDecisionResult> {
  const at = (args.now ?? new Date()).toISOString();
  const reason = args.reason.trim();
  return inTransaction(db, async (tx) => {
    const p = await plenaryFacts(tx, args.plenaryId);
    if (!p || !(await isPlenaryEntry(tx, p, args.entryId))) return refuse("not_found");
    const stop = frozen(p);
    if (stop) return stop;
    if (tooShort(reason)) return refuse("reason_too_short");
    const rubric = await currentRubric(tx, p.categoryId);
    const stage = rubric ? (await loadRubricDefinition(tx, rubric.id)).stages.find((s) => s.id === p.stage) : undefined;
    // A stage the rubric does not assess takes no override (scoring would refuse the input).
    if (!stage) return refuse("not_found");
    if (args.decision === "advance" && !stage.advance) return refuse("advance_on_last_stage");
    const active = await tx
      .selectFrom("plenary_decisions")
      .select("id")
      .where("plenary_id", "=", p.id)
      .where("entry_id", "=", args.entryId)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (active) return refuse("already_decided");
    const row = await tx
      .insertInto("plenary_decisions")
      .values({
        plenary_id: p.id,
        entry_id: args.entryId,
        decision: args.decision,
        reason,
        decided_by: args.userId,
        decided_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await raiseCategoryVersion(tx, p.categoryId);
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: p.editionId,
      entry_id: args.entryId,
      action: "plenary.decision",
      subject: `plenary:${p.id}/decision:${row.id}`,
      before: null,
      after: JSON.stringify({ decision: args.decision, stage: p.stage }),
      reason,
    });
    return { ok: true as const, decisionId: row.id };
  });
}

/**
 * The chair withdraws an active decision, with a reason: the rubric's result applies again. Only
 * the current chair of the decision's plenary may (anyone else: "not_found").
 */
export async function withdrawDecision(
  db: Db,
  args: { decisionId: number; reason: string; userId: number; now?: Date },
): Promise<{ ok: true } | Refusal<"not_found" | "minutes_issued" | "stage_closed" | "reason_too_short">> {
  const at = (args.now ?? new Date()).toISOString();
  const reason = args.reason.trim();
  return inTransaction(db, async (tx) => {
    const d = await tx
      .selectFrom("plenary_decisions")
      .select(["id", "plenary_id", "entry_id", "decision"])
      .where("id", "=", args.decisionId)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    const p = d ? await plenaryFacts(tx, d.plenary_id) : null;
    if (!d || !p || p.chairId !== args.userId) return refuse("not_found");
    const stop = frozen(p);
    if (stop) return stop;
    if (tooShort(reason)) return refuse("reason_too_short");
    const res = await tx
      .updateTable("plenary_decisions")
      .set({ withdrawn_by: args.userId, withdrawn_at: at, withdrawal_reason: reason })
      .where("id", "=", d.id)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return refuse("not_found");
    await raiseCategoryVersion(tx, p.categoryId);
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: p.editionId,
      entry_id: d.entry_id,
      action: "plenary.decision_withdraw",
      subject: `plenary:${p.id}/decision:${d.id}`,
      before: JSON.stringify({ decision: d.decision, stage: p.stage }),
      after: null,
      reason,
    });
    return { ok: true as const };
  });
}

export interface DecisionRow {
  id: number;
  entryId: number;
  organisation: string;
  decision: PlenaryDecision;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

/** Every decision of the plenary, withdrawn ones included, in the order they were recorded. */
export async function decisionsOf(db: Db, plenaryId: number): Promise<DecisionRow[]> {
  const rows = await db
    .selectFrom("plenary_decisions as d")
    .innerJoin("entries as e", "e.id", "d.entry_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .leftJoin("users as u", "u.id", "d.decided_by")
    .select([
      "d.id",
      "d.entry_id as entryId",
      "o.name as organisation",
      "d.decision",
      "d.reason",
      "u.name as decidedBy",
      "d.decided_at as decidedAt",
      "d.withdrawn_at as withdrawnAt",
      "d.withdrawal_reason as withdrawalReason",
    ])
    .where("d.plenary_id", "=", plenaryId)
    .orderBy("d.decided_at")
    .orderBy("d.id")
    .execute();
  return rows.map((r) => ({ ...r, decidedBy: r.decidedBy ?? "" }));
}

/**
 * The category's active decisions as scoring overrides: nominee = the entry id, stage = the
 * plenary's stage; by entry id, then the stage's position (a stable input, hence a stable hash).
 */
export async function categoryOverrides(db: Db, categoryId: number): Promise<Override[]> {
  const rows = await db
    .selectFrom("plenary_decisions as d")
    .innerJoin("plenaries as p", "p.id", "d.plenary_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "p.edition_id").onRef("s.key", "=", "p.stage_key"),
    )
    .select(["d.entry_id as entryId", "p.stage_key as stage", "d.decision", "d.reason"])
    .where("p.category_id", "=", categoryId)
    .where("d.withdrawn_at", "is", null)
    .orderBy("d.entry_id")
    .orderBy("s.position")
    .execute();
  return rows.map((r) => ({ nominee: String(r.entryId), stage: r.stage, decision: r.decision, reason: r.reason }));
}
