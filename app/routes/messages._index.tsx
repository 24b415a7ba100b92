import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/Pagination";
import { formatDate } from "~/i18n/format";
import { refusePost } from "~/lib/guards.server";
import { inbox } from "~/lib/messages.server";
import { useLocale, useT } from "~/lib/use-t";

// "Pesan": the messages the system wrote to the signed-in person, newest first, unread marked, so
// that they can be read without a mail server.

export const action = refusePost;

export function loader({ request }: LoaderFunctionArgs) {
  return inbox(request);
}

export default function Messages() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  return (
    <section className="messages">
      <h1>{t("messages.title")}</h1>
      <p>{t("messages.intro")}</p>
      {d.rows.length === 0 ? (
        <p>{t("messages.empty")}</p>
      ) : (
        <ul className="messages__list">
          {d.rows.map((m) => (
            <li key={m.id} className={m.unread ? "messages__item messages__item--unread" : "messages__item"}>
              <Link to={`/messages/${m.id}`}>{m.subject}</Link>
              {m.unread ? <span className="badge badge--info">{t("messages.unread")}</span> : null}
              <br />
              <span className="muted">
                {t("messages.received", { date: formatDate(m.createdAt, locale, true) })} ·{" "}
                {m.sent
                  ? t("messages.mailSent", { date: formatDate(m.sentAt, locale, true) })
                  : t("messages.mailNotSent")}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={d.page} pages={d.pages} link={(p) => `/messages?page=${p}`} label={t("messages.pages")} />
    </section>
  );
}
