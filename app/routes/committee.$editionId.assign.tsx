import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { editionStages } from "../../db/queries/editions";
import { entriesWithStatus } from "../../db/queries/assignment-plans";
import { panelMembers } from "../../db/queries/people";
import {
  addAssignments,
  assignmentEntry,
  blockedPairs,
  reassign as reassignAssignment,
} from "../../db/queries/assignment-plans";
import { listConflicts } from "../../db/queries/conflicts";
import { requireEditionCommittee } from "~/lib/committee.server";
import { plan, planSchema } from "~/lib/assign.server";
import { STAGE_ENTRY_STATUS } from "~/domain/entry-status";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { parseForm } from "~/lib/forms";
import { useT } from "~/lib/use-t";
import { stageName } from "~/i18n/labels";
import { formatNumber } from "~/i18n/format";
import { Field, FormErrorSummary, SelectField } from "~/components/Field";
import { readForm } from "~/lib/request-body.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const url = new URL(request.url);
  const stages = await editionStages(db, edition.id);
  const defaultStage = (stages.find((s) => s.status === "open") ?? stages[0])?.key ?? "desk";
  const [conflicts, assessors, jurors] = await Promise.all([
    listConflicts(db, edition.id),
    panelMembers(db, edition.id, "assessor"),
    panelMembers(db, edition.id, "juror"),
  ]);
  const base = {
    edition: { id: edition.id },
    stages: stages.map((s) => ({ key: s.key, status: s.status, panel: s.panel })),
    defaultStage,
    conflicts,
    assessors,
    jurors,
  };
  if (url.searchParams.get("preview") !== "1")
    return { ...base, preview: null, errors: {} as Record<string, string>, values: {} as Record<string, string> };
  const parsed = parseForm(planSchema, url.searchParams as unknown as FormData, t);
  if (!parsed.ok) return { ...base, preview: null, errors: parsed.errors, values: parsed.values };
  const p = await plan(db, edition.id, parsed.data);
  const names = new Map(p.people.map((x) => [x.id, x.name]));
  const entryNames = new Map(p.entries.map((e) => [e.id, e.organisation_name]));
  return {
    ...base,
    errors: {} as Record<string, string>,
    values: Object.fromEntries(url.searchParams) as Record<string, string>,
    preview: {
      stage: parsed.data.stage,
      k: parsed.data.k,
      cap: p.result.cap,
      entries: p.entries.length,
      pairs: p.result.pairs.length,
      loads: p.result.loads.map((l) => ({ ...l, name: names.get(l.person) ?? String(l.person) })),
      short: p.result.short.map((s) => ({ ...s, name: entryNames.get(s.entry) ?? String(s.entry) })),
    },
  };
}

const manualSchema = z.object({
  stage: z.enum(["desk", "verification", "interview"], { error: "form.required" }),
  entryId: z.coerce.number({ error: "form.required" }).int().positive("form.required"),
  userId: z.coerce.number({ error: "form.required" }).int().positive("form.required"),
});
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
  const fail = (errors: Record<string, string>, values: Record<string, string> = {}) =>
    data({ errors, values, intent: String(intent) }, 400);
  if (intent === "apply") {
    const parsed = parseForm(planSchema, form, t);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const p = await plan(db, edition.id, parsed.data);
    const added = await addAssignments(db, {
      editionId: edition.id,
      stage: parsed.data.stage,
      createdBy: viewer.user.id,
      action: "assignment.auto",
      pairs: p.result.pairs.map((x) => ({ entryId: x.entry, userId: x.person })),
    });
    return redirect(here, {
      headers: await flash(request, t("committee.assign.applied", { count: formatNumber(added) })),
    });
  }
  if (intent === "manual") {
    const parsed = parseForm(manualSchema, form, t);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
    const blocked = await blockedPairs(db, edition.id);
    if (blocked.some((b) => b.entryId === parsed.data.entryId && b.userId === parsed.data.userId)) {
      return fail(
        { userId: t("committee.assign.blocked") },
        Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])),
      );
    }
    const stages = await editionStages(db, edition.id);
    const role = stages.find((s) => s.key === parsed.data.stage)?.panel ?? "assessor";
    const [people, entries] = await Promise.all([
      panelMembers(db, edition.id, role),
      entriesWithStatus(db, edition.id, [STAGE_ENTRY_STATUS[parsed.data.stage]]),
    ]);
    if (!people.some((p) => p.id === parsed.data.userId)) return fail({ userId: t("committee.assign.notPanel") });
    if (!entries.some((e) => e.id === parsed.data.entryId)) return fail({ entryId: t("committee.assign.notInStage") });
    const added = await addAssignments(db, {
      editionId: edition.id,
      stage: parsed.data.stage,
      createdBy: viewer.user.id,
      action: "assignment.manual",
      pairs: [{ entryId: parsed.data.entryId, userId: parsed.data.userId }],
    });
    return redirect(here, {
      headers: await flash(request, t("committee.assign.applied", { count: formatNumber(added) })),
    });
  }
  if (intent === "reassign") {
    const parsed = parseForm(reassignSchema, form, t);
    if (!parsed.ok) return fail(parsed.errors, parsed.values);
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
  const p = d.preview;
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
          defaultValue={values.stage ?? d.defaultStage}
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
      {p ? (
        <section aria-labelledby="preview-title" className="preview">
          <h3 id="preview-title">{t("committee.assign.previewTitle", { stage: stageName(t, p.stage) })}</h3>
          <p role="status">
            {t("committee.assign.previewSummary", {
              entries: formatNumber(p.entries),
              pairs: formatNumber(p.pairs),
              k: p.k,
              cap: p.cap,
            })}
          </p>
          <table className="data loads">
            <thead>
              <tr>
                <th scope="col">{t("committee.assign.person")}</th>
                <th scope="col" className="num">
                  {t("committee.assign.existing")}
                </th>
                <th scope="col" className="num">
                  {t("committee.assign.added")}
                </th>
                <th scope="col" className="num">
                  {t("committee.assign.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.loads.map((l) => (
                <tr key={l.person}>
                  <th scope="row">{l.name}</th>
                  <td className="num">{l.existing}</td>
                  <td className="num">{l.added}</td>
                  <td className="num">{l.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.short.length ? (
            <div className="alert alert--warn">
              <p>{t("committee.assign.short")}</p>
              <ul>
                {p.short.map((s) => (
                  <li key={s.entry}>
                    {s.name}: {s.missing}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="stage" value={p.stage} />
            <input type="hidden" name="k" value={p.k} />
            <input type="hidden" name="cap" value={p.cap} />
            <button type="submit" className="primary" name="intent" value="apply" disabled={p.pairs === 0}>
              {t("committee.assign.apply", { count: formatNumber(p.pairs) })}
            </button>
          </Form>
        </section>
      ) : null}

      <h2>{t("committee.assign.manualTitle")}</h2>
      <Form method="post" noValidate>
        <SelectField
          name="stage"
          id="m-stage"
          label={t("common.stage")}
          defaultValue={values.stage ?? d.defaultStage}
          options={d.stages.map((s) => [s.key, stageName(t, s.key)])}
        />
        <Field
          name="entryId"
          id="m-entry"
          type="number"
          min={1}
          label={t("committee.assign.entryId")}
          defaultValue={values.entryId ?? ""}
          error={errors.entryId}
        />
        <SelectField
          name="userId"
          id="m-user"
          label={t("committee.assign.person")}
          defaultValue={values.userId ?? ""}
          error={errors.userId}
          placeholder="–"
        >
          <optgroup label={t("role.assessor")}>
            {d.assessors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("role.juror")}>
            {d.jurors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <button type="submit" name="intent" value="manual">
          {t("committee.assign.manual")}
        </button>
      </Form>

      <h2>{t("committee.assign.conflictsTitle")}</h2>
      {d.conflicts.length === 0 ? (
        <p>{t("committee.assign.noConflicts")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("role.assessor")}</th>
              <th scope="col">{t("common.organisation")}</th>
              <th scope="col">{t("committee.assign.kind")}</th>
              <th scope="col">{t("committee.assign.reassign")}</th>
            </tr>
          </thead>
          <tbody>
            {d.conflicts.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.userName}</th>
                <td>{c.organisationName}</td>
                <td>
                  {c.kind ?? "–"}
                  {c.note ? ` — ${c.note}` : ""}
                </td>
                <td>
                  {c.assignments
                    .filter((a) => a.status !== "submitted")
                    .map((a) => (
                      <Form method="post" key={a.id} className="reassign">
                        <input type="hidden" name="assignmentId" value={a.id} />
                        <label htmlFor={`to-${a.id}`}>
                          {t("committee.assign.to", { stage: stageName(t, a.stage) })}
                        </label>
                        <select id={`to-${a.id}`} name="toUserId" defaultValue="">
                          <option value="">–</option>
                          {(a.stage === "interview" ? d.jurors : d.assessors)
                            .filter((x) => x.id !== c.userId)
                            .map((x) => (
                              <option key={x.id} value={x.id}>
                                {x.name}
                              </option>
                            ))}
                        </select>
                        <label htmlFor={`reason-${a.id}`}>{t("committee.reason")}</label>
                        <input id={`reason-${a.id}`} name="reason" required />
                        <button type="submit" name="intent" value="reassign">
                          {t("committee.assign.reassign")}
                        </button>
                      </Form>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
