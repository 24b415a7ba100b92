// The sane range of every number the input contract accepts (scoring/README.md, "Batas / Bounds").
// Within them every sum, product and quotient of score() stays finite (a weight of 1e308 made
// totals NaN; a weight of 5e-324 times 1 − δ is 0, and 0/0 is NaN too), and comparing at
// 6 decimals stays meaningful. The app's forms check the same limits.
export const LIMITS = {
  /** Stage and criterion weights. */
  weight: { min: 0.001, max: 1000 },
  /** A judged criterion's max (the top of its scale). */
  max: { min: 0.000001, max: 1_000_000 },
  /** A judged criterion's step (optional): from this to max, and max a whole number of steps. */
  step: { min: 0.000001, max: 1_000_000 },
  /** At most this many steps from 0 to max. */
  steps: 1_000_000,
  /** Indicator values, band lower bounds and gate values lie within ± this. */
  value: 1e15,
  /** advance.top, aggregate.trim and aggregate.minPanel are at most this. */
  count: 1_000_000,
  /** method.disagreementSd is at most this (points on 0–100). */
  sd: 100,
} as const;

/** True when max is a whole number (1 to LIMITS.steps) of steps, within rounding (as scores are checked). */
export function stepFits(max: number, step: number): boolean {
  const k = max / step;
  const n = Math.round(k);
  return n >= 1 && n <= LIMITS.steps && Math.abs(k - n) < 1e-9;
}
