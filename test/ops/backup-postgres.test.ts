import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { migrateToLatest, migrations } from "../../db/migrate";
import { backup } from "../../db/ops/backup";
import { hashFile } from "../../db/ops/manifest";
import { restore } from "../../db/ops/restore";
import { seedDemo } from "../../db/seed/demo";
import { createPostgres, dropPostgres } from "../bench/pages/generate";

// Backup and restore on PostgreSQL: pg_dump of an exported snapshot while another connection
// keeps writing, then pg_restore into a second database. Uses databases of its own beside
// TEST_POSTGRES_URL's (the paritrana role may create databases), dropped afterwards.

const adminUrl = process.env.TEST_POSTGRES_URL;
const hasTool = (tool: string) => spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
const skipped = !adminUrl
  ? "TEST_POSTGRES_URL is not set"
  : !hasTool("pg_dump") || !hasTool("pg_restore")
    ? "pg_dump or pg_restore is not on the PATH (apt-get install postgresql-client)"
    : null;

describe.skipIf(skipped)(`PostgreSQL backup and restore${skipped ? ` (skipped: ${skipped})` : ""}`, () => {
  const suffix = randomBytes(4).toString("hex");
  const names = { source: `paritrana_backup_${suffix}`, target: `paritrana_restore_${suffix}` };
  const dir = mkdtempSync(join(tmpdir(), "paritrana-pg-backup-"));
  afterAll(async () => {
    await dropPostgres(adminUrl!, names.source);
    await dropPostgres(adminUrl!, names.target);
    rmSync(dir, { recursive: true, force: true });
  });

  it("dumps one snapshot (rows and files agree while writes go on) and restores it whole", async () => {
    const source = { databaseUrl: await createPostgres(adminUrl!, names.source), uploadDir: join(dir, "uploads") };
    const target = { databaseUrl: await createPostgres(adminUrl!, names.target), uploadDir: join(dir, "restored") };
    const db = await createDb(source.databaseUrl);
    let writing = true;
    let written = 0;
    try {
      await migrateToLatest(db);
      await seedDemo(db, new Date(), { uploadDir: source.uploadDir });
      // Another connection writes all through the backup: the dump, the evidence list and the
      // counts in the manifest must still be one moment (restore compares the counts).
      const writer = (async () => {
        while (writing) {
          await db.insertInto("audit_log").values({ at: new Date().toISOString(), action: "test.write" }).execute();
          written++;
        }
      })();
      const { manifest } = await backup(join(dir, "backup"), source).finally(() => (writing = false));
      await writer;
      expect(written).toBeGreaterThan(0);
      expect(manifest.database).toMatchObject({ kind: "postgres", file: "database.dump" });
      expect(manifest.migration).toBe(Object.keys(migrations).at(-1));
      expect(manifest.files.length).toBeGreaterThan(0);

      await restore(join(dir, "backup"), target);
      const restored = await createDb(target.databaseUrl);
      try {
        const audit = await restored
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(audit.n)).toBe(manifest.row_counts.audit_log);
        const evidence = await restored
          .selectFrom("evidence_files")
          .select(["storage_name", "size", "sha256"])
          .execute();
        expect(evidence).toHaveLength(manifest.files.length);
        for (const e of evidence)
          expect(await hashFile(join(target.uploadDir, e.storage_name))).toEqual({ size: e.size, sha256: e.sha256 });
      } finally {
        await restored.destroy();
      }

      await expect(restore(join(dir, "backup"), target)).rejects.toThrow(/already has \d+ tables.*--force/);
      await expect(restore(join(dir, "backup"), target, { force: true })).resolves.toMatchObject({ manifest });
    } finally {
      writing = false;
      await db.destroy();
    }
  });
});
