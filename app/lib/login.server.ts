import { verifyPassword } from "../../db/password";
import { findUserByEmail } from "../../db/queries/users";
import type { Db } from "../../db/client";
import { doubling, settleAttempt, takeAttempt } from "./throttle.server";

// Wrong passwords are slowed down on three keys (docs/decisions/0005-sign-in-throttling.md): the
// (account, address) pair, the address for any account, and the account from any address. The
// account's count slows only addresses that have themselves failed on that account, so strangers
// cannot lock the real user out. Past a key's free tries each further try waits twice as long as
// the one before, up to 15 minutes; an attempt is counted before the password is checked.
export const LIMITS = { pair: doubling(5), account: doubling(10), address: doubling(30) };

export type LoginResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function throttleKeys(email: string, address: string) {
  const account = email.trim().toLowerCase();
  return {
    pair: `${account}|${address}`,
    account: `email:${account}`,
    address: `ip:${address}`,
  };
}

export async function attemptLogin(
  db: Db,
  { email, password, address }: { email: string; password: string; address: string },
  now = new Date(),
): Promise<LoginResult> {
  const keys = throttleKeys(email, address);
  const taken = await takeAttempt(
    db,
    [
      { key: keys.pair, limit: LIMITS.pair },
      { key: keys.address, limit: LIMITS.address },
      { key: keys.account, limit: LIMITS.account, onlyAfter: keys.pair },
    ],
    now,
  );
  if (!taken.ok) return { ok: false, reason: "throttled", retryAfterSeconds: taken.retryAfterSeconds };
  const user = await findUserByEmail(db, email);
  // Verify even for unknown emails, so that timing does not tell which accounts exist.
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid || user.active !== 1) return { ok: false, reason: "invalid" };
  // The pair starts afresh; the account and the address only give this attempt back, since a
  // success from here says nothing about guesses from elsewhere.
  await settleAttempt(db, { forget: [keys.pair], giveBack: [keys.account, keys.address] });
  return { ok: true, userId: user.id };
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
