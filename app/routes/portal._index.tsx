import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { entriesOfOrganisations } from "../../db/queries/entries";
import { getDb } from "~/lib/db.server";
import { requireEntrant } from "~/lib/guards.server";
import { useT } from "~/lib/use-t";
import type { MessageKey } from "~/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireEntrant(request);
  return { entries: await entriesOfOrganisations(await getDb(), viewer.organisationIds) };
}

export default function PortalHome() {
  const t = useT();
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("portal.home.title")}</h1>
      <p>{t("portal.home.intro")}</p>
      <ul className="cards">
        {entries.map((e) => (
          <li key={e.id} className="card">
            <h2>{e.organisation_name}</h2>
            <p>{e.edition_name}</p>
            <p>{t(`category.${e.category}` as MessageKey)} · {t(`entryStatus.${e.status}` as MessageKey)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
