import { verifyPassword } from "../../db/password";
import { findUserByEmail, settleLoginAttempt, takeLoginAttempt } from "../../db/queries/users";
import type { Db } from "../../db/client";

// Wrong passwords are slowed down on three keys: the (account, address) pair, the account from
// any address, and the address for any account. Past a key's free tries each further try waits
// twice as long as the one before, up to MAX_WAIT_SECONDS. An attempt is counted before the
// password is checked (so parallel guesses are counted too) and given back when it succeeds;
// a key forgets its failures a day after the last one (FORGET_AFTER_MS).
const MAX_WAIT_SECONDS = 15 * 60;
const FREE_TRIES = { pair: 5, account: 10, address: 30 } as const;

export type LoginResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function waitSeconds(failures: number, freeTries: number = FREE_TRIES.pair): number {
  return failures < freeTries ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (failures - freeTries + 1));
}

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
  const taken = await takeLoginAttempt(
    db,
    (Object.keys(keys) as (keyof typeof keys)[]).map((k) => ({ key: keys[k], waitSeconds: (f: number) => waitSeconds(f, FREE_TRIES[k]) })),
    now,
  );
  if (!taken.ok) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((taken.readyAt - now.getTime()) / 1000) };
  const user = await findUserByEmail(db, email);
  // Verify even for unknown emails, so that timing does not tell which accounts exist.
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid || user.active !== 1) return { ok: false, reason: "invalid" };
  await settleLoginAttempt(db, [keys.pair, keys.account], [keys.address]);
  return { ok: true, userId: user.id };
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
