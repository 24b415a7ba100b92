import { z } from "zod";
import type { CategoryGroup } from "../../scoring/figures";
import { formatNumber } from "../i18n/format";
import { readWholeNumber } from "./form-number";
import {
  FIGURE_FIELDS,
  MAX_FIGURE,
  MAX_REGULATIONS,
  REGULATION_TYPES,
  type FigureKind,
  type FiguresFormData,
  type RegulationInput,
} from "./portal-figures";

// The schema of the self-assessment form (the fields themselves are app/lib/portal-figures.ts):
// blank fields are allowed while the entry is a draft (the checklist shows what is still missing);
// what is typed must be possible. Server-only, so that zod stays out of the page's bundle.

const numberField = (kind: FigureKind) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      const read = readWholeNumber(v, MAX_FIGURE);
      if (!read.ok && read.reason === "too_large") {
        // The maximum in the Indonesian way (1.000.000.000.000.000), filled in by parseForm.
        ctx.addIssue({
          code: "custom",
          message: "portal.figures.error.tooLarge",
          params: { max: formatNumber(MAX_FIGURE) },
        });
        return z.NEVER;
      }
      if (!read.ok) {
        ctx.addIssue({ code: "custom", message: "portal.figures.error.notWhole" });
        return z.NEVER;
      }
      const n = read.value;
      if (n < 0) {
        ctx.addIssue({ code: "custom", message: "portal.figures.error.negative" });
        return z.NEVER;
      }
      if (kind === "months" && n > 12) {
        ctx.addIssue({ code: "custom", message: "portal.figures.error.months" });
        return z.NEVER;
      }
      return n;
    });

const flagField = z
  .string()
  .optional()
  .transform((v) => (v === "1" || v === "on" ? 1 : 0));

// One regulation row (`regulations.<i>.type` …, the repeated-field convention of app/lib/forms.ts);
// a row left blank is skipped.
const regulationRow = (thisYear: number) =>
  z
    .object({
      type: z.string().trim().default(""),
      number: z.string().trim().max(60, { error: "portal.figures.error.regNumber" }).default(""),
      year: z.string().trim().default(""),
      title: z.string().trim().max(300, { error: "portal.figures.error.regTitle" }).default(""),
    })
    .superRefine((r, ctx) => {
      if (!r.type && !r.number && !r.year) return;
      if (!(REGULATION_TYPES as readonly string[]).includes(r.type))
        ctx.addIssue({ code: "custom", path: ["type"], message: "portal.figures.error.regType" });
      if (!r.number) ctx.addIssue({ code: "custom", path: ["number"], message: "portal.figures.error.regNumber" });
      const y = Number(r.year);
      if (!/^\d{4}$/.test(r.year) || y < 1945 || y > thisYear)
        ctx.addIssue({ code: "custom", path: ["year"], message: "portal.figures.error.regYear" });
    });

/** The figures form of a category group (one schema; errors are message keys). */
export function figuresSchema(group: CategoryGroup, thisYear = new Date().getFullYear()) {
  const shape: Record<string, z.ZodType> = {
    version: z.coerce
      .number({ error: "portal.figures.error.version" })
      .int()
      .positive({ error: "portal.figures.error.version" }),
  };
  for (const f of FIGURE_FIELDS[group]) shape[f.key] = f.kind === "flag" ? flagField : numberField(f.kind);
  if (group === "government") shape.regulations = z.array(regulationRow(thisYear)).max(MAX_REGULATIONS).default([]);
  return z
    .object(shape)
    .superRefine((raw, ctx) => {
      const v = raw as Record<string, unknown>;
      const num = (k: string) => (typeof v[k] === "number" ? (v[k] as number) : undefined);
      const over = (part: number | undefined, whole: number | undefined) =>
        part !== undefined && whole !== undefined && part > whole;
      if (group === "company") {
        if (over(num("workers_registered"), num("workers")))
          ctx.addIssue({
            code: "custom",
            path: ["workers_registered"],
            message: "portal.figures.error.registeredOverWorkers",
          });
        const onTime = num("months_on_time");
        const arrears = num("months_arrears");
        if (onTime !== undefined && arrears !== undefined && onTime + arrears > 12) {
          ctx.addIssue({ code: "custom", path: ["months_arrears"], message: "portal.figures.error.monthsSum" });
        }
      } else {
        const pu = num("pu_covered");
        const bpu = num("bpu_covered");
        if ((pu !== undefined || bpu !== undefined) && over((pu ?? 0) + (bpu ?? 0), num("workforce"))) {
          ctx.addIssue({
            code: "custom",
            path: [bpu !== undefined ? "bpu_covered" : "pu_covered"],
            message: "portal.figures.error.coveredOverWorkforce",
          });
        }
        if (over(num("non_asn_all_four"), num("non_asn_staff")))
          ctx.addIssue({
            code: "custom",
            path: ["non_asn_all_four"],
            message: "portal.figures.error.allFourOverStaff",
          });
        if (
          num("vulnerable_apbd_amount") !== undefined &&
          num("vulnerable_apbd_amount")! > 0 &&
          num("vulnerable_apbd_workers") === 0
        ) {
          ctx.addIssue({
            code: "custom",
            path: ["vulnerable_apbd_workers"],
            message: "portal.figures.error.amountWithoutWorkers",
          });
        }
      }
    })
    .transform((raw): FiguresFormData => {
      const v = raw as Record<string, unknown>;
      const figures: Record<string, number | undefined> = {};
      for (const f of FIGURE_FIELDS[group]) figures[f.key] = v[f.key] as number | undefined;
      const rows = (v.regulations ?? []) as { type: string; number: string; year: string; title: string }[];
      const regulations = rows
        .filter((r) => r.type)
        .map((r) => ({
          type: r.type as RegulationInput["type"],
          number: r.number,
          year: Number(r.year),
          title: r.title || null,
        }));
      return { version: v.version as number, figures, regulations };
    });
}
