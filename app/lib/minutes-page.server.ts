import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { confirmationStatus, confirmMinutes, issueMinutes, withdrawMinutes } from "../../db/queries/plenary-minutes";
import { endOfDayWib } from "../domain/deadlines";
import { MAX_REASON_LENGTH, MIN_REASON_LENGTH } from "../domain/plenary";
import type { T } from "~/i18n";
import { parseForm, type FieldErrors } from "./forms";
import { forbidden, requireViewer } from "./guards.server";
import { getT } from "./locale.server";
import { minutesContent } from "./minutes.server";
import { plenaryHeading, requirePlenary } from "./plenary-access.server";
import { readForm } from "./request-body.server";
import { flash } from "./session.server";

// The server half of the minutes page (app/routes/plenary.$plenaryId.minutes.tsx): the chair
// issues the minutes (date, place, who of the panel was present) and withdraws them with a
// reason; each panel member confirms the current minutes once; the committee reads. A form posted
// against minutes that are no longer current is refused, never applied to the new ones.

/** Today's date in WIB (YYYY-MM-DD): the meeting's default date. */
function todayWib(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export async function minutesLoader({ request, params }: LoaderFunctionArgs) {
  const { db, viewer, plenary, role } = await requirePlenary(request, params);
  const status = await confirmationStatus(db, plenary.id);
  const open = plenary.stageStatus === "open" && !plenary.editionArchived;
  const mine = status.panel.find((p) => p.userId === viewer.user.id);
  return {
    plenary: plenaryHeading(plenary),
    minutes: status.minutes,
    panel: status.panel,
    complete: status.complete,
    canIssue: role === "chair" && open && status.minutes === null,
    canWithdraw: role === "chair" && open && status.minutes !== null,
    canConfirm: open && status.minutes !== null && mine !== undefined && mine.confirmedAt === null,
    today: todayWib(),
    minReason: MIN_REASON_LENGTH,
  };
}

const minutesId = z
  .string()
  .regex(/^\d{1,9}$/, "form.invalid")
  .transform(Number);

const IssueForm = z.object({
  heldOn: z
    .string({ error: "minutes.error.heldOn" })
    .refine((v) => endOfDayWib(v) !== null, { message: "minutes.error.heldOn" }),
  place: z
    .string({ error: "minutes.error.place" })
    .trim()
    .min(1, "minutes.error.place")
    .max(200, "minutes.error.place"),
});

const WithdrawForm = z.object({
  minutesId,
  reason: z
    .string({ error: "minutes.error.reason" })
    .trim()
    .max(MAX_REASON_LENGTH, "form.invalid")
    .refine((v) => v.length >= MIN_REASON_LENGTH, {
      message: "minutes.error.reason",
      params: { min: String(MIN_REASON_LENGTH) },
    }),
});

const ConfirmForm = z.object({ minutesId });

export type MinutesAction =
  | {
      intent: "issue" | "withdraw" | "confirm";
      errors: FieldErrors;
      values: Record<string, string>;
      /** The panel members ticked as present (issue form), kept after a refusal. */
      present?: string[];
    }
  | undefined;

const fail = (
  intent: "issue" | "withdraw" | "confirm",
  errors: FieldErrors,
  values: Record<string, string>,
  status = 400,
  present?: string[],
) => data<MinutesAction>({ intent, errors, values, present }, status);

/** A refusal of the data layer in words, as the form's summary. */
const refusal = (t: T, reason: string) => t(`minutes.error.${reason}` as Parameters<T>[0], { min: MIN_REASON_LENGTH });

export async function minutesAction({ request, params }: ActionFunctionArgs) {
  // Anonymous: to sign-in before any body is read; then a body that is not a form is refused
  // (400/413/415) before the plenary is looked up, as every action does (test/security/request-bodies).
  await requireViewer(request);
  const form = await readForm(request);
  const { db, viewer, plenary, role } = await requirePlenary(request, params);
  const { t } = await getT(request);
  const intent = form.get("intent");
  const back = async (message: string) =>
    redirect(`/plenary/${plenary.id}/minutes`, { headers: await flash(request, message) });
  const { minutes: current, panel } = await confirmationStatus(db, plenary.id);

  if (intent === "issue") {
    if (role !== "chair") forbidden();
    const parsed = parseForm(IssueForm, form, t);
    const ticked = form.getAll("present").map(String);
    const present = new Set(ticked.map(Number));
    const values = parsed.ok ? { heldOn: parsed.data.heldOn, place: parsed.data.place } : parsed.values;
    const errors: FieldErrors = parsed.ok ? {} : parsed.errors;
    if (present.size === 0 || [...present].some((id) => !panel.some((p) => p.userId === id)))
      errors.present = t("minutes.error.present");
    if (!parsed.ok || errors.present) return fail("issue", errors, values, 400, ticked);
    if (current) return fail("issue", { _form: refusal(t, "already_issued") }, values, 409, ticked);
    const content = await minutesContent(db, plenary, {
      heldOn: parsed.data.heldOn,
      place: parsed.data.place,
      present,
      issuedBy: viewer.user.name,
      issuedAt: new Date().toISOString(),
    });
    if (!content) return fail("issue", { _form: refusal(t, "no_result") }, values, 409, ticked);
    const res = await issueMinutes(db, {
      plenaryId: plenary.id,
      heldOn: parsed.data.heldOn,
      place: parsed.data.place,
      content,
      userId: viewer.user.id,
    });
    if (!res.ok) return fail("issue", { _form: refusal(t, res.reason) }, values, 409, ticked);
    return back(t("minutes.issue.done"));
  }

  if (intent === "withdraw") {
    if (role !== "chair") forbidden();
    const parsed = parseForm(WithdrawForm, form, t);
    if (!parsed.ok) return fail("withdraw", parsed.errors, parsed.values);
    const values = { reason: parsed.data.reason };
    if (current?.id !== parsed.data.minutesId) return fail("withdraw", { _form: refusal(t, "stale") }, values, 409);
    const res = await withdrawMinutes(db, {
      minutesId: parsed.data.minutesId,
      reason: parsed.data.reason,
      userId: viewer.user.id,
    });
    if (!res.ok)
      return res.reason === "reason_too_short"
        ? fail("withdraw", { reason: refusal(t, "reason") }, values)
        : fail("withdraw", { _form: refusal(t, res.reason) }, values, 409);
    return back(t("minutes.withdraw.done"));
  }

  if (intent === "confirm") {
    const parsed = parseForm(ConfirmForm, form, t);
    if (!parsed.ok) return fail("confirm", { _form: t("form.invalid") }, {});
    if (current?.id !== parsed.data.minutesId) return fail("confirm", { _form: refusal(t, "stale") }, {}, 409);
    const res = await confirmMinutes(db, { minutesId: parsed.data.minutesId, userId: viewer.user.id });
    if (!res.ok) {
      if (res.reason === "not_panel") forbidden();
      return fail("confirm", { _form: refusal(t, res.reason) }, {}, 409);
    }
    return back(t("minutes.confirm.done"));
  }
  return fail("issue", { _form: t("form.invalid") }, {});
}
