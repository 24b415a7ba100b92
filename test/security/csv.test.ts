import { describe, expect, it } from "vitest";
import { toCsv } from "../../app/lib/exports.server";

// Issue 9, item 10: CSV exports. A spreadsheet runs a cell as a formula when its first character
// after leading blanks (space, tab, BOM) is = + - @, so such text cells get a leading quote; a cell
// with a carriage return is quoted (otherwise it splits the record). Numbers stay numbers.

/** The cells of the first record of a one-row CSV (after the BOM, before the record's CRLF). */
const line = (cells: (string | number)[]) => {
  const csv = toCsv([cells]);
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  return csv.slice(1, -2);
};

describe("CSV export", () => {
  it("neutralises formulas behind leading spaces, tabs and a BOM", () => {
    for (const cell of [
      ' =HYPERLINK("http://evil.test")',
      "  +1+1",
      "\t-2+3",
      "\uFEFF@SUM(A1)",
      " \t=cmd|' /C calc'!A0",
      "\u00a0=1+1",
    ]) {
      const out = line([cell]);
      expect(out.replace(/^"/, "").startsWith("'"), JSON.stringify(cell)).toBe(true);
    }
  });

  it("keeps guarding cells that start with a formula character, a tab or a carriage return", () => {
    expect(line(["=1+1"])).toBe("'=1+1");
    expect(line(["@x"])).toBe("'@x");
    expect(line(["-x"])).toBe("'-x");
    expect(line(["\tx"])).toBe("'\tx");
  });

  it("quotes cells holding a carriage return, a line feed, a quote, a comma or a semicolon", () => {
    expect(line(["a\rb", "c"])).toBe('"a\rb",c');
    expect(line(["a\nb"])).toBe('"a\nb"');
    expect(line(['PT "Maju"'])).toBe('"PT ""Maju"""');
    expect(line(["a,b", "a;b"])).toBe('"a,b","a;b"');
  });

  it("writes numbers as numbers (a negative score is not mangled) and plain text as it is", () => {
    expect(line([-3.5, 0, 12.25, "PT Mahakam Energi", ""])).toBe("-3.5,0,12.25,PT Mahakam Energi,");
    // Text that looks like a negative number is text: guarded (it came from a name, not a score).
    expect(line(["-3.5"])).toBe("'-3.5");
  });

  it("writes records with CRLF after a UTF-8 BOM", () => {
    expect(
      toCsv([
        ["a", 1],
        ["b", 2],
      ]),
    ).toBe("\uFEFFa,1\r\nb,2\r\n");
  });
});
