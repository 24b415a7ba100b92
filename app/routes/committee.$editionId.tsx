import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireEditionCommittee } from "~/lib/committee.server";
import { useT } from "~/lib/use-t";
import { refusePost } from "~/lib/guards.server";

export const action = refusePost;

// The frame of every committee page of one edition: its name and the console's menu.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionCommittee(request, params);
  return { edition: { id: edition.id, name: edition.name } };
}

export default function CommitteeEdition() {
  const t = useT();
  const { edition } = useLoaderData<typeof loader>();
  const base = `/committee/${edition.id}`;
  return (
    <div className="committee">
      <p className="committee__edition">{edition.name}</p>
      <nav aria-label={t("committee.nav.label")} className="committee__nav">
        <ul>
          <li><NavLink end to={base}>{t("committee.nav.overview")}</NavLink></li>
          <li><NavLink to={`${base}/assign`}>{t("committee.nav.assign")}</NavLink></li>
          <li><NavLink to={`${base}/stages`}>{t("committee.nav.stages")}</NavLink></li>
          <li><NavLink to={`${base}/progress`}>{t("committee.nav.progress")}</NavLink></li>
          <li><NavLink to={`${base}/people`}>{t("committee.nav.people")}</NavLink></li>
          <li><NavLink to={`${base}/organisations`}>{t("committee.nav.organisations")}</NavLink></li>
          <li><NavLink to={`${base}/audit`}>{t("committee.nav.audit")}</NavLink></li>
          <li><NavLink to={`/winners/${edition.id}`}>{t("committee.nav.winners")}</NavLink></li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
