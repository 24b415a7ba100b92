import type { Db } from "../../db/client";
import { getEdition } from "../../db/queries/editions";
import { entryOrganisations } from "../../db/queries/organisations";
import type { PlenaryFacts } from "../../db/queries/plenary";
import { plenaryPanel } from "../../db/queries/plenary";
import { decisionsOf } from "../../db/queries/plenary-decisions";
import { confirmationStatus, currentMinutes, minutesByHash, sheetNumbers } from "../../db/queries/plenary-minutes";
import { revisionsOf } from "../../db/queries/plenary-revisions";
import { loadRubricDefinition } from "../../db/queries/rubrics";
import { minutesHash, type MinutesContent } from "../domain/minutes";
import { translator, type Locale } from "~/i18n";
import { publicUrl } from "./config.server";
import { askRanking } from "./ranking-service.server";

// The content of a plenary's minutes, read when the chair issues them: the facts from the
// database and the stage's ranking, method and agreement from the category's cached ranking
// (askRanking: the ranking worker scores, never the request thread). Frozen as JSON when issued;
// the PDF is drawn from that JSON, with the confirmations received so far.

export interface MinutesMeeting {
  heldOn: string;
  place: string;
  /** Panel members present (user ids). */
  present: ReadonlySet<number>;
  issuedBy: string;
  issuedAt: string;
}

/** The minutes' content now; null when the category's scoring input is refused (nothing to record). */
export async function minutesContent(
  db: Db,
  plenary: PlenaryFacts,
  meeting: MinutesMeeting,
): Promise<MinutesContent | null> {
  const stage = await askRanking(
    db,
    "minutesStage",
    { id: plenary.categoryId, key: plenary.categoryKey },
    plenary.stage,
  );
  if (!stage) return null;
  const [edition, panel, decisions, revisions, definition] = await Promise.all([
    getEdition(db, plenary.editionId),
    plenaryPanel(db, plenary.id),
    decisionsOf(db, plenary.id),
    revisionsOf(db, plenary.id),
    loadRubricDefinition(db, stage.rubricId),
  ]);
  if (!edition) return null;
  const revised = revisions.filter((r) => r.status === "revised");
  const [orgs, sheets] = await Promise.all([
    entryOrganisations(db, [
      ...new Set([
        ...stage.ranking.map((r) => r.entryId),
        ...stage.ineligible.map((x) => x.entryId),
        ...revised.map((r) => r.entryId),
      ]),
    ]),
    sheetNumbers(
      db,
      revised.map((r) => r.assignmentId),
    ),
  ]);
  const organisation = (entryId: number) => orgs.get(entryId)?.name ?? `#${entryId}`;
  const names = new Map(definition.criteria.map((c) => [c.id, c.name]));
  return {
    edition: { name: edition.name, year: edition.year, level: edition.level, region: edition.region },
    category: plenary.categoryKey,
    stage: plenary.stage,
    heldOn: meeting.heldOn,
    place: meeting.place,
    chair: plenary.chairName,
    panel: panel.map((p) => ({ userId: p.userId, name: p.name, present: meeting.present.has(p.userId) })),
    method: {
      ...stage.method,
      criteria: stage.method.criteria.map((c) => ({
        key: c.key,
        nameId: names.get(c.key)?.id ?? c.key,
        nameEn: names.get(c.key)?.en ?? "",
        type: c.type,
        weight: c.weight,
      })),
    },
    agreement: stage.agreement,
    ranking: stage.ranking.map((r) => ({ ...r, organisation: organisation(r.entryId) })),
    ineligible: stage.ineligible.map((x) => ({ ...x, organisation: organisation(x.entryId) })),
    decisions: decisions.map((d) => ({
      entryId: d.entryId,
      organisation: d.organisation,
      decision: d.decision,
      reason: d.reason,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
      withdrawnAt: d.withdrawnAt,
      withdrawalReason: d.withdrawalReason,
    })),
    revisions: revised.map((r) => ({
      entryId: r.entryId,
      organisation: organisation(r.entryId),
      sheet: sheets.get(r.assignmentId) ?? 0,
      assessor: plenary.named ? r.assessorName : null,
      criterion: { key: r.criterionKey, nameId: r.criterionNameId, nameEn: r.criterionNameEn, max: r.max },
      oldValue: r.oldValue,
      newValue: r.newValue,
      oldNote: r.oldNote,
      newNote: r.newNote,
      revisedAt: r.revisedAt,
    })),
    unsubmittedAtOpen: plenary.unsubmittedAtOpen,
    issuedAt: meeting.issuedAt,
    issuedBy: meeting.issuedBy,
  };
}

/**
 * The current minutes as a PDF download in `locale` (null: none current). A panel member's copy
 * leaves out the entries they declared a conflict with (`withheld`), and says so.
 */
export async function currentMinutesPdf(
  db: Db,
  plenary: PlenaryFacts,
  locale: Locale,
  withheld: ReadonlySet<number> = new Set(),
): Promise<Response | null> {
  const [row, status] = await Promise.all([currentMinutes(db, plenary.id), confirmationStatus(db, plenary.id)]);
  if (!row) return null;
  // Drawn in the ranking worker: a ranking of hundreds of entries is hundreds of ms of font work.
  const pdf = await askRanking(db, "minutesPdfFile", {
    contentJson: row.content_json,
    sha256: row.sha256,
    verifyUrl: publicUrl(`/verify/${row.sha256}`),
    confirmations: status.panel.flatMap((p) =>
      p.confirmedAt ? [{ userId: p.userId, confirmedAt: p.confirmedAt }] : [],
    ),
    withheld: [...withheld],
    locale,
  });
  const t = translator(locale);
  const name = `${t("minutes.pdf.fileName")}-${plenary.categoryKey}-${plenary.stage}-${row.held_on}.pdf`;
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * What /verify shows of minutes by their code: what was recorded (from the stored content),
 * whether they were withdrawn, how many of the panel confirmed, and whether the stored content
 * still hashes to the code. Null when no minutes have this code.
 */
export async function minutesVerification(db: Db, sha256: string) {
  const row = await minutesByHash(db, sha256);
  if (!row) return null;
  let content: MinutesContent | null = null;
  try {
    content = JSON.parse(row.content_json) as MinutesContent;
  } catch {
    content = null; // shown as not intact
  }
  return {
    intact: content !== null && minutesHash(row.content_json) === row.sha256,
    edition: content?.edition.name ?? "",
    category: content?.category ?? null,
    stage: content?.stage ?? null,
    heldOn: row.held_on,
    place: row.place,
    issuedAt: row.issued_at,
    withdrawnAt: row.withdrawn_at,
    confirmed: row.confirmations.size,
    panel: content?.panel.length ?? 0,
  };
}
