import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { submitEntry } from "../../db/queries/figures";
import { deliverDue } from "../../app/lib/mail/sender.server";
import { mailTransport, type MailTransport } from "../../app/lib/mail/transport.server";
import { addEvidenceFile, createEdition, createEntry, createUser, requiredEvidence } from "../e2e/factories";
import { factoryDb, MAIL_BASE } from "./outbox-support";
import { startSmtpServer, type TestSmtpServer } from "./smtp-server";

// Issue 15, item 5: a real submission on a real database, delivered by the sender through a real
// SMTP server, arrives as exactly one receipt, to the member who submitted (not to the other
// members), in that member's language, with the edition in the subject, the portal link absolute
// from PUBLIC_URL and each file's SHA-256. What arrives is parsed with mailparser.

const BASE = MAIL_BASE;
const ready = factoryDb();

let db: Db;
beforeAll(async () => {
  process.env.SESSION_SECRET ??= "receipt-test-secret";
  db = await ready;
});

let server: TestSmtpServer | undefined;
let transport: MailTransport | undefined;
afterEach(async () => {
  transport?.close();
  await server?.close();
});

describe("the submission receipt over SMTP", () => {
  it("is one message to the submitter, in their language, with the absolute portal link and the files' SHA-256", async () => {
    await ready;
    const edition = await createEdition({ categories: ["large"] });
    const entry = await createEntry(edition, { category: "large", status: "draft" });
    for (const key of await requiredEvidence(edition.categories.large!.rubricId)) await addEvidenceFile(entry, key);
    // A second member of the organisation submits; she reads English. The first member gets nothing.
    const submitter = await createUser({ name: "Dewi Submitter" });
    await db
      .insertInto("memberships")
      .values({ user_id: submitter.id, role: "entrant", organisation_id: entry.organisation.id })
      .execute();
    await db.updateTable("users").set({ locale: "en" }).where("id", "=", submitter.id).execute();

    expect(await submitEntry(db, { entryId: entry.id, userId: submitter.id })).toEqual({ ok: true });

    server = await startSmtpServer();
    transport = mailTransport({ SMTP_URL: server.url })!;
    const result = await deliverDue(db, { transport, now: new Date(Date.now() + 1000) });
    expect(result).toMatchObject({ sent: 1, failed: 0 });
    // Nothing is left to send: a second run sends nothing again.
    expect(await deliverDue(db, { transport, now: new Date(Date.now() + 2000) })).toMatchObject({ sent: 0 });

    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
    expect(to.map((a) => a.address)).toEqual([submitter.email]);
    expect(mail.subject).toBe(`Submission receipt — ${edition.name}`);
    const link = `${BASE}/portal/entries/${entry.id}`;
    expect(mail.text?.split("\n")).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    const files = await db
      .selectFrom("evidence_files")
      .select(["original_name", "sha256"])
      .where("entry_id", "=", entry.id)
      .execute();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(mail.text).toContain(`${f.original_name}, 1 KB, SHA-256 ${f.sha256}`);
    expect(mail.text).toContain("Workers: 1.000");
  });
});
