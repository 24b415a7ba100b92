import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { entryChecklist, isEditable, publishedScorecard, submitEntry } from "../../db/queries/figures";
import { listEvidence } from "../../db/queries/evidence";
import { FormErrorSummary } from "~/components/Field";
import { PortalEntryNav } from "~/components/PortalEntryNav";
import { ENTRY_STATUS_TONE, isAdmitted, isSubmitted, PORTAL_STEPS, portalStepIndex } from "~/domain/entry-status";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDate } from "~/i18n/format";
import { getT } from "~/lib/locale.server";
import { requireOwnEntry } from "~/lib/portal.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { deadlinePassed } from "~/domain/deadlines";
import { readForm } from "~/lib/request-body.server";

// The entry's status page (made to be read on a phone): where the entry stands, what is still
// missing, and the submit button. Submitting locks the entry.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry, db } = await requireOwnEntry(request, params.entryId);
  const [checklist, files, scorecard] = await Promise.all([
    entryChecklist(db, entry.id),
    listEvidence(db, entry.id),
    publishedScorecard(db, entry.id),
  ]);
  const now = new Date();
  return {
    entry,
    checklist,
    fileCount: files.length,
    editable: isEditable(entry, now),
    deadlinePassed: deadlinePassed(entry.registration_deadline, now),
    rejectionReason: entry.status === "rejected" ? entry.rejection_reason : null,
    hasScorecard: Boolean(scorecard),
  };
}

type ActionData = { message: string; missing?: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const { entry, db, viewer } = await requireOwnEntry(request, params.entryId);
  const { t, locale } = await getT(request);
  const form = await readForm(request);
  if (form.get("intent") !== "submit") return data<ActionData>({ message: t("form.invalid") }, 400);
  const result = await submitEntry(db, { entryId: entry.id, userId: viewer.user.id });
  if (result.ok)
    return redirect(`/portal/entries/${entry.id}`, { headers: await flash(request, t("portal.status.submitted")) });
  if (result.reason === "incomplete" && result.checklist) {
    return data<ActionData>(
      {
        message: t("portal.status.incomplete"),
        missing: [
          ...result.checklist.missingFigures.map((k) => t(`portal.figure.${k}`)),
          ...result.checklist.missingEvidence.map((c) =>
            t("portal.checklist.evidenceFor", { criterion: locale === "en" ? c.name.en : c.name.id }),
          ),
        ],
      },
      400,
    );
  }
  return data<ActionData>({ message: t("portal.status.locked") }, 409);
}

export default function EntryStatus() {
  const t = useT();
  const locale = useLocale();
  const { entry, checklist, fileCount, editable, deadlinePassed, rejectionReason, hasScorecard } =
    useLoaderData<typeof loader>();
  const action = useActionData<ActionData>();
  const stepIndex = portalStepIndex(entry.status);
  return (
    <section className="portal">
      <p className="muted">
        <Link to="/portal">{t("portal.home.title")}</Link>
      </p>
      <h1>{entry.organisation_name}</h1>
      <p>
        {entry.edition_name} · {categoryName(t, entry.category)}
      </p>
      <PortalEntryNav entryId={entry.id} scorecard={hasScorecard} />

      <h2>{t("portal.status.title")}</h2>
      <p>
        <StatusBadge tone={ENTRY_STATUS_TONE[entry.status]}>{t(`entryStatus.${entry.status}`)}</StatusBadge>
        {entry.submitted_at ? (
          <> · {t("portal.status.submittedAt", { date: formatDate(entry.submitted_at, locale, true) })}</>
        ) : null}
      </p>
      {entry.status === "pending" ? <p className="alert alert--info">{t("portal.status.pendingBody")}</p> : null}
      {entry.status === "rejected" ? (
        <div className="alert alert--error">
          <p>{t("portal.status.rejectedBody")}</p>
          {rejectionReason ? (
            <p>
              <strong>{t("portal.status.reason")}</strong> {rejectionReason}
            </p>
          ) : null}
        </div>
      ) : null}
      {isAdmitted(entry.status) ? (
        <ol className="portal-steps">
          {PORTAL_STEPS.map((s, i) => {
            const label =
              s === "shortlisted" && entry.status === "not_shortlisted"
                ? t("entryStatus.not_shortlisted")
                : t(`entryStatus.${s}`);
            const state = i < stepIndex ? "done" : i === stepIndex ? "current" : "todo";
            return (
              <li
                key={s}
                className={`portal-steps__step portal-steps__step--${state}`}
                aria-current={state === "current" ? "step" : undefined}
              >
                <span>{label}</span>
                <span className="visually-hidden"> ({t(`portal.step.${state}`)})</span>
              </li>
            );
          })}
        </ol>
      ) : null}
      {entry.reopened_reason && entry.status === "draft" ? (
        <p className="alert alert--warn">{t("portal.status.reopened", { reason: entry.reopened_reason })}</p>
      ) : null}

      <p>
        {entry.registration_deadline
          ? t("portal.status.deadline", { date: formatDate(entry.registration_deadline, locale, true) })
          : null}
        {deadlinePassed && !editable ? (
          <>
            {" "}
            · <strong>{t("portal.status.deadlinePassed")}</strong>
          </>
        ) : null}
      </p>

      {entry.status === "draft" ? (
        <>
          <h2>{t("portal.checklist.title")}</h2>
          <ul className="portal-checklist">
            <li className={checklist.missingFigures.length ? "todo" : "done"}>
              <span aria-hidden="true">{checklist.missingFigures.length ? "✗" : "✓"}</span>{" "}
              <Link to={`/portal/entries/${entry.id}/figures`}>{t("portal.checklist.figures")}</Link>
              {checklist.missingFigures.length ? (
                <>
                  {": "}
                  {t("portal.checklist.missing")}{" "}
                  {checklist.missingFigures.map((k) => t(`portal.figure.${k}`)).join(", ")}
                </>
              ) : (
                <> — {t("portal.checklist.complete")}</>
              )}
            </li>
            <li className={checklist.missingEvidence.length ? "todo" : "done"}>
              <span aria-hidden="true">{checklist.missingEvidence.length ? "✗" : "✓"}</span>{" "}
              <Link to={`/portal/entries/${entry.id}/evidence`}>
                {t("portal.checklist.evidence", { count: fileCount })}
              </Link>
              {checklist.missingEvidence.length ? (
                <>
                  {": "}
                  {t("portal.checklist.missing")}{" "}
                  {checklist.missingEvidence.map((c) => (locale === "en" ? c.name.en : c.name.id)).join(", ")}
                </>
              ) : (
                <> — {t("portal.checklist.complete")}</>
              )}
            </li>
          </ul>
          <FormErrorSummary message={action?.message} />
          {action?.missing?.length ? (
            <ul className="error">
              {action.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {editable ? (
            <Form method="post">
              <p>{t("portal.status.submitHint")}</p>
              <button type="submit" name="intent" value="submit" className="primary">
                {t("portal.status.submit")}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
      {isSubmitted(entry.status) ? (
        <p className="alert alert--info" role="status">
          {t("portal.status.lockedBody")}
        </p>
      ) : null}
      {hasScorecard ? (
        <p>
          <Link to={`/portal/entries/${entry.id}/scorecard`}>{t("portal.scorecard.open")}</Link>
        </p>
      ) : null}
    </section>
  );
}
