import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getEdition } from "../../db/queries/editions";
import { latestPublications } from "../../db/queries/publications";
import { getDb } from "~/lib/db.server";
import { idParam, notFound } from "~/lib/guards.server";
import { useT } from "~/lib/use-t";
import type { MessageKey } from "~/i18n";

// Public: only what has been published (the snapshot's winners), nothing else.
export async function loader({ params }: LoaderFunctionArgs) {
  const db = await getDb();
  const edition = await getEdition(db, idParam(params.editionId));
  if (!edition) notFound();
  const publications = await latestPublications(db, edition.id);
  const names = new Map(
    (await db.selectFrom("entries as e").innerJoin("organisations as o", "o.id", "e.organisation_id").select(["e.id", "o.name"]).where("e.edition_id", "=", edition.id).execute()).map((r) => [String(r.id), r.name]),
  );
  return {
    edition: { name: edition.name },
    categories: publications.map((p) => {
      const result = JSON.parse(p.result_json) as { categories: { ranking: { nominee: string; rank: number; total: number }[] }[] };
      const ranking = result.categories[0]?.ranking ?? [];
      return {
        category: p.category,
        sha256: p.sha256,
        winners: ranking.filter((r) => r.rank <= p.places).map((r) => ({ rank: r.rank, name: names.get(r.nominee) ?? r.nominee, total: r.total })),
      };
    }),
  };
}

export default function Winners() {
  const t = useT();
  const { edition, categories } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("winners.title")}</h1>
      <p className="lead">{edition.name}</p>
      {categories.length === 0 ? <p>{t("winners.none")}</p> : categories.map((c) => (
        <section key={c.category}>
          <h2>{t(`category.${c.category}` as MessageKey)}</h2>
          <ol className="winners">
            {c.winners.map((w) => <li key={w.name}><strong>{t("winners.place", { rank: w.rank })}</strong> {w.name}</li>)}
          </ol>
        </section>
      ))}
    </section>
  );
}
