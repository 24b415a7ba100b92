import { inTransaction, type Db } from "../client";
import { audit, json } from "./audit";

// The committees of the editions, as the administrator (award secretariat) sees and appoints
// them. Appointing goes through invitePanelMember (people.ts): an existing account gets the
// membership at once, an unknown e-mail a one-time committee invitation link.

/** Every edition, newest first, with the names of its active committee members. */
export async function editionsWithCommittees(db: Db) {
  const [editions, members] = await Promise.all([
    db
      .selectFrom("editions")
      .select(["id", "name", "year", "level", "region", "status"])
      .orderBy("year", "desc")
      .orderBy("id", "desc")
      .execute(),
    db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["m.edition_id", "u.name"])
      .where("m.role", "=", "committee")
      .where("m.active", "=", 1)
      .orderBy("u.name")
      .execute(),
  ]);
  return editions.map((e) => ({
    ...e,
    committee: members.filter((m) => m.edition_id === e.id).map((m) => m.name),
  }));
}

/** The active committee members of an edition, with their membership ids. */
export async function editionCommittee(db: Db, editionId: number) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.id as membershipId", "m.created_at as since", "u.id as userId", "u.name", "u.email"])
    .where("m.edition_id", "=", editionId)
    .where("m.role", "=", "committee")
    .where("m.active", "=", 1)
    .orderBy("u.name")
    .orderBy("m.id")
    .execute();
}

export type RemoveResult = { ok: true; name: string } | { ok: false; reason: "not_found" | "last" };

/**
 * Removes a committee member from an edition (the membership is deactivated, audited). The last
 * one is never removed: an edition without a committee cannot be run, so the administrator
 * appoints the successor first.
 */
export async function removeCommitteeMember(
  db: Db,
  args: { editionId: number; membershipId: number; userId: number; now?: Date },
): Promise<RemoveResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const committee = await editionCommittee(tx, args.editionId);
    const member = committee.find((m) => m.membershipId === args.membershipId);
    if (!member) return { ok: false as const, reason: "not_found" as const };
    if (committee.length === 1) return { ok: false as const, reason: "last" as const };
    await tx.updateTable("memberships").set({ active: 0 }).where("id", "=", member.membershipId).execute();
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "membership.deactivate",
      subject: `membership:${member.membershipId}`,
      before: json({ active: true }),
      after: json({ active: false, role: "committee", userId: member.userId }),
      reason: null,
    });
    return { ok: true as const, name: member.name };
  });
}
