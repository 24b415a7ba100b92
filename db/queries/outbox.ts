import type { Db } from "../client";
import type { Role } from "../schema";
import { canTurnOff, type MailEvent, type MailParams } from "../../app/domain/notifications";

// The outbox (docs/notifications.md): a message is a row written by `enqueue` INSIDE the
// transaction of the change that causes it (a rolled-back change sends nothing; a committed one is
// never lost), then delivered by the sender loop (app/lib/mail/sender.server.ts). The row holds the
// event's facts, not its text: the text is written in the recipient's language when it is sent or
// shown in the app ("Pesan").

/** Whom a message goes to: an account (its address and language are read now), or a bare address. */
export type Recipient = { userId: number } | { email: string; locale: "id" | "en" };

export interface NewMessage<E extends MailEvent> {
  event: E;
  params: MailParams<E>;
  /** The edition it belongs to (the committee's outbox page lists by edition); null for none. */
  editionId: number | null;
  to: Recipient;
  /** A message that must go at most once (reminders): a second enqueue with the key adds nothing. */
  dedupeKey?: string | null;
  now?: Date;
}

/**
 * Writes one message to the outbox; call it with the transaction of the change it reports.
 * Nothing is written to an account that is inactive or anonymised, nor a reminder to someone who
 * turned reminders off, nor a second message with the same dedupe key. Returns the id, or null
 * when nothing was written.
 */
export async function enqueue<E extends MailEvent>(tx: Db, m: NewMessage<E>): Promise<number | null> {
  const [id] = await enqueueAll(tx, [m]);
  return id ?? null;
}

/** The same message to each of several accounts (one row each: each has its own language). */
export async function enqueueToUsers<E extends MailEvent>(
  tx: Db,
  userIds: readonly number[],
  m: Omit<NewMessage<E>, "to" | "dedupeKey">,
): Promise<number[]> {
  return enqueueAll(
    tx,
    [...new Set(userIds)].map((userId) => ({ ...m, to: { userId } }) as NewMessage<E>),
  );
}

/** Rows per insert and ids per `in (…)`: far below the databases' bound-parameter limits. */
const CHUNK = 200;

/**
 * Writes several messages with one read of their accounts and one insert per 200 rows (a
 * publication tells every entrant of a category), with enqueue's rules. Returns the ids written.
 */
export async function enqueueAll(tx: Db, messages: readonly NewMessage<MailEvent>[]): Promise<number[]> {
  const userIds = [...new Set(messages.flatMap((m) => ("userId" in m.to ? [m.to.userId] : [])))];
  const users = new Map<number, { email: string; locale: string; reminders: number }>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const rows = await tx
      .selectFrom("users")
      .select(["id", "email", "locale", "reminders"])
      .where("id", "in", userIds.slice(i, i + CHUNK))
      .where("active", "=", 1)
      .where("anonymised_at", "is", null)
      .execute();
    for (const u of rows) users.set(u.id, u);
  }
  const rows = messages.flatMap((m) => {
    const now = (m.now ?? new Date()).toISOString();
    let recipient: { user_id: number | null; to_address: string; locale: string };
    if ("userId" in m.to) {
      const user = users.get(m.to.userId);
      if (!user || (canTurnOff(m.event) && !user.reminders)) return [];
      recipient = { user_id: m.to.userId, to_address: user.email, locale: user.locale };
    } else {
      recipient = { user_id: null, to_address: m.to.email.trim().toLowerCase(), locale: m.to.locale };
    }
    return [
      {
        event: m.event,
        params: JSON.stringify(m.params),
        edition_id: m.editionId,
        ...recipient,
        next_attempt_at: now,
        created_at: now,
        dedupe_key: m.dedupeKey ?? null,
      },
    ];
  });
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const written = await tx
      .insertInto("outbox")
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id")
      .execute();
    ids.push(...written.map((r) => r.id));
  }
  return ids;
}

/** The active members of an organisation (who hear about its entries). */
export async function organisationRecipients(tx: Db, organisationId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom("memberships")
    .select("user_id")
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "entrant")
    .where("active", "=", 1)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The active members of an edition with a role: its committee, or its assessors or jurors. */
export async function editionRecipients(
  tx: Db,
  editionId: number,
  role: Extract<Role, "committee" | "assessor" | "juror">,
): Promise<number[]> {
  const rows = await tx
    .selectFrom("memberships")
    .select("user_id")
    .where("edition_id", "=", editionId)
    .where("role", "=", role)
    .where("active", "=", 1)
    .execute();
  return rows.map((r) => r.user_id);
}
