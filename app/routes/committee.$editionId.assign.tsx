import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { StageKey } from "../../db/schema";
import { editionStages } from "../../db/queries/editions";
import { panelMembers } from "../../db/queries/people";
import {
  addAssignments,
  assignmentEntry,
  blockedPairs,
  reassign as reassignAssignment,
} from "../../db/queries/assignment-plans";
import { listConflicts } from "../../db/queries/conflicts";
import { requireEditionCommittee } from "~/lib/committee.server";
import { checkManualPair, manualChoices, manualSchema, plan, planSchema, previewOf } from "~/lib/assign.server";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { parseForm } from "~/lib/forms";
import { useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import { formatNumber } from "~/i18n/format";
import { Field, FormErrorSummary, SelectField } from "~/components/Field";
import { AutoAssignPreview } from "~/components/assign/AutoAssignPreview";
import { ConflictList } from "~/components/assign/ConflictList";
import { readForm } from "~/lib/request-body.server";

// Assigning assessors and jurors to entries: automatically (preview by name, then apply), by hand
// (pick the entrant and the person by name), and replacing a person who declared a conflict.
// ?stage= chooses the stage the page works on (default: the open one).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const url = new URL(request.url);
  const stages = await editionStages(db, edition.id);
  const asked = url.searchParams.get("stage");
  const stage: StageKey =
    stages.find((s) => s.key === asked)?.key ?? (stages.find((s) => s.status === "open") ?? stages[0])?.key ?? "desk";
  const [conflicts, manual] = await Promise.all([listConflicts(db, edition.id), manualChoices(db, edition.id, stage)]);
  const base = {
    edition: { id: edition.id },
    stages: stages.map((s) => ({ key: s.key, status: s.status, panel: s.panel })),
    stage,
    conflicts,
    manual,
  };
  if (url.searchParams.get("preview") !== "1")
    return { ...base, preview: null, errors: {} as Record<string, string>, values: {} as Record<string, string> };
  const parsed = parseForm(planSchema, url.searchParams as unknown as FormData, t);
  if (!parsed.ok) return { ...base, preview: null, errors: parsed.errors, values: parsed.values };
  const p = await plan(db, edition.id, parsed.data);
  return {
    ...base,
    errors: {} as Record<string, string>,
    values: Object.fromEntries(url.searchParams) as Record<string, string>,
    preview: { stage: parsed.data.stage, k: parsed.data.k, ...previewOf(p) },
  };
}

const reassignSchema = z.object({
  assignmentId: z.coerce.number().int().positive(),
  toUserId: z.coerce.number({ error: "form.required" }).int().positive("form.required"),
  reason: z.string().trim().min(1, "committee.reasonRequired").max(1000),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/committee/${edition.id}/assign`;
  // Every refusal keeps what was chosen.
  const posted = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const fail = (errors: Record<string, string>) => data({ errors, values: posted, intent: String(intent) }, 400);
  if (intent === "apply") {
    const parsed = parseForm(planSchema, form, t);
    if (!parsed.ok) return fail(parsed.errors);
    const p = await plan(db, edition.id, parsed.data);
    if (p.empty) return fail({ _form: t(`committee.assign.empty.${p.empty}`) });
    const added = await addAssignments(db, {
      editionId: edition.id,
      stage: parsed.data.stage,
      createdBy: viewer.user.id,
      action: "assignment.auto",
      pairs: p.result.pairs.map((x) => ({ entryId: x.entry, userId: x.person })),
    });
    return redirect(`${here}?stage=${parsed.data.stage}`, {
      headers: await flash(request, t("committee.assign.applied", { count: formatNumber(added) })),
    });
  }
  if (intent === "manual") {
    const parsed = parseForm(manualSchema, form, t);
    if (!parsed.ok) return fail(parsed.errors);
    const refused = await checkManualPair(db, edition.id, parsed.data);
    if (refused) return fail({ [refused.field]: t(`committee.assign.${refused.message}`) });
    await addAssignments(db, {
      editionId: edition.id,
      stage: parsed.data.stage,
      createdBy: viewer.user.id,
      action: "assignment.manual",
      pairs: [{ entryId: parsed.data.entryId, userId: parsed.data.userId }],
    });
    const { entries, people } = await manualChoices(db, edition.id, parsed.data.stage);
    return redirect(`${here}?stage=${parsed.data.stage}`, {
      headers: await flash(
        request,
        t("committee.assign.manualDone", {
          person: people.find((p) => p.id === parsed.data.userId)?.name ?? "–",
          organisation: entries.find((e) => e.id === parsed.data.entryId)?.organisation_name ?? "–",
        }),
      ),
    });
  }
  if (intent === "reassign") {
    const parsed = parseForm(reassignSchema, form, t);
    if (!parsed.ok) return fail(parsed.errors);
    const blocked = await blockedPairs(db, edition.id);
    const target = await assignmentEntry(db, edition.id, parsed.data.assignmentId);
    if (target && blocked.some((b) => b.entryId === target.entry_id && b.userId === parsed.data.toUserId))
      return fail({ toUserId: t("committee.assign.blocked") });
    // The new person must be on the panel of the assignment's own stage (assessors for desk and
    // verification, jurors for the interview).
    const stages = await editionStages(db, edition.id);
    const role = stages.find((s) => s.key === target?.stage_key)?.panel ?? "assessor";
    if (!(await panelMembers(db, edition.id, role)).some((p) => p.id === parsed.data.toUserId))
      return fail({ toUserId: t("committee.assign.notPanel") });
    const res = await reassignAssignment(db, {
      editionId: edition.id,
      assignmentId: parsed.data.assignmentId,
      toUserId: parsed.data.toUserId,
      userId: viewer.user.id,
      reason: parsed.data.reason,
    });
    if (!res.ok) return fail({ _form: t(`committee.assign.refused.${res.reason}`) });
    return redirect(here, { headers: await flash(request, t("committee.assign.reassigned")) });
  }
  return fail({ _form: t("committee.action.unknown") });
}

export default function Assign() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? d.errors;
  const values: Record<string, string> = actionData?.values ?? d.values;
  const intent = actionData?.intent;
  // A field's error under the form that was posted, not under the other forms with the same field.
  const errorIn = (form: string, field: string) => (intent === form ? errors[field] : undefined);
  const categories = [...new Set(d.manual.entries.map((e) => e.category))];
  return (
    <section>
      <h1>{t("committee.assign.title")}</h1>
      <FormErrorSummary message={errors._form ?? (Object.keys(errors).length ? t("common.formErrors") : null)} />
      <h2>{t("committee.assign.autoTitle")}</h2>
      <p>{t("committee.assign.autoIntro")}</p>
      <Form method="get" noValidate>
        <input type="hidden" name="preview" value="1" />
        <SelectField
          name="stage"
          label={t("common.stage")}
          defaultValue={values.stage ?? d.stage}
          options={d.stages.map((s) => [s.key, `${stageName(t, s.key)} (${t(`stageStatus.${s.status}`)})`])}
        />
        <Field
          name="k"
          type="number"
          min={1}
          label={t("committee.assign.k")}
          defaultValue={values.k ?? "3"}
          error={errors.k}
        />
        <Field
          name="cap"
          type="number"
          min={1}
          label={t("committee.assign.cap")}
          hint={t("committee.assign.capHint")}
          defaultValue={values.cap ?? ""}
          error={errors.cap}
        />
        <button type="submit">{t("committee.assign.preview")}</button>
      </Form>
      {d.preview ? <AutoAssignPreview preview={d.preview} /> : null}

      <h2>{t("committee.assign.manualTitle")}</h2>
      <Form method="get" className="assign__stage">
        <SelectField
          name="stage"
          id="m-stage"
          label={t("committee.assign.manualStage")}
          defaultValue={d.stage}
          options={d.stages.map((s) => [s.key, `${stageName(t, s.key)} (${t(`stageStatus.${s.status}`)})`])}
        />
        <button type="submit">{t("committee.assign.showStage")}</button>
      </Form>
      {d.manual.entries.length === 0 ? (
        <p>{t("committee.assign.noEntries", { stage: stageName(t, d.stage) })}</p>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="stage" value={d.stage} />
          <SelectField
            name="entryId"
            id="m-entry"
            label={t("committee.assign.entry")}
            defaultValue={intent === "manual" ? values.entryId : ""}
            error={errorIn("manual", "entryId")}
            placeholder="–"
          >
            {categories.map((c) => (
              <optgroup key={c} label={categoryName(t, c)}>
                {d.manual.entries
                  .filter((e) => e.category === c)
                  .map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.organisation_name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField
            name="userId"
            id="m-user"
            label={t(d.manual.role === "juror" ? "role.juror" : "role.assessor")}
            defaultValue={intent === "manual" ? values.userId : ""}
            error={errorIn("manual", "userId")}
            placeholder="–"
            options={d.manual.people.map((p) => [String(p.id), p.name])}
          />
          <button type="submit" name="intent" value="manual">
            {t("committee.assign.manual")}
          </button>
        </Form>
      )}

      <h2>{t("committee.assign.conflictsTitle")}</h2>
      <ConflictList conflicts={d.conflicts} posted={intent === "reassign" ? { values, errors } : null} />
    </section>
  );
}
