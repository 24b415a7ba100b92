import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { categoryOverview, editionStages } from "../../db/queries/editions";
import { requireEditionCommittee } from "~/lib/committee.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import { formatDate, formatNumber } from "~/i18n/format";
import { StatusBadge } from "~/components/StatusBadge";
import { refusePost } from "~/lib/guards.server";

export const action = refusePost;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const [stages, categories] = await Promise.all([editionStages(db, edition.id), categoryOverview(db, edition.id)]);
  return { edition, stages, categories };
}

const stageTone = { pending: "neutral", open: "info", closed: "good" } as const;

export default function EditionOverview() {
  const t = useT();
  const locale = useLocale();
  const { edition, stages, categories } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("committee.overview.title")}</h1>
      <p>
        {t(`editionStatus.${edition.status}`)} · {t(`level.${edition.level}`)} · {edition.region}
      </p>
      <h2>{t("committee.overview.stages")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("common.stage")}</th>
            <th scope="col">{t("common.status")}</th>
            <th scope="col">{t("committee.overview.panel")}</th>
            <th scope="col">{t("common.deadline")}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.id}>
              <th scope="row">{stageName(t, s.key)}</th>
              <td>
                <StatusBadge tone={stageTone[s.status]}>{t(`stageStatus.${s.status}`)}</StatusBadge>
              </td>
              <td>{t(`role.${s.panel}`)}</td>
              <td>{s.deadline ? formatDate(s.deadline, locale) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("committee.overview.categories")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("common.category")}</th>
            <th scope="col" className="num">
              {t("committee.overview.entries")}
            </th>
            <th scope="col">{t("committee.overview.rubric")}</th>
            <th scope="col">{t("committee.overview.signedOff")}</th>
            <th scope="col">{t("committee.overview.published")}</th>
            <th scope="col">{t("committee.overview.ranking")}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id}>
              <th scope="row">{categoryName(t, c.key)}</th>
              <td className="num">{formatNumber(c.scored)}</td>
              <td>
                <Link to={`/committee/${edition.id}/rubric/${c.id}`}>
                  {c.rubricVersion
                    ? t("committee.ranking.rubricVersion", { version: c.rubricVersion })
                    : t("common.none")}
                </Link>
              </td>
              <td>{c.signed_off_at ? formatDate(c.signed_off_at, locale) : "–"}</td>
              <td>{c.publishedAt ? formatDate(c.publishedAt, locale) : "–"}</td>
              <td>
                <Link to={`/committee/${edition.id}/ranking/${c.id}`}>
                  {t("committee.overview.ranking")}
                  <span className="visually-hidden"> {categoryName(t, c.key)}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
