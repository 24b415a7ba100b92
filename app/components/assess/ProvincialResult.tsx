import { formatNumber } from "~/i18n/format";
import { stageName } from "~/i18n/labels";
import type { ScoreData } from "~/lib/assess-workspace.server";
import { placeText } from "~/lib/places";
import { useLocale, useT } from "~/lib/use-t";

/**
 * "Hasil tingkat provinsi": a nominee's result in the provincial publication it was nominated from
 * (rank, total, stage scores, criterion values; no assessor names), read only, as context: the
 * national rubric decides.
 */
export function ProvincialResult({ result: r }: { result: NonNullable<ScoreData["provincial"]> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="provincial-title" className="card">
      <h2 id="provincial-title">{t("assess.provincial.title")}</h2>
      <p className="hint">{t("assess.provincial.note")}</p>
      <dl className="facts">
        <div>
          <dt>{t("assess.provincial.edition")}</dt>
          <dd>{r.edition}</dd>
        </div>
        <div>
          <dt>{t("assess.provincial.rank")}</dt>
          <dd>
            {placeText(t, { kind: "place", rank: r.rank })} ·{" "}
            {t("assess.provincial.rankOf", { rank: formatNumber(r.rank), count: formatNumber(r.ranked) })}
          </dd>
        </div>
        <div>
          <dt>{t("assess.provincial.total")}</dt>
          <dd>{formatNumber(r.total, 2)}</dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>{t("assess.provincial.stages")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common.stage")}</th>
              <th scope="col" className="num">
                {t("assess.provincial.score")}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.stages.map((s) => (
              <tr key={s.id}>
                <th scope="row">{stageName(t, s.id)}</th>
                <td className="num">{formatNumber(s.score, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t("assess.provincial.criteria")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("assess.provincial.criterion")}</th>
              <th scope="col">{t("common.stage")}</th>
              <th scope="col" className="num">
                {t("assess.provincial.score")}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.criteria.map((c) => (
              <tr key={c.key}>
                <th scope="row">{locale === "en" ? c.name.en : c.name.id}</th>
                <td>{stageName(t, c.stage)}</td>
                <td className="num">{formatNumber(c.value, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
