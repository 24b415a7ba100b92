import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { editionsWithCounts } from "../../db/queries/editions";
import { getDb } from "~/lib/db.server";
import { canCreateEditions } from "~/lib/edition-creation.server";
import { requireCommittee, refusePost } from "~/lib/guards.server";
import { useT } from "~/lib/use-t";
import { formatNumber } from "~/i18n/format";

export const action = refusePost;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCommittee(request);
  const ids = viewer.memberships.filter((m) => m.role === "committee").map((m) => m.edition_id!);
  // The edition switcher of the console sends ?edition=<id>: go there if it is one of mine.
  const wanted = Number(new URL(request.url).searchParams.get("edition"));
  if (ids.includes(wanted)) throw redirect(`/committee/${wanted}`);
  const [editions, mayCreate] = await Promise.all([editionsWithCounts(await getDb(), ids), canCreateEditions(viewer)]);
  return { editions, mayCreate };
}

export default function CommitteeHome() {
  const t = useT();
  const { editions, mayCreate } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("committee.home.title")}</h1>
      <p>{t("committee.home.intro")}</p>
      {/* Editions are created by the administrator, or by the committee when allowed (/admin). */}
      {mayCreate ? (
        <p>
          <Link to="/committee/new">{t("committee.home.new")}</Link>
        </p>
      ) : null}
      <ul className="cards">
        {editions.map((e) => (
          <li key={e.id} className="card">
            <h2>
              <Link to={`/committee/${e.id}`}>{e.name}</Link>
            </h2>
            <p>{t(`editionStatus.${e.status}`)}</p>
            <p>
              {t("committee.home.entries", {
                count: formatNumber(Object.values(e.entries).reduce((a, b) => a + b, 0)),
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
