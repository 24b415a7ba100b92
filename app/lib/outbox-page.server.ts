import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { MAIL_EVENTS, type MailEvent } from "~/domain/notifications";
import { isOutboxView, viewOf } from "~/domain/outbox-status";
import { outboxCounts, outboxPage } from "../../db/queries/outbox-list";
import { requeueMessage } from "../../db/queries/outbox-delivery";
import type { OutboxStatus } from "../../db/schema";
import { requireEditionCommittee } from "./committee.server";
import { getT } from "./locale.server";
import { pageParam, messageSubject } from "./messages.server";
import { readForm } from "./request-body.server";
import { flash } from "./session.server";

// The server half of the committee's outbox page (app/routes/committee.$editionId.outbox.tsx):
// the edition's messages only, counted and listed by status and event, subjects only (an
// invitation's body holds a one-time link), and the resend of a failed one.

/** Whether this server sends mail at all: without SMTP_URL messages stay queued (and are read in the app). */
function mailIsSent(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

function isMailEvent(v: unknown): v is MailEvent {
  return typeof v === "string" && (MAIL_EVENTS as readonly string[]).includes(v);
}

/** The list's filters from the address; a value that is not one is ignored, and said so. */
function listQuery(url: URL) {
  const q = url.searchParams;
  const rawStatus = q.get("status") || null;
  const rawEvent = q.get("event") || null;
  const status = isOutboxView(rawStatus) ? rawStatus : undefined;
  const event = isMailEvent(rawEvent) ? rawEvent : undefined;
  const kept = new URLSearchParams();
  if (status) kept.set("status", status);
  if (event) kept.set("event", event);
  return {
    status,
    event,
    page: pageParam(q.get("page")),
    invalid: (rawStatus !== null && !status) || (rawEvent !== null && !event),
    kept: kept.toString(),
  };
}

export async function outboxLoader({ request, params }: LoaderFunctionArgs) {
  const { db, edition } = await requireEditionCommittee(request, params);
  const query = listQuery(new URL(request.url));
  const [counts, list] = await Promise.all([
    outboxCounts(db, edition.id),
    outboxPage(db, edition.id, { status: query.status, event: query.event, page: query.page }),
  ]);
  return {
    edition: { id: edition.id },
    mailIsSent: mailIsSent(),
    counts,
    filter: { status: query.status ?? "", event: query.event ?? "", invalid: query.invalid, kept: query.kept },
    events: MAIL_EVENTS,
    total: list.total,
    page: list.page,
    pages: list.pages,
    rows: list.rows.map((r) => {
      const status = viewOf(r.status as OutboxStatus);
      return {
        id: r.id,
        event: r.event as MailEvent,
        subject: messageSubject(r),
        to: r.to_address,
        status,
        createdAt: r.created_at,
        sentAt: r.sent_at,
        attempts: r.attempts,
        lastError: status === "failed" ? r.last_error : null,
      };
    }),
  };
}

const resendSchema = z.object({
  intent: z.literal("resend"),
  messageId: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .pipe(z.number().int().positive()),
});

/** "Kirim ulang": a failed message of this edition goes back to the queue; back to the list as it was. */
export async function outboxAction({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const parsed = resendSchema.safeParse({ intent: form.get("intent"), messageId: form.get("messageId") });
  if (!parsed.success) return data({ error: t("outbox.resend.notFound") }, 400);
  const res = await requeueMessage(db, {
    messageId: parsed.data.messageId,
    editionId: edition.id,
    userId: viewer.user.id,
  });
  if (!res.ok)
    return data(
      { error: t(res.reason === "not_failed" ? "outbox.resend.notFailed" : "outbox.resend.notFound") },
      res.reason === "not_failed" ? 409 : 404,
    );
  const { kept } = listQuery(new URL(request.url));
  return redirect(`/committee/${edition.id}/outbox${kept ? `?${kept}` : ""}`, {
    headers: await flash(request, t("outbox.resent")),
  });
}
