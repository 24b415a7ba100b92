// Rounding rules: comparisons on 6 decimals, reported values on 2 (agreement statistics on 3).

function roundTo(x: number, factor: number): number {
  const r = Math.round(Math.abs(x) * factor) / factor;
  const signed = x < 0 ? -r : r;
  return signed === 0 ? 0 : signed; // never -0
}

/** The value used whenever two numbers are compared. */
export const cmp6 = (x: number): number => roundTo(x, 1e6);
/** A reported score. */
export const report2 = (x: number): number => roundTo(x, 1e2);
/** A reported agreement statistic. */
export const report3 = (x: number): number => roundTo(x, 1e3);

/** Code-unit string order: independent of locale, the same everywhere. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
