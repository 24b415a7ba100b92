import type { Kysely } from "kysely";

// The plenary (rapat pleno, docs/plenary.md): per category and stage, the panel and the committee
// discuss the entries, the chair lets an assessor revise one criterion, records the plenary's
// decisions (forced advance or exclusion, fed to scoring as overrides) and issues the minutes
// (berita acara), which every panel member confirms before the stage closes.
function isPg(db: Kysely<any>) {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPg(db);
  const id = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const serial = pg ? "serial" : "integer";

  // Whether the plenary shows each sheet with its assessor's name (1) or as "Lembar 1…" (0).
  await db.schema
    .alterTable("edition_stages")
    .addColumn("plenary_named", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("plenaries")
    .addColumn("id", serial, id)
    .addColumn("edition_id", "integer", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id").onDelete("cascade"))
    .addColumn("stage_key", "text", (c) => c.notNull())
    // The committee member who chairs it: grants revisions, records decisions, issues the minutes.
    .addColumn("chair_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("opened_by", "integer", (c) => c.references("users.id"))
    .addColumn("opened_at", "text", (c) => c.notNull())
    // Sheets not submitted when it was opened (0: all were; else the committee went ahead with a warning).
    .addColumn("unsubmitted_at_open", "integer", (c) => c.notNull().defaultTo(0))
    // Entries whose running total lies within this many points of the advance cut are discussed second.
    .addColumn("margin", "real", (c) => c.notNull().defaultTo(2))
    // The stage was closed without every panel member's confirmation: the reason given.
    .addColumn("close_reason", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("plenaries_category_stage", ["category_id", "stage_key"])
    .execute();

  await db.schema
    .createTable("plenary_comments")
    .addColumn("id", serial, id)
    .addColumn("plenary_id", "integer", (c) => c.notNull().references("plenaries.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    // A reply names the comment it answers (threads), else null.
    .addColumn("parent_id", "integer", (c) => c.references("plenary_comments.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("plenary_comments_entry")
    .on("plenary_comments")
    .columns(["plenary_id", "entry_id", "id"])
    .execute();

  // A revision window: one assessor may change one criterion of their submitted sheet once; the
  // original value and note stay here (and in the audit log and the minutes).
  await db.schema
    .createTable("plenary_revisions")
    .addColumn("id", serial, id)
    .addColumn("plenary_id", "integer", (c) => c.notNull().references("plenaries.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("assignment_id", "integer", (c) => c.notNull().references("assignments.id").onDelete("cascade"))
    .addColumn("criterion_id", "integer", (c) => c.notNull().references("criteria.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    // granted → revised (by the assessor) | withdrawn (by the chair, before a revision).
    .addColumn("status", "text", (c) => c.notNull().defaultTo("granted"))
    .addColumn("granted_by", "integer", (c) => c.references("users.id"))
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addColumn("old_value", "real")
    .addColumn("old_note", "text")
    .addColumn("new_value", "real")
    .addColumn("new_note", "text")
    .addColumn("revised_at", "text")
    .addColumn("closed_at", "text")
    .execute();
  await db.schema
    .createIndex("plenary_revisions_plenary")
    .on("plenary_revisions")
    .columns(["plenary_id", "entry_id"])
    .execute();
  await db.schema
    .createIndex("plenary_revisions_user")
    .on("plenary_revisions")
    .columns(["user_id", "status"])
    .execute();

  // The plenary's decision on an entry where the rubric's rule is not enough (scoring's overrides).
  await db.schema
    .createTable("plenary_decisions")
    .addColumn("id", serial, id)
    .addColumn("plenary_id", "integer", (c) => c.notNull().references("plenaries.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    // "advance" (goes on despite the cut) | "exclude" (disqualified).
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_by", "integer", (c) => c.references("users.id"))
    .addColumn("withdrawn_at", "text")
    .addColumn("withdrawal_reason", "text")
    .execute();
  await db.schema
    .createIndex("plenary_decisions_plenary")
    .on("plenary_decisions")
    .columns(["plenary_id", "entry_id"])
    .execute();

  // Minutes as issued: the content printed (JSON, both languages render from it) and its SHA-256,
  // which the PDF carries with a verification URL. Withdrawn minutes stay, marked.
  await db.schema
    .createTable("plenary_minutes")
    .addColumn("id", serial, id)
    .addColumn("plenary_id", "integer", (c) => c.notNull().references("plenaries.id").onDelete("cascade"))
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("issued_by", "integer", (c) => c.references("users.id"))
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_by", "integer", (c) => c.references("users.id"))
    .addColumn("withdrawn_at", "text")
    .addColumn("withdrawal_reason", "text")
    .execute();
  await db.schema.createIndex("plenary_minutes_plenary").on("plenary_minutes").columns(["plenary_id", "id"]).execute();

  await db.schema
    .createTable("plenary_confirmations")
    .addColumn("minutes_id", "integer", (c) => c.notNull().references("plenary_minutes.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("confirmed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plenary_confirmations_pk", ["minutes_id", "user_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("plenary_confirmations").execute();
  await db.schema.dropTable("plenary_minutes").execute();
  await db.schema.dropTable("plenary_decisions").execute();
  await db.schema.dropTable("plenary_revisions").execute();
  await db.schema.dropTable("plenary_comments").execute();
  await db.schema.dropTable("plenaries").execute();
  await db.schema.alterTable("edition_stages").dropColumn("plenary_named").execute();
}
