import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { entryChecklist, entryEvidenceWindow, entryWindow, submitEntry } from "../../db/queries/figures";
import { entrySource } from "../../db/queries/entry-source";
import { placeText } from "~/lib/places";
import { publishedScorecard } from "~/lib/scorecard.server";
import { ConfirmAction } from "~/components/ConfirmAction";
import { FormErrorSummary } from "~/components/Field";
import { PortalEntryNav } from "~/components/PortalEntryNav";
import { ENTRY_STATUS_TONE, isAdmitted, isSubmitted, PORTAL_STEPS, portalStepIndex } from "~/domain/entry-status";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDate, formatNumber } from "~/i18n/format";
import { getT } from "~/lib/locale.server";
import { requireOwnEntry } from "~/lib/portal.server";
import { flash } from "~/lib/session.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { missedSubmission } from "~/domain/submission";
import { confirmationRequest, isConfirmed } from "~/lib/confirm";
import { readForm } from "~/lib/request-body.server";

// The entry's status page (made to be read on a phone): where the entry stands, what is still
// missing, and the submit button. Submitting locks the entry, so it asks first (ConfirmAction)
// with what will be sent. A draft whose submission window closed (app/domain/submission.ts) says
// it was not submitted in time, and why.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry, db } = await requireOwnEntry(request, params.entryId);
  const [checklist, scorecard, source] = await Promise.all([
    entryChecklist(db, entry.id),
    publishedScorecard(db, entry.id),
    entrySource(db, entry.id),
  ]);
  const submission = entryWindow(entry);
  return {
    entry,
    checklist,
    fileCount: checklist.evidence.reduce((n, c) => n + c.files, 0),
    editable: submission.open,
    // Why a draft can no longer be submitted (null while it can, or once it is not a draft).
    missed: missedSubmission(entry.status, submission),
    rejectionReason: entry.status === "rejected" ? entry.rejection_reason : null,
    // A draft of a published category has no scorecard: it was never assessed.
    hasScorecard: Boolean(scorecard) && isSubmitted(entry.status),
    // A nominated national entry: the provincial result it came from.
    source: source ? { edition: source.editionName, rank: source.rank, total: source.total } : null,
    // A submitted nominee may still add national evidence (app/domain/submission.ts evidenceWindow).
    evidenceOpen: entry.status !== "draft" && entryEvidenceWindow(entry).open,
  };
}

type ActionData = { message: string; missing?: string[] } | { confirm: "submit" };

export async function action({ request, params }: ActionFunctionArgs) {
  const { entry, db, viewer } = await requireOwnEntry(request, params.entryId);
  const { t, locale } = await getT(request);
  const form = await readForm(request);
  if (form.get("intent") !== "submit") return data<ActionData>({ message: t("form.invalid") }, 400);
  // Checked first (window, checklist: refusals shown as always); submitted only once confirmed.
  const confirmed = isConfirmed(form);
  const result = await submitEntry(db, { entryId: entry.id, userId: viewer.user.id, check: !confirmed });
  if (result.ok && !confirmed) return data<ActionData>(confirmationRequest("submit"));
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
  if (result.reason === "locked" && result.closed !== "not_draft")
    return data<ActionData>({ message: t(`portal.closed.${result.closed}`) }, 409);
  return data<ActionData>({ message: t("portal.status.locked") }, 409);
}

export default function EntryStatus() {
  const t = useT();
  const locale = useLocale();
  const { entry, checklist, fileCount, editable, missed, rejectionReason, hasScorecard, source, evidenceOpen } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const action = actionData && "message" in actionData ? actionData : undefined;
  const name = (c: { name: { id: string; en: string } }) => (locale === "en" ? c.name.en : c.name.id);
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
      {source && source.rank !== null ? (
        <p className="muted">
          {t("portal.home.nominatedFrom", {
            edition: source.edition,
            place: placeText(t, { kind: "place", rank: source.rank }),
            total: formatNumber(source.total, 2),
          })}
        </p>
      ) : null}
      <PortalEntryNav entryId={entry.id} scorecard={hasScorecard} />

      <h2>{t("portal.status.title")}</h2>
      <p>
        {missed ? (
          <StatusBadge tone="bad">{t("portal.closed.missed")}</StatusBadge>
        ) : (
          <StatusBadge tone={ENTRY_STATUS_TONE[entry.status]}>{t(`entryStatus.${entry.status}`)}</StatusBadge>
        )}
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
      </p>
      {missed ? (
        <div className="alert alert--warn" role="status">
          <p>
            <strong>{t("portal.closed.missed")}.</strong> {t(`portal.closed.${missed}`)}
          </p>
        </div>
      ) : null}

      {entry.status === "draft" && !missed ? (
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
                  {t("portal.checklist.missing")} {checklist.missingEvidence.map(name).join(", ")}
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
            <>
              <p>{t("portal.status.submitHint")}</p>
              <ConfirmAction
                intent="submit"
                label={t("portal.status.submit")}
                title={t("portal.submit.confirmTitle")}
                className="primary"
                requested={actionData !== undefined && "confirm" in actionData}
                confirmLabel={t("portal.submit.confirm")}
                cancelLabel={t("common.cancel")}
                summary={
                  <>
                    <p>
                      {t("portal.submit.figures", {
                        given: formatNumber(checklist.figuresGiven),
                        total: formatNumber(checklist.figuresRequired),
                      })}
                    </p>
                    <p>{t("portal.submit.evidence", { count: formatNumber(fileCount) })}</p>
                    <ul>
                      {checklist.evidence.map((c) => (
                        <li key={c.key}>
                          {t("portal.submit.evidenceFor", { criterion: name(c), count: formatNumber(c.files) })}
                        </li>
                      ))}
                    </ul>
                    <p>
                      <strong>{t("portal.submit.final")}</strong>
                    </p>
                  </>
                }
              />
            </>
          ) : null}
        </>
      ) : null}
      {evidenceOpen ? (
        <p className="alert alert--info" role="status">
          {t("portal.status.nationalEvidenceOpen")}{" "}
          <Link to={`/portal/entries/${entry.id}/evidence`}>{t("portal.nav.evidence")}</Link>
        </p>
      ) : isSubmitted(entry.status) ? (
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
