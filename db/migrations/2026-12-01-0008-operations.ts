import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // An edition is archived by its committee once its results are published and nothing more will
  // change; only then may the accounts of the people in it be anonymised. Personal data is kept
  // `retention_years` after the edition's last publication (UU 27/2022; default 5 years), then
  // listed as due by `npm run retention`.
  await db.schema.alterTable("editions").addColumn("archived_at", "text").execute();
  await db.schema
    .alterTable("editions")
    .addColumn("archived_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("editions")
    .addColumn("retention_years", "integer", (c) => c.notNull().defaultTo(5))
    .execute();
  // When a person's account was anonymised ("Penilai 3"): the row stays so that scores, audit
  // entries and published results keep pointing at it, without the person's name or e-mail.
  await db.schema.alterTable("users").addColumn("anonymised_at", "text").execute();
  // Installation-wide settings the administrator changes (e.g. whether committee members may
  // create editions themselves): one row per key.
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("settings").execute();
  await db.schema.alterTable("users").dropColumn("anonymised_at").execute();
  await db.schema.alterTable("editions").dropColumn("retention_years").execute();
  await db.schema.alterTable("editions").dropColumn("archived_by").execute();
  await db.schema.alterTable("editions").dropColumn("archived_at").execute();
}
