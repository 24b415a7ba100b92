import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCategory } from "../../db/queries/editions";
import { publishedScorecard } from "~/lib/scorecard.server";
import { PortalEntryNav } from "~/components/PortalEntryNav";
import { formatIndicator, gateText, indicatorLabel } from "~/lib/indicators";
import { formatDate, formatNumber } from "~/i18n/format";
import { bandFor } from "~/lib/portal-figures";
import { placeOf, placeText } from "~/lib/places";
import { requireOwnEntry } from "~/lib/portal.server";
import { useLocale, useT } from "~/lib/use-t";
import { categoryName, stageName } from "~/i18n/labels";
import { PRIOR_GATE } from "~/domain/gates";
import { priorGateText } from "~/lib/prior-text";
import { refusePost } from "~/lib/guards.server";

export const action = refusePost;

// The organisation's own scorecard, read only from the stored publication snapshot (never from
// the assessors' individual scores or notes): total, rank, stage and criterion values, and the
// band each indicator fell into; a placed entry's place and its certificate of award.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry, db } = await requireOwnEntry(request, params.entryId);
  const [card, category] = await Promise.all([
    publishedScorecard(db, entry.id),
    getCategory(db, entry.edition_id, entry.category_id),
  ]);
  // The place (Juara I.., special mention) of the published rank; an ineligible entry has none.
  const place =
    card?.result && !card.ineligible && category ? placeOf(card.result.rank, category.places, category.mentions) : null;
  return {
    place,
    entry: {
      id: entry.id,
      organisation_name: entry.organisation_name,
      edition_name: entry.edition_name,
      category: entry.category,
    },
    card: card
      ? {
          publishedAt: card.publishedAt,
          sha256: card.sha256,
          ranked: card.ranked,
          result: card.result,
          ineligible: card.ineligible,
          stages: card.definition.stages.map((s) => ({ id: s.id, weight: s.weight })),
          criteria: card.definition.criteria.map((c) => ({
            id: c.id,
            stage: c.stage,
            type: c.type,
            name: c.name ?? { id: c.id, en: c.id },
            indicator: c.type === "indicator" ? c.indicator : null,
            bands: c.type === "indicator" ? c.bands : [],
          })),
          gates: card.definition.gates,
          priorMinScore: card.definition.prior?.minScore ?? null,
        }
      : null,
  };
}

export default function Scorecard() {
  const t = useT();
  const locale = useLocale();
  const { entry, card, place } = useLoaderData<typeof loader>();
  return (
    <section className="portal">
      <h1>{t("portal.scorecard.title")}</h1>
      <p>
        {entry.organisation_name} · {entry.edition_name} · {categoryName(t, entry.category)}
      </p>
      <PortalEntryNav entryId={entry.id} scorecard={Boolean(card)} />
      {!card ? (
        <p className="alert alert--info">{t("portal.scorecard.notYet")}</p>
      ) : (
        <>
          <p className="muted">
            {t("portal.scorecard.publishedAt", { date: formatDate(card.publishedAt, locale, true) })}
          </p>
          {card.ineligible ? (
            <div className="alert alert--warn">
              <p>{t("portal.scorecard.ineligible")}</p>
              <ul>
                {card.ineligible.failed.map((g) => {
                  const gate = card.gates.find((x) => x.id === g);
                  const text = gate
                    ? gateText(t, gate)
                    : g === PRIOR_GATE && card.priorMinScore !== null
                      ? priorGateText(t, card.priorMinScore)
                      : g;
                  return <li key={g}>{text}</li>;
                })}
              </ul>
            </div>
          ) : null}
          {card.result ? (
            <>
              <dl className="portal-summary">
                {place ? (
                  <div>
                    <dt>{t("portal.scorecard.award")}</dt>
                    <dd>
                      <strong>{placeText(t, place)}</strong>
                    </dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t("portal.scorecard.total")}</dt>
                  <dd>{formatNumber(card.result.total, 2)}</dd>
                </div>
                <div>
                  <dt>{t("portal.scorecard.rank")}</dt>
                  <dd>{t("portal.scorecard.rankOf", { rank: card.result.rank, count: card.ranked })}</dd>
                </div>
                <div>
                  <dt>{t("portal.scorecard.reached")}</dt>
                  <dd>{stageName(t, card.result.reached)}</dd>
                </div>
              </dl>
              {place ? (
                <p>
                  <a href={`/portal/entries/${entry.id}/certificate`} download>
                    {t("portal.scorecard.certificate")}
                  </a>
                </p>
              ) : null}
              <h2>{t("portal.scorecard.stages")}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("common.stage")}</th>
                      <th scope="col" className="num">
                        {t("portal.scorecard.weight")}
                      </th>
                      <th scope="col" className="num">
                        {t("portal.scorecard.value")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {card.stages.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">{stageName(t, s.id)}</th>
                        <td className="num">{formatNumber(s.weight, 0, 2)}</td>
                        <td className="num">{formatNumber(card.result!.stages[s.id], 2)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <h2>{t("portal.scorecard.criteria")}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("portal.indicators.criterion")}</th>
                      <th scope="col">{t("common.stage")}</th>
                      <th scope="col" className="num">
                        {t("portal.scorecard.value")}
                      </th>
                      <th scope="col">{t("portal.indicators.band")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {card.criteria.map((c) => {
                      const r = card.result!.criteria[c.id];
                      if (r === undefined) return null; // a criterion of a stage the entry did not reach
                      const band =
                        c.type === "indicator" && r.indicator !== null ? bandFor(c.bands, r.indicator) : null;
                      const indicatorText = formatIndicator(c.indicator ?? "", r.indicator);
                      return (
                        <tr key={c.id}>
                          <th scope="row">{locale === "en" ? c.name.en : c.name.id}</th>
                          <td>{stageName(t, c.stage)}</td>
                          <td className="num">{formatNumber(r.value, 2)}</td>
                          <td>
                            {c.type === "indicator"
                              ? `${indicatorLabel(t, c.indicator ?? "")}: ${indicatorText}${band ? ` → ${t("portal.indicators.bandText", { min: formatNumber(band.min, 0, 2), points: formatNumber(band.points) })}` : ""}`
                              : t("portal.scorecard.judged")}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          ) : !card.ineligible ? (
            <p>{t("portal.scorecard.notRanked")}</p>
          ) : null}
          <p className="muted small">{t("portal.scorecard.seal", { sha: card.sha256.slice(0, 16) })}</p>
        </>
      )}
    </section>
  );
}
