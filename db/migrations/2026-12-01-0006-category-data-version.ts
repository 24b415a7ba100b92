import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A counter raised in the same transaction as every write that changes what a category's
  // ranking is computed from (entries taking part, figures, submitted scores, rubric versions):
  // the ranking is computed once per value of it, not once per page view.
  await db.schema
    .alterTable("categories")
    .addColumn("data_version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // The data version the sign-off approved: the ranking page tells whether the sign-off still
  // holds by comparing versions, and hashes the snapshot only when it is signed off or published.
  await db.schema.alterTable("categories").addColumn("signed_off_version", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("categories").dropColumn("signed_off_version").execute();
  await db.schema.alterTable("categories").dropColumn("data_version").execute();
}
