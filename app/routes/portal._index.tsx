import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { portalEntries } from "../../db/queries/figures";
import { STATUS_TONE } from "~/components/PortalEntryNav";
import { StatusBadge } from "~/components/StatusBadge";
import { formatDate } from "~/i18n/format";
import type { MessageKey } from "~/i18n";
import { getDb } from "~/lib/db.server";
import { requireEntrant, refusePost } from "~/lib/guards.server";
import { useLocale, useT } from "~/lib/use-t";

export const action = refusePost;

// The entrant's home: the entries of the viewer's organisations (and nothing of anyone else's).
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireEntrant(request);
  return { entries: await portalEntries(await getDb(), viewer.organisationIds) };
}

export default function PortalHome() {
  const t = useT();
  const locale = useLocale();
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section className="portal">
      <h1>{t("portal.home.title")}</h1>
      <p>{t("portal.home.intro")}</p>
      {entries.length === 0 ? <p>{t("portal.home.none")}</p> : (
        <ul className="cards">
          {entries.map((e) => (
            <li key={e.id} className="card">
              <h2><Link to={`/portal/entries/${e.id}`}>{e.organisation_name}</Link></h2>
              <p>{e.edition_name}</p>
              <p>{t(`category.${e.category}` as MessageKey)}</p>
              <p><StatusBadge tone={STATUS_TONE[e.status] ?? "neutral"}>{t(`entryStatus.${e.status}` as MessageKey)}</StatusBadge></p>
              {e.status === "draft" && e.registration_deadline ? (
                <p className="muted">{t("portal.status.deadline", { date: formatDate(e.registration_deadline, locale, true) })}</p>
              ) : null}
              <p><Link to={`/portal/entries/${e.id}`}>{t("portal.home.open")}</Link></p>
            </li>
          ))}
        </ul>
      )}
      <p><Link to="/portal/members">{t("portal.members.link")}</Link></p>
    </section>
  );
}
