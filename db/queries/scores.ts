import { inTransaction, type Db } from "../client";
import type { AssignmentStatus, NewAudit } from "../schema";
import { audit, auditAll } from "./audit";
import { judgedScale } from "../../app/domain/rubric";
import { deadlinePassed } from "../../app/domain/deadlines";
import { needsNote, onScale } from "../../app/domain/scoresheet";
import { raiseVersionOfAssignment } from "./data-version";

// Scoresheets: one assignment (entry × assessor × stage) holds one score and note per judged
// criterion of the stage. The assignment's `version` is the scoresheet's version: every save
// names the version it was based on and bumps it by one in the same UPDATE, so that of two saves
// based on the same version exactly one wins (the other is told "stale"), in SQLite and PostgreSQL
// alike. Every change of a score is written to the audit log with its before and after.
//
// Blind until submitted: these functions only ever read the scores of the assignment asked for.
// Once a stage is closed, the committee may let its panel read one another's submitted
// scoresheets (panel-view.ts, which holds those reads); the committee reads scores through its
// own queries.

export interface ScoresheetCriterion {
  id: number;
  key: string;
  position: number;
  nameId: string;
  nameEn: string;
  descriptionId: string | null;
  descriptionEn: string | null;
  max: number;
  step: number;
  evidenceRequired: boolean;
}

/** The assignment with what is needed to score it: entry, stage and the stage's judged criteria. */
export async function loadAssignment(db: Db, assignmentId: number) {
  return db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .select([
      "a.id",
      "a.entry_id as entryId",
      "a.user_id as userId",
      "a.stage_key as stage",
      "a.status",
      "a.version",
      "a.submitted_at as submittedAt",
      "e.edition_id as editionId",
      "e.category_id as categoryId",
      "s.status as stageStatus",
      "s.deadline",
    ])
    .where("a.id", "=", assignmentId)
    .executeTakeFirst();
}

/**
 * The judged criteria of the assignment's stage, from the category's current rubric, in order (one
 * statement: the assignment, its stage and the current rubric are found in the same query).
 */
export async function scoresheetCriteria(db: Db, assignmentId: number): Promise<ScoresheetCriterion[]> {
  const rows = await db
    .selectFrom("criteria as c")
    .innerJoin("assignments as a", "a.stage_key", "c.stage_key")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .selectAll("c")
    .where("a.id", "=", assignmentId)
    .where("c.rubric_id", "=", (eb) =>
      eb
        .selectFrom("rubrics as r")
        .select("r.id")
        .whereRef("r.category_id", "=", "e.category_id")
        .orderBy("r.version", "desc")
        .limit(1),
    )
    .where("c.type", "=", "judged")
    .orderBy("c.position")
    .execute();
  return rows.map((c) => ({
    id: c.id,
    key: c.key,
    position: c.position,
    nameId: c.name_id,
    nameEn: c.name_en,
    descriptionId: c.description_id,
    descriptionEn: c.description_en,
    ...judgedScale(c),
    evidenceRequired: c.evidence_required === 1,
  }));
}

/** The assignment's own scores (never anyone else's). */
export async function loadScores(db: Db, assignmentId: number) {
  return db
    .selectFrom("scores")
    .select(["criterion_id as criterionId", "value", "note", "status", "version", "updated_at as updatedAt"])
    .where("assignment_id", "=", assignmentId)
    .execute();
}

/**
 * The scoresheet as saved now: its version and its scores, read in one statement so that the
 * scores are those of that version (a stale page is shown them, and may save over that version).
 */
export async function savedScoresheet(db: Db, assignmentId: number) {
  const rows = await db
    .selectFrom("assignments as a")
    .leftJoin("scores as sc", "sc.assignment_id", "a.id")
    .select(["a.version", "sc.criterion_id as criterionId", "sc.value", "sc.note"])
    .where("a.id", "=", assignmentId)
    .orderBy("sc.criterion_id")
    .execute();
  const [first] = rows;
  if (!first) return null;
  return {
    version: first.version,
    scores: rows.flatMap((r) =>
      r.criterionId === null ? [] : [{ criterionId: r.criterionId, value: r.value, note: r.note }],
    ),
  };
}

/** Whether scores may be written for a stage now: it is open and its deadline has not passed. */
export function stageAccepts(
  stage: { stageStatus: string; deadline: string | null },
  now = new Date(),
): "ok" | "stage_closed" | "deadline" {
  if (stage.stageStatus !== "open") return "stage_closed";
  if (deadlinePassed(stage.deadline, now)) return "deadline";
  return "ok";
}

export interface ScoreInput {
  criterionId: number;
  value: number | null;
  note: string | null;
}

export type SaveRefusal =
  | "not_found" // no such assignment for this user
  | "stale" // based on an older version
  | "submitted" // already submitted (read-only until the committee reopens it)
  | "stage_closed"
  | "deadline"
  | "invalid" // a criterion that is not on this scoresheet, or a value out of range
  | "incomplete" // submit with a criterion unscored
  | "note_required"; // submit with a score at either end of the scale and no note

export type SaveResult =
  | { ok: true; version: number; status: AssignmentStatus; changed: number }
  | { ok: false; reason: SaveRefusal; version?: number; status?: AssignmentStatus; criterionIds?: number[] };

class Refused extends Error {
  constructor(
    readonly reason: SaveRefusal,
    readonly criterionIds?: number[],
  ) {
    super(reason);
  }
}

/**
 * Saves (or submits) the user's scoresheet, based on `baseVersion`. The version check and bump
 * is one conditional UPDATE inside the transaction, run first so that it also takes the write lock:
 * when it changes no row, the save was based on an older version (or the sheet is submitted, or
 * not the user's) and nothing is written. Then, whatever the number of criteria, one read (stage
 * and current scores), one write of all changed scores and one audit insert.
 */
export async function saveScoresheet(
  db: Db,
  args: {
    assignmentId: number;
    userId: number;
    baseVersion: number;
    scores: ScoreInput[];
    submit?: boolean;
    now?: Date;
    /** The sheet's criteria (scoresheetCriteria), when the caller has read them already. */
    criteria?: ScoresheetCriterion[];
  },
): Promise<SaveResult> {
  const now = args.now ?? new Date();
  const at = now.toISOString();
  const submit = args.submit === true;
  const criteria = args.criteria ?? (await scoresheetCriteria(db, args.assignmentId));
  const byId = new Map(criteria.map((c) => [c.id, c]));
  for (const s of args.scores) {
    const c = byId.get(s.criterionId);
    if (!c || (s.value !== null && !onScale(s.value, c)))
      return { ok: false, reason: "invalid", criterionIds: [s.criterionId] };
  }
  const status: AssignmentStatus = submit ? "submitted" : "draft";
  try {
    return await inTransaction(db, async (tx) => {
      const res = await tx
        .updateTable("assignments")
        .set((eb) => ({ version: eb("version", "+", 1), status, submitted_at: submit ? at : null }))
        .where("id", "=", args.assignmentId)
        .where("user_id", "=", args.userId)
        .where("version", "=", args.baseVersion)
        .where("status", "!=", "submitted")
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) {
        const current = await tx
          .selectFrom("assignments")
          .select(["version", "status"])
          .where("id", "=", args.assignmentId)
          .where("user_id", "=", args.userId)
          .executeTakeFirst();
        if (!current) return { ok: false as const, reason: "not_found" as const };
        return {
          ok: false as const,
          reason: current.status === "submitted" ? ("submitted" as const) : ("stale" as const),
          version: current.version,
          status: current.status,
        };
      }
      // Read after the write lock is held: the stage and the current scores cannot change under us.
      const { assignment: a, scores: existing } = await sheetUnderLock(tx, args.assignmentId);
      const accepts = stageAccepts(a, now);
      if (accepts !== "ok") throw new Refused(accepts);

      // Each changed score gets its next version and an audit row with its before and after.
      const writes = new Map<number, StoredScore>();
      const audits: NewAudit[] = [];
      for (const s of args.scores) {
        const note = s.note?.trim() ? s.note.trim() : null;
        const before = existing.get(s.criterionId);
        if (before && before.value === s.value && (before.note ?? null) === note) continue;
        if (!before && s.value === null && note === null) continue;
        const after: StoredScore = {
          value: s.value,
          note,
          status: "draft",
          version: (before?.version ?? 0) + 1,
          updatedAt: at,
        };
        existing.set(s.criterionId, after);
        writes.set(s.criterionId, after);
        audits.push({
          at,
          user_id: args.userId,
          edition_id: a.editionId,
          entry_id: a.entryId,
          action: "score.change",
          subject: `assignment:${a.id}/criterion:${byId.get(s.criterionId)!.key}`,
          before: before ? JSON.stringify({ value: before.value, note: before.note }) : null,
          after: JSON.stringify({ value: s.value, note }),
          reason: null,
        });
      }
      const changed = audits.length;
      if (submit) {
        const missing = criteria.filter((c) => existing.get(c.id)?.value == null).map((c) => c.id);
        if (missing.length) throw new Refused("incomplete", missing);
        const noNote = criteria
          .filter((c) => needsNote(existing.get(c.id)!.value, c) && !existing.get(c.id)!.note)
          .map((c) => c.id);
        if (noNote.length) throw new Refused("note_required", noNote);
        // Submitting marks every score of the sheet submitted, changed or not (same write).
        for (const [criterionId, score] of existing) writes.set(criterionId, { ...score, status: "submitted" });
      }
      await writeScores(tx, args.assignmentId, writes);
      // Submitted scores are the ranking's input (a draft's are not).
      if (submit) await raiseVersionOfAssignment(tx, args.assignmentId);
      audits.push({
        at,
        user_id: args.userId,
        edition_id: a.editionId,
        entry_id: a.entryId,
        action: submit ? "scoresheet.submit" : "scoresheet.save",
        subject: `assignment:${a.id}`,
        before: JSON.stringify({ version: args.baseVersion }),
        after: JSON.stringify({ version: a.version, status, changed }),
        reason: null,
      });
      await auditAll(tx, audits);
      return { ok: true as const, version: a.version, status, changed };
    });
  } catch (e) {
    if (e instanceof Refused)
      return { ok: false, reason: e.reason, ...(e.criterionIds ? { criterionIds: e.criterionIds } : {}) };
    throw e;
  }
}

interface StoredScore {
  value: number | null;
  note: string | null;
  status: "draft" | "submitted";
  version: number;
  updatedAt: string;
}

/** The assignment's stage and all its stored scores, in one statement (saveScoresheet, under its lock). */
async function sheetUnderLock(tx: Db, assignmentId: number) {
  const rows = await tx
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .leftJoin("scores as sc", "sc.assignment_id", "a.id")
    .select([
      "a.id",
      "a.entry_id as entryId",
      "a.version",
      "e.edition_id as editionId",
      "s.status as stageStatus",
      "s.deadline",
      "sc.criterion_id as criterionId",
      "sc.value",
      "sc.note",
      "sc.status as scoreStatus",
      "sc.version as scoreVersion",
      "sc.updated_at as updatedAt",
    ])
    .where("a.id", "=", assignmentId)
    .execute();
  const assignment = rows[0]!;
  const scores = new Map<number, StoredScore>();
  for (const r of rows) {
    if (r.criterionId === null) continue;
    scores.set(r.criterionId, {
      value: r.value,
      note: r.note,
      status: r.scoreStatus!,
      version: r.scoreVersion!,
      updatedAt: r.updatedAt!,
    });
  }
  return { assignment, scores };
}

/** Inserts or updates the given scores of a sheet in one statement (one row per criterion: scores_once). */
async function writeScores(tx: Db, assignmentId: number, scores: Map<number, StoredScore>) {
  if (scores.size === 0) return;
  await tx
    .insertInto("scores")
    .values(
      [...scores].map(([criterionId, s]) => ({
        assignment_id: assignmentId,
        criterion_id: criterionId,
        value: s.value,
        note: s.note,
        status: s.status,
        version: s.version,
        updated_at: s.updatedAt,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["assignment_id", "criterion_id"]).doUpdateSet((eb) => ({
        value: eb.ref("excluded.value"),
        note: eb.ref("excluded.note"),
        status: eb.ref("excluded.status"),
        version: eb.ref("excluded.version"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}

/**
 * The committee reopens a submitted scoresheet (with a reason): it becomes a draft again, the
 * assessor can change it, and the version moves on so that pages holding the old one are stale.
 */
export async function reopenScoresheet(
  db: Db,
  assignmentId: number,
  userId: number,
  reason: string,
): Promise<
  | { ok: true; version: number }
  | { ok: false; reason: "not_found" | "not_submitted" | "reason_required" | "stage_not_open" }
> {
  if (!reason.trim()) return { ok: false, reason: "reason_required" };
  return inTransaction(db, async (tx) => {
    // A sheet reopened after its stage closed (or its deadline passed) could never be submitted
    // again, and its scores would drop out of the ranking: refused.
    const before = await loadAssignment(tx, assignmentId);
    if (before && stageAccepts(before) !== "ok") return { ok: false as const, reason: "stage_not_open" as const };
    const res = await tx
      .updateTable("assignments")
      .set((eb) => ({ version: eb("version", "+", 1), status: "draft", submitted_at: null }))
      .where("id", "=", assignmentId)
      .where("status", "=", "submitted")
      .executeTakeFirst();
    const a = await loadAssignment(tx, assignmentId);
    if (!a) return { ok: false as const, reason: "not_found" as const };
    if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: "not_submitted" as const };
    await tx.updateTable("scores").set({ status: "draft" }).where("assignment_id", "=", assignmentId).execute();
    await raiseVersionOfAssignment(tx, assignmentId);
    await audit(tx, {
      user_id: userId,
      edition_id: a.editionId,
      entry_id: a.entryId,
      action: "scoresheet.reopen",
      subject: `assignment:${assignmentId}`,
      before: JSON.stringify({ status: "submitted", version: a.version - 1 }),
      after: JSON.stringify({ status: "draft", version: a.version }),
      reason: reason.trim(),
    });
    return { ok: true as const, version: a.version };
  });
}
