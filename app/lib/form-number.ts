// The one reader of numbers typed into a form (figures, scores, rubric weights and bands). The
// app writes numbers the Indonesian way (formatNumber: "1.234,5"); browsers' number inputs and
// older habits write "82.8". Both read alike:
//   - a comma is the decimal mark; with a comma, dots (or spaces) can only group thousands;
//   - spaces, or more than one dot, in thousands groups group thousands ("1 234", "838.000.000");
//   - a single dot is a decimal point ("82.8", "2.125"), except in a whole number, where it can
//     only group thousands ("1.250" figures are 1250, as formatNumber writes them);
//   - an optional "Rp" prefix and a leading minus; nothing else ("1,234.5", "1.2.3" are refused).
// So a decimal field is filled with String(n) (or "1234,5"), never with a grouped "1.234".
// A well-formed number too large for a double (hundreds of digits) is not a typing mistake: the
// whole-number reading says it is too large, not that it is no number.

const GROUPED = /^[1-9]\d{0,2}(?:([. ])\d{3})(?:\1\d{3})*$/;
const PLAIN = /^\d+$/;

/** The number, ±Infinity when well-formed but beyond a double, or null when the text is not one. */
function read(text: string, whole: boolean): number | null {
  let s = text.trim().replace(/^rp\.?\s*/i, "");
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1);
  let int = s;
  let frac = "";
  const parts = s.split(",");
  if (parts.length > 2) return null;
  if (parts.length === 2) [int = "", frac = ""] = parts;
  else if (!whole && /^\d+\.\d+$/.test(s)) [int = "", frac = ""] = s.split(".");
  if (!(PLAIN.test(int) || GROUPED.test(int)) || (parts.length === 2 && !PLAIN.test(frac))) return null;
  const n = Number(`${int.replace(/[. ]/g, "")}${frac ? `.${frac}` : ""}`);
  if (Number.isNaN(n) || (whole && Number.isFinite(n) && !Number.isInteger(n))) return null;
  return negative && n !== 0 ? -n : n;
}

const finite = (n: number | null) => (n !== null && Number.isFinite(n) ? n : null);

/** A number as people type it (see above), or null when the text is not one. */
export function parseNumber(text: string): number | null {
  return finite(read(text, false));
}

/** A whole number as people type it ("1.250", "Rp 838.000.000", "1 234"), or null. */
export function parseWholeNumber(text: string): number | null {
  return finite(read(text, true));
}

export type WholeNumberReading = { ok: true; value: number } | { ok: false; reason: "not_whole" | "too_large" };

/** A whole number as people type it, or why not: not one, or beyond ±`max` (however many digits). */
export function readWholeNumber(text: string, max: number): WholeNumberReading {
  const n = read(text, true);
  if (n === null) return { ok: false, reason: "not_whole" };
  if (Math.abs(n) > max) return { ok: false, reason: "too_large" };
  return { ok: true, value: n };
}
