import type { Kysely } from "kysely";
import { standingRows, standingsOf } from "../../app/domain/publications";

// The award's two levels (docs/levels.md): a national edition draws its nominees from the
// published results of the provincial editions of the same year.
function isPg(db: Kysely<any>) {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPg(db);
  // Which provincial editions a national edition draws on (one per province; a province may be missing).
  await db.schema
    .createTable("edition_links")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("national_edition_id", "integer", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("provincial_edition_id", "integer", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("linked_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addUniqueConstraint("edition_links_pair", ["national_edition_id", "provincial_edition_id"])
    .execute();
  await db.schema.createIndex("edition_links_provincial").on("edition_links").column("provincial_edition_id").execute();
  // A national category's nomination rule: the provincial places 1..N of each province (1: Juara I;
  // everyone tied with the N-th goes too). A zone award: the best `zone_places` of each zone in the
  // category's published ranking (a view, no scoring of its own; 0: none).
  await db.schema
    .alterTable("categories")
    .addColumn("nominate_top", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("categories")
    .addColumn("zone_places", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // The rubric's use of the score a nominee brought from the earlier round (the provincial total):
  // context only (both unset), a gate (minimum total), and/or the last tie-break.
  await db.schema.alterTable("rubrics").addColumn("prior_min_score", "double precision").execute();
  await db.schema
    .alterTable("rubrics")
    .addColumn("prior_tie_break", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // A nominated (carried-over) entry: the provincial entry and the publication it was nominated
  // from, with its rank and total there at the time (a later re-publication is a change to review).
  await db.schema
    .alterTable("entries")
    .addColumn("source_entry_id", "integer", (c) => c.references("entries.id").onDelete("restrict"))
    .execute();
  await db.schema
    .alterTable("entries")
    .addColumn("source_publication_id", "integer", (c) => c.references("publications.id").onDelete("restrict"))
    .execute();
  await db.schema.alterTable("entries").addColumn("source_rank", "integer").execute();
  await db.schema.alterTable("entries").addColumn("source_total", "double precision").execute();
  await db.schema.createIndex("entries_source").on("entries").column("source_entry_id").execute();
  // Who ranks where in a publication (one row per ranked nominee), written with it: the nomination
  // board asks every province's current publication for its first places, and parsing whole
  // snapshots (hundreds of KB each, ~1 s of CPU for a national board) on a page view would block
  // the server. Rows, so that the board reads only the places it shows.
  await db.schema
    .createTable("publication_standings")
    .addColumn("publication_id", "integer", (c) => c.notNull().references("publications.id").onDelete("cascade"))
    .addColumn("nominee", "text", (c) => c.notNull())
    .addColumn("rank", "integer", (c) => c.notNull())
    .addColumn("total", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("publication_standings_pk", ["publication_id", "nominee"])
    .execute();
  await db.schema
    .createIndex("publication_standings_rank")
    .on("publication_standings")
    .columns(["publication_id", "rank"])
    .execute();
  const published = await db.selectFrom("publications").select(["id", "result_json"]).execute();
  for (const p of published)
    for (const rows of standingRows(p.id, standingsOf(JSON.parse(p.result_json))))
      await db.insertInto("publication_standings").values(rows).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publication_standings").execute();
  await db.schema.dropIndex("entries_source").execute();
  for (const column of ["source_total", "source_rank", "source_publication_id", "source_entry_id"])
    await db.schema.alterTable("entries").dropColumn(column).execute();
  await db.schema.alterTable("rubrics").dropColumn("prior_tie_break").execute();
  await db.schema.alterTable("rubrics").dropColumn("prior_min_score").execute();
  await db.schema.alterTable("categories").dropColumn("zone_places").execute();
  await db.schema.alterTable("categories").dropColumn("nominate_top").execute();
  await db.schema.dropTable("edition_links").execute();
}
