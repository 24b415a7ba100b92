import { inTransaction, type Db } from "../client";
import { audit, json } from "./audit";
import { createInvitation } from "./invitations";

// The people of an edition's panels (assessors and jurors) for the committee: who they are,
// whether their membership is active, and their load; inviting new ones; (de)activating them.
// A deactivated membership no longer counts for the guards (activeMemberships reads active = 1
// only), so the person loses access to the edition's assignments; the assignments stay, visible
// to the committee on the progress page, to be reassigned there if needed.

export type PanelRole = "assessor" | "juror";

/** Members of an edition with a panel role (assessor or juror), active ones only. */
export async function panelMembers(db: Db, editionId: number, role: PanelRole) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("m.edition_id", "=", editionId)
    .where("m.role", "=", role)
    .where("m.active", "=", 1)
    .where("u.active", "=", 1)
    .orderBy("u.id")
    .execute();
}

/** Assessor and juror memberships of the edition, with the user and their assignment load. */
export async function editionPeople(db: Db, editionId: number) {
  const [members, load] = await Promise.all([
    db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select([
        "m.id as membershipId",
        "m.role",
        "m.active",
        "m.created_at as since",
        "u.id as userId",
        "u.name",
        "u.email",
        "u.active as userActive",
        "u.anonymised_at as anonymisedAt",
      ])
      .where("m.edition_id", "=", editionId)
      .where("m.role", "in", ["assessor", "juror"])
      .orderBy("m.role")
      .orderBy("u.name")
      .orderBy("m.id")
      .execute(),
    db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select([
        "a.user_id",
        (eb) => eb.fn.countAll<number>().as("assigned"),
        (eb) => eb.fn.sum<number>(eb.case().when("a.status", "=", "submitted").then(1).else(0).end()).as("submitted"),
      ])
      .where("e.edition_id", "=", editionId)
      .groupBy("a.user_id")
      .execute(),
  ]);
  const byUser = new Map(
    load.map((l) => [l.user_id, { assigned: Number(l.assigned), submitted: Number(l.submitted ?? 0) }]),
  );
  return members.map((m) => ({
    ...m,
    role: m.role as PanelRole,
    active: m.active === 1 && m.userActive === 1,
    membershipActive: m.active === 1,
    assigned: byUser.get(m.userId)?.assigned ?? 0,
    submitted: byUser.get(m.userId)?.submitted ?? 0,
  }));
}

/** Invitations of the edition not used yet and not expired, of the given kinds (their `kind` typed as those), newest first. */
export async function openInvitations<K extends "assessor" | "juror" | "organisation" | "committee">(
  db: Db,
  editionId: number,
  kinds: K[],
  now = new Date(),
) {
  return db
    .selectFrom("invitations as i")
    .leftJoin("categories as c", "c.id", "i.category_id")
    .select([
      "i.id",
      "i.kind",
      "i.email",
      "i.expires_at as expiresAt",
      "i.created_at as createdAt",
      "c.key as category",
    ])
    .where("i.edition_id", "=", editionId)
    .where("i.kind", "in", kinds)
    .where("i.used_at", "is", null)
    .where("i.expires_at", ">", now.toISOString())
    .orderBy("i.id", "desc")
    .$narrowType<{ kind: K }>()
    .execute();
}

export type InviteResult =
  | { kind: "invited"; token: string; invitationId: number; expiresAt: string }
  | { kind: "added"; userId: number }
  | { kind: "reactivated"; userId: number }
  | { kind: "already"; userId: number };

/**
 * Invites an assessor or juror to the edition (or, for the administrator, a committee member).
 * When the email already belongs to a user, the
 * membership is added directly (or reactivated when it exists but is inactive); otherwise a
 * one-time invitation link is created (its raw token is returned only here).
 */
export async function invitePanelMember(
  db: Db,
  args: {
    editionId: number;
    role: PanelRole | "committee";
    name?: string;
    email: string;
    createdBy: number;
    now?: Date;
  },
): Promise<InviteResult> {
  const email = args.email.trim().toLowerCase();
  const at = (args.now ?? new Date()).toISOString();
  const user = await db.selectFrom("users").select(["id"]).where("email", "=", email).executeTakeFirst();
  if (!user) {
    const inv = await createInvitation(db, {
      kind: args.role,
      email,
      editionId: args.editionId,
      createdBy: args.createdBy,
      now: args.now,
    });
    return { kind: "invited", token: inv.token, invitationId: inv.id, expiresAt: inv.expiresAt };
  }
  return inTransaction(db, async (tx) => {
    const existing = await tx
      .selectFrom("memberships")
      .select(["id", "active"])
      .where("user_id", "=", user.id)
      .where("edition_id", "=", args.editionId)
      .where("role", "=", args.role)
      .orderBy("active", "desc")
      .executeTakeFirst();
    if (existing?.active === 1) return { kind: "already" as const, userId: user.id };
    if (existing) {
      await tx.updateTable("memberships").set({ active: 1 }).where("id", "=", existing.id).execute();
      await audit(tx, {
        at,
        user_id: args.createdBy,
        edition_id: args.editionId,
        entry_id: null,
        action: "membership.reactivate",
        subject: `membership:${existing.id}`,
        before: json({ active: false }),
        after: json({ active: true, role: args.role, email }),
        reason: null,
      });
      return { kind: "reactivated" as const, userId: user.id };
    }
    const { id } = await tx
      .insertInto("memberships")
      .values({ user_id: user.id, role: args.role, edition_id: args.editionId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(tx, {
      at,
      user_id: args.createdBy,
      edition_id: args.editionId,
      entry_id: null,
      action: "membership.add",
      subject: `membership:${id}`,
      before: null,
      after: json({ role: args.role, userId: user.id, email, name: args.name?.trim() || null }),
      reason: null,
    });
    return { kind: "added" as const, userId: user.id };
  });
}

export type ActiveResult = { ok: true } | { ok: false; reason: "not_found" | "unchanged" };

/** Deactivates or reactivates an assessor/juror membership of the edition, audited. */
export async function setMembershipActive(
  db: Db,
  args: {
    editionId: number;
    membershipId: number;
    active: boolean;
    userId: number;
    reason?: string | null;
    now?: Date;
  },
): Promise<ActiveResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const m = await tx
      .selectFrom("memberships")
      .select(["id", "user_id", "role", "active"])
      .where("id", "=", args.membershipId)
      .where("edition_id", "=", args.editionId)
      .where("role", "in", ["assessor", "juror"])
      .executeTakeFirst();
    if (!m) return { ok: false as const, reason: "not_found" as const };
    const to = args.active ? 1 : 0;
    const res = await tx
      .updateTable("memberships")
      .set({ active: to })
      .where("id", "=", m.id)
      .where("active", "=", 1 - to)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false as const, reason: "unchanged" as const };
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: args.active ? "membership.reactivate" : "membership.deactivate",
      subject: `membership:${m.id}`,
      before: json({ active: !args.active }),
      after: json({ active: args.active, role: m.role, userId: m.user_id }),
      reason: args.reason?.trim() || null,
    });
    return { ok: true as const };
  });
}
