import Database from "better-sqlite3";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { backup } from "../../db/ops/backup";
import { hashFile, readManifest } from "../../db/ops/manifest";
import { restore } from "../../db/ops/restore";
import type { DataPlace } from "../../db/ops/settings";
import { seedDemo } from "../../db/seed/demo";

// What backup and restore refuse, called in-process on a seeded demo instance (its 80 evidence
// files on disk). The backup under load, through the real commands, is backup-restore.test.ts.

const root = mkdtempSync(join(tmpdir(), "paritrana-ops-"));
let n = 0;
const fresh = (name: string) => join(root, `${name}-${++n}`);
/** A data folder as the server lays it out (nothing in it yet). */
const placeIn = (dir: string): DataPlace => ({
  databaseUrl: `file:${join(dir, "app.sqlite")}`,
  uploadDir: join(dir, "uploads"),
});
const instance = placeIn(join(root, "instance"));
const goodBackup = join(root, "backup");

beforeAll(async () => {
  const db = await createDb(instance.databaseUrl);
  await migrateToLatest(db);
  await seedDemo(db, new Date(), { uploadDir: instance.uploadDir });
  await db.destroy();
  await backup(goodBackup, instance);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the good backup that a test may damage. */
function backupCopy(): string {
  const dir = fresh("backup-copy");
  cpSync(goodBackup, dir, { recursive: true });
  return dir;
}

describe("backup refuses", () => {
  it("a folder that is not empty, and leaves it as it was", async () => {
    const dir = fresh("not-empty");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    await expect(backup(dir, instance)).rejects.toThrow(/is not empty \(notes\.txt\)/);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  it("an evidence file whose bytes no longer match its stored hash, naming it, and writes no manifest", async () => {
    const damaged = fresh("damaged-instance");
    cpSync(join(root, "instance"), damaged, { recursive: true });
    const victim = readdirSync(join(damaged, "uploads"))[3]!;
    appendFileSync(join(damaged, "uploads", victim), "x");
    const dir = fresh("backup-of-damaged");
    await expect(backup(dir, placeIn(damaged))).rejects.toThrow(new RegExp(`${victim}.* is damaged`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("when referenced evidence files are missing: tries again, then lists them", async () => {
    const broken = fresh("missing-instance");
    cpSync(join(root, "instance"), broken, { recursive: true });
    const gone = readdirSync(join(broken, "uploads")).slice(0, 2);
    for (const name of gone) rmSync(join(broken, "uploads", name));
    const dir = fresh("backup-of-missing");
    const failure = backup(dir, placeIn(broken), { attempts: 2 });
    await expect(failure).rejects.toThrow(
      /2 evidence file\(s\) referenced by the database are not in the upload folder/,
    );
    await expect(failure).rejects.toThrow(gone[1]!);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("restore refuses", () => {
  it("a folder without a manifest (not a backup, or one that did not finish)", async () => {
    const dir = backupCopy();
    rmSync(join(dir, "manifest.json"));
    const target = placeIn(fresh("target"));
    await expect(restore(dir, target)).rejects.toThrow(/has no manifest\.json/);
    expect(existsSync(target.uploadDir)).toBe(false);
  });

  it("a tampered evidence file, before writing anything", async () => {
    const dir = backupCopy();
    const manifest = await readManifest(dir);
    const victim = manifest.files[5]!.storage_name;
    writeFileSync(join(dir, "uploads", victim), "not the evidence that was uploaded");
    const targetDir = fresh("target");
    await expect(restore(dir, placeIn(targetDir))).rejects.toThrow(
      new RegExp(`${victim} is damaged.*nothing was restored`),
    );
    expect(existsSync(targetDir)).toBe(false);
  });

  it("a tampered backup even with --force, leaving the instance it would replace as it was", async () => {
    const dir = backupCopy();
    const manifest = await readManifest(dir);
    appendFileSync(join(dir, "uploads", manifest.files.at(-1)!.storage_name), "x");
    const existing = fresh("existing");
    cpSync(join(root, "instance"), existing, { recursive: true });
    const before = await hashFile(join(existing, "app.sqlite"));
    const uploadsBefore = readdirSync(join(existing, "uploads")).sort();
    await expect(restore(dir, placeIn(existing), { force: true })).rejects.toThrow(/is damaged.*nothing was restored/);
    expect(await hashFile(join(existing, "app.sqlite"))).toEqual(before);
    expect(readdirSync(join(existing, "uploads")).sort()).toEqual(uploadsBefore);
  });

  it("a tampered database file, before writing anything", async () => {
    const dir = backupCopy();
    const db = new Database(join(dir, "database.sqlite"));
    db.prepare("UPDATE scores SET value = value + 1 WHERE id = (SELECT min(id) FROM scores)").run();
    db.close();
    const targetDir = fresh("target");
    await expect(restore(dir, placeIn(targetDir))).rejects.toThrow(/database\.sqlite is damaged/);
    expect(existsSync(targetDir)).toBe(false);
  });

  it("a database or upload folder that is already there, unless forced", async () => {
    const dir = backupCopy();
    const withDb = placeIn(fresh("target"));
    await restore(dir, withDb);
    await expect(restore(dir, withDb)).rejects.toThrow(/app\.sqlite already exists.*--force/);

    const withUploads = placeIn(fresh("target"));
    mkdirSync(withUploads.uploadDir, { recursive: true });
    writeFileSync(join(withUploads.uploadDir, "someone-else.pdf"), "%PDF");
    await expect(restore(dir, withUploads)).rejects.toThrow(/already holds files.*--force/);
    expect(existsSync(join(withUploads.databaseUrl.slice(5)))).toBe(false);

    const { manifest } = await restore(dir, withDb, { force: true });
    const restored = new Database(withDb.databaseUrl.slice(5), { readonly: true });
    expect(restored.prepare("SELECT count(*) FROM evidence_files").pluck().get()).toBe(manifest.files.length);
    restored.close();
  });
});
