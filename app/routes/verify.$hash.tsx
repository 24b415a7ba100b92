import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/lib/db.server";
import { verification } from "~/lib/publications.server";
import { minutesVerification } from "~/lib/minutes.server";
import { MinutesVerification } from "~/components/MinutesVerification";
import { placeText } from "~/lib/places";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName } from "~/i18n/labels";
import { formatDate } from "~/i18n/format";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

// Public: confirms that a certificate's code is the SHA-256 of a stored publication snapshot and
// shows what was published (edition, category, organisations and places), and whether a later
// publication replaced it. Nothing else. A plenary's minutes carry a code too: then it shows what
// the minutes recorded, whether they were withdrawn and how many of the panel confirmed them.
export async function loader({ params }: LoaderFunctionArgs) {
  const hash = (params.hash ?? "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) return { hash: params.hash ?? "", found: null, minutes: null };
  const db = await getDb();
  const found = await verification(db, hash);
  return { hash, found, minutes: found ? null : await minutesVerification(db, hash) };
}

export default function Verify() {
  const t = useT();
  const locale = useLocale();
  const { hash, found, minutes } = useLoaderData<typeof loader>();
  if (minutes)
    return (
      <section>
        <h1>{t("minutes.verify.title")}</h1>
        <p className="muted">
          <code className="hash">{hash}</code>
        </p>
        <MinutesVerification found={minutes} />
      </section>
    );
  return (
    <section>
      <h1>{t("verify.title")}</h1>
      <p className="muted">
        <code className="hash">{hash}</code>
      </p>
      {found === null ? (
        <p className="alert alert--error" role="status">
          {t("verify.notFound")}
        </p>
      ) : (
        <>
          {found.intact ? (
            <p className="alert alert--info" role="status">
              {t("verify.ok")}
            </p>
          ) : (
            <p className="alert alert--error" role="status">
              {t("verify.broken")}
            </p>
          )}
          {found.current ? null : (
            <p className="alert alert--warn">
              {found.replacedAt
                ? t("verify.replacedAt", { at: formatDate(found.replacedAt, locale, true) })
                : t("verify.replaced")}
            </p>
          )}
          <dl className="facts">
            <dt>{t("common.edition")}</dt>
            <dd>
              <Link to={`/winners/${found.editionId}`}>{found.edition}</Link>
            </dd>
            <dt>{t("common.category")}</dt>
            <dd>{categoryName(t, found.category)}</dd>
            <dt>{t("verify.publishedAt")}</dt>
            <dd>{formatDate(found.publishedAt, locale, true)}</dd>
          </dl>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("verify.place")}</th>
                <th scope="col">{t("common.organisation")}</th>
              </tr>
            </thead>
            <tbody>
              {found.winners.map((w) => (
                <tr key={w.nominee}>
                  <td>{placeText(t, w.place)}</td>
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
