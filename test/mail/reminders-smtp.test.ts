import { afterEach, describe, expect, it } from "vitest";
import { queueReminders } from "../../db/queries/reminders";
import { deliverDue } from "../../app/lib/mail/sender.server";
import { mailTransport, type MailTransport } from "../../app/lib/mail/transport.server";
import { unsubscribeUser } from "../../app/lib/mail/unsubscribe.server";
import { freshDb } from "../db/support";
import { daysBefore, reminderFixture } from "../db/reminders-fixture";
import { startSmtpServer, type TestSmtpServer } from "./smtp-server";

// Issue 15, item 5: reminders are sent once across two runs of the scheduler, through a real SMTP
// server, each with a one-click unsubscribe header and an absolute unsubscribe link.

const BASE = "https://award.example.go.id";
process.env.PUBLIC_URL = BASE;
process.env.SESSION_SECRET ??= "reminders-smtp-test-secret";

let server: TestSmtpServer | null = null;
let transport: MailTransport | null = null;
afterEach(async () => {
  transport?.close();
  await server?.close();
});

describe("reminders through SMTP", () => {
  it("two runs of the scheduler's work send exactly one reminder per person", async () => {
    const { db } = await freshDb();
    const f = await reminderFixture(db);
    await db.updateTable("users").set({ locale: "en" }).where("id", "=", f.p1).execute();
    server = await startSmtpServer();
    transport = mailTransport({ SMTP_URL: server.url })!;

    const now = daysBefore(6.5);
    for (let run = 0; run < 2; run++) {
      await queueReminders(db, now);
      await deliverDue(db, { transport, now });
    }

    const received = server.received;
    const to = received.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address).sort();
    expect(to).toEqual(["a1.r@paritrana.test", "a2.r@paritrana.test", "p1.r@paritrana.test"]);

    const forA1 = received.find((m) => m.text?.includes("/portal/entries/"))!;
    expect(forA1.subject).toBe("Pengingat: entri Anda belum dikirim — Paritrana Award 2030 — Reminders r");
    expect(forA1.text).toContain(`${BASE}/portal/entries/${f.entryA.id}`);
    expect(forA1.text).toContain("10 Maret 2030");

    const forP1 = received.find((m) => m.subject?.startsWith("Reminder:"))!;
    expect(forP1.subject).toBe("Reminder: 2 scoresheet(s) not submitted — Paritrana Award 2030 — Reminders r");
    expect(forP1.text).toContain(`${BASE}/assess`);

    for (const mail of received) {
      // List-Unsubscribe: <https://…/unsubscribe/<token>>, one click (RFC 8058).
      // mailparser reads List-Unsubscribe and List-Unsubscribe-Post into the "list" header.
      const list = mail.headers.get("list") as {
        unsubscribe?: { url?: string };
        "unsubscribe-post"?: { name?: string };
      };
      const url = list.unsubscribe?.url;
      expect(url).toMatch(new RegExp(`^${BASE}/unsubscribe/\\d+\\.[A-Za-z0-9_-]{43}$`));
      expect(list["unsubscribe-post"]?.name).toBe("List-Unsubscribe=One-Click");
      // The same absolute link in the body, naming the recipient's own account.
      expect(mail.text).toContain(url!);
      const userId = unsubscribeUser(url!.split("/").pop()!);
      const user = await db.selectFrom("users").select("email").where("id", "=", userId!).executeTakeFirstOrThrow();
      expect(user.email).toBe((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address);
    }

    // A third run later in the week: still nothing new.
    await queueReminders(db, daysBefore(4));
    await deliverDue(db, { transport, now: daysBefore(4) });
    expect(server.received).toHaveLength(3);
  });
});
