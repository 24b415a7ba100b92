import type { Db } from "../client";
import type { CategoryKey, InvitationsTable } from "../schema";
import type { MailParamsOf } from "../../app/domain/notifications";
import { withCarriedStanding } from "../../app/domain/carried-evidence";
import { carriedEvidence } from "./evidence";
import { enqueue, enqueueToUsers, organisationRecipients } from "./outbox";

// The messages of entrants and of invitations (docs/notifications.md), written to the outbox by the
// change that causes them, inside its transaction: each function here takes that transaction.

type MailLocale = "id" | "en";
const mailLocale = (locale: string | null | undefined): MailLocale => (locale === "en" ? "en" : "id");

/** An entry's edition, organisation and category, as its messages name them. */
async function entryFacts(tx: Db, entryId: number) {
  return tx
    .selectFrom("entries as e")
    .innerJoin("editions as ed", "ed.id", "e.edition_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select([
      "e.id as entryId",
      "ed.id as editionId",
      "ed.name as editionName",
      "o.id as organisationId",
      "o.name as organisationName",
      "c.key as categoryKey",
    ])
    .where("e.id", "=", entryId)
    .executeTakeFirstOrThrow();
}

/**
 * The one-time link to the address it was made for. A bare address has no language of its own: it
 * gets `locale`, else the inviting user's (users.locale), else Indonesian.
 */
export async function enqueueInvitation(
  tx: Db,
  args: {
    kind: InvitationsTable["kind"];
    email: string;
    token: string;
    expiresAt: string;
    editionId: number | null;
    categoryId: number | null;
    organisationId: number | null;
    createdBy: number | null;
    locale?: MailLocale | null;
    now: Date;
  },
): Promise<number | null> {
  const [edition, category, organisation, inviter] = await Promise.all([
    args.editionId == null
      ? undefined
      : tx.selectFrom("editions").select(["id", "name"]).where("id", "=", args.editionId).executeTakeFirst(),
    args.categoryId == null
      ? undefined
      : tx.selectFrom("categories").select("key").where("id", "=", args.categoryId).executeTakeFirst(),
    args.organisationId == null
      ? undefined
      : tx.selectFrom("organisations").select("name").where("id", "=", args.organisationId).executeTakeFirst(),
    args.createdBy == null
      ? undefined
      : tx.selectFrom("users").select(["name", "locale"]).where("id", "=", args.createdBy).executeTakeFirst(),
  ]);
  const params: MailParamsOf["invitation"] = {
    kind: args.kind,
    path: `/invite/${args.token}`,
    expiresAt: args.expiresAt,
    ...(edition ? { editionId: edition.id, editionName: edition.name } : {}),
    organisationName: organisation?.name ?? null,
    categoryKey: category?.key ?? null,
    inviterName: inviter?.name ?? null,
  };
  return enqueue(tx, {
    event: "invitation",
    params,
    editionId: edition?.id ?? null,
    to: { email: args.email, locale: args.locale ?? mailLocale(inviter?.locale) },
    now: args.now,
  });
}

/** A known organisation invited to an edition: to its active members, who answer on the portal. */
export async function enqueueOrganisationInvited(
  tx: Db,
  args: { editionId: number; organisationId: number; categoryKey: CategoryKey; now: Date },
): Promise<number[]> {
  const [edition, organisation] = await Promise.all([
    tx.selectFrom("editions").select(["id", "name"]).where("id", "=", args.editionId).executeTakeFirstOrThrow(),
    tx.selectFrom("organisations").select("name").where("id", "=", args.organisationId).executeTakeFirstOrThrow(),
  ]);
  return enqueueToUsers(tx, await organisationRecipients(tx, args.organisationId), {
    event: "organisation_invited",
    params: {
      editionId: edition.id,
      editionName: edition.name,
      organisationName: organisation.name,
      categoryKey: args.categoryKey,
    },
    editionId: edition.id,
    now: args.now,
  });
}

/** A self-registration was received: to the person who registered. */
export async function enqueueRegistrationReceived(
  tx: Db,
  args: { entryId: number; userId: number; now: Date },
): Promise<number | null> {
  const f = await entryFacts(tx, args.entryId);
  return enqueue(tx, {
    event: "registration_received",
    params: {
      editionId: f.editionId,
      editionName: f.editionName,
      organisationName: f.organisationName,
      categoryKey: f.categoryKey,
    },
    editionId: f.editionId,
    to: { userId: args.userId },
    now: args.now,
  });
}

/**
 * The committee's decision on a self-registration: to the organisation's active members (a
 * pending organisation's only member is the person who registered it).
 */
export async function enqueueRegistrationDecision(
  tx: Db,
  args: { entryId: number; reason: string | null; now: Date },
): Promise<number[]> {
  const f = await entryFacts(tx, args.entryId);
  const facts = {
    editionId: f.editionId,
    editionName: f.editionName,
    organisationName: f.organisationName,
    categoryKey: f.categoryKey,
  };
  const recipients = await organisationRecipients(tx, f.organisationId);
  return args.reason === null
    ? enqueueToUsers(tx, recipients, {
        event: "registration_approved",
        params: { ...facts, entryId: f.entryId },
        editionId: f.editionId,
        now: args.now,
      })
    : enqueueToUsers(tx, recipients, {
        event: "registration_rejected",
        params: { ...facts, reason: args.reason },
        editionId: f.editionId,
        now: args.now,
      });
}

/** The committee reopened a submitted entry: to the organisation's active members, with the reason. */
export async function enqueueEntryReopened(
  tx: Db,
  args: { entryId: number; reason: string; now: Date },
): Promise<number[]> {
  const f = await entryFacts(tx, args.entryId);
  return enqueueToUsers(tx, await organisationRecipients(tx, f.organisationId), {
    event: "entry_reopened",
    params: {
      editionId: f.editionId,
      editionName: f.editionName,
      entryId: f.entryId,
      organisationName: f.organisationName,
      categoryKey: f.categoryKey,
      reason: args.reason,
    },
    editionId: f.editionId,
    now: args.now,
  });
}

/**
 * The receipt of a submission, to the submitting user only: the figures given and every file it
 * was submitted with (its own files per criterion, in rubric order, and for a nominated national
 * entry the carried provincial files still current for a national criterion), each with its SHA-256.
 */
export async function enqueueReceipt(
  tx: Db,
  args: {
    entryId: number;
    userId: number;
    submittedAt: string;
    figures: MailParamsOf["entry_submitted"]["figures"];
    /** The criteria that take evidence, in rubric order, with their names. */
    criteria: readonly { key: string; name: { id: string; en: string } }[];
    now: Date;
  },
): Promise<number | null> {
  const f = await entryFacts(tx, args.entryId);
  const [own, carried] = await Promise.all([
    tx
      .selectFrom("evidence_files")
      .select(["id", "criterion_key", "original_name", "size", "sha256"])
      .where("entry_id", "=", args.entryId)
      .orderBy("id")
      .execute(),
    carriedEvidence(tx, args.entryId),
  ]);
  const criteria = args.criteria.map((c) => c.key);
  const current = withCarriedStanding(
    carried.map((c) => ({ ...c, criterionKey: c.criterion_key })),
    criteria,
    own.map((o) => ({ criterionKey: o.criterion_key })),
  ).filter((c) => c.standing === "current");
  const nameOf = new Map(args.criteria.map((c) => [c.key, c.name]));
  const position = (key: string) => {
    const i = criteria.indexOf(key);
    return i < 0 ? criteria.length : i;
  };
  const files = [...own.map((o) => ({ ...o, carried: false })), ...current.map((c) => ({ ...c, carried: true }))]
    .sort((a, b) => position(a.criterion_key) - position(b.criterion_key))
    .map((file) => {
      const criterionName = nameOf.get(file.criterion_key);
      return {
        criterion: file.criterion_key,
        ...(criterionName ? { criterionName } : {}),
        name: file.original_name,
        bytes: file.size,
        sha256: file.sha256,
        ...(file.carried ? { carried: true } : {}),
      };
    });
  return enqueue(tx, {
    event: "entry_submitted",
    params: {
      editionId: f.editionId,
      editionName: f.editionName,
      entryId: f.entryId,
      organisationName: f.organisationName,
      categoryKey: f.categoryKey,
      submittedAt: args.submittedAt,
      figures: args.figures,
      files,
    },
    editionId: f.editionId,
    to: { userId: args.userId },
    now: args.now,
  });
}
