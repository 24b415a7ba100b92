import { inTransaction, type Db } from "../client";
import { audit, json } from "./audit";
import { kindsForCategory } from "../../app/domain/categories";
import { deadlinePassed } from "../../app/domain/deadlines";
import { duplicateEntry, insertOrganisation, type NewOrganisation } from "./organisations";
import { enqueueRegistrationDecision, enqueueRegistrationReceived } from "./entrant-mail";

// Self-registration of organisations during an edition's registration window (until
// editions.registration_deadline): organisation + first member + entry "pending", which the
// committee then approves (the entry becomes a draft) or rejects with a reason stored on the
// entry, for the organisation to read.

/** Editions whose registration window is open at `now` (registration_deadline not passed). */
export async function editionsOpenForRegistration(db: Db, now = new Date()) {
  const editions = (
    await db
      .selectFrom("editions")
      .select(["id", "name", "year", "level", "region", "registration_deadline"])
      .where("registration_deadline", "is not", null)
      .where("status", "in", ["registration", "assessment"])
      .orderBy("year", "desc")
      .execute()
  ).filter((e) => !deadlinePassed(e.registration_deadline, now));
  if (editions.length === 0) return [];
  const categories = await db
    .selectFrom("categories")
    .select(["id", "edition_id", "key"])
    .where(
      "edition_id",
      "in",
      editions.map((e) => e.id),
    )
    .orderBy("id")
    .execute();
  return editions.map((e) => ({ ...e, categories: categories.filter((c) => c.edition_id === e.id) }));
}

export type RegisterResult =
  | { ok: true; userId: number; organisationId: number; entryId: number }
  | { ok: false; reason: "closed" | "category" | "kind" | "email_taken" | "duplicate" };

/**
 * Self-registration: a new organisation with its first member and an entry awaiting the
 * committee's approval. Refused after the registration deadline, for a category of another
 * edition, for an organisation kind that does not fit the category, for an email that already has
 * an account, and when the NPP or NIB is already registered in this edition.
 */
export async function registerOrganisation(
  db: Db,
  args: {
    editionId: number;
    categoryId: number;
    organisation: NewOrganisation;
    user: { name: string; email: string; passwordHash: string };
    now?: Date;
  },
): Promise<RegisterResult> {
  const now = args.now ?? new Date();
  const at = now.toISOString();
  return inTransaction(db, async (tx) => {
    const open = (await editionsOpenForRegistration(tx, now)).find((e) => e.id === args.editionId);
    if (!open) return { ok: false, reason: "closed" };
    const category = open.categories.find((c) => c.id === args.categoryId);
    if (!category) return { ok: false, reason: "category" };
    if (!kindsForCategory(category.key).includes(args.organisation.kind)) return { ok: false, reason: "kind" };
    const email = args.user.email.trim().toLowerCase();
    if (await tx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst())
      return { ok: false, reason: "email_taken" };
    const npp = args.organisation.npp?.trim() || null;
    const nib = args.organisation.nib?.trim() || null;
    if (await duplicateEntry(tx, args.editionId, { ...args.organisation, npp, nib }))
      return { ok: false, reason: "duplicate" };
    const organisationId = await insertOrganisation(tx, { ...args.organisation, npp, nib });
    const { id: userId } = await tx
      .insertInto("users")
      .values({ email, name: args.user.name.trim(), password_hash: args.user.passwordHash })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("memberships")
      .values({ user_id: userId, role: "entrant", organisation_id: organisationId })
      .execute();
    const { id: entryId } = await tx
      .insertInto("entries")
      .values({
        edition_id: args.editionId,
        category_id: args.categoryId,
        organisation_id: organisationId,
        status: "pending",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(tx, {
      at,
      user_id: userId,
      edition_id: args.editionId,
      entry_id: entryId,
      action: "entry.register",
      subject: `entry:${entryId}`,
      before: null,
      after: json({ organisation: args.organisation.name, npp, nib, category: category.key }),
      reason: null,
    });
    await enqueueRegistrationReceived(tx, { entryId, userId, now });
    return { ok: true, userId, organisationId, entryId };
  });
}

/** Self-registered entries awaiting the committee's decision, oldest first. */
export async function listPendingRegistrations(db: Db, editionId: number) {
  const rows = await db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .select([
      "e.id as entryId",
      "e.created_at as registeredAt",
      "c.id as categoryId",
      "c.key as category",
      "o.id as organisationId",
      "o.name",
      "o.kind",
      "o.region",
      "o.npp",
      "o.nib",
      "o.size",
      "o.sector",
    ])
    .where("e.edition_id", "=", editionId)
    .where("e.status", "=", "pending")
    .orderBy("e.created_at")
    .orderBy("e.id")
    .execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.organisation_id", "u.name", "u.email"])
    .where("m.role", "=", "entrant")
    .where(
      "m.organisation_id",
      "in",
      rows.map((r) => r.organisationId),
    )
    .orderBy("m.id")
    .execute();
  return rows.map((r) => ({
    ...r,
    members: members
      .filter((m) => m.organisation_id === r.organisationId)
      .map((m) => ({ name: m.name, email: m.email })),
  }));
}

export type DecisionResult = { ok: true } | { ok: false; reason: "not_found" | "not_pending" | "reason_required" };

/** The committee approves a self-registration: the entry becomes a draft the organisation can fill in. */
export async function approveRegistration(
  db: Db,
  entryId: number,
  userId: number,
  now = new Date(),
): Promise<DecisionResult> {
  return decide(db, entryId, userId, "draft", null, now);
}

/** The committee rejects a self-registration, with a reason the organisation will read (entries.rejection_reason). */
export async function rejectRegistration(
  db: Db,
  entryId: number,
  userId: number,
  reason: string,
  now = new Date(),
): Promise<DecisionResult> {
  if (!reason.trim()) return { ok: false, reason: "reason_required" };
  return decide(db, entryId, userId, "rejected", reason.trim(), now);
}

async function decide(
  db: Db,
  entryId: number,
  userId: number,
  to: "draft" | "rejected",
  reason: string | null,
  now: Date,
): Promise<DecisionResult> {
  return inTransaction(db, async (tx) => {
    const entry = await tx
      .selectFrom("entries")
      .select(["id", "edition_id", "status", "version"])
      .where("id", "=", entryId)
      .executeTakeFirst();
    if (!entry) return { ok: false, reason: "not_found" };
    const res = await tx
      .updateTable("entries")
      .set({ status: to, version: entry.version + 1, rejection_reason: reason })
      .where("id", "=", entryId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: "not_pending" };
    await audit(tx, {
      at: now.toISOString(),
      user_id: userId,
      edition_id: entry.edition_id,
      entry_id: entryId,
      action: to === "draft" ? "entry.approve" : "entry.reject",
      subject: `entry:${entryId}`,
      before: json({ status: "pending" }),
      after: json({ status: to }),
      reason,
    });
    await enqueueRegistrationDecision(tx, { entryId, reason: to === "rejected" ? reason : null, now });
    return { ok: true };
  });
}
