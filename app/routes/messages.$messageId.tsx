import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MailBlocks } from "~/components/MailBlocks";
import { formatDate } from "~/i18n/format";
import { refusePost } from "~/lib/guards.server";
import { openMessage } from "~/lib/messages.server";
import { useLocale, useT } from "~/lib/use-t";

// One of the signed-in person's messages, as the mail had it (in the language it was written in);
// opening it marks it read. Anyone else's message is a 404.

export const action = refusePost;

export function loader({ request, params }: LoaderFunctionArgs) {
  return openMessage(request, params.messageId);
}

export default function Message() {
  const t = useT();
  const locale = useLocale();
  const m = useLoaderData<typeof loader>();
  return (
    <article className="message">
      <p>
        <Link to="/messages">{t("messages.back")}</Link>
      </p>
      <h1 lang={m.locale}>{m.subject}</h1>
      <p className="muted">
        {t("messages.received", { date: formatDate(m.createdAt, locale, true) })} ·{" "}
        {m.sent ? t("messages.mailSent", { date: formatDate(m.sentAt, locale, true) }) : t("messages.mailNotSent")}
      </p>
      <div lang={m.locale}>
        <MailBlocks blocks={m.blocks} />
      </div>
    </article>
  );
}
