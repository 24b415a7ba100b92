// The one reader of numbers typed into a form (figures, scores, rubric weights and bands). The
// app writes numbers the Indonesian way (formatNumber: "1.234,5"), so what it shows must read back
// unchanged, and a plain "82.8" must still mean 82,8:
//   - a comma is the decimal mark; with a comma, dots (or spaces) can only group thousands;
//   - without a comma, dots or spaces that form thousands groups ("1.234", "838.000.000",
//     "1 234") group thousands; any other single dot is a decimal point ("82.8", "0.125");
//   - an optional "Rp" prefix and a leading minus; nothing else ("1,234.5" and "1.2.3" are refused).
// One leftover ambiguity is decided for Indonesian: "2.125" is 2125, never 2,125.

const GROUPED = /^[1-9]\d{0,2}(?:([. ])\d{3})(?:\1\d{3})*$/;
const PLAIN = /^\d+$/;

function integerPart(s: string): string | null {
  if (PLAIN.test(s)) return s;
  return GROUPED.test(s) ? s.replace(/[. ]/g, "") : null;
}

/** A number as people type it (see above), or null when the text is not one. */
export function parseNumber(text: string): number | null {
  let s = text.trim().replace(/^rp\.?\s*/i, "");
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  let int: string | null;
  let frac = "";
  const comma = s.indexOf(",");
  if (comma >= 0) {
    int = integerPart(s.slice(0, comma));
    frac = s.slice(comma + 1);
  } else if (GROUPED.test(s)) {
    int = integerPart(s);
  } else {
    const dot = s.split(".");
    if (dot.length > 2) return null;
    int = PLAIN.test(dot[0] ?? "") ? (dot[0] ?? null) : null;
    frac = dot[1] ?? "";
    if (dot.length === 2 && !frac) return null;
  }
  if (int === null || (frac !== "" && !PLAIN.test(frac)) || (comma >= 0 && !frac)) return null;
  const n = Number(frac ? `${int}.${frac}` : int);
  if (!Number.isFinite(n)) return null;
  return negative && n !== 0 ? -n : n;
}

/** A whole number as people type it ("1.250", "Rp 838.000.000", "1 234"), or null. */
export function parseWholeNumber(text: string): number | null {
  const n = parseNumber(text);
  return n !== null && Number.isInteger(n) ? n : null;
}
