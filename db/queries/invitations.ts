import { createHash, randomBytes } from "node:crypto";
import { inTransaction, type Db } from "../client";
import type { InvitationsTable, Role } from "../schema";
import { deadlineAfterDays, deadlinePassed } from "../../app/domain/deadlines";
import { audit, json } from "./audit";
import { duplicateEntry, insertOrganisation, type NewOrganisation } from "./organisations";
import { enqueueInvitation } from "./entrant-mail";

// One-time invitation links: the way in for panel members, committee members, new organisations
// and an organisation's colleagues (self-registration is registrations.ts).
//
// - createInvitation returns the raw token ONCE (to show to whoever passes the link on); only its
//   SHA-256 is stored. A link expires at the end (WIB) of the INVITATION_DAYS-th day from today,
//   unless told otherwise, and can be used only once. With an email, the link is also sent there
//   (an outbox message written in the same transaction; entrant-mail.ts).
// - acceptInvitation turns a valid link into a user (or adds a membership to a signed-in user),
//   and for organisation invitations also a NEW organisation and its entry (status "draft").
//   A link never joins anyone to an existing organisation except a member invitation, which that
//   organisation's own members create; the committee invites a known organisation to its edition
//   through its members (organisation-invitations.ts).

export type InvitationKind = InvitationsTable["kind"];
export const INVITATION_DAYS = 14;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
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
  /** Validity in days, until the end of the last one in WIB (default INVITATION_DAYS). */
  days?: number;
  /** The language of the mail to `email` (the inviting user's users.locale when not given, else "id"). */
  locale?: "id" | "en" | null;
  now?: Date;
}

/** Creates a one-time invitation; the raw token is returned only here and never stored. */
export async function createInvitation(
  db: Db,
  args: CreateInvitationArgs,
): Promise<{ token: string; id: number; expiresAt: string }> {
  if (args.kind === "organisation" && (args.editionId == null || args.categoryId == null)) {
    throw new Error("an organisation invitation needs an edition and a category");
  }
  if (args.kind === "organisation" && args.organisationId != null) {
    throw new Error("a known organisation is invited through its members (inviteOrganisation), never with a link");
  }
  if (args.kind === "member" && args.organisationId == null)
    throw new Error("a member invitation needs an organisation");
  if ((args.kind === "assessor" || args.kind === "juror" || args.kind === "committee") && args.editionId == null) {
    throw new Error(`a ${args.kind} invitation needs an edition`);
  }
  const now = args.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = deadlineAfterDays(args.days ?? INVITATION_DAYS, now);
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
      at: now.toISOString(),
      user_id: args.createdBy ?? null,
      edition_id: args.editionId ?? null,
      entry_id: null,
      action: "invitation.create",
      subject: `invitation:${id}`,
      before: null,
      after: json({
        kind: args.kind,
        email: args.email ?? null,
        organisationId: args.organisationId ?? null,
        categoryId: args.categoryId ?? null,
        expiresAt,
      }),
      reason: null,
    });
    if (args.email?.trim())
      await enqueueInvitation(tx, {
        kind: args.kind,
        email: args.email,
        token,
        expiresAt,
        editionId: args.editionId ?? null,
        categoryId: args.categoryId ?? null,
        organisationId: args.organisationId ?? null,
        createdBy: args.createdBy ?? null,
        locale: args.locale,
        now,
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
      "i.id",
      "i.kind",
      "i.email",
      "i.edition_id",
      "i.category_id",
      "i.organisation_id",
      "i.expires_at",
      "i.used_at",
      "ed.name as edition_name",
      "c.key as category",
      "o.name as organisation_name",
    ])
    .where("i.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!inv) return { state: "unknown" as const, invitation: null };
  // A link for a known organisation is no way in (none are issued; migration 0003 withdrew the old).
  if (inv.kind === "organisation" && inv.organisation_id != null)
    return { state: "unknown" as const, invitation: null };
  const state: InvitationState = inv.used_at ? "used" : deadlinePassed(inv.expires_at, now) ? "expired" : "valid";
  return { state, invitation: inv };
}

export type AcceptResult =
  | { ok: true; userId: number; organisationId: number | null; entryId: number | null; created: boolean }
  | {
      ok: false;
      reason: "unknown" | "expired" | "used" | "email_taken" | "email_mismatch" | "organisation_required" | "duplicate";
    };

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
      const user = await tx
        .selectFrom("users")
        .select(["id", "email"])
        .where("id", "=", args.existingUserId)
        .executeTakeFirst();
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
        .values({
          edition_id: inv.edition_id!,
          category_id: inv.category_id!,
          organisation_id: organisationId,
          status: "draft",
        })
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
          user_id: userId,
          role,
          edition_id: role === "entrant" ? null : inv.edition_id,
          organisation_id: role === "entrant" ? organisationId : null,
        })
        .execute();
    }

    // Single use, even under concurrent requests: only the first update finds used_at empty.
    const used = await tx
      .updateTable("invitations")
      .set({ used_at: at })
      .where("id", "=", inv.id)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new Error("invitation used concurrently");

    await audit(tx, {
      at,
      user_id: userId,
      edition_id: inv.edition_id,
      entry_id: entryId,
      action: "invitation.accept",
      subject: `invitation:${inv.id}`,
      before: null,
      after: json({ kind: inv.kind, organisationId, entryId, newUser: created }),
      reason: null,
    });
    return { ok: true, userId, organisationId, entryId, created };
  });
}
