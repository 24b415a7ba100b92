import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getEdition } from "../../db/queries/editions";
import { getDb } from "~/lib/db.server";
import { idParam, notFound } from "~/lib/guards.server";
import { editionWinners } from "~/lib/publications.server";
import { placeText } from "~/lib/places";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName, zoneName } from "~/i18n/labels";
import { formatDate, formatNumber } from "~/i18n/format";
import type { Zone } from "~/domain/levels";
import type { CategoryKey } from "../../db/schema";

// Public: only what has been published (each category's current snapshot's winners), nothing else.
export async function loader({ params }: LoaderFunctionArgs) {
  const db = await getDb();
  const edition = await getEdition(db, idParam(params.editionId));
  if (!edition) notFound();
  return { edition: { name: edition.name }, categories: await editionWinners(db, edition.id) };
}

export default function Winners() {
  const t = useT();
  const locale = useLocale();
  const { edition, categories } = useLoaderData<typeof loader>();
  const zoneTitle = (category: CategoryKey, zone: Zone) =>
    t("winners.zoneBest", { category: categoryName(t, category), zone: zoneName(t, zone) });
  return (
    <section>
      <h1>{t("winners.title")}</h1>
      <p className="lead">{edition.name}</p>
      {categories.length === 0 ? (
        <p>{t("winners.none")}</p>
      ) : (
        categories.map((c) => (
          <section key={c.category} aria-labelledby={`cat-${c.category}`}>
            <h2 id={`cat-${c.category}`}>{categoryName(t, c.category)}</h2>
            <ol className="winners">
              {c.winners.map((w) => (
                <li key={w.nominee}>
                  <strong>{placeText(t, w.place)}</strong> {w.name} <span className="muted">({w.region})</span>
                </li>
              ))}
            </ol>
            {c.zones && c.zones.zones.length > 0 ? (
              <section aria-labelledby={`zones-${c.category}`}>
                <h3 id={`zones-${c.category}`}>{t("winners.zones")}</h3>
                {c.zones.zones.map((z) => (
                  <section key={z.zone} aria-label={zoneTitle(c.category, z.zone)}>
                    <h4>{zoneTitle(c.category, z.zone)}</h4>
                    <ol className="winners">
                      {z.winners.map((w) => (
                        <li key={w.nominee}>
                          <strong>{t("winners.zonePlace", { place: formatNumber(w.place) })}</strong> {w.name}{" "}
                          <span className="muted">({w.region})</span>
                        </li>
                      ))}
                    </ol>
                  </section>
                ))}
              </section>
            ) : null}
            <p className="muted">
              {t("winners.publishedAt", { at: formatDate(c.publishedAt, locale) })} ·{" "}
              <Link to={`/verify/${c.sha256}`}>{t("winners.verify")}</Link>
            </p>
          </section>
        ))
      )}
    </section>
  );
}
