import type { Db } from "../../db/client";
import { conflictedEntryIds, type PlenaryFacts, type PlenaryRole } from "../../db/queries/plenary";
import { commentCounts } from "../../db/queries/plenary-comments";
import { decisionsOf } from "../../db/queries/plenary-decisions";
import { entrySheets as readEntrySheets, stageCriteria, stageSheetCounts } from "../../db/queries/plenary-sheets";
import { currentRubric } from "../../db/queries/rubrics";
import type { StageAgreement } from "../../scoring/index";
import { discussionOrder, type DiscussionGroup } from "../domain/plenary";
import { NO_FIGURES, type PlenaryFigures } from "../domain/plenary-figures";
import { askRanking } from "./ranking-service.server";

// What the plenary's two pages show (docs/plenary.md): the discussion list of a category at a
// stage, and one entry's sheets side by side. Every figure comes from the category's cached
// scoring (askRanking: computed once per data version, off the request thread); here only the
// sheets, comments and decisions are read and joined to it.

export interface PlenaryViewer {
  userId: number;
  role: PlenaryRole;
}

export interface DiscussionRow {
  entryId: number;
  organisation: string;
  rank: number | null;
  total: number | null;
  running: number | null;
  maxSd: number | null;
  disagreement: boolean;
  group: DiscussionGroup;
  /** Submitted sheets of the entry at the stage. */
  sheets: number;
  comments: number;
  /** The plenary's active decision on the entry. */
  decision: "advance" | "exclude" | null;
}

async function figuresOf(db: Db, plenary: PlenaryFacts): Promise<PlenaryFigures | null> {
  const category = await db
    .selectFrom("categories")
    .select(["id", "key", "places"])
    .where("id", "=", plenary.categoryId)
    .executeTakeFirstOrThrow();
  const { figures } = await askRanking(
    db,
    "plenaryRanking",
    { id: category.id, key: category.key },
    plenary.stage,
    category.places,
  );
  return figures;
}

/** The entries a viewer may see (a panel member never sees those they declared a conflict with). */
async function hiddenFrom(db: Db, plenary: PlenaryFacts, viewer: PlenaryViewer) {
  return viewer.role === "panel" ? conflictedEntryIds(db, plenary.id, viewer.userId) : new Set<number>();
}

/**
 * The entries of the plenary in discussion order (disagreement by SD, near the cut, the rest),
 * the cut, the stage's agreement and the sheets not submitted (over the whole category).
 */
export async function discussionList(
  db: Db,
  plenary: PlenaryFacts,
  viewer: PlenaryViewer,
): Promise<{ rows: DiscussionRow[]; cut: number | null; agreement: StageAgreement | null; unsubmitted: number }> {
  const [sheets, hidden, comments, decisions, figures] = await Promise.all([
    stageSheetCounts(db, plenary.categoryId, plenary.stage),
    hiddenFrom(db, plenary, viewer),
    commentCounts(db, plenary.id),
    decisionsOf(db, plenary.id),
    figuresOf(db, plenary),
  ]);
  const decided = new Map(decisions.filter((d) => d.withdrawnAt === null).map((d) => [d.entryId, d.decision]));
  const rows = sheets
    .filter((s) => !hidden.has(s.entryId))
    .map((s) => {
      const f = figures?.entries[String(s.entryId)] ?? NO_FIGURES;
      return {
        entryId: s.entryId,
        organisation: s.organisation,
        rank: f.rank,
        total: f.total,
        running: f.running,
        maxSd: f.maxSd,
        disagreement: f.disagreement,
        sheets: s.submitted,
        comments: comments.get(s.entryId) ?? 0,
        decision: decided.get(s.entryId) ?? null,
      };
    });
  const cut = figures?.cut ?? null;
  return {
    rows: discussionOrder(rows, cut, plenary.margin),
    cut,
    agreement: figures?.agreement ?? null,
    unsubmitted: sheets.reduce((n, s) => n + s.unsubmitted, 0),
  };
}

/** How a sheet is named: "Lembar N" by assignment order, or its assessor's name when the stage says so. */
export type SheetLabel = { kind: "sheet"; n: number } | { kind: "named"; name: string };

export interface SheetView {
  assignmentId: number;
  label: SheetLabel;
  /** The viewer's own sheet ("Lembar Anda"). */
  own: boolean;
  scores: Record<string, { value: number | null; note: string | null }>;
  /** The entry's rank with this sheet's assessor left out (null when the sensitivity check has none). */
  rankWithout: number | null;
}

/**
 * One entry's sheets at the plenary's stage for a viewer: criteria as rows (the stage's judged
 * criteria of the current rubric), sheets labelled and their rank without each, the panel value
 * and SD per criterion from scoring, and how many sheets are not submitted.
 */
export async function entrySheets(db: Db, plenary: PlenaryFacts, entryId: number, viewer: PlenaryViewer) {
  const rubric = await currentRubric(db, plenary.categoryId);
  const criteria = rubric ? await stageCriteria(db, rubric.id, plenary.stage) : [];
  const [read, figures] = await Promise.all([
    readEntrySheets(
      db,
      entryId,
      plenary.stage,
      criteria.map((c) => c.id),
    ),
    figuresOf(db, plenary),
  ]);
  const f = figures?.entries[String(entryId)] ?? NO_FIGURES;
  const sheets: SheetView[] = read.sheets.map((s) => ({
    assignmentId: s.assignmentId,
    label: plenary.named ? { kind: "named", name: s.assessorName } : { kind: "sheet", n: s.n },
    own: s.userId === viewer.userId,
    scores: s.scores,
    rankWithout: f.rankWithout[String(s.userId)] ?? null,
  }));
  return {
    criteria: criteria.map((c) => ({ key: c.key, nameId: c.nameId, nameEn: c.nameEn, max: c.max, step: c.step })),
    sheets,
    panel: f.criteria,
    rank: f.rank,
    total: f.total,
    running: f.running,
    maxSd: f.maxSd,
    disagreement: f.disagreement,
    cut: figures?.cut ?? null,
    lastStage: figures?.lastStage ?? false,
    unsubmitted: read.unsubmitted,
  };
}
