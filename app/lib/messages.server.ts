import { DEFAULT_LOCALE, isLocale, translator } from "~/i18n";
import { markMessageRead, userMessage, userMessagesPage } from "../../db/queries/outbox-list";
import type { OutboxStatus } from "../../db/schema";
import { getDb } from "./db.server";
import { idParam, notFound, requireViewer } from "./guards.server";
import { messageContent, type OutboxMessage } from "./mail/message.server";
import { mailSubject, type MailContent } from "./mail/render";

// Messages as people read them in the app: each signed-in person's own ("Pesan", the server half of
// app/routes/messages.*), and the subjects the committee's outbox page lists. A message is written
// from its stored facts in its recipient's language, as the mail was.

/**
 * The title and blocks of a stored message. Should its event have no template (a message written
 * by a newer version, say), the event's name stands in: a list of fifty must not fail for one.
 */
export function contentOf(row: OutboxMessage): MailContent {
  try {
    return messageContent(row);
  } catch {
    const t = translator(isLocale(row.locale) ? row.locale : DEFAULT_LOCALE);
    return { title: t(`messages.event.${row.event}`), blocks: [] };
  }
}

/**
 * A message's subject in its recipient's language, as the mail had it. The title never names what a
 * message lists (a receipt's figures and files), so the lists are left out: writing them costs
 * ten times the rest, and a page lists fifty subjects.
 */
export function messageSubject(row: OutboxMessage): string {
  const params = JSON.parse(row.params) as Record<string, unknown> & { editionName?: string | null };
  const light = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? [] : v]));
  return mailSubject(contentOf({ ...row, params: JSON.stringify(light) }).title, params.editionName);
}

/** A page number from the address: anything but a positive whole number is the first page. */
export function pageParam(value: string | null): number {
  return value && /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : 1;
}

/** What a list says of whether a message went out by e-mail. */
function delivery(row: { status: OutboxStatus; sent_at: string | null }) {
  return { sent: row.status === "sent", sentAt: row.sent_at };
}

/** The signed-in person's messages, newest first, one page. */
export async function inbox(request: Request) {
  const viewer = await requireViewer(request);
  const db = await getDb();
  const list = await userMessagesPage(db, viewer.user.id, pageParam(new URL(request.url).searchParams.get("page")));
  return {
    ...list,
    rows: list.rows.map((r) => ({
      id: r.id,
      subject: messageSubject(r),
      createdAt: r.created_at,
      unread: r.read_at === null,
      ...delivery(r),
    })),
  };
}

/** One of the signed-in person's own messages, marked read (anyone else's is a 404). */
export async function openMessage(request: Request, messageIdParam: string | undefined) {
  const viewer = await requireViewer(request);
  const messageId = idParam(messageIdParam);
  const db = await getDb();
  const row = await userMessage(db, viewer.user.id, messageId);
  if (!row) notFound();
  if (row.read_at === null) await markMessageRead(db, viewer.user.id, messageId);
  const { editionName } = JSON.parse(row.params) as { editionName?: string | null };
  const content = contentOf(row);
  return {
    id: row.id,
    subject: mailSubject(content.title, editionName),
    blocks: content.blocks,
    createdAt: row.created_at,
    locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    ...delivery(row),
  };
}
