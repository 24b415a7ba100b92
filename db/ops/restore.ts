import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { countDifferences, postgresFacts, sqliteFacts } from "./database-facts";
import {
  OpsError,
  UPLOADS_FOLDER,
  checkFacts,
  copyVerified,
  hashFile,
  readManifest,
  type FileFacts,
  type Manifest,
} from "./manifest";
import { requirePgTool, run, withPostgres } from "./pg-tools";
import { databaseKind, sqlitePath, type DataPlace } from "./settings";

export interface RestoreSummary {
  manifest: Manifest;
  bytes: number;
  ms: number;
}

const REPLACE_HINT = "restore into an empty data folder and database, or add --force to replace what is there";

/**
 * Restores the backup in dir into the database and upload folder of `place`. Nothing is written
 * until the manifest, the database file and every evidence file have been checked against their
 * hashes; files are copied under temporary names and renamed into place; the restored database
 * must pass its integrity check and have the manifest's row counts before success is reported.
 */
export async function restore(dir: string, place: DataPlace, { force = false } = {}): Promise<RestoreSummary> {
  const started = Date.now();
  const manifest = await readManifest(dir);
  const kind = databaseKind(place.databaseUrl);
  if (manifest.database.kind !== kind)
    throw new OpsError(`${dir} holds a ${manifest.database.kind} backup, but DATABASE_URL is a ${kind} database`);

  if (!force) await refuseNonEmptyTarget(place);

  const inBackup = (name: string) => join(dir, UPLOADS_FOLDER, name);
  await verify(join(dir, manifest.database.file), manifest.database);
  for (const file of manifest.files) await verify(inBackup(file.storage_name), file);

  // Staged under the server's own tmp/ as *.part and renamed into place: a stopped restore leaves
  // no half-written file under a stored name (and the server sweeps old *.part files).
  const staging = join(place.uploadDir, "tmp");
  await mkdir(staging, { recursive: true });
  let bytes = manifest.database.size;
  for (const file of manifest.files) {
    const part = join(staging, `restore-${file.storage_name}.part`);
    try {
      await copyVerified(inBackup(file.storage_name), inBackup(file.storage_name), part, file);
      await rename(part, join(place.uploadDir, file.storage_name));
    } finally {
      await rm(part, { force: true });
    }
    bytes += file.size;
  }

  if (kind === "sqlite")
    await restoreSqlite(join(dir, manifest.database.file), sqlitePath(place.databaseUrl), manifest);
  else await restorePostgres(join(dir, manifest.database.file), place.databaseUrl, manifest, force);
  return { manifest, bytes, ms: Date.now() - started };
}

async function verify(path: string, expected: FileFacts) {
  let actual: FileFacts;
  try {
    actual = await hashFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new OpsError(`${path} is missing from the backup: nothing was restored`);
    throw error;
  }
  try {
    checkFacts(path, actual, expected);
  } catch (error) {
    throw new OpsError(`${(error as Error).message}: nothing was restored`);
  }
}

async function refuseNonEmptyTarget(place: DataPlace) {
  if (databaseKind(place.databaseUrl) === "sqlite") {
    const path = sqlitePath(place.databaseUrl);
    if (existsSync(path)) throw new OpsError(`The database ${path} already exists: ${REPLACE_HINT}`);
  } else {
    const tables = await withPostgres(place.databaseUrl, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()",
      );
      return Number(rows[0]!.n);
    });
    if (tables > 0) throw new OpsError(`The database of DATABASE_URL already has ${tables} tables: ${REPLACE_HINT}`);
  }
  if (await holdsFiles(place.uploadDir))
    throw new OpsError(`The upload folder ${place.uploadDir} already holds files: ${REPLACE_HINT}`);
}

async function holdsFiles(dir: string): Promise<boolean> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || (await holdsFiles(join(dir, entry.name)))) return true;
  }
  return false;
}

/** Copied beside its place, checked there, then renamed over it: the live name only ever holds a checked copy. */
async function restoreSqlite(source: string, path: string, manifest: Manifest) {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.restoring`;
  await rm(temp, { force: true });
  try {
    await copyVerified(source, source, temp, manifest.database);
    const copy = new Database(temp, { fileMustExist: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new OpsError(`The restored database fails PRAGMA integrity_check: ${String(check)}`);
      checkCounts(manifest, sqliteFacts(copy).row_counts);
    } finally {
      copy.close();
    }
    // A write-ahead log left by the replaced database would be replayed into the restored one.
    for (const suffix of ["-wal", "-shm", "-journal"]) await rm(`${path}${suffix}`, { force: true });
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

/** pg_restore in one transaction (all or nothing), then the row counts read back. */
async function restorePostgres(source: string, url: string, manifest: Manifest, replace: boolean) {
  requirePgTool("pg_restore");
  await run("pg_restore", [
    "--exit-on-error",
    "--single-transaction",
    "--no-owner",
    "--no-acl",
    ...(replace ? ["--clean", "--if-exists"] : []),
    `--dbname=${url}`,
    source,
  ]);
  checkCounts(manifest, (await withPostgres(url, postgresFacts)).row_counts);
}

function checkCounts(manifest: Manifest, actual: Record<string, number>) {
  const differences = countDifferences(manifest.row_counts, actual);
  if (differences.length > 0)
    throw new OpsError(`The restored database does not have the backup's rows:\n${differences.join("\n")}`);
}
