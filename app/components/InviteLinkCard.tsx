import { formatDate } from "~/i18n/format";
import { useLocale, useT } from "~/lib/use-t";

/** A freshly made invitation link, shown once (it is stored only as a hash) with its expiry. */
export function InviteLinkCard({ title, link, expiresAt }: { title: string; link: string; expiresAt: string }) {
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
    </div>
  );
}
