import { verifyPassword } from "../../db/password";
import { clearLoginFailures, findUserByEmail, loginFailures, recordLoginFailure } from "../../db/queries/users";
import { getDb } from "./db.server";

// Wrong passwords are slowed down per (account, address) pair: after FREE_TRIES failures each
// further try must wait twice as long as the one before, up to MAX_WAIT_SECONDS.
const FREE_TRIES = 5;
const MAX_WAIT_SECONDS = 15 * 60;

export type LoginResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function waitSeconds(failures: number): number {
  return failures < FREE_TRIES ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_TRIES + 1));
}

export async function attemptLogin(email: string, password: string, address: string, now = new Date()): Promise<LoginResult> {
  const db = await getDb();
  const key = `${email.trim().toLowerCase()}|${address}`;
  const [previous] = await loginFailures(db, [key]);
  if (previous) {
    const readyAt = Date.parse(previous.last_failure_at) + waitSeconds(previous.failures) * 1000;
    if (readyAt > now.getTime()) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((readyAt - now.getTime()) / 1000) };
  }
  const user = await findUserByEmail(db, email);
  // Verify even for unknown emails, so that timing does not tell which accounts exist.
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid || user.active !== 1) {
    await recordLoginFailure(db, [key], now.toISOString());
    return { ok: false, reason: "invalid" };
  }
  await clearLoginFailures(db, [key]);
  return { ok: true, userId: user.id };
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
