import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { DB } from "./schema";

export type Db = Kysely<DB>;

/** The default database: an SQLite file under data/. */
export const DEFAULT_DATABASE_URL = "file:data/paritrana.sqlite";

/**
 * createDb(url): SQLite for `file:` URLs, plain paths and `:memory:`; PostgreSQL for
 * `postgres://` / `postgresql://` URLs (the `pg` driver is loaded only then).
 */
export async function createDb(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Promise<Db> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { default: pg } = await import("pg");
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) });
  }
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(openSqlite(url)) }) });
}

/**
 * Kysely prepares every query's SQL anew; with a page making a dozen queries that was a tenth of
 * its CPU. The same SQL text is the same statement, so prepared statements are kept (the most
 * recently used 500). Safe because Kysely runs each statement to completion at once (`all`/`run`).
 */
function withStatementCache(sqlite: Database.Database, max = 500) {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): Database.Statement {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > max) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

export function openSqlite(url: string): Database.Database {
  const path = url.replace(/^file:/, "");
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name === "PostgresAdapter";
}

/** Runs fn in a transaction, or in the caller's transaction when db already is one. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
