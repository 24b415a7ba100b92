import type { z } from "zod";
import { messages, type MessageKey } from "~/i18n/messages";
import type { T } from "~/i18n";

export type FieldErrors = Record<string, string>;

export type FormResult<S extends z.ZodType> =
  | { ok: true; data: z.output<S> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Parses a submitted form with its zod schema. Error messages in the schemas are message keys
 * (e.g. `{ error: "login.emailInvalid" }`); they are translated here, one per field, and the
 * submitted values are returned so that the page can show them again.
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData, t: T): FormResult<S> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in values)) values[k] = v;
  const parsed = schema.safeParse(Object.fromEntries(form.entries()));
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_form";
    if (errors[field]) continue;
    errors[field] = issue.message in messages ? t(issue.message as MessageKey) : t("form.invalid");
  }
  // Never send passwords back to the page.
  delete values.password;
  return { ok: false, errors, values };
}
