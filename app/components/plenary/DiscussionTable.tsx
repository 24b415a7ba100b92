import { Link } from "@remix-run/react";
import type { DiscussionGroup } from "~/domain/plenary";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/lib/use-t";

// One group of the plenary's discussion list (disagreement, near the cut, the rest): a table that
// scrolls inside its own box on a narrow screen, each row linking to the entry's sheets.

export interface DiscussionTableRow {
  entryId: number;
  organisation: string;
  rank: number | null;
  total: number | null;
  running: number | null;
  maxSd: number | null;
  sheets: number;
  comments: number;
  decision: "advance" | "exclude" | null;
}

const points = (n: number | null) => (n === null ? "–" : formatNumber(n, 2));

export function DiscussionTable({
  group,
  rows,
  plenaryId,
  cut,
}: {
  group: DiscussionGroup;
  rows: DiscussionTableRow[];
  plenaryId: number;
  cut: number | null;
}) {
  const t = useT();
  const heading = `plenary-group-${group}`;
  return (
    <section className="plenary__group" aria-labelledby={heading}>
      <h2 id={heading}>
        {t(`plenary.group.${group}`)} <span className="badge">{formatNumber(rows.length)}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t("plenary.group.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data plenary__table">
            <thead>
              <tr>
                <th scope="col">{t("plenary.col.rank")}</th>
                <th scope="col">{t("plenary.col.organisation")}</th>
                <th scope="col" className="num">
                  {t("plenary.col.total")}
                </th>
                <th scope="col" className="num">
                  {t("plenary.col.running")}
                </th>
                <th scope="col" className="num">
                  {t("plenary.col.maxSd")}
                </th>
                <th scope="col" className="num">
                  {t("plenary.col.sheets")}
                </th>
                <th scope="col" className="num">
                  {t("plenary.col.comments")}
                </th>
                <th scope="col">{t("plenary.col.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.entryId} data-entry={r.entryId}>
                  <td>{r.rank === null ? "–" : formatNumber(r.rank)}</td>
                  <th scope="row">
                    <Link
                      to={`/plenary/${plenaryId}/entries/${r.entryId}`}
                      className="plenary__open"
                      aria-label={t("plenary.openOf", { organisation: r.organisation })}
                    >
                      {r.organisation}
                    </Link>
                  </th>
                  <td className="num">{points(r.total)}</td>
                  <td className="num">
                    {points(r.running)}
                    {group === "near_cut" && cut !== null && r.running !== null ? (
                      <span className="muted plenary__margin">
                        {t("plenary.fromCut", { diff: formatSigned(r.running - cut) })}
                      </span>
                    ) : null}
                  </td>
                  <td className="num">{points(r.maxSd)}</td>
                  <td className="num">{formatNumber(r.sheets)}</td>
                  <td className="num">{formatNumber(r.comments)}</td>
                  <td>
                    {r.decision ? (
                      <span className={`badge badge--${r.decision === "advance" ? "good" : "bad"}`}>
                        {t(`plenary.decision.${r.decision}`)}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A difference with its sign: "+0,50", "−1,25", "0,00". */
function formatSigned(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  if (rounded === 0) return formatNumber(0, 2);
  return `${rounded > 0 ? "+" : "−"}${formatNumber(Math.abs(rounded), 2)}`;
}
