import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { entryOrganisations, publicationByHash } from "../../db/queries/committee";
import { getDb } from "~/lib/db.server";
import { rescore, snapshotHash } from "~/lib/scoring-input.server";
import { placeOf, roman } from "~/lib/places";
import { useLocale, useT } from "~/lib/use-t";
import { formatDate } from "~/i18n/format";
import type { MessageKey } from "~/i18n";
import type { ScoringResult } from "../../scoring/index";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

// Public: confirms that a certificate's code is the SHA-256 of a stored publication snapshot and
// shows what was published (edition, category, organisations and places). Nothing else.
export async function loader({ params }: LoaderFunctionArgs) {
  const hash = (params.hash ?? "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) return { hash: params.hash ?? "", found: null };
  const db = await getDb();
  const p = await publicationByHash(db, hash);
  if (!p) return { hash, found: null };
  // Checked anew on every visit: the stored input and result still hash to the code, and scoring
  // the stored input again gives the stored result byte for byte.
  const intact = snapshotHash(p.input_json, p.result_json) === p.sha256 && rescore(p.input_json) === p.result_json;
  const result = JSON.parse(p.result_json) as ScoringResult;
  const ranking = result.categories[0]?.ranking ?? [];
  const winners = ranking.flatMap((r) => {
    const place = placeOf(r.rank, p.places, p.mentions);
    return place ? [{ nominee: Number(r.nominee), place }] : [];
  });
  const orgs = await entryOrganisations(db, winners.map((w) => w.nominee));
  return {
    hash,
    found: {
      editionId: p.edition_id,
      edition: p.edition_name,
      category: p.category,
      publishedAt: p.published_at,
      intact,
      current: p.current,
      winners: winners.map((w) => ({ ...w, name: orgs.get(w.nominee)?.name ?? "" })),
    },
  };
}

export default function Verify() {
  const t = useT();
  const locale = useLocale();
  const { hash, found } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("verify.title")}</h1>
      <p className="muted"><code className="hash">{hash}</code></p>
      {found === null ? (
        <p className="alert alert--error" role="status">{t("verify.notFound")}</p>
      ) : (
        <>
          {found.intact ? <p className="alert alert--info" role="status">{t("verify.ok")}</p> : <p className="alert alert--error" role="status">{t("verify.broken")}</p>}
          {found.current ? null : <p className="alert alert--warn">{t("verify.replaced")}</p>}
          <dl className="facts">
            <dt>{t("common.edition")}</dt><dd><Link to={`/winners/${found.editionId}`}>{found.edition}</Link></dd>
            <dt>{t("common.category")}</dt><dd>{t(`category.${found.category}` as MessageKey)}</dd>
            <dt>{t("verify.publishedAt")}</dt><dd>{formatDate(found.publishedAt, locale, true)}</dd>
          </dl>
          <table className="data">
            <thead><tr><th scope="col">{t("verify.place")}</th><th scope="col">{t("common.organisation")}</th></tr></thead>
            <tbody>
              {found.winners.map((w) => (
                <tr key={w.nominee}>
                  <td>{w.place.kind === "place" ? t("winners.place", { rank: roman(w.place.rank) }) : t("winners.mention")}</td>
                  <th scope="row">{w.name}</th>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
