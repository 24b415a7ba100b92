import { describe, expect, it } from "vitest";
import { pageWithin, rankingSummary, summariseDistribution } from "../../app/domain/ranking-view";
import type { CategoryResult, RankingEntry } from "../../scoring/index";

// Issue 12, item 3: the ranking page is sent one page of the ranking and summaries whose size
// does not grow with the category.

const entry = (nominee: number, rank: number): RankingEntry => ({
  nominee: String(nominee),
  rank,
  total: 100 - rank,
  reached: "desk",
  stages: { desk: 100 - rank },
  criteria: {},
  flags: [],
});

function result(n: number, ranks = (i: number) => i + 1): CategoryResult {
  return {
    category: "large",
    ranking: Array.from({ length: n }, (_, i) => entry(i + 1, ranks(i))),
    ineligible: Array.from({ length: 250 }, (_, i) => ({ nominee: String(10_000 + i), failed: ["g"] })),
    agreement: {},
    flags: [],
  };
}

const base = { version: 3, rubricId: 1, problems: [], input: null, distribution: [], severity: [] };

describe("pageWithin", () => {
  it("keeps the page within 1..pages, whatever is asked", () => {
    expect(pageWithin(1, 0, 50)).toEqual({ page: 1, pages: 1, from: 0 });
    expect(pageWithin(3, 120, 50)).toEqual({ page: 3, pages: 3, from: 100 });
    expect(pageWithin(9, 120, 50)).toEqual({ page: 3, pages: 3, from: 100 });
    expect(pageWithin(-2, 120, 50).page).toBe(1);
    expect(pageWithin(Number.NaN, 120, 50).page).toBe(1);
    expect(pageWithin(1.5, 120, 50).page).toBe(1);
  });
});

describe("rankingSummary", () => {
  it("sends the page asked for and the places, not the whole ranking", () => {
    const view = rankingSummary({ ...base, result: result(10_000), query: { page: 3, top: 3 } });
    expect(view.total).toBe(10_000);
    expect(view.pages).toBe(200);
    expect(view.rows.map((r) => r.rank)).toEqual(Array.from({ length: 50 }, (_, i) => 101 + i));
    expect(view.top.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(view.ineligible).toHaveLength(200);
    expect(view.ineligibleTotal).toBe(250);
    expect(JSON.stringify(view).length).toBeLessThan(40_000);
  });

  it("names everyone tied on the last place", () => {
    const tied = rankingSummary({
      ...base,
      result: result(6, (i) => [1, 2, 3, 3, 3, 6][i]!),
      query: { page: 1, top: 3 },
    });
    expect(tied.top.map((r) => r.nominee)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("has an empty page 1 of 1 without a result", () => {
    const none = rankingSummary({ ...base, result: null, query: { page: 4, top: 3 } });
    expect(none).toMatchObject({ total: 0, page: 1, pages: 1, rows: [], top: [], ineligibleTotal: 0 });
  });
});

describe("summariseDistribution", () => {
  it("keeps count, lowest, highest and each distinct value once", () => {
    const values = Array.from({ length: 30_000 }, (_, i) => (i % 11) * 10);
    const d = summariseDistribution("c1", values);
    expect(d).toEqual({
      criterion: "c1",
      n: 30_000,
      min: 0,
      max: 100,
      ticks: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    });
  });
});
