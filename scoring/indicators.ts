import type { Band } from "./schema";
import { cmp6 } from "./round";

/** The band with the largest `min` that is ≤ value (compared at 6 decimals), or undefined below every band. */
export function bandOf<B extends Band>(bands: readonly B[], value: number): B | undefined {
  const v = cmp6(value);
  let best: B | undefined;
  let bestMin = -Infinity;
  for (const b of bands) {
    const m = cmp6(b.min);
    if (m <= v && m > bestMin) {
      bestMin = m;
      best = b;
    }
  }
  return best;
}

/** The nominee's own value of an indicator; null when missing (never an inherited property). */
export function indicatorOf(indicators: Record<string, number | null> | undefined, key: string): number | null {
  if (indicators === undefined || !Object.hasOwn(indicators, key)) return null;
  const v = indicators[key];
  return typeof v === "number" ? v : null;
}
