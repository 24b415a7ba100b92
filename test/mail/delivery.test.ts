import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { enqueue } from "../../db/queries/outbox";
import { CLAIM_LEASE_MS, claimDue, markSent, requeueMessage } from "../../db/queries/outbox-delivery";
import type { MailEvent } from "../../db/schema";
import { MAX_ATTEMPTS } from "../../app/domain/notifications";
import { deliverDue, startMailSender, stopMailSender } from "../../app/lib/mail/sender.server";
import { templates } from "../../app/lib/mail/templates";
import { mailTransport, type MailTransport } from "../../app/lib/mail/transport.server";
import { freshDb } from "../db/support";
import { startSmtpServer, type TestSmtpServer } from "./smtp-server";

// Issue 15, items 1, 2 and 5: the sender delivers the outbox through a real SMTP server (in this
// process, on a free port), retries what may pass later, gives up on what never will, and never
// sends a message twice, also with two instances on PostgreSQL.

const BASE = "https://award.example.go.id";
process.env.PUBLIC_URL = BASE;
process.env.SESSION_SECRET ??= "delivery-test-secret";

const MINUTE = 60_000;
const T0 = new Date("2026-12-02T03:00:00.000Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

const servers: TestSmtpServer[] = [];
const transports: MailTransport[] = [];
afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  for (const s of servers.splice(0)) await s.close();
});

/** A real SMTP server and a transport pointed at it by SMTP_URL. */
async function smtp(reply?: (rcpt: string, attempt: number) => number | undefined) {
  const server = await startSmtpServer({ reply });
  servers.push(server);
  const transport = mailTransport({ SMTP_URL: server.url, MAIL_FROM: "Panitia <panitia@example.go.id>" })!;
  transports.push(transport);
  return { server, transport };
}

/** An edition, and a committee member who resends. */
async function edition(db: Db, name = "Paritrana Award Test 2026") {
  const { id } = await db
    .insertInto("editions")
    .values({
      name,
      year: 2026,
      level: "provincial",
      region: "Test",
      period_start: "2026-01-01",
      period_end: "2026-12-31",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** An invitation to a bare address (its template has a one-time link: a site path). */
function invite(db: Db, editionId: number, email: string, now = T0) {
  return enqueue(db, {
    event: "invitation",
    params: {
      kind: "assessor",
      path: `/invite/token-for-${email.split("@")[0]}`,
      expiresAt: "2026-12-20T00:00:00.000Z",
      editionId,
      editionName: "Paritrana Award Test 2026",
    },
    editionId,
    to: { email, locale: "en" },
    now,
  }) as Promise<number>;
}

function row(db: Db, id: number) {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

let db: Db;
let editionId: number;
// Each test its own database: what one leaves queued is not delivered by the next.
beforeEach(async () => {
  ({ db } = await freshDb());
  editionId = await edition(db);
});

describe("delivery through SMTP", () => {
  it("delivers a queued message once, to its recipient, with its subject and absolute links", async () => {
    const { server, transport } = await smtp();
    const id = await invite(db, editionId, "sari@example.org");
    expect(await deliverDue(db, { transport, now: T0 })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await deliverDue(db, { transport, now: later(5 * MINUTE) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.to).toMatchObject({ value: [{ address: "sari@example.org" }] });
    expect(mail.from).toMatchObject({ value: [{ address: "panitia@example.go.id", name: "Panitia" }] });
    expect(mail.subject).toMatch(/ — Paritrana Award Test 2026$/);
    expect(mail.text).toContain(`${BASE}/invite/token-for-sari`);
    const links = [...String(mail.html).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(links).toContain(`${BASE}/invite/token-for-sari`);
    for (const link of links) expect(link.startsWith(`${BASE}/`)).toBe(true);
    expect(mail.headers.has("list")).toBe(false);
    expect(await row(db, id)).toMatchObject({
      status: "sent",
      attempts: 1,
      sent_at: T0.toISOString(),
      claimed_until: null,
    });
  });

  it("retries a message the server defers (451) after the backoff, then delivers it exactly once", async () => {
    const { server, transport } = await smtp((_rcpt, attempt) => (attempt === 1 ? 451 : undefined));
    const id = await invite(db, editionId, "deferred@example.org");
    expect(await deliverDue(db, { transport, now: T0 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const deferred = await row(db, id);
    expect(deferred).toMatchObject({ status: "queued", attempts: 1, claimed_until: null });
    expect(deferred.last_error).toContain("451");
    expect(deferred.next_attempt_at).toBe(later(MINUTE).toISOString());
    // Not due yet: nothing is tried.
    expect(await deliverDue(db, { transport, now: later(30_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverDue(db, { transport, now: later(MINUTE) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await deliverDue(db, { transport, now: later(60 * MINUTE) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(server.received.map((m) => m.subject)).toHaveLength(1);
    expect(await row(db, id)).toMatchObject({ status: "sent", attempts: 2, sent_at: later(MINUTE).toISOString() });
  });

  it("gives up on a refused address (550): failed with the server's reply, never tried again", async () => {
    let tries = 0;
    const { server, transport } = await smtp(() => (tries++, 550));
    const id = await invite(db, editionId, "nobody@example.org");
    expect(await deliverDue(db, { transport, now: T0 })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await row(db, id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1, claimed_until: null });
    expect(failed.last_error).toMatch(/^550 /);
    expect(await deliverDue(db, { transport, now: later(24 * 60 * MINUTE) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(tries).toBe(1);
    expect(server.received).toHaveLength(0);
  });

  it("fails a message deferred MAX_ATTEMPTS times", async () => {
    const { transport } = await smtp(() => 451);
    const id = await invite(db, editionId, "always-later@example.org");
    await db
      .updateTable("outbox")
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where("id", "=", id)
      .execute();
    expect(await deliverDue(db, { transport, now: T0 })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await row(db, id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
  });

  it("fails a message whose text cannot be written, and still delivers the others", async () => {
    const { server, transport } = await smtp();
    const broken = (await invite(db, editionId, "broken@example.org"))!;
    await db
      .updateTable("outbox")
      .set({ event: "no_such_event" as MailEvent })
      .where("id", "=", broken)
      .execute();
    const good = await invite(db, editionId, "good@example.org");
    expect(await deliverDue(db, { transport, now: T0 })).toEqual({ sent: 1, retried: 0, failed: 1 });
    const failed = await row(db, broken);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.last_error).toContain("no_such_event");
    expect((await row(db, good)).status).toBe("sent");
    expect(server.received.map((m) => m.to)).toMatchObject([{ value: [{ address: "good@example.org" }] }]);
  });

  it("claims again a message left 'sending' by a sender that died, once its lease has passed", async () => {
    const { server, transport } = await smtp();
    const id = await invite(db, editionId, "crash@example.org");
    // A sender claims it and dies (before or after the server took it: then this is the one
    // message a crash may send twice, docs/notifications.md).
    const [lost] = await claimDue(db, { now: T0 });
    expect(lost).toMatchObject({ id });
    expect((await row(db, id)).status).toBe("sending");
    expect(await deliverDue(db, { transport, now: later(CLAIM_LEASE_MS - 1) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await deliverDue(db, { transport, now: later(CLAIM_LEASE_MS) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(server.received).toHaveLength(1);
    // The dead sender's claim is gone: it could not mark the row any more.
    expect(await markSent(db, lost!, later(CLAIM_LEASE_MS + 1))).toBe(false);
    expect(await row(db, id)).toMatchObject({
      status: "sent",
      attempts: 1,
      sent_at: later(CLAIM_LEASE_MS).toISOString(),
    });
  });

  it("puts the rest of a batch back untried when the server cannot be reached", async () => {
    const { server } = await smtp();
    const down = mailTransport({ SMTP_URL: server.url })!;
    transports.push(down);
    await server.close();
    servers.length = 0;
    const a = await invite(db, editionId, "first@example.org");
    const b = await invite(db, editionId, "second@example.org");
    expect(await deliverDue(db, { transport: down, now: T0 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const first = await row(db, a);
    expect(first).toMatchObject({ status: "queued", attempts: 1 });
    expect(first.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(await row(db, b)).toMatchObject({ status: "queued", attempts: 0, claimed_until: null, last_error: null });
  });

  it("changes nothing without a transport (no SMTP_URL): messages wait in the outbox", async () => {
    const id = await invite(db, editionId, "waiting@example.org");
    expect(mailTransport({})).toBeNull();
    expect(await deliverDue(db, { transport: null, now: later(60 * MINUTE) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await row(db, id)).toMatchObject({ status: "queued", attempts: 0, claimed_until: null });
  });

  it("gives reminders the one-click unsubscribe headers", async () => {
    const { server, transport } = await smtp();
    const { id: userId } = await db
      .insertInto("users")
      .values({ email: "assessor@example.org", name: "Sari Penilai", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The sender's part is the headers: this test writes the reminder with a template of its own.
    const real = templates.reminder;
    templates.reminder = () => ({ title: "Reminder", blocks: [{ kind: "p", text: "A deadline is near." }] });
    try {
      await enqueue(db, {
        event: "reminder",
        params: {} as never,
        editionId,
        to: { userId },
        now: T0,
      });
      expect(await deliverDue(db, { transport, now: T0 })).toMatchObject({ sent: 1 });
    } finally {
      templates.reminder = real;
    }
    const mail = server.received[0]!;
    // mailparser gathers the List-* headers under "list".
    const list = mail.headers.get("list") as { unsubscribe?: { url?: string }; "unsubscribe-post"?: { name?: string } };
    expect(list["unsubscribe-post"]?.name).toBe("List-Unsubscribe=One-Click");
    expect(list.unsubscribe?.url).toMatch(new RegExp(`^${BASE}/unsubscribe/${userId}\\.[A-Za-z0-9_-]{43}$`));
  });
});

describe("the sender loop", () => {
  it("delivers what is queued, a full batch followed at once by the next, and stops after its run", async () => {
    const { server, transport } = await smtp();
    for (let i = 0; i < 13; i++) await invite(db, editionId, `loop${i}@example.org`, new Date());
    // Polling once a minute: the 13 go in two batches of one run each, the second right after the first.
    startMailSender(async () => db, { transport, intervalMs: 60_000 });
    try {
      await expect.poll(() => server.received.length, { timeout: 10_000 }).toBe(13);
    } finally {
      await stopMailSender();
    }
    const statuses = await db.selectFrom("outbox").select("status").distinct().execute();
    expect(statuses).toEqual([{ status: "sent" }]);
  });
});

describe("the SMTP_URL setting", () => {
  it("refuses what is not an smtp:// or smtps:// address, with a message for the operator", () => {
    expect(() => mailTransport({ SMTP_URL: "mail.example.org:587" })).toThrow(/SMTP_URL must/);
    expect(() => mailTransport({ SMTP_URL: "https://mail.example.org" })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(mailTransport({ SMTP_URL: "smtps://user:p%40ss@mail.example.org" })).not.toBeNull();
  });
});

describe("resending a failed message", () => {
  it("queues a failed message of the edition again, audited; refuses another edition's and a sent one", async () => {
    const other = await edition(db, "Another edition");
    const { id: userId } = await db
      .insertInto("users")
      .values({ email: "committee@example.org", name: "Panitia", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { transport } = await smtp((rcpt) => (rcpt.startsWith("refused") ? 550 : undefined));
    const failed = await invite(db, editionId, "refused@example.org");
    const sent = await invite(db, editionId, "accepted@example.org");
    await deliverDue(db, { transport, now: T0 });
    expect((await row(db, failed)).status).toBe("failed");
    expect((await row(db, sent)).status).toBe("sent");

    expect(await requeueMessage(db, { messageId: failed, editionId: other, userId })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await requeueMessage(db, { messageId: sent, editionId, userId })).toEqual({
      ok: false,
      reason: "not_failed",
    });
    expect(await requeueMessage(db, { messageId: failed, editionId, userId, now: later(MINUTE) })).toEqual({
      ok: true,
    });
    expect(await row(db, failed)).toMatchObject({
      status: "queued",
      attempts: 0,
      next_attempt_at: later(MINUTE).toISOString(),
    });
    // Only a failed message: a second resend of the same one is refused.
    expect(await requeueMessage(db, { messageId: failed, editionId, userId })).toEqual({
      ok: false,
      reason: "not_failed",
    });
    const audited = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "outbox.resend")
      .executeTakeFirstOrThrow();
    expect(audited).toMatchObject({ user_id: userId, edition_id: editionId, subject: `message:${failed}` });
    expect(JSON.parse(audited.before!)).toMatchObject({ status: "failed", attempts: 1 });
  });
});

// Two app instances on one PostgreSQL database: each message is claimed by one of them only.
const pgUrl = process.env.TEST_POSTGRES_URL;
describe.skipIf(!pgUrl)("two senders on PostgreSQL", () => {
  it("send every message exactly once when they run at the same time", async () => {
    const first = await createDb(pgUrl!);
    const second = await createDb(pgUrl!);
    try {
      await sql`drop schema public cascade`.execute(first);
      await sql`create schema public`.execute(first);
      await migrateToLatest(first);
      const pgEdition = await edition(first);
      const count = 30;
      for (let i = 0; i < count; i++) await invite(first, pgEdition, `panel${i}@example.org`);
      const { server, transport } = await smtp();
      for (;;) {
        const runs = await Promise.all([
          deliverDue(first, { transport, now: T0, limit: 4 }),
          deliverDue(second, { transport, now: T0, limit: 4 }),
        ]);
        if (runs.every((r) => r.sent === 0)) break;
      }
      const addresses = server.received.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address);
      expect(addresses).toHaveLength(count);
      expect(new Set(addresses).size).toBe(count);
      const statuses = await first.selectFrom("outbox").select(["status", "attempts"]).distinct().execute();
      expect(statuses).toEqual([{ status: "sent", attempts: 1 }]);
    } finally {
      await first.destroy();
      await second.destroy();
    }
  });
});
