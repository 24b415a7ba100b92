import type { Db } from "../client";
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

export async function loginFailures(db: Db, keys: string[]) {
  return db.selectFrom("login_failures").selectAll().where("key", "in", keys).execute();
}

export async function recordLoginFailure(db: Db, keys: string[], at: string) {
  for (const key of keys) {
    await db
      .insertInto("login_failures")
      .values({ key, failures: 1, last_failure_at: at })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => ({ failures: eb("login_failures.failures", "+", 1), last_failure_at: at })),
      )
      .execute();
  }
}

export async function clearLoginFailures(db: Db, keys: string[]) {
  await db.deleteFrom("login_failures").where("key", "in", keys).execute();
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
