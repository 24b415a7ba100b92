import type { Db } from "../client";
import type { MailEvent, OutboxStatus } from "../schema";
import { OUTBOX_VIEWS, statusesOf, viewOf, type OutboxView } from "../../app/domain/outbox-status";

// Reading the outbox: an edition's messages for its committee (the outbox page), and one person's
// own messages ("Pesan"). Writing and delivering them: outbox.ts and outbox-delivery.ts.

export const OUTBOX_PAGE_SIZE = 50;

/** What a list shows of a message (never its body: an invitation's holds a one-time link). */
const LIST_COLUMNS = [
  "id",
  "event",
  "params",
  "locale",
  "user_id",
  "to_address",
  "status",
  "attempts",
  "last_error",
  "created_at",
  "sent_at",
  "read_at",
] as const;

export interface OutboxFilter {
  status?: OutboxView;
  event?: MailEvent;
  /** 1-based. */
  page?: number;
}

function paging(total: number, page: number | undefined) {
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  // A page past the end shows the last one.
  const current = Math.min(pages, Math.max(1, Math.floor(page ?? 1)));
  return { page: current, pages, offset: (current - 1) * OUTBOX_PAGE_SIZE };
}

/** How many of the edition's messages are sent, waiting, failed. */
export async function outboxCounts(db: Db, editionId: number): Promise<Record<OutboxView, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
    .where("edition_id", "=", editionId)
    .groupBy("status")
    .execute();
  const counts = Object.fromEntries(OUTBOX_VIEWS.map((v) => [v, 0])) as Record<OutboxView, number>;
  for (const r of rows) counts[viewOf(r.status as OutboxStatus)] += Number(r.n);
  return counts;
}

/** The edition's messages, newest first, filtered, one page of OUTBOX_PAGE_SIZE, with the total. */
export async function outboxPage(db: Db, editionId: number, filter: OutboxFilter = {}) {
  let q = db.selectFrom("outbox").where("edition_id", "=", editionId);
  if (filter.status) q = q.where("status", "in", statusesOf(filter.status));
  if (filter.event) q = q.where("event", "=", filter.event);
  const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(count.n);
  const { page, pages, offset } = paging(total, filter.page);
  const rows = await q.select(LIST_COLUMNS).orderBy("id", "desc").limit(OUTBOX_PAGE_SIZE).offset(offset).execute();
  return { rows, total, page, pages };
}

/** One person's own messages, newest first, one page of OUTBOX_PAGE_SIZE, with the total. */
export async function userMessagesPage(db: Db, userId: number, page?: number) {
  const q = db.selectFrom("outbox").where("user_id", "=", userId);
  const count = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(count.n);
  const p = paging(total, page);
  const rows = await q.select(LIST_COLUMNS).orderBy("id", "desc").limit(OUTBOX_PAGE_SIZE).offset(p.offset).execute();
  return { rows, total, page: p.page, pages: p.pages };
}

/**
 * How many of a person's messages they have not opened (index outbox_user), leaving out `opening`:
 * the message the same request opens (its loader marks it read while this one counts).
 */
export async function unreadCount(db: Db, userId: number, opening?: number): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .$if(opening !== undefined, (q) => q.where("id", "!=", opening!))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A person's own message, or undefined (someone else's is not theirs to read). */
export function userMessage(db: Db, userId: number, messageId: number) {
  return db
    .selectFrom("outbox")
    .select(LIST_COLUMNS)
    .where("id", "=", messageId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Marks a person's own message read (the first time it is opened). */
export async function markMessageRead(db: Db, userId: number, messageId: number, now = new Date()) {
  await db
    .updateTable("outbox")
    .set({ read_at: now.toISOString() })
    .where("id", "=", messageId)
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
}
