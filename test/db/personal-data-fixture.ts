import { join } from "node:path";
import { createDb, type Db } from "../../db/client";
import { invitePanelMember } from "../../db/queries/people";
import { addMembership } from "../../db/queries/users";
import { attemptLogin } from "../../app/lib/login.server";
import {
  createScoredEdition,
  createScoresheet,
  publishCategory,
  testDb,
  type ScoredEdition,
  type TestUser,
} from "../e2e/factories";
import { freshDb } from "./support";

/**
 * Two scored editions in a fresh SQLite file (through the e2e factories): A published, B not.
 * `person` is an assessor of A only, whose name and e-mail were written into the audit log (added
 * again as a juror by the committee), who has a session and failed sign-ins; `shared` is an
 * assessor of A who also scores in B.
 */
export async function personalDataFixture(): Promise<{
  db: Db;
  dir: string;
  a: ScoredEdition;
  b: ScoredEdition;
  person: TestUser;
  shared: TestUser;
  publicationId: number;
}> {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  const a = await createScoredEdition({ categories: { regency_city: 3 }, assessors: 3, jurors: 0 });
  const b = await createScoredEdition({ categories: { regency_city: 3 }, assessors: 3, jurors: 0 });
  const [person, shared] = a.assessors as [TestUser, TestUser];
  await addMembership(db, { userId: shared.id, role: "assessor", editionId: b.id });
  await createScoresheet(b.entries[0]!, shared, { score: 66, createdBy: b.committee.id });
  // The committee types the person's name and e-mail: both land in the audit log.
  await invitePanelMember(db, {
    editionId: a.id,
    role: "juror",
    name: person.name,
    email: person.email.toUpperCase(),
    createdBy: a.committee.id,
  });
  await attemptLogin(db, { email: person.email, password: "salah", address: "10.1.2.3" });
  await db
    .insertInto("sessions")
    .values({
      id: `s-${person.id}`,
      user_id: person.id,
      data: JSON.stringify({ userId: person.id, flash: `Halo ${person.name}` }),
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    .execute();
  await publishCategory(a, "regency_city");
  const pub = await db.selectFrom("publications").select("id").where("edition_id", "=", a.id).executeTakeFirstOrThrow();
  return { db, dir, a, b, person, shared, publicationId: pub.id };
}

/** Every (table, column) of an SQLite database where `needle` occurs, case-insensitively. */
export async function occurrences(dbPath: string, needle: string): Promise<string[]> {
  const db = await createDb(`file:${dbPath}`);
  try {
    const { sql } = await import("kysely");
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
    const found: string[] = [];
    for (const { name } of tables.rows) {
      const columns = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db);
      for (const column of columns.rows) {
        const hit = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}
          where instr(lower(cast(${sql.ref(column.name)} as text)), ${needle.toLowerCase()}) > 0`.execute(db);
        if (Number(hit.rows[0]?.n) > 0) found.push(`${name}.${column.name}`);
      }
    }
    return found;
  } finally {
    await db.destroy();
  }
}

export const dbPathOf = (dir: string) => join(dir, "test.sqlite");
