import { sql, type Kysely } from "kysely";

function isPg(db: Kysely<any>) {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPg(db);
  // The committee invites an organisation it already knows to its edition: no link, the
  // organisation's own members accept (which creates the entry) or decline it on their portal.
  await db.schema
    .createTable("organisation_invitations")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("edition_id", "integer", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open")) // open | accepted | declined
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    .addColumn("answered_by", "integer", (c) => c.references("users.id"))
    .addColumn("answered_at", "text")
    .execute();
  await db.schema
    .createIndex("organisation_invitations_org")
    .on("organisation_invitations")
    .columns(["organisation_id", "status"])
    .execute();
  // One open invitation per organisation and edition, even when two are sent at the same moment.
  await db.schema
    .createIndex("organisation_invitations_one_open")
    .unique()
    .on("organisation_invitations")
    .columns(["edition_id", "organisation_id"])
    .where(sql.ref("status"), "=", "open")
    .execute();
  await db.schema
    .createIndex("organisation_invitations_edition")
    .on("organisation_invitations")
    .columns(["edition_id"])
    .execute();

  // Links issued for a known organisation let anyone holding them join it. Unused ones still
  // valid become invitations its members answer (one per edition and organisation, unless it
  // already has an entry there); every unused one stops working as a link.
  const now = new Date().toISOString();
  await db
    .insertInto("organisation_invitations")
    .columns(["edition_id", "category_id", "organisation_id", "created_by", "created_at"])
    .expression(
      db
        .selectFrom("invitations as i")
        .select(["i.edition_id", "i.category_id", "i.organisation_id", "i.created_by", "i.created_at"])
        .where("i.kind", "=", "organisation")
        .where("i.organisation_id", "is not", null)
        .where("i.used_at", "is", null)
        .where("i.expires_at", ">", now)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("entries as e")
                .select("e.id")
                .whereRef("e.edition_id", "=", "i.edition_id")
                .whereRef("e.organisation_id", "=", "i.organisation_id"),
            ),
          ),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("invitations as j")
                .select("j.id")
                .where("j.kind", "=", "organisation")
                .where("j.used_at", "is", null)
                .where("j.expires_at", ">", now)
                .whereRef("j.edition_id", "=", "i.edition_id")
                .whereRef("j.organisation_id", "=", "i.organisation_id")
                .whereRef("j.id", "<", "i.id"),
            ),
          ),
        )
        .orderBy("i.id"),
    )
    .execute();
  await db
    .deleteFrom("invitations")
    .where("kind", "=", "organisation")
    .where("organisation_id", "is not", null)
    .where("used_at", "is", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("organisation_invitations").execute();
}
