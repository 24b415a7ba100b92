import { inTransaction, type Db } from "../client";
import { audit, json } from "./audit";

// The administrator role (award secretariat): a membership with role "admin" and neither edition
// nor organisation. Given by `npm run admin:create` (db/ops/admin-create.ts), never by a page.

export type GrantResult =
  | { kind: "created"; userId: number }
  | { kind: "granted"; userId: number }
  | { kind: "already"; userId: number }
  | { kind: "inactive"; userId: number }
  | { kind: "unknown" };

/**
 * Makes the account with this e-mail an administrator: the existing one gets the role and keeps
 * its password; when there is none, `newAccount` (name and password hash) is created, or
 * "unknown" answered without it. A deactivated account is refused. Audited as a membership
 * added by the command line.
 */
export async function grantAdministrator(
  db: Db,
  args: { email: string; newAccount?: { name: string; passwordHash: string }; now?: Date },
): Promise<GrantResult> {
  const email = args.email.trim().toLowerCase();
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const user = await tx.selectFrom("users").select(["id", "active"]).where("email", "=", email).executeTakeFirst();
    if (user && user.active !== 1) return { kind: "inactive" as const, userId: user.id };
    let userId = user?.id;
    if (userId === undefined) {
      if (!args.newAccount) return { kind: "unknown" as const };
      ({ id: userId } = await tx
        .insertInto("users")
        .values({ email, name: args.newAccount.name.trim(), password_hash: args.newAccount.passwordHash })
        .returning("id")
        .executeTakeFirstOrThrow());
    }
    const role = await tx
      .selectFrom("memberships")
      .select(["id", "active"])
      .where("user_id", "=", userId)
      .where("role", "=", "admin")
      .orderBy("active", "desc")
      .executeTakeFirst();
    if (role?.active === 1) return { kind: "already" as const, userId };
    let membershipId = role?.id;
    if (membershipId !== undefined)
      await tx.updateTable("memberships").set({ active: 1 }).where("id", "=", membershipId).execute();
    else
      ({ id: membershipId } = await tx
        .insertInto("memberships")
        .values({ user_id: userId, role: "admin", edition_id: null, organisation_id: null })
        .returning("id")
        .executeTakeFirstOrThrow());
    await audit(tx, {
      at,
      user_id: null,
      edition_id: null,
      entry_id: null,
      action: role ? "membership.reactivate" : "membership.add",
      subject: `membership:${membershipId}`,
      before: role ? json({ active: false }) : null,
      after: json({ role: "admin", userId, email, newUser: user === undefined }),
      reason: "npm run admin:create",
    });
    return user ? { kind: "granted" as const, userId } : { kind: "created" as const, userId };
  });
}

/** The ids of the active accounts that hold the administrator role. */
export async function activeAdministratorIds(db: Db): Promise<Set<number>> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("m.user_id")
    .where("m.role", "=", "admin")
    .where("m.active", "=", 1)
    .where("u.active", "=", 1)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
