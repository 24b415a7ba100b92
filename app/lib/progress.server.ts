import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { StageKey } from "../../db/schema";
import type { Db } from "../../db/client";
import { editionCategories, editionStages } from "../../db/queries/editions";
import {
  progressAssignment,
  progressEntry,
  reopenEditionScoresheet,
  reopenEntry,
  stageProgress,
} from "../../db/queries/progress";
import type { T } from "~/i18n";
import { parseForm } from "./forms";
import { flash } from "./session.server";
import { idParam, notFound } from "./guards.server";

// The server half of the progress page (app/routes/committee.$editionId.progress.tsx): what the
// query string asks for (stage, category, only entries still behind, page), the reopen form's
// schema, the reopen and the mapping of its refusals to messages.

const STAGES: readonly StageKey[] = ["desk", "verification", "interview"];
/** The query parameters that say what the page lists; kept by its links and after a reopen. */
const LIST_PARAMS = ["stage", "category", "open", "page"] as const;

/** The stage asked for (one of the edition's, else 404), else the open one, else the last closed. */
function stageOf(url: URL, stages: { key: StageKey; status: string }[]): StageKey {
  const asked = url.searchParams.get("stage");
  if (asked !== null) {
    const stage = STAGES.find((s) => s === asked);
    if (!stage || !stages.some((s) => s.key === stage)) notFound();
    return stage;
  }
  const open = stages.find((s) => s.status === "open");
  const lastClosed = [...stages].reverse().find((s) => s.status === "closed");
  return (open ?? lastClosed ?? stages[0])?.key ?? "desk";
}

/** Everything the page shows; a stage, category, page or reopen id that is not valid is a 404. */
export async function progressPage(db: Db, editionId: number, url: URL) {
  const q = url.searchParams;
  const [stages, categories] = await Promise.all([editionStages(db, editionId), editionCategories(db, editionId)]);
  const stage = stageOf(url, stages);
  const categoryParam = q.get("category") || null;
  const categoryId = categoryParam === null ? undefined : idParam(categoryParam);
  if (categoryId !== undefined && !categories.some((c) => c.id === categoryId)) notFound();
  const outstanding = q.get("open") === "1";
  const page = q.get("page") ? idParam(q.get("page") ?? "") : 1;
  const reopenId = q.get("reopen");
  const reopenEntryId = q.get("reopenEntry");
  const sheet = reopenId !== null ? ((await progressAssignment(db, editionId, idParam(reopenId))) ?? notFound()) : null;
  const entry =
    reopenEntryId !== null ? ((await progressEntry(db, editionId, idParam(reopenEntryId))) ?? notFound()) : null;
  const progress = await stageProgress(db, editionId, stage, { categoryId, outstanding, page });
  return {
    stages: stages.map((s) => ({ key: s.key, status: s.status })),
    categories: categories.map((c) => ({ id: c.id, key: c.key })),
    stage,
    filter: { categoryId: categoryId ?? null, outstanding },
    progress,
    sheet,
    entry,
  };
}

const reasonSchema = z.object({
  reason: z
    .string({ error: "committee.progress.reasonRequired" })
    .trim()
    .min(1, "committee.progress.reasonRequired")
    .max(1000, "committee.progress.reasonTooLong"),
});

/**
 * Reopens the submitted scoresheet or entry the form names (a reason is required), then goes back
 * to the list as it was (stage, filter, page); a refusal is returned with its message.
 */
export async function reopenFromProgress(args: {
  db: Db;
  editionId: number;
  userId: number;
  request: Request;
  form: FormData;
  t: T;
}) {
  const { db, editionId, form, t } = args;
  const intent = form.get("intent");
  if (intent !== "reopenSheet" && intent !== "reopenEntry") notFound();
  const id = idParam(String(form.get("id") ?? ""));
  const parsed = parseForm(reasonSchema, form, t);
  const target =
    intent === "reopenSheet" ? await progressAssignment(db, editionId, id) : await progressEntry(db, editionId, id);
  if (!target) notFound();
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, 400);
  const input = { editionId, userId: args.userId, reason: parsed.data.reason };
  const res =
    intent === "reopenSheet"
      ? await reopenEditionScoresheet(db, { ...input, assignmentId: id })
      : await reopenEntry(db, { ...input, entryId: id });
  if (!res.ok) {
    if (res.reason === "not_found") notFound();
    const errors: Record<string, string> =
      res.reason === "reason_required"
        ? { reason: t("committee.progress.reasonRequired") }
        : res.reason === "stage_not_open"
          ? { _form: t("committee.progress.stageNotOpen") }
          : { _form: t("committee.progress.notSubmitted") };
    return data({ errors, values: { reason: String(form.get("reason") ?? "") } as Record<string, string> }, 409);
  }
  const back = new URLSearchParams();
  const asked = new URL(args.request.url).searchParams;
  for (const k of LIST_PARAMS) {
    const v = asked.get(k) ?? (k === "stage" ? String(form.get("stage") ?? "") : "");
    if (v && (k !== "stage" || STAGES.some((s) => s === v))) back.set(k, v);
  }
  const query = back.toString();
  return redirect(`/committee/${editionId}/progress${query ? `?${query}` : ""}`, {
    headers: await flash(
      args.request,
      t(intent === "reopenSheet" ? "committee.progress.sheetReopened" : "committee.progress.entryReopened"),
    ),
  });
}
