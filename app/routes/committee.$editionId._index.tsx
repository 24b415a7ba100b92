import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { categoryOverview, editionStages } from "../../db/queries/editions";
import { archiveEdition, editionRetention, setRetentionYears } from "../../db/queries/archive";
import { requireEditionCommittee } from "~/lib/committee.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import { formatDate, formatNumber } from "~/i18n/format";
import { StatusBadge } from "~/components/StatusBadge";
import { ConfirmAction } from "~/components/ConfirmAction";
import { Field, FormErrorSummary } from "~/components/Field";
import { notFound } from "~/lib/guards.server";
import { confirmationRequest, isConfirmed } from "~/lib/confirm";
import { parseForm } from "~/lib/forms";
import { getT } from "~/lib/locale.server";
import { flash } from "~/lib/session.server";
import { readForm } from "~/lib/request-body.server";
import { retentionSchema } from "~/lib/personal-data.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const [stages, categories, retention] = await Promise.all([
    editionStages(db, edition.id),
    categoryOverview(db, edition.id),
    editionRetention(db, edition.id),
  ]);
  if (!retention) notFound();
  return { edition, stages, categories, retention };
}

type ActionData =
  | { confirm: "archive" }
  | { archiveError: string }
  | { errors: Record<string, string>; values: Record<string, string> };

// Archiving (once every category is published; confirmed) and the retention years of personal data.
export async function action({ request, params }: ActionFunctionArgs) {
  // Archiving (refused again when done) and the retention years stay open on an archived edition.
  const { db, edition, viewer } = await requireEditionCommittee(request, params, { whileArchived: true });
  const { t } = await getT(request);
  const form = await readForm(request);
  const here = `/committee/${edition.id}`;
  const intent = form.get("intent");
  if (intent === "archive") {
    const state = await editionRetention(db, edition.id);
    if (state?.refusal) return data<ActionData>({ archiveError: t(`personal.archive.refused.${state.refusal}`) }, 409);
    if (!isConfirmed(form)) return data<ActionData>(confirmationRequest("archive"));
    const res = await archiveEdition(db, { editionId: edition.id, userId: viewer.user.id });
    if (!res.ok) return data<ActionData>({ archiveError: t(`personal.archive.refused.${res.reason}`) }, 409);
    return redirect(here, { headers: await flash(request, t("personal.archive.done")) });
  }
  if (intent === "retention") {
    const parsed = parseForm(retentionSchema, form, t);
    if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values: parsed.values }, 400);
    const years = parsed.data.retentionYears;
    await setRetentionYears(db, { editionId: edition.id, years, userId: viewer.user.id });
    return redirect(here, { headers: await flash(request, t("personal.retention.saved", { years: String(years) })) });
  }
  notFound();
}

const stageTone = { pending: "neutral", open: "info", closed: "good" } as const;

export default function EditionOverview() {
  const t = useT();
  const locale = useLocale();
  const { edition, stages, categories, retention } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{t("committee.overview.title")}</h1>
      <p>
        {t(`editionStatus.${edition.status}`)} · {t(`level.${edition.level}`)} · {edition.region}
        {retention.archivedAt ? (
          <>
            {" "}
            <StatusBadge tone="neutral">
              {t("personal.archive.archivedOn", { date: formatDate(retention.archivedAt, locale) })}
            </StatusBadge>
          </>
        ) : null}
      </p>
      <h2>{t("committee.overview.stages")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("common.stage")}</th>
            <th scope="col">{t("common.status")}</th>
            <th scope="col">{t("committee.overview.panel")}</th>
            <th scope="col">{t("common.deadline")}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.id}>
              <th scope="row">{stageName(t, s.key)}</th>
              <td>
                <StatusBadge tone={stageTone[s.status]}>{t(`stageStatus.${s.status}`)}</StatusBadge>
              </td>
              <td>{t(`role.${s.panel}`)}</td>
              <td>{s.deadline ? formatDate(s.deadline, locale) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("committee.overview.categories")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("common.category")}</th>
            <th scope="col" className="num">
              {t("committee.overview.entries")}
            </th>
            <th scope="col">{t("committee.overview.rubric")}</th>
            <th scope="col">{t("committee.overview.signedOff")}</th>
            <th scope="col">{t("committee.overview.published")}</th>
            <th scope="col">{t("committee.overview.ranking")}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id}>
              <th scope="row">{categoryName(t, c.key)}</th>
              <td className="num">{formatNumber(c.scored)}</td>
              <td>
                <Link to={`/committee/${edition.id}/rubric/${c.id}`}>
                  {c.rubricVersion
                    ? t("committee.ranking.rubricVersion", { version: c.rubricVersion })
                    : t("common.none")}
                </Link>
              </td>
              <td>{c.signed_off_at ? formatDate(c.signed_off_at, locale) : "–"}</td>
              <td>{c.publishedAt ? formatDate(c.publishedAt, locale) : "–"}</td>
              <td>
                <Link to={`/committee/${edition.id}/ranking/${c.id}`}>
                  {t("committee.overview.ranking")}
                  <span className="visually-hidden"> {categoryName(t, c.key)}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ArchiveAndRetention retention={retention} actionData={actionData} />
    </section>
  );
}

function ArchiveAndRetention({
  retention,
  actionData,
}: {
  retention: ReturnType<typeof useLoaderData<typeof loader>>["retention"];
  actionData: ActionData | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const errors = actionData && "errors" in actionData ? actionData.errors : {};
  const values = actionData && "values" in actionData ? actionData.values : {};
  return (
    <>
      <h2 id="archive-title">{t("personal.archive.title")}</h2>
      <dl className="facts">
        <dt>{t("personal.retention.lastPublication")}</dt>
        <dd>
          {retention.lastPublishedAt
            ? formatDate(retention.lastPublishedAt, locale)
            : t("personal.retention.notPublished")}
        </dd>
        <dt>{t("personal.retention.due")}</dt>
        <dd>{retention.dueDate ? formatDate(retention.dueDate, locale) : t("personal.retention.notPublished")}</dd>
      </dl>
      <FormErrorSummary message={Object.keys(errors).length ? t("common.formErrors") : null} />
      <Form method="post" noValidate aria-labelledby="archive-title">
        <Field
          name="retentionYears"
          label={t("personal.retention.years")}
          hint={t("personal.retention.hint")}
          inputMode="numeric"
          defaultValue={values.retentionYears ?? String(retention.retentionYears)}
          error={errors.retentionYears}
          required
        />
        <button type="submit" name="intent" value="retention">
          {t("personal.retention.save")}
        </button>
      </Form>
      {retention.archivedAt ? (
        <p>
          <StatusBadge tone="neutral">{t("personal.archive.archived")}</StatusBadge>{" "}
          {formatDate(retention.archivedAt, locale, true)}
        </p>
      ) : (
        <>
          <p>{t("personal.archive.intro")}</p>
          {actionData && "archiveError" in actionData ? (
            <p className="error" role="alert">
              {actionData.archiveError}
            </p>
          ) : retention.refusal ? (
            <p>{t(`personal.archive.refused.${retention.refusal}`)}</p>
          ) : null}
          <ConfirmAction
            intent="archive"
            label={t("personal.archive.button")}
            title={t("personal.archive.confirmTitle")}
            summary={<p>{t("personal.archive.confirmSummary")}</p>}
            confirmLabel={t("personal.archive.confirm")}
            cancelLabel={t("common.cancel")}
            requested={actionData !== undefined && "confirm" in actionData}
            disabled={retention.refusal !== null}
          />
        </>
      )}
    </>
  );
}
