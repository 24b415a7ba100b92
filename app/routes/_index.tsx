import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listEditions } from "../../db/queries/editions";
import { editionsOpenForRegistration } from "../../db/queries/registrations";
import { getDb } from "~/lib/db.server";
import { getViewer, roleHome } from "~/lib/guards.server";
import { useT } from "~/lib/use-t";

// Public: the award, its editions (name and status only) and the way in.
export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const [editions, open, viewer] = await Promise.all([
    listEditions(db),
    editionsOpenForRegistration(db),
    getViewer(request),
  ]);
  return {
    editions: editions.map((e) => ({ id: e.id, name: e.name, year: e.year, level: e.level, status: e.status })),
    home: viewer ? roleHome(viewer) : null,
    registrationOpen: open.length > 0,
  };
}

export default function Index() {
  const t = useT();
  const { editions, home, registrationOpen } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {home ? (
        <p>
          <Link className="button primary" to={home}>
            {t("home.yourWork")}
          </Link>
        </p>
      ) : (
        <p>
          {t("home.signInPrompt")} <Link to="/login">{t("nav.signIn")}</Link>
        </p>
      )}
      {registrationOpen ? (
        <p>
          {t("home.registerPrompt")} <Link to="/register">{t("portal.register.title")}</Link>
        </p>
      ) : null}
      <h2>{t("home.editions")}</h2>
      {editions.length === 0 ? (
        <p>{t("home.noEditions")}</p>
      ) : (
        <ul className="cards">
          {editions.map((e) => (
            <li key={e.id} className="card">
              <h3>{e.name}</h3>
              <p>
                {t(`level.${e.level}`)} · {t(`editionStatus.${e.status}`)}
              </p>
              <Link to={`/winners/${e.id}`}>{t("home.viewWinners")}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
