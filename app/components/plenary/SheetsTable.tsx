import { formatNumber } from "~/i18n/format";
import type { T } from "~/i18n";
import type { Locale } from "~/i18n";
import { useLocale, useT } from "~/lib/use-t";

// An entry's sheets side by side: criteria as rows, sheets as columns, then the panel value and
// SD; under the table each sheet's rank without it ("3 → 2") and its notes. Scrolls inside its
// own box on a narrow screen.

export type SheetLabelView = { kind: "sheet"; n: number } | { kind: "named"; name: string };

export interface SheetColumn {
  assignmentId: number;
  label: SheetLabelView;
  own: boolean;
  scores: Record<string, { value: number | null; note: string | null }>;
  rankWithout: number | null;
}

export interface CriterionRow {
  key: string;
  nameId: string;
  nameEn: string;
  max: number | null;
}

export function sheetLabel(t: T, label: SheetLabelView): string {
  return label.kind === "named" ? label.name : t("plenary.sheet.n", { n: label.n });
}

export function criterionName(locale: Locale, c: Pick<CriterionRow, "nameId" | "nameEn" | "key">): string {
  return (locale === "en" ? c.nameEn || c.nameId : c.nameId) || c.key;
}

const value = (n: number | null | undefined) => (n === null || n === undefined ? "–" : formatNumber(n, 0, 2));

export function SheetsTable({
  criteria,
  sheets,
  panel,
  rank,
}: {
  criteria: CriterionRow[];
  sheets: SheetColumn[];
  panel: Record<string, { value: number; sd: number }>;
  rank: number | null;
}) {
  const t = useT();
  const locale = useLocale();
  if (sheets.length === 0) return <p>{t("plenary.sheets.none")}</p>;
  const heading = (s: SheetColumn) => (
    <>
      {sheetLabel(t, s.label)}
      {s.own ? <span className="badge badge--info plenary__own">{t("plenary.sheet.own")}</span> : null}
    </>
  );
  return (
    <>
      <div className="table-scroll">
        <table className="data plenary__sheets">
          <caption className="muted">{t("plenary.sheets.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plenary.sheets.criterion")}</th>
              {sheets.map((s) => (
                <th scope="col" className="num" key={s.assignmentId}>
                  {heading(s)}
                </th>
              ))}
              <th scope="col" className="num">
                {t("plenary.sheets.panel")}
              </th>
              <th scope="col" className="num">
                {t("plenary.sheets.sd")}
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  {criterionName(locale, c)}
                  {c.max !== null ? (
                    <span className="muted"> ({t("plenary.sheets.max", { max: formatNumber(c.max, 0, 2) })})</span>
                  ) : null}
                </th>
                {sheets.map((s) => (
                  <td className="num" key={s.assignmentId}>
                    {value(s.scores[c.key]?.value)}
                  </td>
                ))}
                <td className="num">{value(panel[c.key]?.value)}</td>
                <td className="num">{panel[c.key] ? formatNumber(panel[c.key]!.sd, 2) : "–"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("plenary.sheets.rankWithout")}</th>
              {sheets.map((s) => (
                <td className="num plenary__move" key={s.assignmentId}>
                  {rank !== null && s.rankWithout !== null
                    ? `${formatNumber(rank)} → ${formatNumber(s.rankWithout)}`
                    : "–"}
                </td>
              ))}
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{t("plenary.sheets.notes")}</h3>
      <div className="plenary__notes">
        {sheets.map((s) => {
          const notes = criteria.filter((c) => s.scores[c.key]?.note);
          return (
            <section key={s.assignmentId} className="plenary__note">
              <h4>{heading(s)}</h4>
              {notes.length === 0 ? (
                <p className="muted">–</p>
              ) : (
                <dl>
                  {notes.map((c) => (
                    <div key={c.key}>
                      <dt>{criterionName(locale, c)}</dt>
                      <dd>{s.scores[c.key]!.note}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
