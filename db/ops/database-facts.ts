import type Database from "better-sqlite3";
import type pg from "pg";

// What the manifest records about a database (row counts per table, newest migration): read from
// the snapshot when backing up, and again from the restored copy to check it.

export interface DatabaseFacts {
  row_counts: Record<string, number>;
  migration: string | null;
}

const NEWEST_MIGRATION = "SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1";
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function sqliteFacts(sqlite: Database.Database): DatabaseFacts {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const row_counts = Object.fromEntries(
    tables.map((t) => [
      t,
      sqlite
        .prepare(`SELECT count(*) FROM ${quoted(t)}`)
        .pluck()
        .get() as number,
    ]),
  );
  const migration = tables.includes("kysely_migration")
    ? ((sqlite.prepare(NEWEST_MIGRATION).pluck().get() as string | undefined) ?? null)
    : null;
  return { row_counts, migration };
}

/** The same on PostgreSQL, inside whatever transaction the client is in (the backup's snapshot). */
export async function postgresFacts(client: pg.ClientBase): Promise<DatabaseFacts> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const row_counts: Record<string, number> = {};
  for (const { name } of rows) {
    const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted(name)}`);
    row_counts[name] = Number(count.rows[0]!.n);
  }
  const migration = row_counts.kysely_migration
    ? ((await client.query<{ name: string }>(NEWEST_MIGRATION)).rows[0]?.name ?? null)
    : null;
  return { row_counts, migration };
}

/** Refuses a restored database whose row counts differ from the manifest's. */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const tables = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...tables]
    .filter((t) => expected[t] !== actual[t])
    .map((t) => `${t}: ${actual[t] ?? "no table"} rows, the backup had ${expected[t] ?? "no table"}`);
}
