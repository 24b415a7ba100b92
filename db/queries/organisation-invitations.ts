import { sql } from "kysely";
import { inTransaction, type Db } from "../client";
import type { Level } from "../schema";
import { deadlinePassed } from "../../app/domain/deadlines";
import { UNADMITTED_STATUSES } from "../../app/domain/entry-status";
import { audit, json } from "./audit";
import { kindsForCategory } from "../../app/domain/categories";
import { enqueueOrganisationInvited } from "./entrant-mail";

// A known organisation invited to an edition. There is no link: an invitation never brings a new
// person into an existing organisation. Its own active members see it on their portal and accept
// it (which creates the organisation's entry in the edition, as a draft) or decline it; they add
// colleagues themselves (member invitations, /portal/members).
//
// The committee may invite only organisations of its edition's chain (invitableOrganisations):
// - a provincial edition of region R: organisations that took part in an edition of region R,
//   or in a national edition with R as their own region ("R" or "…, R");
// - a national edition: organisations that took part in any provincial or national edition.
// "Took part" means an entry that was not a pending or rejected self-registration.

export type OrganisationInvitationStatus = "open" | "accepted" | "declined";

type Chain = { level: Level; region: string };
const norm = (s: string) => s.trim().toLowerCase();

/** Whether taking part in `took` puts an organisation (of region `orgRegion`) in `target`'s chain. */
export function inChain(target: Chain, took: Chain, orgRegion: string): boolean {
  if (target.level === "national") return true;
  const region = norm(target.region);
  if (norm(took.region) === region) return true;
  const own = norm(orgRegion);
  return took.level === "national" && (own === region || own.endsWith(`, ${region}`));
}

/** The organisations the committee of the edition may invite: its chain, without an entry in it yet. */
export async function invitableOrganisations(db: Db, editionId: number) {
  const edition = await db
    .selectFrom("editions")
    .select(["level", "region"])
    .where("id", "=", editionId)
    .executeTakeFirst();
  if (!edition) return [];
  const rows = await db
    .selectFrom("entries as e")
    .innerJoin("editions as x", "x.id", "e.edition_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["o.id", "o.name", "o.region", "o.kind", "x.level", "x.region as edition_region"])
    .where("e.edition_id", "!=", editionId)
    .where("e.status", "not in", UNADMITTED_STATUSES)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("entries as own")
            .select("own.id")
            .whereRef("own.organisation_id", "=", "o.id")
            .where("own.edition_id", "=", editionId),
        ),
      ),
    )
    .orderBy("o.name")
    .orderBy("o.id")
    .execute();
  const found = new Map<number, { id: number; name: string; region: string; kind: (typeof rows)[number]["kind"] }>();
  for (const r of rows) {
    if (!found.has(r.id) && inChain(edition, { level: r.level, region: r.edition_region }, r.region)) {
      found.set(r.id, { id: r.id, name: r.name, region: r.region, kind: r.kind });
    }
  }
  return [...found.values()];
}

export type InviteOrganisationResult =
  | { ok: true; id: number; organisation: string }
  | { ok: false; reason: "category" | "not_invitable" | "kind" | "already_invited" };

/** The committee invites a known organisation of its chain to a category of its edition. */
export async function inviteOrganisation(
  db: Db,
  args: { editionId: number; categoryId: number; organisationId: number; createdBy: number; now?: Date },
): Promise<InviteOrganisationResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const category = await tx
      .selectFrom("categories")
      .select(["id", "key"])
      .where("id", "=", args.categoryId)
      .where("edition_id", "=", args.editionId)
      .executeTakeFirst();
    if (!category) return { ok: false, reason: "category" };
    const organisation = (await invitableOrganisations(tx, args.editionId)).find((o) => o.id === args.organisationId);
    if (!organisation) return { ok: false, reason: "not_invitable" };
    if (!kindsForCategory(category.key).includes(organisation.kind)) return { ok: false, reason: "kind" };
    if (await openInvitation(tx, args.editionId, args.organisationId)) return { ok: false, reason: "already_invited" };
    // Two invitations sent at once: the unique index on open ones lets only the first one in.
    const inserted = await tx
      .insertInto("organisation_invitations")
      .values({
        edition_id: args.editionId,
        category_id: category.id,
        organisation_id: organisation.id,
        created_by: args.createdBy,
        created_at: at,
      })
      // The predicate is written as a literal so that it matches the index's own (a parameter would not).
      .onConflict((oc) =>
        oc.columns(["edition_id", "organisation_id"]).where("status", "=", sql.lit("open")).doNothing(),
      )
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: false, reason: "already_invited" };
    const { id } = inserted;
    await audit(tx, {
      at,
      user_id: args.createdBy,
      edition_id: args.editionId,
      entry_id: null,
      action: "invitation.create",
      subject: `organisation_invitation:${id}`,
      before: null,
      after: json({ kind: "organisation", organisationId: organisation.id, categoryId: category.id }),
      reason: null,
    });
    await enqueueOrganisationInvited(tx, {
      editionId: args.editionId,
      organisationId: organisation.id,
      categoryKey: category.key,
      now: args.now ?? new Date(at),
    });
    return { ok: true, id, organisation: organisation.name };
  });
}

function openInvitation(db: Db, editionId: number, organisationId: number) {
  return db
    .selectFrom("organisation_invitations")
    .select("id")
    .where("edition_id", "=", editionId)
    .where("organisation_id", "=", organisationId)
    .where("status", "=", "open")
    .executeTakeFirst();
}

/** The edition's invitations of known organisations, newest first (committee page). */
export async function organisationInvitationsOfEdition(db: Db, editionId: number) {
  return db
    .selectFrom("organisation_invitations as i")
    .innerJoin("organisations as o", "o.id", "i.organisation_id")
    .innerJoin("categories as c", "c.id", "i.category_id")
    .select([
      "i.id",
      "o.name as organisation",
      "o.region",
      "c.key as category",
      "i.status",
      "i.created_at",
      "i.answered_at",
    ])
    .where("i.edition_id", "=", editionId)
    .orderBy("i.id", "desc")
    .execute();
}

/** Open invitations addressed to the given organisations (a member's portal). */
export async function openInvitationsFor(db: Db, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom("organisation_invitations as i")
    .innerJoin("organisations as o", "o.id", "i.organisation_id")
    .innerJoin("editions as ed", "ed.id", "i.edition_id")
    .innerJoin("categories as c", "c.id", "i.category_id")
    .select([
      "i.id",
      "i.organisation_id",
      "o.name as organisation",
      "ed.name as edition",
      "c.key as category",
      "ed.registration_deadline",
      "i.created_at",
    ])
    .where("i.organisation_id", "in", organisationIds)
    .where("i.status", "=", "open")
    .orderBy("i.id")
    .execute();
}

export type AnswerResult =
  { ok: true; entryId: number | null } | { ok: false; reason: "not_found" | "answered" | "already_entered" | "closed" };

/**
 * A member of the invited organisation accepts (the entry is created, as a draft) or declines.
 * Anyone who is not an active member of that organisation gets "not_found"; an invitation is
 * answered once, even by two members at the same moment.
 */
export async function answerOrganisationInvitation(
  db: Db,
  args: { invitationId: number; userId: number; accept: boolean; now?: Date },
): Promise<AnswerResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const inv = await tx
      .selectFrom("organisation_invitations")
      .selectAll()
      .where("id", "=", args.invitationId)
      .executeTakeFirst();
    if (!inv) return { ok: false, reason: "not_found" };
    const member = await tx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("m.id")
      .where("m.user_id", "=", args.userId)
      .where("m.organisation_id", "=", inv.organisation_id)
      .where("m.role", "=", "entrant")
      .where("m.active", "=", 1)
      .where("u.active", "=", 1)
      .executeTakeFirst();
    if (!member) return { ok: false, reason: "not_found" };
    if (inv.status !== "open") return { ok: false, reason: "answered" };
    if (args.accept) {
      // The entry would be a draft nobody can submit any more.
      const edition = await tx
        .selectFrom("editions")
        .select("registration_deadline")
        .where("id", "=", inv.edition_id)
        .executeTakeFirstOrThrow();
      if (deadlinePassed(edition.registration_deadline, args.now)) return { ok: false, reason: "closed" };
      const entered = await tx
        .selectFrom("entries")
        .select("id")
        .where("edition_id", "=", inv.edition_id)
        .where("organisation_id", "=", inv.organisation_id)
        .executeTakeFirst();
      if (entered) return { ok: false, reason: "already_entered" };
    }
    const status: OrganisationInvitationStatus = args.accept ? "accepted" : "declined";
    const res = await tx
      .updateTable("organisation_invitations")
      .set({ status, answered_by: args.userId, answered_at: at })
      .where("id", "=", inv.id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: "answered" };
    const entryId = args.accept
      ? (
          await tx
            .insertInto("entries")
            .values({
              edition_id: inv.edition_id,
              category_id: inv.category_id,
              organisation_id: inv.organisation_id,
              status: "draft",
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id
      : null;
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: inv.edition_id,
      entry_id: entryId,
      action: args.accept ? "invitation.accept" : "invitation.decline",
      subject: `organisation_invitation:${inv.id}`,
      before: json({ status: "open" }),
      after: json({
        kind: "organisation",
        status,
        organisationId: inv.organisation_id,
        categoryId: inv.category_id,
        entryId,
      }),
      reason: null,
    });
    return { ok: true, entryId };
  });
}
