import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { createDb, type Db } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed/demo";

/** A real SQLite file in a temporary folder, migrated to the latest schema (and seeded if asked). */
export async function freshDb({ seed = false } = {}): Promise<{ db: Db; url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "paritrana-db-"));
  const url = `file:${join(dir, "test.sqlite")}`;
  const db = await createDb(url);
  await migrateToLatest(db);
  if (seed) await seedDemo(db);
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, url, dir };
}
