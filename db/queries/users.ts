import { inTransaction, isPostgres, type Db } from "../client";
import type { Role } from "../schema";

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUser(db: Db, id: number) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createUser(db: Db, u: { email: string; name: string; passwordHash: string | null }) {
  const row = await db
    .insertInto("users")
    .values({ email: u.email.trim().toLowerCase(), name: u.name, password_hash: u.passwordHash })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addMembership(
  db: Db,
  m: { userId: number; role: Role; editionId?: number | null; organisationId?: number | null },
) {
  await db
    .insertInto("memberships")
    .values({
      user_id: m.userId,
      role: m.role,
      edition_id: m.editionId ?? null,
      organisation_id: m.organisationId ?? null,
    })
    .execute();
}

/** Active memberships of a user, with the organisation name for entrants. */
export async function activeMemberships(db: Db, userId: number) {
  return db
    .selectFrom("memberships as m")
    .leftJoin("organisations as o", "o.id", "m.organisation_id")
    .select(["m.id", "m.role", "m.edition_id", "m.organisation_id", "o.name as organisation_name"])
    .where("m.user_id", "=", userId)
    .where("m.active", "=", 1)
    .orderBy("m.id")
    .execute();
}

/** Names of users (assessors, jurors) by id. */
export async function userNames(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- throttling (sign-in, registration, invitation links) ----------------------------------
// The rules (which keys, how long to wait) live in app/lib/throttle.server.ts; here only the
// counts. The table is still called login_failures; keys carry a prefix per use.

/** No throttling key is remembered longer than this after its last counted attempt. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export type ThrottleCounts = Map<string, { count: number; lastAt: number }>;

/**
 * Counts one attempt against every key, unless `readyAt(counts)` (the moment the caller may try
 * again, in ms) is still to come: then nothing is counted and that moment is returned. A key's
 * count reads 0 once `forgetAfterMs` passed since its last attempt. Read and write run in one
 * transaction, so attempts sent in parallel are counted one after another.
 */
export async function takeThrottledAttempt(
  db: Db,
  keys: { key: string; forgetAfterMs: number }[],
  readyAt: (counts: ThrottleCounts) => number,
  now: Date,
): Promise<{ ok: true } | { ok: false; readyAt: number }> {
  return inTransaction(db, async (trx) => {
    const names = keys.map((k) => k.key).sort();
    const query = trx.selectFrom("login_failures").selectAll().where("key", "in", names).orderBy("key");
    let rows;
    if (isPostgres(trx)) {
      // PostgreSQL runs transactions side by side (SQLite one writer at a time): the keys' rows are
      // made if new, then locked in key order, so parallel attempts queue here too.
      await trx
        .insertInto("login_failures")
        .values(names.map((key) => ({ key, failures: 0, last_failure_at: new Date(0).toISOString() })))
        .onConflict((oc) => oc.column("key").doNothing())
        .execute();
      rows = await query.forUpdate().execute();
    } else {
      rows = await query.execute();
    }
    const counts: ThrottleCounts = new Map();
    for (const k of keys) {
      const row = rows.find((r) => r.key === k.key);
      const lastAt = row ? Date.parse(row.last_failure_at) : 0;
      counts.set(k.key, { count: row && now.getTime() - lastAt < k.forgetAfterMs ? row.failures : 0, lastAt });
    }
    const ready = readyAt(counts);
    if (ready > now.getTime()) return { ok: false, readyAt: ready };
    for (const k of keys) {
      const failures = counts.get(k.key)!.count + 1;
      await trx
        .insertInto("login_failures")
        .values({ key: k.key, failures, last_failure_at: now.toISOString() })
        .onConflict((oc) => oc.column("key").doUpdateSet({ failures, last_failure_at: now.toISOString() }))
        .execute();
    }
    return { ok: true };
  });
}

/** After an attempt that turned out fine: `forget` keys are dropped, `giveBack` keys count one less. */
export async function settleThrottledAttempt(
  db: Db,
  { forget = [], giveBack = [] }: { forget?: string[]; giveBack?: string[] },
) {
  await inTransaction(db, async (trx) => {
    if (forget.length > 0) await trx.deleteFrom("login_failures").where("key", "in", forget).execute();
    if (giveBack.length > 0) {
      await trx
        .updateTable("login_failures")
        .set((eb) => ({ failures: eb("failures", "-", 1) }))
        .where("key", "in", giveBack)
        .where("failures", ">", 0)
        .execute();
    }
  });
}

/** Drops throttling rows and expired sessions that no longer matter (run at start-up). */
export async function pruneSignInState(db: Db, now: Date, forgetAfterMs = FORGET_AFTER_MS) {
  await db
    .deleteFrom("login_failures")
    .where("last_failure_at", "<", new Date(now.getTime() - forgetAfterMs).toISOString())
    .execute();
  await db.deleteFrom("sessions").where("expires_at", "<", now.toISOString()).execute();
}

// ---- database-backed sessions ------------------------------------------------------------

export async function insertSession(db: Db, s: { id: string; userId: number | null; data: string; expiresAt: string }) {
  await db
    .insertInto("sessions")
    .values({ id: s.id, user_id: s.userId, data: s.data, expires_at: s.expiresAt })
    .execute();
}

export async function readSession(db: Db, id: string, now: string) {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).where("expires_at", ">", now).executeTakeFirst();
}

export async function updateSession(db: Db, s: { id: string; userId: number | null; data: string; expiresAt: string }) {
  await db
    .insertInto("sessions")
    .values({ id: s.id, user_id: s.userId, data: s.data, expires_at: s.expiresAt })
    .onConflict((oc) => oc.column("id").doUpdateSet({ user_id: s.userId, data: s.data, expires_at: s.expiresAt }))
    .execute();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}
