import { NavLink } from "@remix-run/react";
import { useT } from "~/lib/use-t";

/** The short navigation between the pages of one entry in the entrant portal. */
export function PortalEntryNav({ entryId, scorecard }: { entryId: number; scorecard?: boolean }) {
  const t = useT();
  const base = `/portal/entries/${entryId}`;
  return (
    <nav aria-label={t("portal.nav.label")} className="portal-nav">
      <ul>
        <li>
          <NavLink to={base} end>
            {t("portal.nav.status")}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/figures`}>{t("portal.nav.figures")}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/evidence`}>{t("portal.nav.evidence")}</NavLink>
        </li>
        {scorecard ? (
          <li>
            <NavLink to={`${base}/scorecard`}>{t("portal.nav.scorecard")}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
