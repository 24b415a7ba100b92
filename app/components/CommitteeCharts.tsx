// Server-rendered SVG charts of the committee console. Each chart has a title, a description and a
// table with the same figures (the text alternative), so nothing is shown as a picture only.
// The tables write numbers the Indonesian way, as the rest of the UI does (82,80; +1,50).
import { formatNumber } from "~/i18n/format";

const W = 560;

/** A difference with its sign, to 2 decimals: "+1,50", "-0,25", "0,00" (never "-0,00"). */
const signed = (n: number) => {
  const r = Math.round(n * 100) / 100 || 0;
  return `${r > 0 ? "+" : ""}${formatNumber(r, 2)}`;
};

/**
 * A row label right-aligned before the plot; one longer than the space (about 6 px a character at
 * 11 px) is shortened with an ellipsis and keeps its full text as a tooltip.
 */
function RowLabel({ text, left, y }: { text: string; left: number; y: number }) {
  const fits = Math.floor((left - 12) / 6);
  const shown = text.length > fits ? `${text.slice(0, fits - 1).trimEnd()}…` : text;
  return (
    <text x={left - 8} y={y} textAnchor="end" className="chart__label">
      {shown !== text ? <title>{text}</title> : null}
      {shown}
    </text>
  );
}

export interface Distribution {
  label: string;
  /** How many scores, their lowest and highest value on 0–100. */
  n: number;
  min: number;
  max: number;
  /** The distinct values on 0–100, one tick each (their number does not grow with the entries). */
  ticks: number[];
}

/** One strip per criterion: every value given as a tick on 0–100. */
export function DistributionChart({
  title,
  rows,
  labels,
}: {
  title: string;
  rows: Distribution[];
  labels: { min: string; max: string; count: string };
}) {
  const rowH = 28;
  const left = 180;
  const width = W - left - 20;
  const h = rows.length * rowH + 30;
  const x = (v: number) => left + (Math.max(0, Math.min(100, v)) / 100) * width;
  return (
    <figure className="chart">
      <svg role="img" aria-label={title} viewBox={`0 0 ${W} ${h}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title>{title}</title>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={0} y2={h - 20} className="chart__grid" />
            <text x={x(v)} y={h - 6} textAnchor="middle" className="chart__axis">
              {v}
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${i * rowH})`}>
            <RowLabel text={r.label} left={left} y={rowH / 2 + 4} />
            {r.ticks.map((v, j) => (
              <line key={j} x1={x(v)} x2={x(v)} y1={6} y2={rowH - 6} className="chart__tick" />
            ))}
          </g>
        ))}
      </svg>
      <details>
        <summary>{title}</summary>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {labels.count}
              </th>
              <th scope="col" className="num">
                {labels.min}
              </th>
              <th scope="col" className="num">
                {labels.max}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatNumber(r.n)}</td>
                <td className="num">{r.n ? formatNumber(r.min, 1) : "–"}</td>
                <td className="num">{r.n ? formatNumber(r.max, 1) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export interface Severity {
  label: string;
  /** Mean difference (assessor's score on 0–100 minus the panel value from score()). */
  diff: number;
  n: number;
}

/** A bar per assessor: how much higher (right) or lower (left) than the panel they scored. */
export function SeverityChart({
  title,
  rows,
  labels,
}: {
  title: string;
  rows: Severity[];
  labels: { diff: string; count: string };
}) {
  const rowH = 24;
  const left = 200;
  const width = W - left - 20;
  const span = Math.max(10, ...rows.map((r) => Math.ceil(Math.abs(r.diff))));
  const mid = left + width / 2;
  const x = (v: number) => mid + (v / span) * (width / 2);
  const h = rows.length * rowH + 30;
  return (
    <figure className="chart">
      <svg role="img" aria-label={title} viewBox={`0 0 ${W} ${h}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title>{title}</title>
        <line x1={mid} x2={mid} y1={0} y2={h - 20} className="chart__axis-line" />
        <text x={x(-span)} y={h - 6} className="chart__axis">
          {-span}
        </text>
        <text x={mid} y={h - 6} textAnchor="middle" className="chart__axis">
          0
        </text>
        <text x={x(span)} y={h - 6} textAnchor="end" className="chart__axis">
          +{span}
        </text>
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${i * rowH})`}>
            <RowLabel text={r.label} left={left} y={rowH / 2 + 4} />
            <rect
              x={Math.min(mid, x(r.diff))}
              y={5}
              width={Math.abs(x(r.diff) - mid)}
              height={rowH - 10}
              className={r.diff < 0 ? "chart__bar chart__bar--low" : "chart__bar"}
            />
          </g>
        ))}
      </svg>
      <details>
        <summary>{title}</summary>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {labels.diff}
              </th>
              <th scope="col" className="num">
                {labels.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="num">{signed(r.diff)}</td>
                <td className="num">{formatNumber(r.n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export interface RankRange {
  label: string;
  rank: number;
  best: number;
  worst: number;
}

/** A bar per nominee from its best to its worst rank over the sensitivity variants. */
export function RankRangeChart({
  title,
  rows,
  max,
  labels,
}: {
  title: string;
  rows: RankRange[];
  max: number;
  labels: { rank: string; best: string; worst: string };
}) {
  const rowH = 22;
  const left = 220;
  const width = W - left - 20;
  const x = (r: number) => left + ((r - 1) / Math.max(1, max - 1)) * width;
  const h = rows.length * rowH + 30;
  return (
    <figure className="chart">
      <svg role="img" aria-label={title} viewBox={`0 0 ${W} ${h}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title>{title}</title>
        {[1, Math.ceil(max / 2), max].map((r) => (
          <text key={r} x={x(r)} y={h - 6} textAnchor="middle" className="chart__axis">
            {r}
          </text>
        ))}
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${i * rowH})`}>
            <RowLabel text={r.label} left={left} y={rowH / 2 + 4} />
            <line x1={x(r.best)} x2={x(r.worst)} y1={rowH / 2} y2={rowH / 2} className="chart__range" />
            <circle cx={x(r.rank)} cy={rowH / 2} r={4} className="chart__dot" />
          </g>
        ))}
      </svg>
      <details>
        <summary>{title}</summary>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {labels.rank}
              </th>
              <th scope="col" className="num">
                {labels.best}
              </th>
              <th scope="col" className="num">
                {labels.worst}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatNumber(r.rank)}</td>
                <td className="num">{formatNumber(r.best)}</td>
                <td className="num">{formatNumber(r.worst)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
