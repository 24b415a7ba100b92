import { createHash, randomBytes } from "node:crypto";
import { inTransaction, type Db } from "../client";
import type { CategoryKey, InvitationsTable, OrganisationKind, Role } from "../schema";
import { audit, json } from "./audit";

// Getting in: one-time invitation links and self-registration of organisations.
//
// - createInvitation returns the raw token ONCE (to show to whoever passes the link on); only its
//   SHA-256 is stored. A link expires (INVITATION_DAYS by default) and can be used only once.
// - acceptInvitation turns a valid link into a user (or adds a membership to a signed-in user),
//   and for organisation invitations also a NEW organisation and its entry (status "draft").
//   A link never joins anyone to an existing organisation except a member invitation, which that
//   organisation's own members create; the committee invites a known organisation to its edition
//   through its members (organisation-invitations.ts).
// - registerOrganisation is the public self-registration during the edition's registration window
//   (until editions.registration_deadline): organisation + first member + entry "pending".
// - approveRegistration / rejectRegistration are the committee's decisions on a pending entry.

export type InvitationKind = InvitationsTable["kind"];
export const INVITATION_DAYS = 14;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The organisation kinds that fit a category. */
export function kindsForCategory(category: CategoryKey): OrganisationKind[] {
  if (category === "province") return ["province"];
  if (category === "regency_city") return ["regency", "city"];
  if (category === "public_service") return ["public_service"];
  return ["company"];
}

export interface CreateInvitationArgs {
  kind: InvitationKind;
  /** Who the link is meant for; when given, the account is created with this email. */
  email?: string | null;
  /** organisation: edition + category required; assessor/juror/committee: edition required. */
  editionId?: number | null;
  categoryId?: number | null;
  /** member: required (the organisation the colleague joins); organisation: never (a link creates a new one). */
  organisationId?: number | null;
  createdBy?: number | null;
  /** Validity in days (default INVITATION_DAYS). */
  days?: number;
  now?: Date;
}

/** Creates a one-time invitation; the raw token is returned only here and never stored. */
export async function createInvitation(db: Db, args: CreateInvitationArgs): Promise<{ token: string; id: number; expiresAt: string }> {
  if (args.kind === "organisation" && (args.editionId == null || args.categoryId == null)) {
    throw new Error("an organisation invitation needs an edition and a category");
  }
  if (args.kind === "organisation" && args.organisationId != null) {
    throw new Error("a known organisation is invited through its members (inviteOrganisation), never with a link");
  }
  if (args.kind === "member" && args.organisationId == null) throw new Error("a member invitation needs an organisation");
  if ((args.kind === "assessor" || args.kind === "juror" || args.kind === "committee") && args.editionId == null) {
    throw new Error(`a ${args.kind} invitation needs an edition`);
  }
  const now = args.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + (args.days ?? INVITATION_DAYS) * 86_400_000).toISOString();
  return inTransaction(db, async (tx) => {
    const { id } = await tx
      .insertInto("invitations")
      .values({
        token_hash: hashToken(token),
        kind: args.kind,
        email: args.email ? args.email.trim().toLowerCase() : null,
        edition_id: args.editionId ?? null,
        category_id: args.categoryId ?? null,
        organisation_id: args.organisationId ?? null,
        expires_at: expiresAt,
        created_by: args.createdBy ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(tx, {
      at: now.toISOString(), user_id: args.createdBy ?? null, edition_id: args.editionId ?? null, entry_id: null,
      action: "invitation.create", subject: `invitation:${id}`, before: null,
      after: json({ kind: args.kind, email: args.email ?? null, organisationId: args.organisationId ?? null, categoryId: args.categoryId ?? null, expiresAt }),
      reason: null,
    });
    return { token, id, expiresAt };
  });
}

export type InvitationState = "valid" | "expired" | "used" | "unknown";

/** The invitation behind a raw token, with its state and the names to show on the accept page. */
export async function findInvitation(db: Db, token: string, now = new Date()) {
  if (!token || token.length > 200) return { state: "unknown" as const, invitation: null };
  const inv = await db
    .selectFrom("invitations as i")
    .leftJoin("editions as ed", "ed.id", "i.edition_id")
    .leftJoin("categories as c", "c.id", "i.category_id")
    .leftJoin("organisations as o", "o.id", "i.organisation_id")
    .select([
      "i.id", "i.kind", "i.email", "i.edition_id", "i.category_id", "i.organisation_id", "i.expires_at", "i.used_at",
      "ed.name as edition_name", "c.key as category", "o.name as organisation_name",
    ])
    .where("i.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!inv) return { state: "unknown" as const, invitation: null };
  // A link for a known organisation is no way in (none are issued; migration 0003 withdrew the old).
  if (inv.kind === "organisation" && inv.organisation_id != null) return { state: "unknown" as const, invitation: null };
  const state: InvitationState = inv.used_at ? "used" : inv.expires_at <= now.toISOString() ? "expired" : "valid";
  return { state, invitation: inv };
}

export interface NewOrganisation {
  name: string;
  kind: OrganisationKind;
  region: string;
  npp?: string | null;
  nib?: string | null;
  size?: "large" | "medium" | "small" | "micro" | null;
  sector?: string | null;
}

export type AcceptResult =
  | { ok: true; userId: number; organisationId: number | null; entryId: number | null; created: boolean }
  | { ok: false; reason: "unknown" | "expired" | "used" | "email_taken" | "email_mismatch" | "organisation_required" | "duplicate" };

/**
 * Uses an invitation once. Either `user` (a new account: name, email, password hash) or
 * `existingUserId` (a signed-in user accepting for their own account) must be given.
 * Organisation invitations need `organisation` (the new organisation).
 */
export async function acceptInvitation(
  db: Db,
  args: {
    token: string;
    user?: { name: string; email: string; passwordHash: string };
    existingUserId?: number;
    organisation?: NewOrganisation;
    now?: Date;
  },
): Promise<AcceptResult> {
  const now = args.now ?? new Date();
  const at = now.toISOString();
  return inTransaction(db, async (tx) => {
    const found = await findInvitation(tx, args.token, now);
    if (found.state !== "valid") return { ok: false, reason: found.state };
    const inv = found.invitation;
    // Every refusal is decided before anything is written.
    if (inv.kind === "organisation") {
      if (!args.organisation) return { ok: false, reason: "organisation_required" };
      if (await duplicateEntry(tx, inv.edition_id!, args.organisation)) return { ok: false, reason: "duplicate" };
    }

    let userId: number;
    let created = false;
    if (args.existingUserId != null) {
      const user = await tx.selectFrom("users").select(["id", "email"]).where("id", "=", args.existingUserId).executeTakeFirst();
      if (!user) return { ok: false, reason: "unknown" };
      if (inv.email && inv.email !== user.email) return { ok: false, reason: "email_mismatch" };
      userId = user.id;
    } else {
      if (!args.user) throw new Error("acceptInvitation needs a user or an existing user id");
      const email = args.user.email.trim().toLowerCase();
      if (inv.email && inv.email !== email) return { ok: false, reason: "email_mismatch" };
      const taken = await tx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
      if (taken) return { ok: false, reason: "email_taken" };
      ({ id: userId } = await tx
        .insertInto("users")
        .values({ email, name: args.user.name.trim(), password_hash: args.user.passwordHash })
        .returning("id")
        .executeTakeFirstOrThrow());
      created = true;
    }

    let organisationId = inv.organisation_id;
    let entryId: number | null = null;
    if (inv.kind === "organisation") {
      organisationId = await insertOrganisation(tx, args.organisation!);
      ({ id: entryId } = await tx
        .insertInto("entries")
        .values({ edition_id: inv.edition_id!, category_id: inv.category_id!, organisation_id: organisationId, status: "draft" })
        .returning("id")
        .executeTakeFirstOrThrow());
    }

    const role: Role = inv.kind === "organisation" || inv.kind === "member" ? "entrant" : inv.kind;
    const already = await tx
      .selectFrom("memberships")
      .select("id")
      .where("user_id", "=", userId)
      .where("role", "=", role)
      .where("active", "=", 1)
      .where((eb) =>
        role === "entrant" ? eb("organisation_id", "=", organisationId!) : eb("edition_id", "=", inv.edition_id!),
      )
      .executeTakeFirst();
    if (!already) {
      await tx
        .insertInto("memberships")
        .values({
          user_id: userId, role,
          edition_id: role === "entrant" ? null : inv.edition_id,
          organisation_id: role === "entrant" ? organisationId : null,
        })
        .execute();
    }

    // Single use, even under concurrent requests: only the first update finds used_at empty.
    const used = await tx.updateTable("invitations").set({ used_at: at }).where("id", "=", inv.id).where("used_at", "is", null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new Error("invitation used concurrently");

    await audit(tx, {
      at, user_id: userId, edition_id: inv.edition_id, entry_id: entryId,
      action: "invitation.accept", subject: `invitation:${inv.id}`, before: null,
      after: json({ kind: inv.kind, organisationId, entryId, newUser: created }), reason: null,
    });
    return { ok: true, userId, organisationId, entryId, created };
  });
}

/**
 * An entry of the edition (not rejected) by the same organisation: the same NPP or NIB, or the
 * same name (ignoring case) in the same region. Both ways in, self-registration and invitation
 * links that create an organisation, refuse such a second entry.
 */
async function duplicateEntry(db: Db, editionId: number, o: NewOrganisation): Promise<boolean> {
  const npp = o.npp?.trim() || null;
  const nib = o.nib?.trim() || null;
  const dup = await db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select("e.id")
    .where("e.edition_id", "=", editionId)
    .where("e.status", "!=", "rejected")
    .where((eb) =>
      eb.or([
        ...(npp ? [eb("o.npp", "=", npp)] : []),
        ...(nib ? [eb("o.nib", "=", nib)] : []),
        eb.and([eb(eb.fn("lower", ["o.name"]), "=", o.name.trim().toLowerCase()), eb(eb.fn("lower", ["o.region"]), "=", o.region.trim().toLowerCase())]),
      ]),
    )
    .executeTakeFirst();
  return dup !== undefined;
}

async function insertOrganisation(db: Db, o: NewOrganisation): Promise<number> {
  const row = await db
    .insertInto("organisations")
    .values({
      name: o.name.trim(), kind: o.kind, region: o.region.trim(),
      npp: o.npp?.trim() || null, nib: o.nib?.trim() || null, size: o.size ?? null, sector: o.sector?.trim() || null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Editions whose registration window is open at `now` (registration_deadline not passed). */
export async function editionsOpenForRegistration(db: Db, now = new Date()) {
  const editions = await db
    .selectFrom("editions")
    .select(["id", "name", "year", "level", "region", "registration_deadline"])
    .where("registration_deadline", "is not", null)
    .where("registration_deadline", ">", now.toISOString())
    .where("status", "in", ["registration", "assessment"])
    .orderBy("year", "desc")
    .execute();
  if (editions.length === 0) return [];
  const categories = await db
    .selectFrom("categories")
    .select(["id", "edition_id", "key"])
    .where("edition_id", "in", editions.map((e) => e.id))
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
    if (await tx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()) return { ok: false, reason: "email_taken" };
    const npp = args.organisation.npp?.trim() || null;
    const nib = args.organisation.nib?.trim() || null;
    if (await duplicateEntry(tx, args.editionId, { ...args.organisation, npp, nib })) return { ok: false, reason: "duplicate" };
    const organisationId = await insertOrganisation(tx, { ...args.organisation, npp, nib });
    const { id: userId } = await tx
      .insertInto("users")
      .values({ email, name: args.user.name.trim(), password_hash: args.user.passwordHash })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx.insertInto("memberships").values({ user_id: userId, role: "entrant", organisation_id: organisationId }).execute();
    const { id: entryId } = await tx
      .insertInto("entries")
      .values({ edition_id: args.editionId, category_id: args.categoryId, organisation_id: organisationId, status: "pending" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(tx, {
      at, user_id: userId, edition_id: args.editionId, entry_id: entryId, action: "entry.register", subject: `entry:${entryId}`,
      before: null, after: json({ organisation: args.organisation.name, npp, nib, category: category.key }), reason: null,
    });
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
      "e.id as entryId", "e.created_at as registeredAt", "c.id as categoryId", "c.key as category",
      "o.id as organisationId", "o.name", "o.kind", "o.region", "o.npp", "o.nib", "o.size", "o.sector",
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
    .where("m.organisation_id", "in", rows.map((r) => r.organisationId))
    .orderBy("m.id")
    .execute();
  return rows.map((r) => ({ ...r, members: members.filter((m) => m.organisation_id === r.organisationId).map((m) => ({ name: m.name, email: m.email })) }));
}

export type DecisionResult = { ok: true } | { ok: false; reason: "not_found" | "not_pending" | "reason_required" };

/** The committee approves a self-registration: the entry becomes a draft the organisation can fill in. */
export async function approveRegistration(db: Db, entryId: number, userId: number, now = new Date()): Promise<DecisionResult> {
  return decide(db, entryId, userId, "draft", null, now);
}

/** The committee rejects a self-registration, with a reason the organisation will read. */
export async function rejectRegistration(db: Db, entryId: number, userId: number, reason: string, now = new Date()): Promise<DecisionResult> {
  if (!reason.trim()) return { ok: false, reason: "reason_required" };
  return decide(db, entryId, userId, "rejected", reason.trim(), now);
}

async function decide(db: Db, entryId: number, userId: number, to: "draft" | "rejected", reason: string | null, now: Date): Promise<DecisionResult> {
  return inTransaction(db, async (tx) => {
    const entry = await tx.selectFrom("entries").select(["id", "edition_id", "status", "version"]).where("id", "=", entryId).executeTakeFirst();
    if (!entry) return { ok: false, reason: "not_found" };
    const res = await tx
      .updateTable("entries")
      .set({ status: to, version: entry.version + 1 })
      .where("id", "=", entryId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: "not_pending" };
    await audit(tx, {
      at: now.toISOString(), user_id: userId, edition_id: entry.edition_id, entry_id: entryId,
      action: to === "draft" ? "entry.approve" : "entry.reject", subject: `entry:${entryId}`,
      before: json({ status: "pending" }), after: json({ status: to }), reason,
    });
    return { ok: true };
  });
}

/** The reason a registration was rejected (from the audit log), for the organisation's status page. */
export async function rejectionReason(db: Db, entryId: number) {
  const row = await db
    .selectFrom("audit_log")
    .select("reason")
    .where("entry_id", "=", entryId)
    .where("action", "=", "entry.reject")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.reason ?? null;
}

/** The members of an organisation (for its colleagues), and open member invitations. */
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
