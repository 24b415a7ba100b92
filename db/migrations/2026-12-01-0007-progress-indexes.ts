import { sql, type Kysely } from "kysely";

// Indexes for the progress page at scale (10,000 entries, 30,000 scoresheets): its counts and its
// page of entries read a stage's assignments of each entry from the index alone; the few declared
// conflicts are found without visiting every declaration; and the committee's hand-overs
// (conflictReplacements) without reading the edition's whole audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("assignments_entry_stage_idx")
    .on("assignments")
    .columns(["entry_id", "stage_key", "user_id", "status"])
    .execute();
  await db.schema
    .createIndex("conflict_declarations_conflicted_idx")
    .on("conflict_declarations")
    .columns(["entry_id", "user_id"])
    .where(sql.ref("has_conflict"), "=", 1)
    .execute();
  await db.schema
    .createIndex("audit_log_edition_action_idx")
    .on("audit_log")
    .columns(["edition_id", "action"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_log_edition_action_idx").execute();
  await db.schema.dropIndex("conflict_declarations_conflicted_idx").execute();
  await db.schema.dropIndex("assignments_entry_stage_idx").execute();
}
