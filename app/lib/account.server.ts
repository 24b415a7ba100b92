import { z } from "zod";
import { saveMailSettings } from "../../db/queries/account";
import type { T } from "~/i18n";
import { getDb } from "./db.server";
import { parseForm, type FieldErrors } from "./forms";

// The account page's form (app/routes/account.tsx): the language mail is written in and whether
// deadline reminders are sent. Saved together, audited by saveMailSettings.

const MailSettingsForm = z.object({
  locale: z.enum(["id", "en"], { error: "account.localeInvalid" }),
  // A ticked checkbox sends "on"; an unticked one sends nothing.
  reminders: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

export type AccountAction = { ok: true } | { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function saveAccountForm(userId: number, form: FormData, t: T): Promise<AccountAction> {
  const parsed = parseForm(MailSettingsForm, form, t);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values };
  await saveMailSettings(await getDb(), { userId, settings: parsed.data });
  return { ok: true };
}
