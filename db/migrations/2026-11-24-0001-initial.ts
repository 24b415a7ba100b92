import { sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";

// Frozen in time: this file describes the first schema and is never edited afterwards.
// Only Kysely's schema builder is used, so the same migration runs on SQLite and PostgreSQL.
// Times are ISO-8601 text (UTC); JSON is stored as text.

function isPg(db: Kysely<any>) {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPg(db);
  const idType = pg ? "serial" : "integer";
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const now = sql`CURRENT_TIMESTAMP`;

  await db.schema
    .createTable("users")
    .addColumn("id", idType, id)
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  // Failed sign-ins per key ("email:<addr>" or "ip:<addr>"), used to slow down guessing.
  await db.schema
    .createTable("login_failures")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failure_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("editions")
    .addColumn("id", idType, id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull()) // provincial | national
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft")) // draft | registration | assessment | closed | published
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("registration_deadline", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // The stages of an edition with their deadlines; rubrics refer to them by key.
  await db.schema
    .createTable("edition_stages")
    .addColumn("id", idType, id)
    .addColumn("edition_id", "integer", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull()) // desk | verification | interview
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("panel", "text", (c) => c.notNull()) // assessor | juror: who scores this stage
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending")) // pending | open | closed
    .addColumn("opens_at", "text")
    .addColumn("deadline", "text")
    .addUniqueConstraint("edition_stages_key", ["edition_id", "key"])
    .execute();

  await db.schema
    .createTable("categories")
    .addColumn("id", idType, id)
    .addColumn("edition_id", "integer", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull()) // province | regency_city | large | medium | public_service | micro_small
    .addColumn("places", "integer", (c) => c.notNull().defaultTo(3)) // Juara I..N
    .addColumn("mentions", "integer", (c) => c.notNull().defaultTo(0)) // Penghargaan khusus
    .addColumn("signed_off_at", "text")
    .addColumn("signed_off_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("categories_key", ["edition_id", "key"])
    .execute();

  // A rubric version of a category; a frozen rubric is changed only by a new version with a reason.
  await db.schema
    .createTable("rubrics")
    .addColumn("id", idType, id)
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull().defaultTo("{}")) // scoring contract `method` (docs/scoring-contract.md), JSON
    .addColumn("reason", "text")
    .addColumn("frozen_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("rubrics_version", ["category_id", "version"])
    .execute();

  await db.schema
    .createTable("rubric_stages")
    .addColumn("id", idType, id)
    .addColumn("rubric_id", "integer", (c) => c.notNull().references("rubrics.id").onDelete("cascade"))
    .addColumn("stage_key", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("weight", "double precision", (c) => c.notNull())
    .addColumn("advance_top", "integer")
    .addColumn("advance_min_score", "double precision")
    .addUniqueConstraint("rubric_stages_key", ["rubric_id", "stage_key"])
    .execute();

  await db.schema
    .createTable("criteria")
    .addColumn("id", idType, id)
    .addColumn("rubric_id", "integer", (c) => c.notNull().references("rubrics.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("stage_key", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name_id", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("description_id", "text")
    .addColumn("description_en", "text")
    .addColumn("weight", "double precision", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull()) // judged | indicator
    .addColumn("max", "double precision") // judged
    .addColumn("step", "double precision") // judged
    .addColumn("indicator", "text") // indicator
    .addColumn("evidence_required", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("criteria_key", ["rubric_id", "key"])
    .execute();

  await db.schema
    .createTable("criterion_bands")
    .addColumn("id", idType, id)
    .addColumn("criterion_id", "integer", (c) => c.notNull().references("criteria.id").onDelete("cascade"))
    .addColumn("min", "double precision", (c) => c.notNull())
    .addColumn("points", "double precision", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("gates")
    .addColumn("id", idType, id)
    .addColumn("rubric_id", "integer", (c) => c.notNull().references("rubrics.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("op", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addUniqueConstraint("gates_key", ["rubric_id", "key"])
    .execute();

  await db.schema
    .createTable("organisations")
    .addColumn("id", idType, id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // province | regency | city | company | public_service
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("npp", "text") // BPJS Ketenagakerjaan employer registration number
    .addColumn("nib", "text") // business identification number (OSS)
    .addColumn("size", "text") // large | medium | small | micro (companies)
    .addColumn("sector", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("entries")
    .addColumn("id", idType, id)
    .addColumn("edition_id", "integer", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    // pending (self-registered, awaiting approval) | rejected | draft | submitted | in_verification
    // | shortlisted | not_shortlisted | published
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("submitted_at", "text")
    .addColumn("reopened_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("entries_org", ["edition_id", "organisation_id"])
    .execute();

  // Self-assessment figures as typed by the entrant (key → number), and regulations in force.
  await db.schema
    .createTable("entry_figures")
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("entry_figures_pk", ["entry_id", "key"])
    .execute();

  await db.schema
    .createTable("entry_regulations")
    .addColumn("id", idType, id)
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull()) // perda | pergub | perbup | perwali | other
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("title", "text")
    .execute();

  // Indicators derived from the figures (never typed in), as the scoring input uses them.
  await db.schema
    .createTable("indicator_values")
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("indicator_values_pk", ["entry_id", "indicator"])
    .execute();

  await db.schema
    .createTable("evidence_files")
    .addColumn("id", idType, id)
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("criterion_key", "text", (c) => c.notNull())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("storage_name", "text", (c) => c.notNull().unique())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id"))
    .addColumn("uploaded_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // committee / assessor / juror of an edition; entrant = member of an organisation.
  await db.schema
    .createTable("memberships")
    .addColumn("id", idType, id)
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull()) // committee | assessor | juror | entrant
    .addColumn("edition_id", "integer", (c) => c.references("editions.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id").onDelete("cascade"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // One-time invitation links; only the SHA-256 of the token is stored.
  await db.schema
    .createTable("invitations")
    .addColumn("id", idType, id)
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull()) // organisation | member | assessor | juror | committee
    .addColumn("email", "text")
    .addColumn("edition_id", "integer", (c) => c.references("editions.id").onDelete("cascade"))
    .addColumn("category_id", "integer", (c) => c.references("categories.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id").onDelete("cascade"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // Who scores which entry in which stage; the scoresheet's status and version live here.
  await db.schema
    .createTable("assignments")
    .addColumn("id", idType, id)
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("stage_key", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("not_started")) // not_started | draft | submitted
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("submitted_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("assignments_once", ["entry_id", "user_id", "stage_key"])
    .execute();

  await db.schema
    .createTable("conflict_declarations")
    .addColumn("id", idType, id)
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("has_conflict", "integer", (c) => c.notNull())
    .addColumn("kind", "text") // employed_by | related_to | business_link | other
    .addColumn("note", "text")
    .addColumn("declared_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("conflict_once", ["user_id", "entry_id"])
    .execute();

  await db.schema
    .createTable("scores")
    .addColumn("id", idType, id)
    .addColumn("assignment_id", "integer", (c) => c.notNull().references("assignments.id").onDelete("cascade"))
    .addColumn("criterion_id", "integer", (c) => c.notNull().references("criteria.id"))
    .addColumn("value", "double precision")
    .addColumn("note", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft")) // draft | submitted
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("scores_once", ["assignment_id", "criterion_id"])
    .execute();

  // Append-only: rows are inserted, never updated or deleted.
  await db.schema
    .createTable("audit_log")
    .addColumn("id", idType, id)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("edition_id", "integer")
    .addColumn("entry_id", "integer")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject", "text")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("reason", "text")
    .execute();

  // Immutable snapshot of a published category.
  await db.schema
    .createTable("publications")
    .addColumn("id", idType, id)
    .addColumn("edition_id", "integer", (c) => c.notNull().references("editions.id"))
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id"))
    .addColumn("rubric_id", "integer", (c) => c.notNull().references("rubrics.id"))
    .addColumn("input_json", "text", (c) => c.notNull())
    .addColumn("result_json", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("published_by", "integer", (c) => c.references("users.id"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .execute();

  for (const [table, cols] of [
    ["memberships", ["user_id"]],
    ["entries", ["category_id"]],
    ["assignments", ["user_id"]],
    ["evidence_files", ["entry_id"]],
    ["audit_log", ["edition_id", "at"]],
    ["criteria", ["rubric_id"]],
  ] as const) {
    await db.schema
      .createIndex(`${table}_${cols.join("_")}_idx`)
      .on(table)
      .columns([...cols])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "publications",
    "audit_log",
    "scores",
    "conflict_declarations",
    "assignments",
    "invitations",
    "memberships",
    "evidence_files",
    "indicator_values",
    "entry_regulations",
    "entry_figures",
    "entries",
    "organisations",
    "gates",
    "criterion_bands",
    "criteria",
    "rubric_stages",
    "rubrics",
    "categories",
    "edition_stages",
    "editions",
    "login_failures",
    "sessions",
    "users",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
