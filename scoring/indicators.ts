import type { Band } from "./schema";
import { cmp6 } from "./round";

/** Points of the band with the largest `min` that is ≤ value; below every band: 0. */
export function bandPoints(bands: readonly Band[], value: number): number {
  const v = cmp6(value);
  let bestMin = -Infinity;
  let points = 0;
  for (const b of bands) {
    const m = cmp6(b.min);
    if (m <= v && m > bestMin) {
      bestMin = m;
      points = b.points;
    }
  }
  return points;
}
