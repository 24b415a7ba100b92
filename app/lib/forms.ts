import type { z } from "zod";
import { isMessageKey, type Params, type T } from "~/i18n";

// Repeated fields (rows of a form) are named `<list>.<index>.<field>`, e.g. `regulations.0.type`,
// `criteria.2.bands.1.min`: the path of the value in the parsed object, dots between the parts.
// That is also how zod reports the path of a problem (joined with dots below), so an error's key
// is the name of the field it belongs to, and formValues() nests such names into arrays for the
// schema (z.array of z.object). Element ids replace the dots with dashes (fieldId). Paths in the
// scoring contract (`rubric.criteria[2].max`) are data paths, not field names; the rubric editor
// maps them to its fields (fieldForPath).

export type FieldErrors = Record<string, string>;

/** The element id of a field: `f-` and its name, dots made dashes (`f-regulations-0-type`). */
export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

const INDEX = /^(?:0|[1-9]\d{0,2})$/; // up to 999 rows: a posted index never makes a huge array
const UNSAFE = new Set(["__proto__", "prototype", "constructor"]);
type Nested = Record<string, unknown> | unknown[];

/**
 * The submitted strings as the schema reads them: `a.0.b` nests into `{ a: [{ b }] }` (indices
 * 0–999; a name that does not fit the shape already built is dropped); as with
 * Object.fromEntries, a name given twice keeps its last value (read groups with form.getAll).
 */
export function formValues(form: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const parts = name.split(".");
    if (parts.some((p) => p === "" || UNSAFE.has(p))) continue;
    let node: Nested = root;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i]!;
      const isIndex = INDEX.test(key);
      if (Array.isArray(node) !== isIndex) break;
      const at = node as Record<string, unknown>;
      if (i === parts.length - 1) {
        if (typeof at[key] !== "object") at[key] = value;
        break;
      }
      const nextIsIndex = INDEX.test(parts[i + 1]!);
      if (at[key] === undefined) at[key] = nextIsIndex ? [] : {};
      const next = at[key];
      if (typeof next !== "object" || next === null) break;
      node = next as Nested;
    }
  }
  return root;
}

export type FormResult<S extends z.ZodType> =
  { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Parses a submitted form with its zod schema. Error messages in the schemas are message keys
 * (e.g. `{ error: "login.emailInvalid" }`); they are translated here, one per field, and the
 * submitted values are returned so that the page can show them again.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, t: T): FormResult<S> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in values)) values[k] = v;
  const parsed = schema.safeParse(formValues(form));
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_form";
    if (errors[field]) continue;
    // A custom issue may carry the values its text names (`params: { max: "1.000" }`).
    const params = issue.code === "custom" ? (issue.params as Params | undefined) : undefined;
    errors[field] = isMessageKey(issue.message) ? t(issue.message, params) : t("form.invalid");
  }
  // Never send passwords back to the page.
  delete values.password;
  return { ok: false, errors, values };
}
