import { assessmentEntry } from "../../db/queries/assignments";
import { carriedEvidence } from "../../db/queries/evidence";
import { withCarriedStanding } from "~/domain/carried-evidence";
import { otherScoresheets } from "../../db/queries/panel-view";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { loadScores, scoresheetCriteria, stageAccepts } from "../../db/queries/scores";
import { COMPANY_FIGURES, GOVERNMENT_FIGURES } from "../../scoring/figures";
import { bandOf } from "../../scoring/indicators";
import type { AssessorEntry } from "./assess.server";
import { isPreviewable } from "./evidence-types";
import { notFound } from "./guards.server";
import { gatePasses } from "./indicators";
import { provincialResult } from "./provincial-result.server";

// What the assessor page shows of one entry: first only the header (until the conflict-of-interest
// declaration); after a declaration of no conflict, the organisation's figures, the derived
// indicators with their bands, the gates, the evidence per criterion and the scoresheet. A nominated
// national entry also shows the files carried over from its provincial entry (labelled, superseded
// in display by a national upload of the same criterion) and its provincial result, read from the
// provincial publication snapshot (provincial-result.server.ts).
//
// Blind until submitted: while a stage is open the page only ever loads the viewer's own scores.
// After the stage closes, and once the viewer's own scoresheet is submitted, the others' submitted
// scores (and notes) are shown unnamed if the committee allowed it for that stage (otherScoresheets).

export async function loadAssessPage(request: Request, access: AssessorEntry) {
  const { db, entryId, declared, assignment, viewer } = access;
  const info = await assessmentEntry(db, entryId);
  if (!info) notFound();
  const header = {
    entryId,
    organisationName: info.entry.organisationName,
    region: info.entry.region,
    category: info.entry.category,
    editionName: info.entry.editionName,
    stage: assignment.stage,
    stageStatus: assignment.stageStatus,
    deadline: assignment.deadline,
  };
  if (!declared) return { phase: "declare" as const, header };

  const rubric = await currentRubric(db, info.entry.categoryId);
  const definition = rubric ? await loadRubricDefinition(db, rubric.id) : { criteria: [], gates: [], stages: [] };
  const [criteria, scores, others, carriedRows, provincial] = await Promise.all([
    scoresheetCriteria(db, assignment.id),
    loadScores(db, assignment.id),
    otherScoresheets(db, { entryId, stage: assignment.stage, userId: viewer.user.id }),
    carriedEvidence(db, entryId),
    provincialResult(db, entryId),
  ]);
  // The entry's own files, then the carried ones (current before superseded), each with its origin.
  const carried = withCarriedStanding(
    carriedRows.map((f) => ({
      id: f.id,
      criterionKey: f.criterion_key,
      name: f.original_name,
      mime: f.mime,
      size: f.size,
      uploadedAt: f.uploaded_at,
      edition: f.source_edition_name,
    })),
    definition.criteria.map((c) => c.id),
    info.evidence,
  );
  const evidence = [
    ...info.evidence.map((f) => ({ ...f, carried: null })),
    ...carried
      .sort((a, b) => Number(a.standing === "superseded") - Number(b.standing === "superseded"))
      .map(({ edition, standing, ...f }) => ({ ...f, carried: { edition, standing } })),
  ];

  const indicatorValues = new Map(info.indicators.map((i) => [i.indicator, i.value]));
  const indicators = definition.criteria
    .filter((c) => c.type === "indicator")
    .map((c) => {
      const value = indicatorValues.get(c.indicator) ?? null;
      const bands = [...c.bands].sort((a, b) => b.min - a.min);
      const band = value === null ? undefined : bandOf(bands, value);
      return {
        key: c.id,
        stage: c.stage,
        name: c.name ?? { id: c.id, en: c.id },
        indicator: c.indicator,
        value,
        bands,
        bandMin: band?.min ?? null,
        points: value === null ? null : (band?.points ?? 0),
      };
    });
  const gates = definition.gates.map((g) => {
    const actual = indicatorValues.get(g.indicator) ?? null;
    return { ...g, actual, pass: gatePasses(g, actual) === true };
  });
  const used = new Set([...indicators.map((i) => i.indicator), ...gates.map((g) => g.indicator)]);
  const otherIndicators = info.indicators.filter((i) => !used.has(i.indicator));

  const order: readonly string[] = [...GOVERNMENT_FIGURES, ...COMPANY_FIGURES];
  const figures = [...info.figures].sort(
    (a, b) => rank(order, a.key) - rank(order, b.key) || a.key.localeCompare(b.key),
  );

  const criterionNames = Object.fromEntries(definition.criteria.map((c) => [c.id, c.name ?? { id: c.id, en: c.id }]));
  // The file shown in the page: the one asked for, else the first previewable one of a judged
  // criterion, else any previewable one.
  const fileParam = new URL(request.url).searchParams.get("file");
  const judgedKeys = new Set(criteria.map((c) => c.key));
  const selected =
    evidence.find((f) => String(f.id) === fileParam) ??
    evidence.find((f) => judgedKeys.has(f.criterionKey) && isPreviewable(f.mime)) ??
    evidence.find((f) => isPreviewable(f.mime)) ??
    null;

  return {
    phase: "score" as const,
    header,
    figures,
    regulations: info.regulations,
    indicators,
    gates,
    otherIndicators,
    evidence,
    criterionNames,
    provincial,
    selectedFileId: selected?.id ?? null,
    criteria,
    scores: scores.map((s) => ({ criterionId: s.criterionId, value: s.value, note: s.note })),
    others,
    sheet: { status: assignment.status, version: assignment.version, submittedAt: assignment.submittedAt },
    // What the committee lets this stage's panel read of one another (the sentence above the form).
    panelView: assignment.view,
    accepts: stageAccepts(assignment),
  };
}

/** The page's data once the viewer declared no conflict, as the components receive it. */
export type ScoreData = Extract<Awaited<ReturnType<typeof loadAssessPage>>, { phase: "score" }>;

function rank(order: readonly string[], key: string) {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}
