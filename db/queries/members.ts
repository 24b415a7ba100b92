import type { Db } from "../client";

// The members of an organisation (its entrant accounts), as its colleagues see them on the
// portal. New members come in by member invitation (invitations.ts).

/** The active members of an organisation, and its member invitations not used and not expired. */
export async function organisationMembers(db: Db, organisationId: number, now = new Date()) {
  const [members, invitations] = await Promise.all([
    db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id", "u.name", "u.email", "m.created_at"])
      .where("m.organisation_id", "=", organisationId)
      .where("m.role", "=", "entrant")
      .where("m.active", "=", 1)
      .orderBy("m.id")
      .execute(),
    db
      .selectFrom("invitations")
      .select(["id", "email", "expires_at", "created_at"])
      .where("organisation_id", "=", organisationId)
      .where("kind", "=", "member")
      .where("used_at", "is", null)
      .where("expires_at", ">", now.toISOString())
      .orderBy("id", "desc")
      .execute(),
  ]);
  return { members, invitations };
}
