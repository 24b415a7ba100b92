import { StatusBadge } from "~/components/StatusBadge";
import { isMessageKey, type T } from "~/i18n";
import { formatNumber, formatRupiah } from "~/i18n/format";
import type { ScoreData } from "~/lib/assess-workspace.server";
import { formatIndicator, gateText, indicatorLabel } from "~/lib/indicators";
import { figureKind } from "~/lib/portal-figures";
import { categoryGroup } from "~/domain/categories";
import { useLocale, useT } from "~/lib/use-t";

/**
 * What the entrant gave and what follows from it: the figures, the regulations (always for
 * governments), the derived indicators with their bands and points, and the gates.
 */
export function EntryFacts({ data: d }: { data: ScoreData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("assess.figures.title")}</h2>
        {d.figures.length === 0 ? (
          <p>{t("assess.figures.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("assess.figures.item")}</th>
                  <th scope="col" className="num">
                    {t("assess.figures.value")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.figures.map((f) => (
                  <tr key={f.key}>
                    <th scope="row">{label(t, `assess.figure.${f.key}`, f.key)}</th>
                    <td className="num">
                      {figureKind(f.key) === "flag"
                        ? t(f.value === 1 ? "assess.figures.yes" : "assess.figures.no")
                        : figureKind(f.key) === "rupiah"
                          ? formatRupiah(f.value)
                          : formatNumber(f.value, 0, 2)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {categoryGroup(d.header.category) === "government" || d.regulations.length ? (
        <section aria-labelledby="regulations-title">
          <h2 id="regulations-title">{t("assess.regulations.title")}</h2>
          {d.regulations.length === 0 ? (
            <p>{t("assess.regulations.none")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("assess.regulations.type")}</th>
                    <th scope="col">{t("assess.regulations.number")}</th>
                    <th scope="col" className="num">
                      {t("assess.regulations.year")}
                    </th>
                    <th scope="col">{t("assess.regulations.name")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.regulations.map((r) => (
                    <tr key={r.id}>
                      <td>{label(t, `portal.regulation.${r.type}`, r.type)}</td>
                      <td>{r.number}</td>
                      <td className="num">{r.year}</td>
                      <td>{r.title ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t("assess.indicators.title")}</h2>
        <p className="muted">{t("assess.indicators.intro")}</p>
        {d.indicators.length === 0 && d.otherIndicators.length === 0 ? <p>{t("assess.indicators.none")}</p> : null}
        {d.indicators.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("assess.indicators.criterion")}</th>
                  <th scope="col" className="num">
                    {t("assess.indicators.value")}
                  </th>
                  <th scope="col">{t("assess.indicators.bands")}</th>
                  <th scope="col" className="num">
                    {t("assess.indicators.points")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.indicators.map((i) => (
                  <tr key={i.key}>
                    <th scope="row">{locale === "en" ? i.name.en : i.name.id}</th>
                    <td className="num">
                      {i.value === null ? t("assess.indicators.missing") : formatIndicator(i.indicator, i.value)}
                    </td>
                    <td>
                      <ul className="bands">
                        {i.bands.map((b) => (
                          <li key={b.min} className={b.min === i.bandMin ? "band--current" : undefined}>
                            {t("assess.indicators.band", {
                              min: formatIndicator(i.indicator, b.min),
                              points: formatNumber(b.points),
                            })}
                            {b.min === i.bandMin ? (
                              <>
                                {" "}
                                <strong>{t("assess.indicators.current")}</strong>
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="num">{i.points === null ? "–" : formatNumber(i.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {d.otherIndicators.length ? (
          <ul>
            {d.otherIndicators.map((i) => (
              <li key={i.indicator}>
                {indicatorLabel(t, i.indicator)}: {formatIndicator(i.indicator, i.value)}
              </li>
            ))}
          </ul>
        ) : null}
        {d.gates.length ? (
          <>
            <h3>{t("assess.gates.title")}</h3>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("assess.gates.rule")}</th>
                    <th scope="col" className="num">
                      {t("assess.indicators.value")}
                    </th>
                    <th scope="col">{t("assess.gates.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.gates.map((g) => (
                    <tr key={g.id}>
                      <th scope="row">{gateText(t, g)}</th>
                      <td className="num">
                        {g.actual === null ? t("assess.indicators.missing") : formatIndicator(g.indicator, g.actual)}
                      </td>
                      <td>
                        <StatusBadge tone={g.pass ? "good" : "bad"}>
                          {t(g.pass ? "assess.gates.pass" : "assess.gates.fail")}
                        </StatusBadge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>
    </>
  );
}

/** The translated label of a figure or regulation type as stored, or its key when there is none. */
function label(t: T, key: string, fallback: string) {
  return isMessageKey(key) ? t(key) : fallback;
}
