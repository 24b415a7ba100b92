import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate, formatNumber, formatPercent, formatRupiah } from "../../app/i18n/format";

// Building an Intl formatter costs far more than using one (issue 12): app/i18n/format.ts builds
// each option set once. The output stays that of a formatter built afresh.

afterEach(() => vi.restoreAllMocks());

describe("Intl formatters are built once per option set", () => {
  it("formats a page's worth of numbers, rupiah and dates with a handful of formatters", () => {
    const numberFormats = vi.spyOn(Intl, "NumberFormat");
    const dateFormats = vi.spyOn(Intl, "DateTimeFormat");
    const texts: string[] = [];
    for (let i = 0; i < 200; i++) {
      texts.push(formatNumber(i * 1234.5, 1), formatNumber(i), formatPercent(i / 3, 2), formatRupiah(i * 1e6));
      texts.push(formatDate(new Date(Date.UTC(2024, 0, 1 + i)).toISOString(), i % 2 ? "en" : "id", i % 3 === 0));
    }
    // Number sets: (1,1), (0,0), (0,2), rupiah; date sets: two languages × with/without time.
    expect(numberFormats.mock.calls.length).toBeLessThanOrEqual(4);
    expect(dateFormats.mock.calls.length).toBeLessThanOrEqual(4);
    expect(texts).toContain("1.234,5");
  });

  it("gives the same text as a formatter built for the call", () => {
    const fresh = (n: number, min: number, max: number) =>
      new Intl.NumberFormat("id-ID", { minimumFractionDigits: min, maximumFractionDigits: max }).format(n);
    for (const [n, min, max] of [
      [1234.5, 1, 1],
      [1234.5, 0, 0],
      [0.125, 0, 2],
      [-42.25, 2, 2],
    ] as const) {
      expect(formatNumber(n, min, max)).toBe(fresh(n, min, max));
    }
    const date = (locale: string, withTime: boolean) =>
      new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "Asia/Jakarta",
        ...(withTime ? { hour: "2-digit", minute: "2-digit", hour12: false } : {}),
      }).format(new Date("2024-08-16T20:30:00Z"));
    expect(formatDate("2024-08-16T20:30:00Z", "id")).toBe(date("id-ID", false));
    expect(formatDate("2024-08-16T20:30:00Z", "en", true)).toBe(`${date("en-GB", true)} WIB`);
    expect(formatDate("2024-08-16T20:30:00Z", "id", true)).toBe(`${date("id-ID", true)} WIB`);
  });
});
