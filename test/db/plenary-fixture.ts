import { sql } from "kysely";
import type { Db } from "../../db/client";
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_LOGINS, seedDemo } from "../../db/seed/demo";
import { openPlenary } from "../../db/queries/plenary";
import type { Role, StageKey } from "../../db/schema";
import { demoEdition, freshDb } from "./support";

// The demo's Kalimantan Timur edition (desk stage open; two of three desk sheets of each entry
// submitted) and its category with the most submitted entries: the plenary tests start from it.

export async function plenaryFixture(seeded?: Db) {
  const db = seeded ?? (await freshDb({ seed: true })).db;
  const edition = await demoEdition(db);
  const committee = await userByEmail(db, DEMO_LOGINS.committee);
  const category = await db
    .selectFrom("categories as c")
    .innerJoin("entries as e", "e.category_id", "c.id")
    .select(["c.id", "c.key", (eb) => eb.fn.countAll<number>().as("n")])
    .where("c.edition_id", "=", edition.id)
    .where("e.status", "=", "submitted")
    .groupBy(["c.id", "c.key"])
    .orderBy(sql`count(*)`, "desc")
    .orderBy("c.id")
    .executeTakeFirstOrThrow();
  const open = async (over: Partial<Parameters<typeof openPlenary>[1]> = {}) => {
    const res = await openPlenary(db, {
      editionId: edition.id,
      categoryId: category.id,
      stage: "desk",
      chairId: committee.id,
      margin: 2,
      named: false,
      goAhead: true,
      userId: committee.id,
      ...over,
    });
    if (!res.ok) throw new Error(`not opened: ${res.reason}`);
    return res.plenaryId;
  };
  return { db, edition, committee, category: { id: category.id, key: category.key }, open };
}

/**
 * The demo seeded on PostgreSQL (TEST_POSTGRES_URL): in a database of its own, made anew next to
 * that one, so that other test files using the shared test database at the same time are not
 * disturbed (the role may create databases).
 */
export async function seededPostgres(url: string, name = "paritrana_test_plenary_data"): Promise<Db> {
  const admin = await createDb(url);
  try {
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
    await sql`create database ${sql.id(name)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await createDb(u.toString());
  await migrateToLatest(db);
  await seedDemo(db);
  return db;
}

export async function userByEmail(db: Db, email: string) {
  return db.selectFrom("users").select(["id", "name"]).where("email", "=", email).executeTakeFirstOrThrow();
}

/** A new active user with a role in the edition (a second committee member, an outsider…). */
export async function addUser(db: Db, name: string, role: Role | null, editionId: number | null) {
  const { id } = await db
    .insertInto("users")
    .values({ email: `${name.toLowerCase().replace(/\W+/g, ".")}@plenary.test`, name, password_hash: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (role) await db.insertInto("memberships").values({ user_id: id, role, edition_id: editionId }).execute();
  return id;
}

/** The submitted sheets of the category's entries at a stage, with their assessor. */
export async function submittedSheets(db: Db, categoryId: number, stage: StageKey = "desk") {
  return db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.id", "a.entry_id as entryId", "a.user_id as userId"])
    .where("e.category_id", "=", categoryId)
    .where("a.stage_key", "=", stage)
    .where("a.status", "=", "submitted")
    .orderBy("a.id")
    .execute();
}

/** The audit rows of an action, oldest first. */
export async function auditOf(db: Db, action: string) {
  return db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();
}
