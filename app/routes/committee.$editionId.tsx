import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { editionNames } from "../../db/queries/editions";
import { requireEditionCommittee } from "~/lib/committee.server";
import { useT } from "~/lib/use-t";
import { refusePost } from "~/lib/guards.server";

export const action = refusePost;

// The frame of every committee page of one edition: its name and the console's menu.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const mine = viewer.memberships.filter((m) => m.role === "committee").map((m) => m.edition_id!);
  return {
    edition: { id: edition.id, name: edition.name, level: edition.level },
    editions: await editionNames(db, mine),
  };
}

export default function CommitteeEdition() {
  const t = useT();
  const { edition, editions } = useLoaderData<typeof loader>();
  const base = `/committee/${edition.id}`;
  return (
    <div className="committee">
      {editions.length > 1 ? (
        // The edition in use, switchable: a plain GET form, so it works without JavaScript.
        <Form method="get" action="/committee" className="committee__edition committee__switch">
          <label htmlFor="edition-switch">{t("committee.nav.edition")}</label>{" "}
          <select id="edition-switch" name="edition" defaultValue={edition.id}>
            {editions.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>{" "}
          <button type="submit">{t("committee.nav.switch")}</button>
        </Form>
      ) : (
        <p className="committee__edition">{edition.name}</p>
      )}
      <nav aria-label={t("committee.nav.label")} className="committee__nav">
        <ul>
          <li>
            <NavLink end to={base}>
              {t("committee.nav.overview")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/assign`}>{t("committee.nav.assign")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/stages`}>{t("committee.nav.stages")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/progress`}>{t("committee.nav.progress")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/plenary`}>{t("committee.nav.plenary")}</NavLink>
          </li>
          {edition.level === "national" ? (
            <li>
              <NavLink to={`${base}/nominations`}>{t("committee.nav.nominations")}</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to={`${base}/people`}>{t("committee.nav.people")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/organisations`}>{t("committee.nav.organisations")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/certificates`}>{t("committee.nav.certificates")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/audit`}>{t("committee.nav.audit")}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/outbox`}>{t("committee.nav.outbox")}</NavLink>
          </li>
          <li>
            <NavLink to={`/winners/${edition.id}`}>{t("committee.nav.winners")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
