import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { StageKey } from "../../db/schema";
import { editionStages } from "../../db/queries/editions";
import {
  progressAssignment,
  progressEntry,
  reopenEditionScoresheet,
  reopenEntry,
  replacedConflictRows,
  stageAssignmentRows,
  summariseProgress,
} from "../../db/queries/progress";
import { requireEditionCommittee } from "~/lib/committee.server";
import { idParam, notFound } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { parseForm } from "~/lib/forms";
import { useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import { formatNumber } from "~/i18n/format";
import { Field, FormErrorSummary, SelectField } from "~/components/Field";
import { StatusBadge } from "~/components/StatusBadge";
import { readForm } from "~/lib/request-body.server";

// Progress of a stage: assigned / draft / submitted / not started per category, assessor and
// entry, with each entry's scoresheets. The committee reopens a submitted scoresheet or entry
// here (a reason is required; both are audited). ?reopen=<assignment> or ?reopenEntry=<entry>
// opens the reason form; an id that is not of this edition is a 404.

const STAGES = ["desk", "verification", "interview"] as const;

function stageOf(url: URL, stages: { key: StageKey; status: string }[]): StageKey {
  const asked = url.searchParams.get("stage");
  if (asked !== null) {
    if (!(STAGES as readonly string[]).includes(asked) || !stages.some((s) => s.key === asked)) notFound();
    return asked as StageKey;
  }
  const open = stages.find((s) => s.status === "open");
  const lastClosed = [...stages].reverse().find((s) => s.status === "closed");
  return (open ?? lastClosed ?? stages[0])?.key ?? "desk";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const url = new URL(request.url);
  const stages = await editionStages(db, edition.id);
  const stage = stageOf(url, stages);
  const reopenId = url.searchParams.get("reopen");
  const reopenEntryId = url.searchParams.get("reopenEntry");
  const sheet =
    reopenId !== null ? ((await progressAssignment(db, edition.id, idParam(reopenId))) ?? notFound()) : null;
  const entry =
    reopenEntryId !== null ? ((await progressEntry(db, edition.id, idParam(reopenEntryId))) ?? notFound()) : null;
  const [rows, replaced] = await Promise.all([
    stageAssignmentRows(db, edition.id, stage),
    replacedConflictRows(db, edition.id, stage),
  ]);
  const progress = summariseProgress([...rows, ...replaced]);
  return {
    edition: { id: edition.id },
    stages: stages.map((s) => ({ key: s.key, status: s.status })),
    stage,
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

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "reopenSheet" && intent !== "reopenEntry") notFound();
  const id = idParam(String(form.get("id") ?? ""));
  const stage = String(form.get("stage") ?? "");
  const parsed = parseForm(reasonSchema, form, t);
  const target =
    intent === "reopenSheet" ? await progressAssignment(db, edition.id, id) : await progressEntry(db, edition.id, id);
  if (!target) notFound();
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, 400);
  const res =
    intent === "reopenSheet"
      ? await reopenEditionScoresheet(db, {
          editionId: edition.id,
          assignmentId: id,
          userId: viewer.user.id,
          reason: parsed.data.reason,
        })
      : await reopenEntry(db, {
          editionId: edition.id,
          entryId: id,
          userId: viewer.user.id,
          reason: parsed.data.reason,
        });
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
  const stageQuery = (STAGES as readonly string[]).includes(stage) ? `?stage=${stage}` : "";
  return redirect(`/committee/${edition.id}/progress${stageQuery}`, {
    headers: await flash(
      request,
      t(intent === "reopenSheet" ? "committee.progress.sheetReopened" : "committee.progress.entryReopened"),
    ),
  });
}

const tone = { not_started: "neutral", draft: "warn", submitted: "good", conflict: "info" } as const;

export default function Progress() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const base = `/committee/${d.edition.id}/progress`;
  const stageQ = `stage=${d.stage}`;
  const p = d.progress;
  const countCells = (c: {
    assigned: number;
    submitted: number;
    draft: number;
    notStarted: number;
    conflict: number;
  }) => (
    <>
      <td className="num">{formatNumber(c.assigned)}</td>
      <td className="num">{formatNumber(c.submitted)}</td>
      <td className="num">{formatNumber(c.draft)}</td>
      <td className="num">{formatNumber(c.notStarted)}</td>
      <td className="num">{formatNumber(c.conflict)}</td>
    </>
  );
  const countHeads = (
    <>
      <th scope="col" className="num">
        {t("committee.progress.assigned")}
      </th>
      <th scope="col" className="num">
        {t("committee.progress.submitted")}
      </th>
      <th scope="col" className="num">
        {t("committee.progress.draft")}
      </th>
      <th scope="col" className="num">
        {t("committee.progress.notStarted")}
      </th>
      <th scope="col" className="num">
        {t("committee.progress.conflict")}
      </th>
    </>
  );
  return (
    <section className="progress">
      <h1>{t("committee.progress.title")}</h1>
      <Form method="get" className="progress__stage">
        <SelectField
          name="stage"
          id="progress-stage"
          label={t("committee.progress.stage")}
          defaultValue={d.stage}
          options={d.stages.map((s) => [s.key, `${stageName(t, s.key)} (${t(`stageStatus.${s.status}`)})`])}
        />
        <button type="submit">{t("committee.progress.show")}</button>
      </Form>

      {d.sheet ? (
        <ReopenForm
          id={d.sheet.id}
          intent="reopenSheet"
          status={d.sheet.status}
          title={t("committee.progress.reopenSheetOf", {
            person: d.sheet.userName,
            organisation: d.sheet.organisationName,
          })}
          intro={t("committee.progress.reopenSheetIntro")}
          action={`${base}?${stageQ}&reopen=${d.sheet.id}`}
          cancel={`${base}?${stageQ}`}
          stage={d.stage}
          errors={errors}
          values={values}
          submitted={Boolean(actionData)}
        />
      ) : null}
      {d.entry ? (
        <ReopenForm
          id={d.entry.id}
          intent="reopenEntry"
          status={d.entry.status}
          title={t("committee.progress.reopenEntryOf", { organisation: d.entry.organisationName })}
          intro={t("committee.progress.reopenEntryIntro")}
          action={`${base}?${stageQ}&reopenEntry=${d.entry.id}`}
          cancel={`${base}?${stageQ}`}
          stage={d.stage}
          errors={errors}
          values={values}
          submitted={Boolean(actionData)}
        />
      ) : null}

      {p.total.assigned + p.total.conflict === 0 ? (
        <p>{t("committee.progress.empty")}</p>
      ) : (
        <>
          <p>
            {t("committee.progress.total", {
              assigned: formatNumber(p.total.assigned),
              submitted: formatNumber(p.total.submitted),
              draft: formatNumber(p.total.draft),
              notStarted: formatNumber(p.total.notStarted),
            })}
            {p.total.conflict > 0
              ? ` ${t("committee.progress.totalConflicts", { count: formatNumber(p.total.conflict) })}`
              : null}
          </p>
          <h2>{t("committee.progress.byCategory")}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("common.category")}</th>
                {countHeads}
              </tr>
            </thead>
            <tbody>
              {p.categories.map((c) => (
                <tr key={c.categoryId}>
                  <th scope="row">{categoryName(t, c.category)}</th>
                  {countCells(c)}
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t("committee.progress.byPerson")}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("committee.progress.person")}</th>
                {countHeads}
              </tr>
            </thead>
            <tbody>
              {p.people.map((c) => (
                <tr key={c.userId}>
                  <th scope="row">{c.userName}</th>
                  {countCells(c)}
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t("committee.progress.byEntry")}</h2>
          <table className="data progress__entries">
            <thead>
              <tr>
                <th scope="col">{t("common.organisation")}</th>
                <th scope="col">{t("common.category")}</th>
                <th scope="col">{t("committee.progress.entryStatus")}</th>
                <th scope="col">{t("committee.progress.sheets")}</th>
                <th scope="col">{t("committee.progress.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {p.entries.map((e) => (
                <tr key={e.entryId}>
                  <th scope="row">{e.organisationName}</th>
                  <td>{categoryName(t, e.category)}</td>
                  <td>{t(`entryStatus.${e.entryStatus}`)}</td>
                  <td>
                    <ul className="progress__sheets">
                      {e.sheets.map((s) => (
                        <li key={s.assignmentId ?? `replaced-${s.userId}`}>
                          {s.userName}:{" "}
                          <StatusBadge tone={tone[s.state]}>
                            {s.state === "conflict"
                              ? t("committee.progress.conflictDeclared")
                              : t(`assess.status.${s.state}`)}
                          </StatusBadge>
                          {s.replacedBy ? ` ${t("committee.progress.replacedBy", { name: s.replacedBy })}` : null}
                          {s.state === "submitted" ? (
                            <>
                              {" "}
                              <Link
                                to={`${base}?${stageQ}&reopen=${s.assignmentId}`}
                                aria-label={t("committee.progress.reopenSheetOf", {
                                  person: s.userName,
                                  organisation: e.organisationName,
                                })}
                              >
                                {t("committee.progress.reopenSheet")}
                              </Link>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {e.entryStatus === "submitted" ? (
                      <Link
                        to={`${base}?${stageQ}&reopenEntry=${e.entryId}`}
                        aria-label={t("committee.progress.reopenEntryOf", { organisation: e.organisationName })}
                      >
                        {t("committee.progress.reopenEntry")}
                      </Link>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Reopening a submitted scoresheet or entry: a reason is required, and the typed one is kept. */
function ReopenForm(p: {
  id: number;
  intent: "reopenSheet" | "reopenEntry";
  status: string;
  title: string;
  intro: string;
  action: string;
  cancel: string;
  stage: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  submitted: boolean;
}) {
  const t = useT();
  const titleId = `${p.intent}-title`;
  return (
    <section aria-labelledby={titleId} className="card reopen">
      <h2 id={titleId}>{p.title}</h2>
      <FormErrorSummary message={p.errors._form ?? (p.errors.reason ? t("common.formErrors") : null)} />
      {p.status !== "submitted" && !p.submitted ? (
        <p className="alert alert--warn">{t("committee.progress.notSubmitted")}</p>
      ) : (
        <Form method="post" action={p.action} noValidate>
          <p>{p.intro}</p>
          <input type="hidden" name="intent" value={p.intent} />
          <input type="hidden" name="id" value={p.id} />
          <input type="hidden" name="stage" value={p.stage} />
          <Field
            name="reason"
            label={t("committee.progress.reason")}
            defaultValue={p.values.reason}
            error={p.errors.reason}
            required
            maxLength={1000}
          />
          <button type="submit" className="primary">
            {t("committee.progress.confirm")}
          </button>{" "}
          <Link to={p.cancel}>{t("common.cancel")}</Link>
        </Form>
      )}
    </section>
  );
}
