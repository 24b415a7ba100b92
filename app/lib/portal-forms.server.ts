import { z } from "zod";
import { COMPANY_SIZES, kindGroup, ORGANISATION_KINDS } from "~/domain/categories";

// Schemas of the getting-in forms (accept an invitation, register an organisation). Errors are
// message keys, translated by parseForm. Server-only, so that zod stays out of the pages' bundles.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "portal.join.error.tooLong" })
    .optional()
    .transform((v) => v || null);

export const accountFields = {
  name: z
    .string({ error: "form.required" })
    .trim()
    .min(2, { error: "form.required" })
    .max(120, { error: "portal.join.error.tooLong" }),
  email: z
    .string({ error: "login.emailInvalid" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "login.emailInvalid" })),
  password: z
    .string({ error: "portal.join.error.password" })
    .min(10, { error: "portal.join.error.password" })
    .max(200, { error: "portal.join.error.password" }),
  password2: z.string().optional(),
};

export const organisationFields = {
  orgName: z
    .string({ error: "form.required" })
    .trim()
    .min(3, { error: "form.required" })
    .max(200, { error: "portal.join.error.tooLong" }),
  kind: z.enum(ORGANISATION_KINDS, { error: "form.required" }),
  region: z
    .string({ error: "form.required" })
    .trim()
    .min(3, { error: "form.required" })
    .max(200, { error: "portal.join.error.tooLong" }),
  npp: optionalText(40).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9.\-/ ]+$/, { error: "portal.join.error.registrationNumber" })
      .nullable(),
  ),
  nib: optionalText(40).pipe(
    z
      .string()
      .regex(/^[0-9.\- ]+$/, { error: "portal.join.error.nib" })
      .nullable(),
  ),
  size: z
    .union([z.enum(COMPANY_SIZES), z.literal("")], { error: "form.invalid" })
    .optional()
    .transform((v) => v || null),
  sector: optionalText(120),
};

type WithPasswords = { password: string; password2?: string };
export function passwordsMatch<T extends WithPasswords>(v: T, ctx: z.RefinementCtx) {
  if (v.password !== v.password2)
    ctx.addIssue({ code: "custom", path: ["password2"], message: "portal.join.error.passwordMismatch" });
}

/** Companies and public-service bodies give their NPP (BPJS employer number) and NIB. */
export function companyNumbersGiven<T extends { kind: string; npp: string | null; nib: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if (kindGroup(v.kind) === "company") {
    if (!v.npp) ctx.addIssue({ code: "custom", path: ["npp"], message: "portal.join.error.nppRequired" });
    if (v.kind === "company" && !v.nib)
      ctx.addIssue({ code: "custom", path: ["nib"], message: "portal.join.error.nibRequired" });
  }
}
