// The self-assessment figures an entrant gives, and the rubric indicators derived from them.
// Indicators are never typed in: they are computed here, so that the portal, the seed and
// the committee all see the same numbers.

import { LIMITS } from "./limits";

export type CategoryGroup = "government" | "company";

export const PROGRAMMES = ["jkk", "jkm", "jht", "jp", "jkp"] as const;
export type Programme = (typeof PROGRAMMES)[number];

export const GOVERNMENT_FIGURES = [
  "workforce", // workers in the region
  "pu_covered", // wage earners (penerima upah) covered
  "bpu_covered", // non-wage earners (bukan penerima upah) covered
  "employers_registered",
  "non_asn_staff",
  "non_asn_all_four", // non-ASN staff enrolled in JKK, JKM, JHT and JP
  "vulnerable_apbd_workers", // vulnerable workers whose contributions the APBD pays
  "vulnerable_apbd_amount", // rupiah
] as const;

export const COMPANY_FIGURES = [
  "workers",
  "workers_registered",
  ...PROGRAMMES.map((p) => `programme_${p}` as const), // 1 enrolled, 0 not
  "months_on_time", // of the 12 months of the assessment year
  "months_arrears", // months in arrears at the assessment date
  "wages_reported", // rupiah per month
  "wages_paid", // rupiah per month
  "accidents_reported",
] as const;

/** Every figure an entrant can give, of either group. */
export type FigureKey = (typeof GOVERNMENT_FIGURES)[number] | (typeof COMPANY_FIGURES)[number];
/** A programme flag (1 enrolled, 0 not): ticked, not typed, and never missing. */
export type ProgrammeFlagKey = `programme_${Programme}`;
/** A figure typed as a number, required before submission. */
export type NumericFigureKey = Exclude<FigureKey, ProgrammeFlagKey>;

export function isProgrammeFlag(key: FigureKey): key is ProgrammeFlagKey {
  return key.startsWith("programme_");
}

export type Figures = Record<string, number | undefined>;

export function categoryGroup(category: string): CategoryGroup {
  return category === "province" || category === "regency_city" || category === "village" ? "government" : "company";
}

const pct = (part: number | undefined, whole: number | undefined) =>
  part === undefined || whole === undefined || whole <= 0 ? undefined : (100 * part) / whole;

/**
 * Indicators (name → value) derived from the figures; an indicator whose figures are missing is
 * left out, and so is one beyond the contract's ±LIMITS.value (an absurd ratio, e.g. of a wage of
 * Rp 1 paid), which would otherwise make the category's input refused.
 */
export function deriveIndicators(group: CategoryGroup, f: Figures, regulationsInForce = 0): Record<string, number> {
  const out: Record<string, number | undefined> =
    group === "government"
      ? {
          coverage_pct: pct(sum(f.pu_covered, f.bpu_covered), f.workforce),
          non_asn_pct: pct(f.non_asn_all_four, f.non_asn_staff),
          vulnerable_workers: f.vulnerable_apbd_workers,
          regulations: regulationsInForce,
        }
      : {
          coverage_pct: pct(f.workers_registered, f.workers),
          programmes: PROGRAMMES.every((p) => f[`programme_${p}`] === undefined)
            ? undefined
            : PROGRAMMES.filter((p) => f[`programme_${p}`] === 1).length,
          on_time_months: f.months_on_time,
          arrears_months: f.months_arrears,
          wage_ratio_pct: pct(f.wages_reported, f.wages_paid),
        };
  return Object.fromEntries(
    Object.entries(out).filter(
      (e): e is [string, number] => e[1] !== undefined && Number.isFinite(e[1]) && Math.abs(e[1]) <= LIMITS.value,
    ),
  );
}

function sum(a: number | undefined, b: number | undefined) {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}
