import Database from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, startServer, type RunningServer } from "../security/server";

// Issue 13, item 5: /healthz says the process is up; /readyz says it can serve (database reachable,
// migrations current, upload folder writable) and names the failed check with a 503. Neither needs
// a cookie, sets one, or tells anything beyond the checks' names and outcomes.

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server?.stop());

const json = (body: string) => JSON.parse(body) as unknown;

function expectPlainProbe(res: Awaited<ReturnType<typeof http>>) {
  expect(res.headers["set-cookie"]).toBeUndefined();
  expect(res.headers["cache-control"]).toBe("no-store");
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
}

describe("health and readiness probes", () => {
  it("/healthz answers 200 without a cookie, sets none and tells nothing else", async () => {
    const res = await http(server.url, "/healthz");
    expect(res.status).toBe(200);
    expectPlainProbe(res);
    expect(json(res.body)).toEqual({ status: "ok" });
  });

  it("/readyz answers 200 with each check ok, without a cookie", async () => {
    const res = await http(server.url, "/readyz");
    expect(res.status).toBe(200);
    expectPlainProbe(res);
    expect(json(res.body)).toEqual({ status: "ok", checks: { database: "ok", migrations: "ok", uploads: "ok" } });
  });

  it("/readyz answers 503 naming the uploads when the upload folder cannot be written", async () => {
    // The folder is replaced by a file, as when a volume is not mounted (chmod would not stop root).
    const uploads = join(server.dir, "uploads");
    const aside = join(server.dir, "uploads-aside");
    renameSync(uploads, aside);
    writeFileSync(uploads, "not a folder");
    try {
      const res = await http(server.url, "/readyz");
      expect(res.status).toBe(503);
      expectPlainProbe(res);
      expect(json(res.body)).toEqual({
        status: "unavailable",
        checks: { database: "ok", migrations: "ok", uploads: "failed" },
      });
      expect(res.body).not.toContain(server.dir);
      // The process itself is still up.
      expect((await http(server.url, "/healthz")).status).toBe(200);
    } finally {
      rmSync(uploads);
      renameSync(aside, uploads);
    }
    expect((await http(server.url, "/readyz")).status).toBe(200);
  });

  it("/readyz answers 503 naming the migrations when the database is one migration short", async () => {
    // The last migration is really undone on the live database (its down step, and its record).
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new Database(join(server.dir, "app.sqlite")) }),
    });
    const { migrations } = await import("../../db/migrate");
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    try {
      const down = await migrator.migrateDown();
      expect(down.error).toBeUndefined();
      expect(down.results?.[0]?.status).toBe("Success");
      const res = await http(server.url, "/readyz");
      expect(res.status).toBe(503);
      expectPlainProbe(res);
      expect(json(res.body)).toEqual({
        status: "unavailable",
        checks: { database: "ok", migrations: "pending", uploads: "ok" },
      });
      expect(res.body).not.toContain(down.results![0]!.migrationName);
    } finally {
      await migrator.migrateToLatest();
      await db.destroy();
    }
    expect((await http(server.url, "/readyz")).status).toBe(200);
  });

  it("probes are not logged at info level", async () => {
    await http(server.url, "/healthz", { headers: { "X-Request-Id": "probe-not-logged" } });
    await http(server.url, "/login", { headers: { "X-Request-Id": "page-logged" } });
    await expect.poll(() => server.stdout()).toContain('"requestId":"page-logged"');
    expect(server.stdout()).not.toContain("probe-not-logged");
  });
});
