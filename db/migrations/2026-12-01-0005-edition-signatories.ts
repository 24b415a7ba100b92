import type { Kysely } from "kysely";

function isPg(db: Kysely<any>) {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPg(db);
  // Who signs the edition's certificates (e.g. the Governor, the head of the BPJS
  // Ketenagakerjaan regional office): one to three, printed left to right in `position` order.
  await db.schema
    .createTable("edition_signatories")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("edition_id", "integer", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addUniqueConstraint("edition_signatories_position", ["edition_id", "position"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("edition_signatories").execute();
}
