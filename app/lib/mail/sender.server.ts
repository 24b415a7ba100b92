import type { Db } from "../../../db/client";
import { claimDue, markFailed, markRetry, markSent, releaseClaims } from "../../../db/queries/outbox-delivery";
import { isPermanentFailure, type SendFailure } from "~/domain/notifications";
import { renderMessage } from "./message.server";
import { mailTransport, type MailTransport } from "./transport.server";

// The sender loop (docs/notifications.md): every MAIL_POLL_MS it claims the due messages of the
// outbox, writes each in its recipient's language, hands it to the SMTP server and marks it sent,
// queued again for later, or failed.

export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
}

/** Messages claimed per run: with the transport's timeouts a run stays well inside the claim's lease. */
const BATCH = 10;

/**
 * Delivers the due messages once. Without a transport (no SMTP_URL) nothing is claimed: messages
 * wait in the outbox. A message whose text cannot be written fails alone; a connection that
 * cannot be made puts the rest of the batch back untried (they would fail the same way).
 */
export async function deliverDue(
  db: Db,
  { transport, now = new Date(), limit = BATCH }: { transport: MailTransport | null; now?: Date; limit?: number },
): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
  if (!transport) return run;
  const claims = await claimDue(db, { now, limit });
  for (const [i, claim] of claims.entries()) {
    let mail: ReturnType<typeof renderMessage>;
    try {
      mail = renderMessage(claim);
    } catch (error) {
      if (await markFailed(db, claim, `The message cannot be written: ${describe(error)}`)) run.failed++;
      continue;
    }
    try {
      await transport.send({
        to: claim.to_address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.unsubscribeUrl
          ? // One-click unsubscribe (RFC 8058): mail programs show their own button for it.
            { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
          : undefined,
      });
    } catch (error) {
      const failure = sendFailure(error);
      if (isPermanentFailure(failure)) {
        if (await markFailed(db, claim, describe(error))) run.failed++;
        continue;
      }
      const outcome = await markRetry(db, claim, describe(error), now);
      if (outcome) run[outcome]++;
      if (failure.responseCode === undefined) {
        // No answer from the server at all: the others would only wait for the same time-outs.
        await releaseClaims(db, claims.slice(i + 1));
        break;
      }
      continue;
    }
    // Sent. Should the process die before this line, the claim lapses and the message is sent
    // once more: the one duplicate a crash can cause.
    if (await markSent(db, claim, now)) run.sent++;
  }
  return run;
}

/** What nodemailer's error says about the failure: the server's code, or its own. */
function sendFailure(error: unknown): SendFailure {
  const e = error as { responseCode?: unknown; code?: unknown };
  return {
    responseCode: typeof e?.responseCode === "number" ? e.responseCode : undefined,
    code: typeof e?.code === "string" ? e.code : undefined,
  };
}

/** The server's reply when there is one (e.g. "550 5.1.1 No such user"), else the error message. */
function describe(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown };
  if (typeof e?.response === "string" && e.response) return e.response;
  return typeof e?.message === "string" ? e.message : String(error);
}

interface SenderLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;
let active: { transport: MailTransport } | null = null;

/**
 * Runs deliverDue every `intervalMs` (one run at a time: the next is scheduled when one ends) with
 * the transport SMTP_URL gives; does nothing without one. The timers do not keep the process alive.
 */
export function startMailSender(
  getDb: () => Promise<Db>,
  opts: { transport?: MailTransport | null; intervalMs?: number; log?: SenderLog } = {},
): void {
  const transport = opts.transport === undefined ? mailTransport() : opts.transport;
  if (!transport || active) return;
  const intervalMs = opts.intervalMs ?? 5_000;
  const sender = { transport };
  active = sender;
  const tick = () => {
    timer = null;
    let full = false;
    running = getDb()
      .then((db) => deliverDue(db, { transport }))
      .then((run) => {
        const done = run.sent + run.retried + run.failed;
        if (done > 0) opts.log?.info({ ...run }, "mail delivered");
        // A whole batch went: there may be more waiting (a publication to every entrant).
        full = done >= BATCH;
      })
      .catch((error: unknown) => opts.log?.error({ err: error }, "the mail sender run failed"))
      .finally(() => {
        running = null;
        if (active === sender) timer = setTimeout(tick, full ? 0 : intervalMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();
}

/**
 * Stops the loop. A run in progress gets `waitMs` to finish marking what it sent; a mail server
 * that stopped answering could otherwise hold shutdown for its time-outs (up to ~50 s). A message
 * cut off then keeps its claim, which lapses: it is sent again later (the one duplicate a stop can cause).
 */
export async function stopMailSender(waitMs = 5_000): Promise<void> {
  const sender = active;
  active = null;
  if (timer) clearTimeout(timer);
  timer = null;
  let limit: NodeJS.Timeout | undefined;
  await Promise.race([running, new Promise<void>((done) => (limit = setTimeout(done, waitMs).unref()))]);
  clearTimeout(limit);
  sender?.transport.close();
}
