import type { Db } from "../../db/client";
import { FORGET_AFTER_MS, settleThrottledAttempt, takeThrottledAttempt } from "../../db/queries/users";

// One mechanism for everything a stranger can repeat cheaply (sign-in, self-registration,
// invitation links; docs/decisions/0005-sign-in-throttling.md). An attempt is counted on its keys
// *before* the work it guards is done, so attempts sent in parallel are counted too; it is given
// back (or its keys forgotten) when it turned out fine. Keys share one table, a prefix per use.

export interface Limit {
  /** Seconds to wait after the last counted attempt, given how many are counted. */
  waitSeconds: (count: number) => number;
  /** The count is forgotten this long after the last counted attempt (at most FORGET_AFTER_MS). */
  forgetAfterMs: number;
}

/** `free` attempts, then each further one waits twice as long as the one before, up to `maxSeconds`. */
export function doubling(free: number, maxSeconds = 15 * 60): Limit {
  return {
    waitSeconds: (n) => (n < free ? 0 : Math.min(maxSeconds, 2 ** (n - free + 1))),
    forgetAfterMs: FORGET_AFTER_MS,
  };
}

/** At most `n` attempts per window: past them, wait until a window has passed since the last one. */
export function perWindow(n: number, windowMs: number): Limit {
  return { waitSeconds: (count) => (count < n ? 0 : windowMs / 1000), forgetAfterMs: windowMs };
}

export interface Rule {
  key: string;
  limit: Limit;
  /** When set, this key's wait holds only for a caller whose own key `onlyAfter` (also a rule) already counts attempts. */
  onlyAfter?: string;
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts an attempt on every rule's key, or counts nothing and says how long to wait. */
export async function takeAttempt(db: Db, rules: Rule[], now = new Date()): Promise<Taken> {
  const keys = rules.map((r) => ({ key: r.key, forgetAfterMs: r.limit.forgetAfterMs }));
  const taken = await takeThrottledAttempt(
    db,
    keys,
    (counts) => {
      let readyAt = 0;
      for (const r of rules) {
        const { count, lastAt } = counts.get(r.key)!;
        if (count === 0 || (r.onlyAfter && !counts.get(r.onlyAfter)?.count)) continue;
        readyAt = Math.max(readyAt, lastAt + r.limit.waitSeconds(count) * 1000);
      }
      return readyAt;
    },
    now,
  );
  return taken.ok ? taken : { ok: false, retryAfterSeconds: Math.ceil((taken.readyAt - now.getTime()) / 1000) };
}

export { settleThrottledAttempt as settleAttempt };

/** The client's address, as the server puts it in the load context (app/server/main.ts). */
export function clientAddress(context: unknown): string {
  return (context as { clientAddress?: string } | undefined)?.clientAddress ?? "unknown";
}

/** Minutes to show for a wait, rounded up. */
export const waitMinutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

// ---- the public forms that create accounts ------------------------------------------------

const HOUR = 60 * 60 * 1000;
export const FORM_LIMITS = {
  /** /register: valid forms per address (each hashes a password and may create an account). */
  registration: perWindow(5, HOUR),
  /** /invite/<token>: unknown tokens per address, slowed like wrong passwords. */
  invitationLookup: doubling(10),
  /** /invite/<token>: forms sent per address (each may hash a password and create an account). */
  invitationSubmit: perWindow(20, HOUR),
};

/** Counts a self-registration by this address; call it once the form is valid, before hashing. */
export function takeRegistration(db: Db, address: string, now = new Date()): Promise<Taken> {
  return takeAttempt(db, [{ key: `register:${address}`, limit: FORM_LIMITS.registration }], now);
}

/**
 * Looks an invitation token up for this address: the lookup is counted before it runs and given
 * back when the token exists, so only guesses add up. `submit` also counts a sent form.
 */
export async function lookupInvitationThrottled<T extends { state: string }>(
  db: Db,
  address: string,
  lookup: () => Promise<T>,
  { submit = false, now = new Date() }: { submit?: boolean; now?: Date } = {},
): Promise<T | { state: "throttled"; invitation: null; retryAfterSeconds: number }> {
  const lookupKey = `invite:${address}`;
  const rules: Rule[] = [{ key: lookupKey, limit: FORM_LIMITS.invitationLookup }];
  if (submit) rules.push({ key: `invite-submit:${address}`, limit: FORM_LIMITS.invitationSubmit });
  const taken = await takeAttempt(db, rules, now);
  if (!taken.ok) return { state: "throttled", invitation: null, retryAfterSeconds: taken.retryAfterSeconds };
  const found = await lookup();
  if (found.state !== "unknown") await settleThrottledAttempt(db, { giveBack: [lookupKey] });
  return found;
}
