import { inTransaction, type Db } from "../client";
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
    .values({ user_id: m.userId, role: m.role, edition_id: m.editionId ?? null, organisation_id: m.organisationId ?? null })
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

// ---- sign-in throttling ---------------------------------------------------------------

/** A throttling key forgets its failures this long after the last one. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Counts one sign-in attempt against every key, unless a key is still waiting: then nothing is
 * counted and the latest moment any key is free again is returned. Read and write run in one
 * transaction, so attempts sent in parallel are counted one after another.
 */
export async function takeLoginAttempt(
  db: Db,
  keys: { key: string; waitSeconds: (failures: number) => number }[],
  now: Date,
  forgetAfterMs = FORGET_AFTER_MS,
): Promise<{ ok: true } | { ok: false; readyAt: number }> {
  return inTransaction(db, async (trx) => {
    const rows = await trx.selectFrom("login_failures").selectAll().where("key", "in", keys.map((k) => k.key)).execute();
    const current = new Map<string, number>();
    let readyAt = 0;
    for (const k of keys) {
      const row = rows.find((r) => r.key === k.key);
      const last = row ? Date.parse(row.last_failure_at) : 0;
      const failures = row && now.getTime() - last < forgetAfterMs ? row.failures : 0;
      current.set(k.key, failures);
      if (failures > 0) readyAt = Math.max(readyAt, last + k.waitSeconds(failures) * 1000);
    }
    if (readyAt > now.getTime()) return { ok: false, readyAt };
    for (const k of keys) {
      const failures = current.get(k.key)! + 1;
      await trx
        .insertInto("login_failures")
        .values({ key: k.key, failures, last_failure_at: now.toISOString() })
        .onConflict((oc) => oc.column("key").doUpdateSet({ failures, last_failure_at: now.toISOString() }))
        .execute();
    }
    return { ok: true };
  });
}

/** After a successful sign-in: the keys given are forgotten, the others count one attempt less. */
export async function settleLoginAttempt(db: Db, forget: string[], uncount: string[]) {
  await inTransaction(db, async (trx) => {
    if (forget.length > 0) await trx.deleteFrom("login_failures").where("key", "in", forget).execute();
    if (uncount.length > 0) {
      await trx
        .updateTable("login_failures")
        .set((eb) => ({ failures: eb("failures", "-", 1) }))
        .where("key", "in", uncount)
        .where("failures", ">", 0)
        .execute();
    }
  });
}

/** Drops throttling rows and expired sessions that no longer matter (run at start-up). */
export async function pruneSignInState(db: Db, now: Date, forgetAfterMs = FORGET_AFTER_MS) {
  await db.deleteFrom("login_failures").where("last_failure_at", "<", new Date(now.getTime() - forgetAfterMs).toISOString()).execute();
  await db.deleteFrom("sessions").where("expires_at", "<", now.toISOString()).execute();
}

// ---- database-backed sessions ------------------------------------------------------------

export async function insertSession(db: Db, s: { id: string; userId: number | null; data: string; expiresAt: string }) {
  await db.insertInto("sessions").values({ id: s.id, user_id: s.userId, data: s.data, expires_at: s.expiresAt }).execute();
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
