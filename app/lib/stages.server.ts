import type { Db } from "../../db/client";
import type { Edition, StageKey } from "../../db/schema";
import { editionCategories, editionStages } from "../../db/queries/editions";
import { closeStageWithShortlist, stageCoverage } from "../../db/queries/stages";
import { mayCloseStage } from "../domain/stages";
import { scoresheetCounts } from "../../db/queries/scoring-data";
import { publishedCategoryIds } from "../../db/queries/publications";
import { createHash } from "node:crypto";
import { entryOrganisations } from "../../db/queries/organisations";
import { askRanking } from "./ranking-service.server";
import { LIST_LIMIT } from "../domain/ranking-view";
import { MAX_REASON_LENGTH, MIN_REASON_LENGTH } from "../domain/plenary";
import { plenariesOfEdition } from "../../db/queries/plenary";
import { confirmationStatus } from "../../db/queries/plenary-minutes";
import type { CategoryKey } from "../../db/schema";

/**
 * The shortlist of every category at the end of the open stage, from score().
 *
 * A category with a current publication takes no part: its entries keep "result published" and
 * its shortlist is not shown. Stages belong to the whole edition and a publication cannot be
 * withdrawn, so refusing to close the stage instead would hold every other category at this
 * stage for good; what a committee secretary expects is that announced winners stay announced
 * while the other categories move on (the stages page says so beside the category).
 */
export async function proposal(db: Db, edition: Edition) {
  const stages = await editionStages(db, edition.id);
  const open = stages.find((s) => s.status === "open") ?? null;
  if (!open) return { stages, open: null, next: null, categories: [], fingerprint: "", closable: false };
  const next = stages.find((s) => s.position > open.position) ?? null;
  const categories = [];
  const published = await publishedCategoryIds(db, edition.id);
  // Entries of the stage without any scoresheet: the stage cannot close until they have one.
  const coverage = await stageCoverage(db, edition.id, open.key);
  for (const c of await editionCategories(db, edition.id)) {
    const { entries, withoutSheet } = coverage.get(c.id) ?? { entries: 0, withoutSheet: 0 };
    if (published.has(c.id)) {
      categories.push({
        id: c.id,
        key: c.key,
        ok: true,
        published: true,
        advancing: [],
        notAdvancing: [],
        unsubmitted: 0,
        entries: 0,
        withoutSheet: 0,
      });
      continue;
    }
    const list = await askRanking(db, "stageShortlist", { id: c.id, key: c.key }, open.key);
    if (!list) {
      categories.push({
        id: c.id,
        key: c.key,
        ok: false,
        published: false,
        advancing: [],
        notAdvancing: [],
        unsubmitted: 0,
        entries,
        withoutSheet,
      });
      continue;
    }
    // Only the first LIST_LIMIT of each list are shown by name (the page gives the counts).
    const shown = [...list.advancing.slice(0, LIST_LIMIT), ...list.notAdvancing.slice(0, LIST_LIMIT)];
    const names = await entryOrganisations(
      db,
      shown.map((e) => e.id),
    );
    const row = (e: (typeof list.advancing)[number]) => ({ ...e, name: names.get(e.id)?.name ?? String(e.id) });
    // Scoresheets of this stage not submitted yet do not count: the committee is told how many.
    const unsubmitted = (await scoresheetCounts(db, c.id))
      .filter((x) => x.stage === open.key && x.status !== "submitted")
      .reduce((a, x) => a + x.n, 0);
    categories.push({
      id: c.id,
      key: c.key,
      ok: true,
      published: false,
      advancing: list.advancing.map(row),
      notAdvancing: list.notAdvancing.map(row),
      unsubmitted,
      entries,
      withoutSheet,
    });
  }
  // What the committee confirms: closing is refused when the shortlist changed since it was shown.
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify(
        categories.map((c) => [c.id, c.ok, c.published, c.advancing.map((e) => e.id), c.notAdvancing.map((e) => e.id)]),
      ),
    )
    .digest("hex");
  return { stages, open, next, categories, fingerprint, closable: mayCloseStage(categories) };
}

/** A plenary of the stage whose current minutes not every panel member has confirmed. */
interface UnconfirmedPlenary {
  plenaryId: number;
  categoryKey: CategoryKey;
  /** Whether current minutes exist (else none were issued, or they were withdrawn). */
  minutes: boolean;
  /** Panel members who have not confirmed them (the whole panel without minutes). */
  missing: number;
}

/** The plenaries of `stage` whose current minutes are not confirmed by every panel member. */
export async function unconfirmedPlenaries(db: Db, editionId: number, stage: StageKey): Promise<UnconfirmedPlenary[]> {
  const plenaries = (await plenariesOfEdition(db, editionId)).filter((p) => p.stage === stage);
  const out: UnconfirmedPlenary[] = [];
  for (const p of plenaries) {
    const status = await confirmationStatus(db, p.id);
    if (status.complete) continue;
    out.push({
      plenaryId: p.id,
      categoryKey: p.categoryKey,
      minutes: status.minutes !== null,
      missing: status.minutes ? status.panel.filter((m) => m.confirmedAt === null).length : status.panel.length,
    });
  }
  return out;
}

/** A reason to close without every confirmation: long enough once trimmed (app/domain/plenary.ts). */
function closeReason(reason: string | undefined): string | null {
  const r = reason?.trim() ?? "";
  return r.length >= MIN_REASON_LENGTH && r.length <= MAX_REASON_LENGTH ? r : null;
}

export type CloseResult =
  | { ok: true; stage: StageKey; last: boolean }
  | { ok: false; reason: "not_open" | "changed" | "refused" | "unconfirmed" }
  | { ok: false; reason: "no_sheets"; withoutSheet: number }
  | { ok: false; reason: "minutes_unconfirmed"; plenaries: UnconfirmedPlenary[] };

/**
 * Closes the open stage with the shortlist the committee was shown (`fingerprint` of the
 * proposal): refused when that stage is not the open one, when the shortlist changed meanwhile (a
 * category published since included), when a category's input is refused, or when an entry of the
 * stage has no scoresheet at all (its stage score would be a 0 nobody gave). A plenary of the stage
 * whose current minutes not every panel member confirmed (or that has none) needs the committee's
 * `reason` (MIN_REASON_LENGTH or more), kept on each such plenary. Once all that holds, it still
 * waits for the committee's confirmation (`confirmed`, app/lib/confirm.ts).
 */
export async function closeOpenStage(
  db: Db,
  edition: Edition,
  args: { stage: string; fingerprint: unknown; userId: number; confirmed: boolean; reason?: string },
): Promise<CloseResult> {
  const p = await proposal(db, edition);
  if (!p.open || p.open.key !== args.stage) return { ok: false, reason: "not_open" };
  if (args.fingerprint !== p.fingerprint) return { ok: false, reason: "changed" };
  if (p.categories.some((c) => !c.ok)) return { ok: false, reason: "refused" };
  if (!p.closable)
    return { ok: false, reason: "no_sheets", withoutSheet: p.categories.reduce((a, c) => a + c.withoutSheet, 0) };
  const unconfirmed = await unconfirmedPlenaries(db, edition.id, p.open.key);
  const reason = closeReason(args.reason);
  if (unconfirmed.length > 0 && reason === null)
    return { ok: false, reason: "minutes_unconfirmed", plenaries: unconfirmed };
  if (!args.confirmed) return { ok: false, reason: "unconfirmed" };
  await closeStageWithShortlist(db, {
    editionId: edition.id,
    stage: p.open.key,
    nextStage: p.next?.key ?? null,
    advancing: p.categories.flatMap((c) => c.advancing.map((e) => e.id)),
    notAdvancing: p.categories.flatMap((c) => c.notAdvancing.map((e) => e.id)),
    userId: args.userId,
    unconfirmed: unconfirmed.length > 0 && reason !== null ? { plenaries: unconfirmed, reason } : undefined,
  });
  return { ok: true, stage: p.open.key, last: p.next === null };
}
