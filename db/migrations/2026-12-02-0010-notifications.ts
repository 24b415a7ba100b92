import type { Kysely } from "kysely";

// Notifications (docs/notifications.md): a durable outbox written in the same transaction as the
// change that causes a message, the recipient's language, and whether they want reminders.
function isPg(db: Kysely<any>) {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPg(db);
  // The language mail is written in (the last one the person chose in the app) and whether they
  // want deadline reminders (transactional messages cannot be turned off).
  await db.schema
    .alterTable("users")
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("id"))
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("reminders", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable("outbox")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    // What happened (app/domain/notifications.ts MAIL_EVENTS) and its facts as JSON: the message is
    // written from them in the recipient's language when it is sent or shown.
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("edition_id", "integer", (c) => c.references("editions.id").onDelete("cascade"))
    // The recipient's account (null for an invitation to an address with no account yet) and the
    // address and language at the time the message was written.
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    // queued → sending (claimed until claimed_until) → sent | failed (permanent, or out of attempts).
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("claimed_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    // Read in the app's "Pesan" by its recipient.
    .addColumn("read_at", "text")
    // A message that must go at most once (a reminder: person, deadline, days before), else null.
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("outbox_user").on("outbox").columns(["user_id", "id"]).execute();
  await db.schema.createIndex("outbox_edition").on("outbox").columns(["edition_id", "id"]).execute();
  // The committee's outbox page counts an edition's messages by status on every view: from the
  // index alone (tens of thousands of rows in a large edition).
  await db.schema.createIndex("outbox_edition_status").on("outbox").columns(["edition_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outbox").execute();
  await db.schema.alterTable("users").dropColumn("reminders").execute();
  await db.schema.alterTable("users").dropColumn("locale").execute();
}
