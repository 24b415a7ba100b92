import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, Field, FormErrorSummary, TextareaField } from "~/components/Field";
import { formatDate, formatNumber } from "~/i18n/format";
import { categoryName, stageName } from "~/i18n/labels";
import { minutesAction, minutesLoader } from "~/lib/minutes-page.server";
import { useLocale, useT } from "~/lib/use-t";

// The plenary's minutes (berita acara): the chair issues them (date, place, who was present) and
// may withdraw them with a reason; each panel member confirms the current minutes once; the
// committee reads. The PDF (Indonesian or English) is downloaded from here.

export const loader = minutesLoader;
export const action = minutesAction;

export default function PlenaryMinutes() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const p = d.plenary;
  const base = `/plenary/${p.id}/minutes`;
  const errorsOf = (intent: "issue" | "withdraw" | "confirm") => (a?.intent === intent ? a : undefined);
  const issue = errorsOf("issue");
  const withdraw = errorsOf("withdraw");
  const confirm = errorsOf("confirm");
  const confirmed = d.panel.filter((m) => m.confirmedAt !== null).length;
  return (
    <section className="plenary minutes">
      <p>
        <Link to={`/plenary/${p.id}`}>{t("minutes.back")}</Link>
      </p>
      <h1>{t("minutes.title")}</h1>
      <p className="muted">
        {categoryName(t, p.categoryKey)} · {stageName(t, p.stage)} · {p.editionName}
      </p>
      <p>{t("minutes.intro")}</p>

      {d.minutes === null ? (
        <p role="status">{t("minutes.none")}</p>
      ) : (
        <section aria-labelledby="minutes-current">
          <h2 id="minutes-current">{t("minutes.current")}</h2>
          <dl className="facts">
            <dt>{t("minutes.issue.heldOn")}</dt>
            <dd>{formatDate(`${d.minutes.heldOn}T12:00:00+07:00`, locale)}</dd>
            <dt>{t("minutes.issue.place")}</dt>
            <dd>{d.minutes.place}</dd>
            <dt>{t("minutes.pdf.issued")}</dt>
            <dd>{formatDate(d.minutes.issuedAt, locale, true)}</dd>
            <dt>{t("minutes.hash")}</dt>
            <dd>
              <code className="hash">{d.minutes.sha256}</code>
            </dd>
          </dl>
          <p>
            <a href={`/plenary/${p.id}/minutes.pdf`} className="button" download>
              {t("minutes.download.id")}
            </a>{" "}
            <a href={`/plenary/${p.id}/minutes.pdf?lang=en`} className="button" download>
              {t("minutes.download.en")}
            </a>
          </p>
          <h3>{t("minutes.confirmations")}</h3>
          <p role="status" className={d.complete ? "alert alert--info" : undefined}>
            {d.complete
              ? t("minutes.complete")
              : t("minutes.incomplete", { done: formatNumber(confirmed), total: formatNumber(d.panel.length) })}
          </p>
          <ul className="minutes__panel">
            {d.panel.map((m) => (
              <li key={m.userId}>
                {m.name}:{" "}
                {m.confirmedAt ? (
                  <span className="badge badge--good">
                    {t("minutes.confirmedAt", { at: formatDate(m.confirmedAt, locale, true) })}
                  </span>
                ) : (
                  <span className="badge badge--info">{t("minutes.notConfirmed")}</span>
                )}
              </li>
            ))}
          </ul>
          {d.canConfirm ? (
            <Form method="post" action={base}>
              <FormErrorSummary message={confirm?.errors._form} />
              <input type="hidden" name="minutesId" value={d.minutes.id} />
              <button type="submit" name="intent" value="confirm" className="primary">
                {t("minutes.confirm")}
              </button>
            </Form>
          ) : null}
        </section>
      )}

      {d.canIssue ? (
        <Form method="post" action={base} aria-labelledby="minutes-issue">
          <h2 id="minutes-issue">{t("minutes.issue.title")}</h2>
          <p className="hint">{t("minutes.issue.hint")}</p>
          <FormErrorSummary message={issue?.errors._form} />
          <Field
            name="heldOn"
            type="date"
            required
            label={t("minutes.issue.heldOn")}
            defaultValue={issue?.values.heldOn ?? d.today}
            error={issue?.errors.heldOn}
          />
          <Field
            name="place"
            required
            maxLength={200}
            label={t("minutes.issue.place")}
            defaultValue={issue?.values.place ?? ""}
            error={issue?.errors.place}
          />
          <ChoiceGroup
            name="present"
            type="checkbox"
            label={t("minutes.issue.present")}
            options={d.panel.map((m) => [String(m.userId), m.name] as const)}
            checked={issue?.present ?? d.panel.map((m) => String(m.userId))}
            error={issue?.errors.present}
          />
          <button type="submit" name="intent" value="issue" className="primary">
            {t("minutes.issue.submit")}
          </button>
        </Form>
      ) : null}

      {d.canWithdraw && d.minutes ? (
        <Form method="post" action={base} aria-labelledby="minutes-withdraw">
          <h2 id="minutes-withdraw">{t("minutes.withdraw.title")}</h2>
          <p className="hint">{t("minutes.withdraw.hint")}</p>
          <FormErrorSummary message={withdraw?.errors._form} />
          <input type="hidden" name="minutesId" value={d.minutes.id} />
          <TextareaField
            name="reason"
            required
            minLength={d.minReason}
            label={t("minutes.withdraw.reason")}
            defaultValue={withdraw?.values.reason ?? ""}
            error={withdraw?.errors.reason}
          />
          <button type="submit" name="intent" value="withdraw">
            {t("minutes.withdraw.submit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
