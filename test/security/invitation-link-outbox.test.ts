import { afterEach, describe, expect, it } from "vitest";
import { createInvitation } from "../../db/queries/invitations";
import { deliverDue } from "../../app/lib/mail/sender.server";
import { mailTransport, type MailTransport } from "../../app/lib/mail/transport.server";
import { createEdition } from "../e2e/factories";
import { startSmtpServer, type TestSmtpServer } from "../mail/smtp-server";
import { factoryDb, MAIL_BASE } from "../mail/outbox-support";

// An invitation's one-time link is a password in all but name: the invitations table keeps only
// its hash. The outbox has to hold the raw link until the mail server takes the message; after that,
// no copy of it may stay in the database (a backup, a restored copy or anyone reading the outbox
// could use it until it expires).

const ready = factoryDb();
let server: TestSmtpServer | undefined;
let transport: MailTransport | undefined;
afterEach(async () => {
  transport?.close();
  await server?.close();
});

describe("an invitation's one-time link in the outbox", () => {
  it("is gone from the database once the message is sent, and the mail had it", async () => {
    const db = await ready;
    const edition = await createEdition({ categories: ["large"] });
    const inv = await createInvitation(db, {
      kind: "assessor",
      email: "penilai.baru@paritrana.test",
      editionId: edition.id,
      createdBy: edition.committee.id,
    });
    const before = await db.selectFrom("outbox").select(["id", "params"]).where("event", "=", "invitation").execute();
    const row = before.find((r) => r.params.includes(inv.token));
    expect(row).toBeDefined();

    server = await startSmtpServer();
    transport = mailTransport({ SMTP_URL: server.url })!;
    expect(await deliverDue(db, { transport, now: new Date(Date.now() + 1000) })).toMatchObject({ sent: 1 });
    const [mail] = server.received;
    expect(mail?.text).toContain(`${MAIL_BASE}/invite/${inv.token}`);

    const after = await db.selectFrom("outbox").selectAll().where("id", "=", row!.id).executeTakeFirstOrThrow();
    expect(after.status).toBe("sent");
    expect(JSON.stringify(after)).not.toContain(inv.token);
  });
});
