import { describe, expect, it } from "vitest";
import { parseNumber, parseWholeNumber, readWholeNumber } from "../../app/lib/form-number";
import { parseForm } from "../../app/lib/forms";
import { figuresSchema } from "../../app/lib/figures-form.server";
import { translator } from "../../app/i18n";
import { formatNumber, formatRupiah } from "../../app/i18n/format";

describe("parseNumber", () => {
  it("reads the Indonesian way: comma decimal, dot or space thousands", () => {
    expect(parseNumber("82,80")).toBe(82.8);
    expect(parseNumber("1.234,5")).toBe(1234.5);
    expect(parseNumber("1 234,5")).toBe(1234.5);
    expect(parseNumber("838.000.000")).toBe(838_000_000);
    expect(parseNumber("Rp 838.000.000")).toBe(838_000_000);
    expect(parseWholeNumber("Rp. 1.500")).toBe(1500);
    expect(parseNumber("0,125")).toBe(0.125);
  });

  it("reads plain numbers with a decimal point", () => {
    expect(parseNumber("82.8")).toBe(82.8);
    expect(parseNumber(" 42 ")).toBe(42);
    expect(parseNumber("0.125")).toBe(0.125);
    expect(parseNumber("12.34")).toBe(12.34);
    // A single dot is a decimal point where decimals are allowed (as a number input sends it)…
    expect(parseNumber("2.125")).toBe(2.125);
    expect(parseNumber("1.234")).toBe(1.234);
    expect(parseNumber("1234.5")).toBe(1234.5);
    expect(parseNumber("-3")).toBe(-3);
    expect(parseNumber("-2,5")).toBe(-2.5);
    expect(parseNumber("-0")).toBe(0);
  });

  it("refuses what is not one number", () => {
    for (const text of [
      "",
      " ",
      "abc",
      "1,234.5",
      "1.2.3",
      "1,2,3",
      "12.34,5",
      "1 2 3",
      "1.234 567",
      "1.23,4",
      ".5",
      "5.",
      ",5",
      "5,",
      "1e3",
      "0x10",
      "+-1",
      "Infinity",
      "1.23.456",
    ]) {
      expect(parseNumber(text), text).toBeNull();
    }
  });

  it("reads back every number the app writes in a field", () => {
    for (const n of [0, 1, 7.5, 82.8, 100, 1234, 1234.5, 2.125, 838_000_000, 0.001, 999_999.999_999, -12.25, 1e-6]) {
      expect(parseNumber(formatNumber(n, 0, 6).replace(/\./g, "")), String(n)).toBe(n);
      expect(parseNumber(String(n)), String(n)).toBe(n);
    }
    for (const n of [0, 1, 1234, 838_000_000, 1e15]) expect(parseWholeNumber(formatNumber(n)), String(n)).toBe(n);
    expect(parseWholeNumber(formatRupiah(838_000_000).replace(/\u00a0/g, " "))).toBe(838_000_000);
  });
});

describe("parseWholeNumber", () => {
  it("takes whole numbers only", () => {
    // …and can only group thousands in a whole number, as formatNumber writes it.
    expect(parseWholeNumber("1.250")).toBe(1250);
    expect(parseWholeNumber("Rp 838.000.000")).toBe(838_000_000);
    expect(parseWholeNumber("1 234")).toBe(1234);
    expect(parseWholeNumber("-3")).toBe(-3);
    expect(parseWholeNumber("1,5")).toBeNull();
    expect(parseWholeNumber("12.5")).toBeNull();
    // A comma is the Indonesian decimal mark, never a thousands separator.
    expect(parseWholeNumber("1,234")).toBeNull();
    expect(parseWholeNumber("abc")).toBeNull();
  });
});

// Issue 10, item 9a: a whole number that is only too large was told "Masukkan bilangan bulat".
describe("readWholeNumber", () => {
  it("reads whole numbers within the bound, and says why not otherwise", () => {
    expect(readWholeNumber("1.250", 1e15)).toEqual({ ok: true, value: 1250 });
    expect(readWholeNumber("1.000.000.000.000.000", 1e15)).toEqual({ ok: true, value: 1e15 });
    expect(readWholeNumber("1.000.000.000.000.001", 1e15)).toEqual({ ok: false, reason: "too_large" });
    // Hundreds of digits are beyond a double, yet still a whole number: too large, not malformed.
    expect(readWholeNumber("9".repeat(400), 1e15)).toEqual({ ok: false, reason: "too_large" });
    expect(readWholeNumber("12,5", 1e15)).toEqual({ ok: false, reason: "not_whole" });
    expect(readWholeNumber("abc", 1e15)).toEqual({ ok: false, reason: "not_whole" });
    // The plain readers keep answering null beyond a double.
    expect(parseWholeNumber("9".repeat(400))).toBeNull();
    expect(parseNumber("9".repeat(400))).toBeNull();
  });

  it("the figures form says a too-large figure is too large, with the maximum written the Indonesian way", () => {
    const form = new FormData();
    form.set("version", "1");
    form.set("workers", "9".repeat(400));
    form.set("workers_registered", "2.000.000.000.000.000");
    form.set("months_on_time", "12,5");
    const id = parseForm(figuresSchema("company"), form, translator("id"));
    expect(id.ok).toBe(false);
    if (id.ok) return;
    expect(id.errors.workers).toBe("Angka terlalu besar; paling besar 1.000.000.000.000.000.");
    expect(id.errors.workers_registered).toBe("Angka terlalu besar; paling besar 1.000.000.000.000.000.");
    expect(id.errors.months_on_time).toContain("Masukkan bilangan bulat");
    const en = parseForm(figuresSchema("company"), form, translator("en"));
    expect(en.ok ? null : en.errors.workers).toBe("The number is too large; at most 1.000.000.000.000.000.");
  });
});
