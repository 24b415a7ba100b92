import type { ExpressionBuilder } from "kysely";
import { inTransaction, type Db } from "../client";
import type { CategoryKey, DB, EntriesTable, EntryStatus, StageStatus } from "../schema";
import {
  COMPANY_FIGURES,
  deriveIndicators,
  GOVERNMENT_FIGURES,
  isProgrammeFlag,
  type FigureKey,
  type Figures,
  type NumericFigureKey,
} from "../../scoring/figures";
import { categoryGroup } from "../../app/domain/categories";
import { audit, json } from "./audit";
import { publishedCategoryIds } from "./publications";
import { currentRubric, loadRubricDefinition } from "./rubrics";
import {
  evidenceWindow,
  submissionWindow,
  type SubmissionClosedReason,
  type SubmissionWindow,
} from "../../app/domain/submission";
import { raiseVersionOfEntries } from "./data-version";
import { enqueueReceipt } from "./entrant-mail";

// An entry's self-assessment as its organisation sees it: the figures typed in, the regulations in
// force, the indicators derived from them (always through scoring/figures.ts deriveIndicators, on
// every save), the checklist of what is missing, and submitting.

/** The status of an edition's first stage (lowest position), as a column of a query on `e` (entries). */
function firstStageStatus(eb: ExpressionBuilder<DB & { e: EntriesTable }, "e">) {
  return eb
    .selectFrom("edition_stages as s")
    .select("s.status")
    .whereRef("s.edition_id", "=", "e.edition_id")
    .orderBy("s.position")
    .limit(1)
    .as("first_stage_status");
}

/**
 * An entry with its edition, category and organisation, the status of the edition's first stage
 * and whether its category is published (no access check: callers guard).
 */
export async function portalEntry(db: Db, entryId: number) {
  const row = await db
    .selectFrom("entries as e")
    .innerJoin("editions as ed", "ed.id", "e.edition_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select([
      "e.id",
      "e.status",
      "e.version",
      "e.submitted_at",
      "e.reopened_reason",
      "e.rejection_reason",
      "e.created_at",
      "e.source_entry_id",
      "e.organisation_id",
      "e.category_id",
      "e.edition_id",
      "ed.name as edition_name",
      "ed.year",
      "ed.status as edition_status",
      "ed.registration_deadline",
      "ed.period_start",
      "ed.period_end",
      "c.key as category",
      "o.name as organisation_name",
      "o.kind as organisation_kind",
      "o.region",
      "o.npp",
      "o.nib",
    ])
    .select(firstStageStatus)
    .where("e.id", "=", entryId)
    .executeTakeFirst();
  if (!row) return undefined;
  const published = await publishedCategoryIds(db, row.edition_id);
  return { ...row, category_published: published.has(row.category_id) };
}

type WindowFacts = {
  status: EntryStatus;
  registration_deadline: string | null;
  reopened_reason?: string | null;
  first_stage_status: StageStatus | null;
  category_published: boolean;
};

/** The facts of app/domain/submission.ts from an entry row. */
function submissionFacts(entry: WindowFacts) {
  return {
    status: entry.status,
    registrationDeadline: entry.registration_deadline,
    reopened: Boolean(entry.reopened_reason),
    firstStageStatus: entry.first_stage_status,
    categoryPublished: entry.category_published,
  };
}

/** Whether the organisation may still change and submit the entry, and why not (app/domain/submission.ts). */
export function entryWindow(entry: WindowFacts, now = new Date()): SubmissionWindow {
  return submissionWindow(submissionFacts(entry), now);
}

/**
 * Whether the organisation may still add, replace or delete its own evidence files: the submission
 * window, or for a nominated national entry its supplementary-evidence window (app/domain/submission.ts).
 */
export function entryEvidenceWindow(
  entry: WindowFacts & { source_entry_id: number | null },
  now = new Date(),
): SubmissionWindow {
  return evidenceWindow({ ...submissionFacts(entry), carried: entry.source_entry_id !== null }, now);
}

/** Whether the organisation may still change the entry (its submission window is open). */
export function isEditable(entry: WindowFacts, now = new Date()): boolean {
  return entryWindow(entry, now).open;
}

export function figureKeys(category: CategoryKey): readonly FigureKey[] {
  return categoryGroup(category) === "government" ? GOVERNMENT_FIGURES : COMPANY_FIGURES;
}

/** The figures, regulations and derived indicators of an entry. */
export async function entryFigures(db: Db, entryId: number) {
  const [figures, regulations, indicators] = await Promise.all([
    db.selectFrom("entry_figures").select(["key", "value"]).where("entry_id", "=", entryId).execute(),
    db
      .selectFrom("entry_regulations")
      .select(["id", "type", "number", "year", "title"])
      .where("entry_id", "=", entryId)
      .orderBy("id")
      .execute(),
    db.selectFrom("indicator_values").select(["indicator", "value"]).where("entry_id", "=", entryId).execute(),
  ]);
  return {
    figures: Object.fromEntries(figures.map((f) => [f.key, f.value])) as Record<string, number>,
    regulations,
    indicators: Object.fromEntries(indicators.map((i) => [i.indicator, i.value])) as Record<string, number>,
  };
}

export type SaveFiguresResult =
  | { ok: true; version: number; indicators: Record<string, number> }
  | { ok: false; reason: "not_found" | "locked" | "stale"; version?: number };

/**
 * Replaces the figures and regulations of a draft entry and stores the derived indicators.
 * `version` is the entry version the form was based on: a save based on an older version is
 * refused ("stale"), nothing is overwritten.
 */
export async function saveFigures(
  db: Db,
  args: {
    entryId: number;
    version: number;
    userId: number;
    figures: Figures;
    regulations: { type: string; number: string; year: number; title: string | null }[];
    now?: Date;
  },
): Promise<SaveFiguresResult> {
  const now = args.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const entry = await portalEntry(tx, args.entryId);
    if (!entry) return { ok: false, reason: "not_found" };
    if (!isEditable(entry, now)) return { ok: false, reason: "locked" };
    if (entry.version !== args.version) return { ok: false, reason: "stale", version: entry.version };
    const before = await entryFigures(tx, args.entryId);
    const keys = figureKeys(entry.category);
    const figures: Figures = {};
    for (const k of keys)
      if (typeof args.figures[k] === "number" && Number.isFinite(args.figures[k])) figures[k] = args.figures[k];

    // The version check and the bump are one statement, so two saves cannot both pass.
    const bumped = await tx
      .updateTable("entries")
      .set({ version: entry.version + 1 })
      .where("id", "=", args.entryId)
      .where("version", "=", args.version)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1) return { ok: false, reason: "stale" };

    await tx.deleteFrom("entry_figures").where("entry_id", "=", args.entryId).execute();
    for (const [key, value] of Object.entries(figures)) {
      await tx.insertInto("entry_figures").values({ entry_id: args.entryId, key, value: value! }).execute();
    }
    await tx.deleteFrom("entry_regulations").where("entry_id", "=", args.entryId).execute();
    for (const r of args.regulations) {
      await tx
        .insertInto("entry_regulations")
        .values({ entry_id: args.entryId, type: r.type, number: r.number, year: r.year, title: r.title })
        .execute();
    }
    const indicators = deriveIndicators(categoryGroup(entry.category), figures, args.regulations.length);
    await tx.deleteFrom("indicator_values").where("entry_id", "=", args.entryId).execute();
    for (const [indicator, value] of Object.entries(indicators)) {
      await tx.insertInto("indicator_values").values({ entry_id: args.entryId, indicator, value }).execute();
    }
    await raiseVersionOfEntries(tx, [args.entryId]);
    await audit(tx, {
      at: now.toISOString(),
      user_id: args.userId,
      edition_id: entry.edition_id,
      entry_id: args.entryId,
      action: "entry.figures",
      subject: `entry:${args.entryId}`,
      before: json({ figures: before.figures, regulations: before.regulations.length }),
      after: json({ figures, regulations: args.regulations.length, indicators }),
      reason: null,
    });
    return { ok: true, version: entry.version + 1, indicators };
  });
}

/** Criteria that take evidence: those of the entry's current rubric outside the interview. */
export async function evidenceCriteria(db: Db, categoryId: number) {
  const rubric = await currentRubric(db, categoryId);
  if (!rubric) return { rubricId: null, criteria: [] as Awaited<ReturnType<typeof loadRubricDefinition>>["criteria"] };
  const def = await loadRubricDefinition(db, rubric.id);
  return { rubricId: rubric.id, definition: def, criteria: def.criteria.filter((c) => c.stage !== "interview") };
}

export interface Checklist {
  missingFigures: NumericFigureKey[];
  missingEvidence: { key: string; name: { id: string; en: string } }[];
  /** How many of the required figures are given (what submitting sends). */
  figuresGiven: number;
  figuresRequired: number;
  /** Files per criterion that takes evidence, in rubric order. */
  evidence: { key: string; name: { id: string; en: string }; files: number }[];
  complete: boolean;
}

/** What is still missing before the entry can be submitted. */
export async function entryChecklist(db: Db, entryId: number): Promise<Checklist> {
  const entry = await portalEntry(db, entryId);
  if (!entry)
    return {
      missingFigures: [],
      missingEvidence: [],
      figuresGiven: 0,
      figuresRequired: 0,
      evidence: [],
      complete: false,
    };
  const [{ figures }, { criteria }, files] = await Promise.all([
    entryFigures(db, entryId),
    evidenceCriteria(db, entry.category_id),
    db.selectFrom("evidence_files").select(["criterion_key"]).where("entry_id", "=", entryId).execute(),
  ]);
  const required = figureKeys(entry.category).filter((k) => !isProgrammeFlag(k));
  const missingFigures = required.filter((k) => figures[k] === undefined);
  const filesOf = (key: string) => files.filter((f) => f.criterion_key === key).length;
  const evidence = criteria.map((c) => ({ key: c.id, name: c.name ?? { id: c.id, en: c.id }, files: filesOf(c.id) }));
  const missingEvidence = evidence
    .filter((c, i) => criteria[i]?.evidenceRequired && c.files === 0)
    .map(({ key, name }) => ({ key, name }));
  return {
    missingFigures,
    missingEvidence,
    figuresGiven: required.length - missingFigures.length,
    figuresRequired: required.length,
    evidence,
    complete: missingFigures.length === 0 && missingEvidence.length === 0,
  };
}

export type SubmitResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "incomplete"; checklist?: Checklist }
  | { ok: false; reason: "locked"; closed: SubmissionClosedReason };

/**
 * Submits a complete draft whose submission window is open: it is locked from then on (status
 * submitted, submitted_at, audit). With `check`, only says whether it could be (the confirmation
 * is asked for only once the checklist is complete).
 */
export async function submitEntry(
  db: Db,
  args: { entryId: number; userId: number; now?: Date; check?: boolean },
): Promise<SubmitResult> {
  const now = args.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const entry = await portalEntry(tx, args.entryId);
    if (!entry) return { ok: false, reason: "not_found" };
    const submission = entryWindow(entry, now);
    if (!submission.open) return { ok: false, reason: "locked", closed: submission.reason };
    const checklist = await entryChecklist(tx, args.entryId);
    if (!checklist.complete) return { ok: false, reason: "incomplete", checklist };
    if (args.check) return { ok: true };
    const res = await tx
      .updateTable("entries")
      .set({ status: "submitted", submitted_at: now.toISOString(), version: entry.version + 1 })
      .where("id", "=", args.entryId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: "locked", closed: "not_draft" };
    await raiseVersionOfEntries(tx, [args.entryId]);
    await audit(tx, {
      at: now.toISOString(),
      user_id: args.userId,
      edition_id: entry.edition_id,
      entry_id: args.entryId,
      action: "entry.submit",
      subject: `entry:${args.entryId}`,
      before: json({ status: "draft" }),
      after: json({ status: "submitted" }),
      reason: null,
    });
    const { figures } = await entryFigures(tx, args.entryId);
    await enqueueReceipt(tx, {
      entryId: args.entryId,
      userId: args.userId,
      submittedAt: now.toISOString(),
      figures: figureKeys(entry.category)
        .filter((key) => figures[key] !== undefined)
        .map((key) => ({ key, value: figures[key] ?? null })),
      criteria: checklist.evidence,
      now,
    });
    return { ok: true };
  });
}

/**
 * The entries of the given organisations, with edition (and its level), category, deadline and
 * whether each may still be submitted (portal home); a nominated national entry with the
 * provincial edition, rank and total it came from.
 */
export async function portalEntries(db: Db, organisationIds: number[], now = new Date()) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom("entries as e")
    .innerJoin("editions as ed", "ed.id", "e.edition_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .leftJoin("entries as src", "src.id", "e.source_entry_id")
    .leftJoin("editions as src_ed", "src_ed.id", "src.edition_id")
    .select([
      "ed.level",
      "e.source_entry_id",
      "e.source_rank",
      "e.source_total",
      "src_ed.name as source_edition_name",
      "e.id",
      "e.status",
      "e.submitted_at",
      "e.organisation_id",
      "e.edition_id",
      "e.category_id",
      "e.reopened_reason",
      "ed.name as edition_name",
      "ed.registration_deadline",
      "c.key as category",
      "o.name as organisation_name",
    ])
    .select(firstStageStatus)
    .where("e.organisation_id", "in", organisationIds)
    .orderBy("e.id", "desc")
    .execute();
  const published = new Map<number, Set<number>>();
  for (const editionId of new Set(rows.map((r) => r.edition_id)))
    published.set(editionId, await publishedCategoryIds(db, editionId));
  return rows.map((r) => {
    const submission = entryWindow(
      { ...r, category_published: published.get(r.edition_id)?.has(r.category_id) ?? false },
      now,
    );
    return { ...r, submission };
  });
}
