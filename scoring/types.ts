// The output contract of docs/scoring-contract.md. Key order of every object is fixed by the code that builds it.

export interface JudgedCriterionResult {
  /** Panel aggregate of the (calibrated) scores on 0–100, rounded to 2 decimals. */
  value: number;
  /** Number of scores aggregated. */
  panel: number;
  /** Population standard deviation of the (calibrated) scores on 0–100, rounded to 2 decimals. */
  sd: number;
}

export interface IndicatorCriterionResult {
  /** Band points (0–100). */
  value: number;
  /** The nominee's indicator value as given, or null when missing. */
  indicator: number | null;
}

export type CriterionResult = JudgedCriterionResult | IndicatorCriterionResult;

export interface RankingEntry {
  nominee: string;
  rank: number;
  total: number;
  /** Id of the last stage the nominee took part in. */
  reached: string;
  /** Score per stage (0 for stages not reached), rubric order. */
  stages: Record<string, number>;
  /** Criteria of the stages the nominee reached, rubric order. */
  criteria: Record<string, CriterionResult>;
  flags: string[];
  /** [best, worst] rank over the base result and all sensitivity variants (only with sensitivity). */
  rankRange?: [number, number];
  /**
   * Contract 2 with sensitivity: the nominee's rank in the variant `without:<assessor>`, for each
   * assessor with a counted score of it; keys sorted by UTF-16 code units (§13).
   */
  rankWithout?: Record<string, number>;
}

export interface IneligibleEntry {
  nominee: string;
  /**
   * Ids of the gates failed, rubric order; then "prior" when below `rubric.prior.minScore` (§1);
   * then "override" when an override excludes it (§15).
   */
  failed: string[];
}

export interface StageAgreement {
  /** Assessors in the complete block. */
  assessors: number;
  /** Nominees taking part in the stage. */
  nominees: number;
  icc2_1: number | null;
  icc2_k: number | null;
  kendallW: number | null;
  /** Contract 2 only: one-way random effects over the stage's participants with ≥ 2 complete sheets (§12). */
  oneWay?: OneWayAgreement;
}

/** Shrout & Fleiss case 1 (one-way random effects, unbalanced) over one stage (§12). */
export interface OneWayAgreement {
  /** Targets: participants with at least two complete sheets. */
  nominees: number;
  /** k̄, the adjusted mean panel size (3 decimals); null with fewer than 2 targets. */
  panelSize: number | null;
  icc1_1: number | null;
  icc1_k: number | null;
}

export interface SensitivityChange {
  variant: string;
  winners: string[];
}

export interface SensitivityResult {
  winnerStable: boolean;
  changes: SensitivityChange[];
}

export interface CategoryResult {
  category: string;
  ranking: RankingEntry[];
  ineligible: IneligibleEntry[];
  agreement: Record<string, StageAgreement>;
  flags: string[];
  sensitivity?: SensitivityResult;
}

export interface ScoringResult {
  categories: CategoryResult[];
}
