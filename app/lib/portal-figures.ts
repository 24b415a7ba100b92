import {
  COMPANY_FIGURES,
  GOVERNMENT_FIGURES,
  isProgrammeFlag,
  PROGRAMMES,
  type CategoryGroup,
  type FigureKey,
  type NumericFigureKey,
  type ProgrammeFlagKey,
} from "../../scoring/figures";
import { bandOf } from "../../scoring/indicators";

// The self-assessment form: which figures each category group gives and how they are typed. Pure
// (runs on server and client); the zod schema that refuses impossible figures next to the field is
// app/lib/figures-form.server.ts.

export type FigureKind = "count" | "rupiah" | "months" | "flag";
export type FigureField =
  { key: NumericFigureKey; kind: Exclude<FigureKind, "flag"> } | { key: ProgrammeFlagKey; kind: "flag" };

const figureField = (key: FigureKey): FigureField =>
  isProgrammeFlag(key)
    ? { key, kind: "flag" }
    : {
        key,
        kind:
          key === "vulnerable_apbd_amount" || key.startsWith("wages_")
            ? "rupiah"
            : key.startsWith("months_")
              ? "months"
              : "count",
      };

export const FIGURE_FIELDS: Record<CategoryGroup, FigureField[]> = {
  government: GOVERNMENT_FIGURES.map(figureField),
  company: COMPANY_FIGURES.map(figureField),
};

/** The kind of a figure (count, rupiah, months or a yes/no programme flag), by its key. */
export function figureKind(key: string): FigureKind | undefined {
  return [...FIGURE_FIELDS.government, ...FIGURE_FIELDS.company].find((f) => f.key === key)?.kind;
}

export const REGULATION_TYPES = ["perda", "pergub", "perbup", "perwali", "other"] as const;
export const REGULATION_ROWS_EXTRA = 2;
export const MAX_REGULATIONS = 20;
/** The largest figure the form takes (a sanity bound, far above any real count or rupiah amount). */
export const MAX_FIGURE = 1e15;

export interface RegulationInput {
  type: (typeof REGULATION_TYPES)[number];
  number: string;
  year: number;
  title: string | null;
}

export interface FiguresFormData {
  version: number;
  figures: Record<string, number | undefined>;
  regulations: RegulationInput[];
}

/** The rubric band an indicator value falls into (the scoring module's rule), or null. */
export function bandFor(bands: { min: number; points: number }[], value: number | undefined) {
  return value === undefined ? null : (bandOf(bands, value) ?? null);
}

export { PROGRAMMES };
