import { parseNumber } from "./form-number";

// What the − and + buttons of a number field (app/components/NumberStepper.tsx) do to the text in
// it. Pure, so the browser and the tests share it. Values lie on the grid min, min + step, … up to
// max; the arithmetic counts steps in whole numbers and rounds to the step's decimals, so 0.1 + 0.2
// gives "0,3", never "0,30000000000000004".

export interface StepScale {
  min: number;
  max: number;
  step: number;
}

/** Decimal places of a number as written ("0.25" → 2; 1e-7 → 7). */
function decimals(n: number): number {
  const [mantissa = "", exponent] = String(n).split("e");
  const frac = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, frac - (exponent ? Number(exponent) : 0));
}

/**
 * The value one step up (+1) or down (−1) from the typed text: from a value between grid points to
 * the next one in that direction; from an empty or unreadable field, + starts at min and − at the
 * top of the scale; always within [min, the highest grid value ≤ max].
 */
export function stepFrom(text: string, direction: 1 | -1, { min, max, step }: StepScale): number {
  const s = step > 0 ? step : 1;
  const places = Math.max(decimals(s), decimals(min));
  const at = (k: number) => Number((min + k * s).toFixed(places));
  // Whole steps from min to the top of the scale (a tolerance for max = 10, step = 0.1).
  const top = Math.floor((max - min) / s + 1e-9);
  const current = parseNumber(text);
  if (current === null) return direction > 0 ? at(0) : at(top);
  const k = (current - min) / s;
  const next = direction > 0 ? Math.floor(k + 1e-9) + 1 : Math.ceil(k - 1e-9) - 1;
  return at(Math.min(top, Math.max(0, next)));
}

/** A value as the field shows it: Indonesian decimal comma, no thousands grouping ("82,5"). */
export function stepText(n: number): string {
  return String(n).replace(".", ",");
}
