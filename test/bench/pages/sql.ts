// The smallest SQL client the page benchmark needs, over SQLite (better-sqlite3, statements
// prepared once and reused) or PostgreSQL (pg, statements named so the server prepares them once).
// Queries are written with `?` placeholders; for PostgreSQL they become $1, $2, …
import Database from "better-sqlite3";
import type { Pool, PoolClient } from "pg";
import { openSqlite } from "../../../db/client";

export type Row = Record<string, unknown>;

export interface Sql {
  readonly postgres: boolean;
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs fn in one transaction (on one connection for PostgreSQL). */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export async function openSql(url: string): Promise<Sql> {
  return isPostgresUrl(url) ? openPostgres(url) : openSqliteSql(openSqlite(url));
}

function openSqliteSql(db: Database.Database): Sql {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  let turn: Promise<unknown> = Promise.resolve();
  const self: Sql = {
    postgres: false,
    all: async <T>(sql: string, params: unknown[] = []) => prepared(sql).all(...params) as T[],
    get: async <T>(sql: string, params: unknown[] = []) => prepared(sql).get(...params) as T | undefined,
    run: async (sql, params = []) => prepared(sql).run(...params).changes,
    // One connection: transactions take turns (another request's continuation may run between
    // the awaits of fn; its plain reads are harmless, a second BEGIN would not be).
    transaction<T>(fn: (sql: Sql) => Promise<T>) {
      const run = async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const out = await fn(self);
          db.exec("COMMIT");
          return out;
        } catch (error) {
          db.exec("ROLLBACK");
          throw error;
        }
      };
      const out = turn.then(run);
      turn = out.catch(() => undefined);
      return out;
    },
    close: async () => void db.close(),
  };
  return self;
}

async function openPostgres(url: string): Promise<Sql> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const names = new Map<string, string>();
  const toPg = (sql: string) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  };
  const query = (client: Pool | PoolClient, sql: string, params: unknown[] = []) => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `bench_${names.size}`));
    return client.query({ name, text: toPg(sql), values: params });
  };
  const on = (client: Pool | PoolClient): Sql => ({
    postgres: true,
    all: async <T>(sql: string, params?: unknown[]) => (await query(client, sql, params)).rows as T[],
    get: async <T>(sql: string, params?: unknown[]) => (await query(client, sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => (await query(client, sql, params)).rowCount ?? 0,
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const out = await fn(on(c));
        await c.query("COMMIT");
        return out;
      } catch (error) {
        await c.query("ROLLBACK");
        throw error;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  });
  return on(pool);
}
