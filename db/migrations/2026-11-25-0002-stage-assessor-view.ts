import type { Kysely } from "kysely";

// What the panel of a stage may read of one another's scoresheets once the stage is closed and
// their own is submitted, as the committee decides: none | scores | scores_notes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("edition_stages").addColumn("assessor_view", "text", (c) => c.notNull().defaultTo("none")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("edition_stages").dropColumn("assessor_view").execute();
}
