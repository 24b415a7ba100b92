import { mailSettings } from "../../db/queries/account";
import { getDb } from "./db.server";
import { unsubscribeUser } from "./mail/unsubscribe.server";

// The server half of /unsubscribe/<token> (app/routes/unsubscribe.$token.tsx): which account a
// link names, shown with its address masked (the link may have been forwarded).

/** "penilai1@paritrana.test" → "p•••1@paritrana.test": enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? `${local[0]}•••` : `${local[0]}•••${local[local.length - 1]}`;
  return `${shown}${email.slice(at)}`;
}

export interface UnsubscribeTarget {
  userId: number;
  maskedEmail: string;
  reminders: boolean;
}

/** The account a token names, or null: not a token we signed, no such account, or anonymised. */
export async function unsubscribeTarget(token: string | undefined): Promise<UnsubscribeTarget | null> {
  const userId = token ? unsubscribeUser(token) : null;
  if (userId === null) return null;
  const account = await mailSettings(await getDb(), userId);
  if (!account || account.anonymised) return null;
  return { userId, maskedEmail: maskEmail(account.email), reminders: account.reminders };
}
