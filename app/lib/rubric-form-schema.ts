import { z } from "zod";
import { LIMITS, stepFits } from "../../scoring/index";
import type { FieldErrors } from "./forms";
import { parseNumber } from "./form-number";
import { ADVANCE_RULES, GATE_OPERATORS } from "./rubric-form-fields";

// The rubric form's own checks (zod), over the model's strings; messages are message keys
// (`form.*`, `rubricForm.*`). Numbers are read by the one form-number reader.

/** A number as typed (form-number.ts), NaN when it is none: the checks below then fail on it. */
export const formNumber = (s: string): number => parseNumber(s) ?? Number.NaN;

const required = z.string().trim().min(1, "form.required");
const number = required.refine((s) => !Number.isNaN(formNumber(s)), "rubricForm.number");
const positive = number.refine((s) => formNumber(s) > 0, "rubricForm.positive");
// The scoring contract's ranges (scoring/limits.ts), checked here too so that they are reported at
// their fields together with the form's other errors.
const within = (s: string, r: { min: number; max: number }) => formNumber(s) >= r.min && formNumber(s) <= r.max;
const weight = positive.refine((s) => within(s, LIMITS.weight), "rubricForm.weightRange");
const value = number.refine((s) => within(s, { min: -LIMITS.value, max: LIMITS.value }), "rubricForm.valueRange");
const points = number.refine((s) => formNumber(s) >= 0 && formNumber(s) <= 100, "rubricForm.points");
const name = required.max(200, "rubricForm.tooLong");
export const identifier = required.regex(/^[a-z][a-z0-9_]{0,39}$/, "rubricForm.identifier");

export const stageSchema = z
  .object({ weight, advance: z.enum(ADVANCE_RULES), advanceValue: z.string() })
  .superRefine((s, ctx) => {
    if (s.advance === "none") return;
    const v = formNumber(s.advanceValue);
    const ok = s.advance === "top" ? Number.isInteger(v) && v >= 1 && v <= LIMITS.count : v >= 0 && v <= 100;
    if (!s.advanceValue.trim()) ctx.addIssue({ code: "custom", path: ["advanceValue"], message: "form.required" });
    else if (!ok)
      ctx.addIssue({
        code: "custom",
        path: ["advanceValue"],
        message: s.advance === "top" ? "rubricForm.top" : "rubricForm.minScore",
      });
  });

const bandsSchema = z.array(z.object({ min: z.string(), points: z.string() })).superRefine((rows, ctx) => {
  let filled = 0;
  rows.forEach((b, j) => {
    if (!b.min.trim() && !b.points.trim()) return; // an empty row is dropped
    filled++;
    const min = value.safeParse(b.min);
    if (!min.success) ctx.addIssue({ code: "custom", path: [j, "min"], message: min.error.issues[0]!.message });
    const p = points.safeParse(b.points);
    if (!p.success) ctx.addIssue({ code: "custom", path: [j, "points"], message: p.error.issues[0]!.message });
  });
  if (filled === 0) ctx.addIssue({ code: "custom", path: [], message: "rubricForm.bandsRequired" });
});

export const judgedSchema = z
  .object({
    nameId: name,
    nameEn: name,
    weight,
    max: positive.refine((s) => within(s, LIMITS.max), "rubricForm.maxRange"),
    step: z
      .string()
      .refine((s) => !s.trim() || formNumber(s) > 0, "rubricForm.positive")
      .refine((s) => !s.trim() || within(s, LIMITS.step), "rubricForm.stepRange"),
  })
  .refine((c) => !c.step.trim() || stepFits(formNumber(c.max), formNumber(c.step)), {
    path: ["step"],
    message: "rubricForm.stepFit",
  });
export const indicatorSchema = z.object({
  nameId: name,
  nameEn: name,
  weight,
  indicator: identifier,
  bands: bandsSchema,
});
/** The minimum provincial total: empty (no minimum) or a number from 0 to 100. */
export const priorMinScore = z
  .string()
  .refine((s) => !s.trim() || (formNumber(s) >= 0 && formNumber(s) <= 100), "rubricForm.priorMinRange");
export const gateSchema = z.object({ indicator: identifier, op: z.enum(GATE_OPERATORS, "form.invalid"), value });

/** Adds the issues of a parse to `errors`, each at its field name (`prefix.` + its path), the first one per field. */
export function collect(errors: FieldErrors, prefix: string, result: z.ZodSafeParseResult<unknown>) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    errors[field] ??= issue.message;
  }
}
