import { formatDate } from "~/i18n/format";
import { useLocale, useT } from "~/lib/use-t";

/**
 * A freshly made invitation link, shown once (it is stored only as a hash) with its expiry; and,
 * when it was made for an address, that it was also sent there by e-mail.
 */
export function InviteLinkCard({
  title,
  link,
  expiresAt,
  sentTo,
}: {
  title: string;
  link: string;
  expiresAt: string;
  sentTo?: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="card invite-link" role="status">
      <h3>{title}</h3>
      <p>{t("committee.people.linkOnce", { date: formatDate(expiresAt, locale, true) })}</p>
      <p>
        <code className="invite-link__url" data-testid="invite-link">
          {link}
        </code>
      </p>
      {sentTo ? <p data-testid="invite-sent-to">{t("mail.entrant.linkSentTo", { email: sentTo })}</p> : null}
    </div>
  );
}
