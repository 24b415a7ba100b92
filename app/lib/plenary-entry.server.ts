import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { addComment, commentsOf } from "../../db/queries/plenary-comments";
import { decisionsOf, recordDecision, withdrawDecision } from "../../db/queries/plenary-decisions";
import { grantRevision, reviseCriterion, revisionsOf, withdrawRevision } from "../../db/queries/plenary-revisions";
import { MAX_COMMENT_LENGTH, MAX_REASON_LENGTH, MIN_REASON_LENGTH } from "../domain/plenary";
import type { MessageKey } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import { parseNumber } from "./form-number";
import { parseForm, type FieldErrors } from "./forms";
import { requireViewer } from "./guards.server";
import { getT } from "./locale.server";
import { plenaryHeading, requirePlenary } from "./plenary-access.server";
import { discussionList, entrySheets, type SheetLabel } from "./plenary-view.server";
import { readForm } from "./request-body.server";
import { flash } from "./session.server";

// The server half of a plenary entry's page (app/routes/plenary.$plenaryId.entries.$entryId.tsx):
// what it shows (sheets, neighbours in discussion order, comments, revision windows, decisions)
// and its forms, one zod schema per intent. The chair's intents are refused (403) to anyone else;
// every refusal of the data layer becomes a message in the reader's language, input kept.

export async function plenaryEntryLoader({ request, params }: LoaderFunctionArgs) {
  const { db, viewer, plenary, role, entryId } = await requirePlenary(request, params, { entry: true });
  const id = entryId!;
  const who = { userId: viewer.user.id, role };
  const [list, sheets, comments, revisions, decisions, organisation] = await Promise.all([
    discussionList(db, plenary, who),
    entrySheets(db, plenary, id, who),
    commentsOf(db, plenary.id, id),
    revisionsOf(db, plenary.id),
    decisionsOf(db, plenary.id),
    db
      .selectFrom("entries as e")
      .innerJoin("organisations as o", "o.id", "e.organisation_id")
      .select("o.name")
      .where("e.id", "=", id)
      .executeTakeFirstOrThrow(),
  ]);
  const at = list.rows.findIndex((r) => r.entryId === id);
  const neighbour = (i: number) => {
    const r = list.rows[i];
    return r ? { entryId: r.entryId, organisation: r.organisation } : null;
  };
  const labelOf = new Map<number, SheetLabel>(sheets.sheets.map((s) => [s.assignmentId, s.label]));
  const ownSheet = new Set(sheets.sheets.filter((s) => s.own).map((s) => s.assignmentId));
  const ofEntry = revisions.filter((r) => r.entryId === id);
  return {
    plenary: plenaryHeading(plenary),
    role,
    entry: { id, organisation: organisation.name },
    prev: at > 0 ? neighbour(at - 1) : null,
    next: at >= 0 ? neighbour(at + 1) : null,
    sheets,
    comments,
    revisions: ofEntry.map((r) => ({
      id: r.id,
      // A sheet of another stage cannot be here; an unlabelled one keeps no name either.
      sheet: labelOf.get(r.assignmentId) ?? null,
      criterionKey: r.criterionKey,
      status: r.status,
      oldValue: r.oldValue,
      newValue: r.newValue,
    })),
    // The viewer's own open windows: the criterion, its scale and what it was.
    myRevisions: ofEntry
      .filter((r) => r.status === "granted" && ownSheet.has(r.assignmentId) && r.userId === viewer.user.id)
      .map((r) => ({
        id: r.id,
        criterionKey: r.criterionKey,
        max: r.max,
        step: r.step,
        oldValue: r.oldValue,
        oldNote: r.oldNote,
      })),
    decisions: decisions
      .filter((d) => d.entryId === id)
      .map((d) => ({
        id: d.id,
        decision: d.decision,
        reason: d.reason,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        withdrawnAt: d.withdrawnAt,
        withdrawalReason: d.withdrawalReason,
      })),
    limits: { minReason: MIN_REASON_LENGTH, maxReason: MAX_REASON_LENGTH, maxComment: MAX_COMMENT_LENGTH },
  };
}

const id = (message: MessageKey) =>
  z
    .string({ error: message })
    .regex(/^\d{1,9}$/, { error: message })
    .transform(Number);

/** A text between `min` and `max` characters once trimmed; the messages name the bound. */
const text = (min: number, max: number, tooShort: MessageKey, tooLong: MessageKey) =>
  z
    .string({ error: tooShort })
    .trim()
    .superRefine((v, ctx) => {
      if (v.length < min) ctx.addIssue({ code: "custom", message: tooShort, params: { min } });
      else if (v.length > max) ctx.addIssue({ code: "custom", message: tooLong, params: { max } });
    });

const reason = text(
  MIN_REASON_LENGTH,
  MAX_REASON_LENGTH,
  "plenary.decide.reasonTooShort",
  "plenary.decide.reasonTooLong",
);

const commentSchema = z.object({
  intent: z.literal("comment"),
  body: text(1, MAX_COMMENT_LENGTH, "plenary.comments.bodyRequired", "plenary.comments.bodyTooLong"),
  parentId: z.union([z.literal("").transform(() => null), id("plenary.comments.notFound")]).optional(),
});

const grantSchema = z.object({
  intent: z.literal("grant"),
  assignmentId: id("plenary.grant.sheetRequired"),
  criterionKey: z
    .string({ error: "plenary.grant.criterionRequired" })
    .regex(/^[A-Za-z0-9_.-]{1,80}$/, { error: "plenary.grant.criterionRequired" }),
});

const withdrawGrantSchema = z.object({ intent: z.literal("withdrawGrant"), revisionId: id("plenary.error.notFound") });

const decideSchema = z.object({
  intent: z.literal("decide"),
  decision: z.enum(["advance", "exclude"], { error: "plenary.decide.decisionRequired" }),
  reason,
});

const withdrawDecisionSchema = z.object({
  intent: z.literal("withdrawDecision"),
  decisionId: id("plenary.error.notFound"),
  reason,
});

const reviseSchema = z.object({
  intent: z.literal("revise"),
  revisionId: id("plenary.error.notFound"),
  value: z
    .string({ error: "plenary.revise.valueRequired" })
    .transform((v) => parseNumber(v))
    .refine((v): v is number => v !== null, { error: "plenary.revise.valueRequired" }),
  note: text(0, MAX_REASON_LENGTH, "plenary.revise.noteRequired", "plenary.decide.reasonTooLong")
    .optional()
    .transform((v) => v || null),
});

const CHAIR_INTENTS = new Set(["grant", "withdrawGrant", "decide", "withdrawDecision"]);

/** A data-layer refusal → the field it belongs to, its message and status. */
const REFUSALS: Record<string, { key: MessageKey; field?: string; status: number }> = {
  not_found: { key: "plenary.error.notFound", status: 404 },
  stage_closed: { key: "plenary.error.stageClosed", status: 409 },
  minutes_issued: { key: "plenary.error.minutesIssued", status: 409 },
  not_submitted: { key: "plenary.error.notSubmitted", field: "assignmentId", status: 409 },
  already_granted: { key: "plenary.error.alreadyGranted", field: "criterionKey", status: 409 },
  not_granted: { key: "plenary.revise.notGranted", status: 409 },
  off_scale: { key: "plenary.revise.offScale", field: "value", status: 400 },
  note_required: { key: "plenary.revise.noteRequired", field: "note", status: 400 },
  advance_on_last_stage: { key: "plenary.decide.advanceOnLast", field: "decision", status: 409 },
  already_decided: { key: "plenary.decide.already", status: 409 },
  reason_too_short: { key: "plenary.decide.reasonTooShort", field: "reason", status: 400 },
};

export type PlenaryEntryActionData = {
  intent: string;
  /** The form the answer is for (a revision's or decision's id: several forms share an intent). */
  target?: string;
  errors: FieldErrors;
  values: Record<string, string>;
};

export async function plenaryEntryAction({ request, params }: ActionFunctionArgs) {
  // Anonymous: to sign-in before any body is read; then a body that is not a form is refused
  // (400/413/415) before the plenary is looked up, as every action does (test/security/request-bodies).
  await requireViewer(request);
  const form = await readForm(request);
  const { db, viewer, plenary, role, entryId } = await requirePlenary(request, params, { entry: true });
  const { t } = await getT(request);
  const intent = String(form.get("intent") ?? "");
  const target = String(form.get("revisionId") ?? form.get("decisionId") ?? form.get("parentId") ?? "");
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in values)) values[k] = v;
  const refuse = (errors: FieldErrors, status: number) =>
    data<PlenaryEntryActionData>({ intent, target, errors, values }, status);

  if (CHAIR_INTENTS.has(intent) && role !== "chair") return refuse({ _form: t("plenary.error.chairOnly") }, 403);
  const userId = viewer.user.id;
  const plenaryId = plenary.id;
  const schema = {
    comment: commentSchema,
    grant: grantSchema,
    withdrawGrant: withdrawGrantSchema,
    decide: decideSchema,
    withdrawDecision: withdrawDecisionSchema,
    revise: reviseSchema,
  }[intent];
  if (!schema) return refuse({ _form: t("plenary.error.unknownIntent") }, 400);
  const parsed = parseForm(schema, form, t);
  if (!parsed.ok) return refuse(parsed.errors, 400);
  const input = parsed.data;

  let res: { ok: true } | { ok: false; reason: string };
  let done: MessageKey;
  switch (input.intent) {
    case "comment":
      res = await addComment(db, {
        plenaryId,
        entryId: entryId!,
        userId,
        parentId: input.parentId ?? null,
        body: input.body,
      });
      done = "plenary.comments.posted";
      break;
    case "grant": {
      // The sheet must be one of this entry's: a sheet of another entry is not found here.
      const sheets = await entrySheets(db, plenary, entryId!, { userId, role });
      res = sheets.sheets.some((s) => s.assignmentId === input.assignmentId)
        ? await grantRevision(db, {
            plenaryId,
            assignmentId: input.assignmentId,
            criterionKey: input.criterionKey,
            userId,
          })
        : { ok: false, reason: "not_found" };
      done = "plenary.grant.done";
      break;
    }
    case "withdrawGrant":
      res = await withdrawRevision(db, { revisionId: input.revisionId, userId });
      done = "plenary.revision.withdrawnDone";
      break;
    case "decide":
      res = await recordDecision(db, {
        plenaryId,
        entryId: entryId!,
        decision: input.decision,
        reason: input.reason,
        userId,
      });
      done = "plenary.decide.done";
      break;
    case "withdrawDecision":
      res = await withdrawDecision(db, { decisionId: input.decisionId, reason: input.reason, userId });
      done = "plenary.decide.withdrawDone";
      break;
    case "revise":
      res = await reviseCriterion(db, { revisionId: input.revisionId, userId, value: input.value, note: input.note });
      done = "plenary.revise.done";
      break;
  }
  if (!res.ok) {
    const refusal = REFUSALS[res.reason] ?? REFUSALS.not_found!;
    const params =
      res.reason === "off_scale"
        ? await scaleOf(db, plenaryId, input)
        : { min: MIN_REASON_LENGTH, max: MAX_REASON_LENGTH };
    return refuse({ [refusal.field ?? "_form"]: t(refusal.key, params) }, refusal.status);
  }
  return redirect(`/plenary/${plenaryId}/entries/${entryId}`, { headers: await flash(request, t(done)) });
}

/** The scale of the criterion a refused revision was for (its message names it). */
async function scaleOf(db: Parameters<typeof revisionsOf>[0], plenaryId: number, input: { intent: string }) {
  if (input.intent !== "revise") return undefined;
  const revisionId = (input as z.output<typeof reviseSchema>).revisionId;
  const r = (await revisionsOf(db, plenaryId)).find((x) => x.id === revisionId);
  return r ? { max: formatNumber(r.max ?? 0, 0, 2), step: formatNumber(r.step ?? 1, 0, 2) } : undefined;
}
