import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { declareConflict } from "../../db/queries/conflicts";
import {
  saveScoresheet,
  savedScoresheet,
  scoresheetCriteria,
  type SaveResult,
  type ScoresheetCriterion,
} from "../../db/queries/scores";
import { needsNote, onScale } from "~/domain/scoresheet";
import type { T } from "~/i18n";
import type { AssessorEntry } from "./assess.server";
import { CONFLICT_KINDS, noteName, scoreName, type ActionResult } from "./assess-form";
import { parseNumber } from "./form-number";
import { parseForm, type FieldErrors } from "./forms";
import { flash } from "./session.server";

// The assessor page's two forms, after the guard: the conflict-of-interest declaration and the
// scoresheet (saved, autosaved, submitted or overwritten after a stale refusal). Each answers with
// an ActionResult (or a redirect with a flash message).

const declareSchema = z
  .object({
    conflict: z.enum(["no", "yes"], { error: "assess.conflict.choose" }),
    kind: z.enum(CONFLICT_KINDS, { error: "assess.conflict.kindRequired" }).optional(),
    note: z.string().trim().max(2000, { error: "assess.conflict.noteLong" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.conflict !== "yes") return;
    if (!v.kind) ctx.addIssue({ code: "custom", path: ["kind"], message: "assess.conflict.kindRequired" });
    if (!v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "assess.conflict.noteRequired" });
  });

/** Records the declaration once: no conflict opens the entry, a conflict sends back to the list. */
export async function declareAction(request: Request, access: AssessorEntry, form: FormData, t: T) {
  const { viewer, db, entryId, declared } = access;
  if (declared) {
    return data<ActionResult>({ kind: "declare", errors: {}, values: {}, message: t("assess.conflict.already") }, 409);
  }
  const parsed = parseForm(declareSchema, form, t);
  if (!parsed.ok)
    return data<ActionResult>(
      { kind: "declare", errors: parsed.errors, values: parsed.values, message: t("assess.form.errors") },
      400,
    );
  const hasConflict = parsed.data.conflict === "yes";
  const res = await declareConflict(db, {
    userId: viewer.user.id,
    entryId,
    hasConflict,
    kind: parsed.data.kind ?? null,
    note: parsed.data.note ?? null,
  });
  if (!res.ok)
    return data<ActionResult>({ kind: "declare", errors: {}, values: {}, message: t("assess.conflict.already") }, 409);
  if (hasConflict) return redirect("/assess", { headers: await flash(request, t("assess.conflict.recorded")) });
  return redirect(`/assess/${entryId}`, { headers: await flash(request, t("assess.conflict.noneRecorded")) });
}

/** The scoring form: one score and note per judged criterion; on submit, all scored. */
function scoresheetSchema(criteria: ScoresheetCriterion[]) {
  return z
    .object({
      intent: z.enum(["save", "submit", "overwrite"]),
      version: z.coerce.number().int().min(0),
      seenVersion: z.coerce.number().int().min(0).optional(),
      auto: z.string().optional(),
    })
    .catchall(z.string())
    .superRefine((v, ctx) => {
      const submit = v.intent === "submit";
      for (const c of criteria) {
        const raw = String(v[scoreName(c)] ?? "").trim();
        const note = String(v[noteName(c)] ?? "").trim();
        if (note.length > 2000) ctx.addIssue({ code: "custom", path: [noteName(c)], message: "assess.error.noteLong" });
        if (raw === "") {
          if (submit) ctx.addIssue({ code: "custom", path: [scoreName(c)], message: "assess.error.required" });
          continue;
        }
        const n = parseNumber(raw);
        if (n === null || !onScale(n, c)) {
          ctx.addIssue({ code: "custom", path: [scoreName(c)], message: "assess.error.scale" });
        } else if (submit && needsNote(n, c) && !note) {
          ctx.addIssue({ code: "custom", path: [noteName(c)], message: "assess.error.noteRequired" });
        }
      }
    })
    .transform((v) => ({
      intent: v.intent,
      auto: v.auto === "1",
      baseVersion: v.intent === "overwrite" && v.seenVersion !== undefined ? v.seenVersion : v.version,
      scores: criteria.map((c) => {
        const raw = String(v[scoreName(c)] ?? "").trim();
        const note = String(v[noteName(c)] ?? "").trim();
        return { criterionId: c.id, value: raw === "" ? null : parseNumber(raw), note: note || null };
      }),
    }));
}

/** The answer to an autosave whose access ended meanwhile (signed out, entry reopened, membership ended). */
export function autosaveGone(t: T) {
  return data<ActionResult>(
    {
      kind: "refused",
      reason: "gone",
      auto: true,
      message: t("assess.error.gone"),
      errors: {},
      values: {},
      basedOn: null,
    },
    409,
  );
}

/** Saves (or submits) the scoresheet against the version the form was based on. */
export async function saveAction(request: Request, access: AssessorEntry, form: FormData, t: T) {
  const { viewer, db, entryId, declared, assignment } = access;
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const auto = values.auto === "1";
  // A refused form keeps the version it was based on, so that its next save is still checked
  // against that version (and refused as stale if another tab saved meanwhile).
  const sentVersion = Number(values.version);
  const basedOn = Number.isSafeInteger(sentVersion) && sentVersion >= 0 ? sentVersion : null;
  if (!declared) {
    return data<ActionResult>(
      {
        kind: "refused",
        reason: "not_declared",
        auto,
        message: t("assess.error.notDeclared"),
        errors: {},
        values,
        basedOn,
      },
      403,
    );
  }
  const criteria = await scoresheetCriteria(db, assignment.id);
  const parsed = parseForm(scoresheetSchema(criteria), form, t);
  if (!parsed.ok) {
    return data<ActionResult>(
      {
        kind: "refused",
        reason: "form",
        auto,
        message: t("assess.form.errors"),
        errors: parsed.errors,
        values: parsed.values,
        basedOn,
      },
      400,
    );
  }
  const { intent, baseVersion, scores } = parsed.data;
  // The criteria the form was checked against are those the save checks against (read once).
  const res = await saveScoresheet(db, {
    assignmentId: assignment.id,
    userId: viewer.user.id,
    baseVersion,
    scores,
    submit: intent === "submit",
    criteria,
  });
  if (res.ok) {
    if (res.status === "submitted")
      return redirect(`/assess/${entryId}`, { headers: await flash(request, t("assess.form.submittedFlash")) });
    return data<ActionResult>({ kind: "saved", auto, version: res.version, at: new Date().toISOString() });
  }
  // A stale save is shown what is saved now (version and values, read together), beside the
  // user's input: "replace with mine" saves based on that version, "use the saved ones" loads them.
  const current = res.reason === "stale" ? ((await savedScoresheet(db, assignment.id)) ?? undefined) : undefined;
  const { message, errors, status } = refusalOf(res, t);
  return data<ActionResult>(
    {
      kind: "refused",
      reason: res.reason,
      auto,
      message,
      errors,
      values,
      basedOn: baseVersion,
      ...(current ? { current } : {}),
    },
    status,
  );
}

/** A save the database refused, as the page shows it: a message, errors at the fields, an HTTP status. */
function refusalOf(
  res: Extract<SaveResult, { ok: false }>,
  t: T,
): { message: string; errors: FieldErrors; status: 400 | 409 } {
  const errors: FieldErrors = {};
  const ids = res.criterionIds ?? [];
  if (res.reason === "incomplete") for (const id of ids) errors[scoreName({ id })] = t("assess.error.required");
  if (res.reason === "note_required") for (const id of ids) errors[noteName({ id })] = t("assess.error.noteRequired");
  if (res.reason === "invalid") for (const id of ids) errors[scoreName({ id })] = t("assess.error.scale");
  const message =
    res.reason === "stale"
      ? t("assess.form.stale")
      : res.reason === "incomplete" || res.reason === "note_required"
        ? t("assess.form.errors")
        : res.reason === "submitted" || res.reason === "stage_closed" || res.reason === "deadline"
          ? t(`assess.error.${res.reason}`)
          : t("assess.error.invalid");
  const status = res.reason === "incomplete" || res.reason === "note_required" || res.reason === "invalid" ? 400 : 409;
  return { message, errors, status };
}
