import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireEditionCommittee } from "~/lib/committee.server";
import { getT } from "~/lib/locale.server";
import { progressPage, reopenFromProgress } from "~/lib/progress.server";
import { useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import { formatNumber } from "~/i18n/format";
import { Field, FormErrorSummary, SelectField } from "~/components/Field";
import { listQuery, ProgressEntries } from "~/components/progress/ProgressEntries";
import { readForm } from "~/lib/request-body.server";

// Progress of a stage: assigned / draft / submitted / not started per category and assessor
// (counted by the database), and the entries 50 a page, filtered by category and "only those
// still behind", with each entry's scoresheets. The committee reopens a submitted scoresheet or
// entry here (a reason is required; both are audited). ?reopen=<assignment> or
// ?reopenEntry=<entry> opens the reason form; an id that is not of this edition is a 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  return { edition: { id: edition.id }, ...(await progressPage(db, edition.id, new URL(request.url))) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  return reopenFromProgress({ db, editionId: edition.id, userId: viewer.user.id, request, form, t });
}

export default function Progress() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const base = `/committee/${d.edition.id}/progress`;
  const list = { stage: d.stage, ...d.filter };
  const stageQ = listQuery({ ...list, page: d.progress.entries.page });
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
          <ProgressEntries base={base} list={list} categories={d.categories} entries={p.entries} />
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
