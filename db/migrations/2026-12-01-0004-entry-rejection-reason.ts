import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Why the committee rejected a self-registration, kept on the entry for the organisation to
  // read (it was read back from the audit log, which stays the record of the decision).
  await db.schema.alterTable("entries").addColumn("rejection_reason", "text").execute();
  await db
    .updateTable("entries")
    .set((eb) => ({
      rejection_reason: eb
        .selectFrom("audit_log as a")
        .select("a.reason")
        .whereRef("a.entry_id", "=", "entries.id")
        .where("a.action", "=", "entry.reject")
        .orderBy("a.id", "desc")
        .limit(1),
    }))
    .where("status", "=", "rejected")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("entries").dropColumn("rejection_reason").execute();
}
