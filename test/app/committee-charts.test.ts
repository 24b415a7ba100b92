import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { DistributionChart, RankRangeChart, SeverityChart } from "../../app/components/CommitteeCharts";
import { summariseDistribution } from "../../app/domain/ranking-view";

// Issue 10, item 9a: the tables under the charts write numbers the Indonesian way, as the UI does.

/** The text of a table's body cells with class "num", in order. */
const numCells = (html: string) => [...html.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);

describe("committee chart tables", () => {
  it("write the lowest and highest score with a decimal comma", () => {
    const html = renderToStaticMarkup(
      h(DistributionChart, {
        title: "Sebaran",
        rows: [{ label: "Regulasi", ...summariseDistribution("regulasi", [42, 82.8, 1234.56]) }],
        labels: { min: "Min", max: "Maks", count: "Jumlah" },
      }),
    );
    expect(numCells(html)).toEqual(["3", "42,0", "1.234,6"]);
  });

  it("write an assessor's difference signed, with a decimal comma", () => {
    const html = renderToStaticMarkup(
      h(SeverityChart, {
        title: "Keketatan",
        rows: [
          { label: "Sari", diff: 1.5, n: 12 },
          { label: "Budi", diff: -0.254, n: 1200 },
          { label: "Ani", diff: -0.001, n: 3 },
        ],
        labels: { diff: "Selisih", count: "Jumlah" },
      }),
    );
    expect(numCells(html)).toEqual(["+1,50", "12", "-0,25", "1.200", "0,00", "3"]);
  });

  it("write ranks as whole numbers in Indonesian digits grouping", () => {
    const html = renderToStaticMarkup(
      h(RankRangeChart, {
        title: "Rentang",
        rows: [{ label: "PT A", rank: 1, best: 1, worst: 1500 }],
        max: 1500,
        labels: { rank: "Peringkat", best: "Terbaik", worst: "Terburuk" },
      }),
    );
    expect(numCells(html)).toEqual(["1", "1", "1.500"]);
  });
});
