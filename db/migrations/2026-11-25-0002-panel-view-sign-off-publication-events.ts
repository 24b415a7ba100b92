import type { Kysely } from "kysely";

function isPg(db: Kysely<any>) {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

export async function up(db: Kysely<any>): Promise<void> {
  // What the panel of a stage may read of one another's scoresheets once the stage is closed and
  // their own is submitted, as the committee decides: none | scores | scores_notes.
  await db.schema
    .alterTable("edition_stages")
    .addColumn("assessor_view", "text", (c) => c.notNull().defaultTo("none"))
    .execute();

  // A sign-off approves exact data: the SHA-256 of the snapshot the committee saw. Publishing
  // anything else is refused until the category is signed off again.
  await db.schema.alterTable("categories").addColumn("signed_off_sha256", "text").execute();

  // Which publication of a category is current: one row each time a category is published,
  // pointing at its snapshot (a new one, or an earlier identical one, since snapshot hashes are
  // unique). Append-only, like the publications themselves.
  await db.schema
    .createTable("publication_events")
    .addColumn("id", isPg(db) ? "serial" : "integer", (c) =>
      isPg(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("publication_id", "integer", (c) => c.notNull().references("publications.id"))
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id"))
    .addColumn("published_by", "integer", (c) => c.references("users.id"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("publication_events_category")
    .on("publication_events")
    .columns(["category_id", "id"])
    .execute();
  await db
    .insertInto("publication_events")
    .columns(["publication_id", "category_id", "published_by", "published_at"])
    .expression(
      db.selectFrom("publications").select(["id", "category_id", "published_by", "published_at"]).orderBy("id"),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publication_events").execute();
  await db.schema.alterTable("categories").dropColumn("signed_off_sha256").execute();
  await db.schema.alterTable("edition_stages").dropColumn("assessor_view").execute();
}
