import { createHmac, timingSafeEqual } from "node:crypto";
import { sessionSecret } from "../config.server";

// The link in every reminder that turns reminders off without signing in: the user id signed
// with the server's secret (it names one account and can do nothing else). The page it opens asks
// for a click (POST), so a mail scanner following links changes nothing.

function signature(userId: number): string {
  return createHmac("sha256", sessionSecret()).update(`unsubscribe:${userId}`).digest("base64url");
}

/** The path of a user's unsubscribe page: /unsubscribe/<id>.<signature>. */
export function unsubscribePath(userId: number): string {
  return `/unsubscribe/${userId}.${signature(userId)}`;
}

/** The user a token from an unsubscribe link names, or null when it is not one we made. */
export function unsubscribeUser(token: string): number | null {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const userId = Number(m[1]);
  const expected = Buffer.from(signature(userId));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}
