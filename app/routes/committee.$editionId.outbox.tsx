import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/Field";
import { Pagination } from "~/components/Pagination";
import { OUTBOX_VIEWS, type OutboxView } from "~/domain/outbox-status";
import { formatDate, formatNumber } from "~/i18n/format";
import { outboxAction, outboxLoader } from "~/lib/outbox-page.server";
import { useLocale, useT } from "~/lib/use-t";

// The committee's outbox: what was sent, is waiting or failed, to whom and when; a failed message
// can be sent again. Subjects only: bodies are read by their recipients under "Pesan".

export const loader = outboxLoader;
export const action = outboxAction;

const TONE: Record<OutboxView, string> = { sent: "good", queued: "info", failed: "bad" };

export default function Outbox() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/committee/${d.edition.id}/outbox`;
  const pageLink = (page: number) => `${base}?${d.filter.kept ? `${d.filter.kept}&` : ""}page=${page}`;
  return (
    <section className="outbox">
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      {d.mailIsSent ? null : <p className="alert alert--info">{t("outbox.notSending")}</p>}
      {actionData && "error" in actionData ? (
        <p className="alert alert--error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <ul className="outbox__counts" aria-label={t("outbox.counts")}>
        {OUTBOX_VIEWS.map((v) => (
          <li key={v}>
            <Link to={`${base}?status=${v}`} className={`badge badge--${TONE[v]}`}>
              {t(`messages.status.${v}`)}: {formatNumber(d.counts[v])}
            </Link>
          </li>
        ))}
      </ul>
      <Form method="get" action={base} className="audit__filter" aria-label={t("outbox.filter")}>
        <SelectField
          name="status"
          id="outbox-status"
          label={t("outbox.filter.status")}
          defaultValue={d.filter.status}
          placeholder={t("outbox.filter.any")}
          options={OUTBOX_VIEWS.map((v) => [v, t(`messages.status.${v}`)])}
        />
        <SelectField
          name="event"
          id="outbox-event"
          label={t("outbox.filter.event")}
          defaultValue={d.filter.event}
          placeholder={t("outbox.filter.any")}
          options={d.events.map((e) => [e, t(`messages.event.${e}`)])}
        />
        <div className="audit__buttons">
          <button type="submit" className="primary">
            {t("outbox.filter.apply")}
          </button>{" "}
          <Link to={base}>{t("outbox.filter.clear")}</Link>
        </div>
      </Form>
      {d.filter.invalid ? <p className="error">{t("outbox.filter.invalid")}</p> : null}
      <p role="status">{t("outbox.total", { total: formatNumber(d.total) })}</p>
      {d.rows.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data outbox__table">
            <thead>
              <tr>
                <th scope="col">{t("outbox.col.subject")}</th>
                <th scope="col">{t("outbox.col.to")}</th>
                <th scope="col">{t("outbox.col.status")}</th>
                <th scope="col">{t("outbox.col.created")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.subject}
                    <br />
                    <span className="muted">{t(`messages.event.${r.event}`)}</span>
                  </th>
                  <td className="outbox__to">{r.to}</td>
                  <td>
                    <span className={`badge badge--${TONE[r.status]}`}>{t(`messages.status.${r.status}`)}</span>
                    <br />
                    <span className="muted">
                      {t("outbox.col.attempts")}: {formatNumber(r.attempts)}
                    </span>
                    {r.lastError ? (
                      <p className="outbox__error">{t("outbox.lastError", { error: r.lastError })}</p>
                    ) : null}
                    {r.status === "failed" ? (
                      <Form method="post" action={`${base}${d.filter.kept ? `?${d.filter.kept}` : ""}`}>
                        <input type="hidden" name="messageId" value={r.id} />
                        <button type="submit" name="intent" value="resend">
                          {t("outbox.resend")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                  <td>
                    {formatDate(r.createdAt, locale, true)}
                    {r.sentAt ? (
                      <>
                        <br />
                        <span className="muted">
                          {t("outbox.col.sent")}: {formatDate(r.sentAt, locale, true)}
                        </span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={d.page} pages={d.pages} link={pageLink} label={t("outbox.pages")} />
    </section>
  );
}
