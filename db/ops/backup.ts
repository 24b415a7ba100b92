import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { postgresFacts, sqliteFacts, type DatabaseFacts } from "./database-facts";
import {
  OpsError,
  UPLOADS_FOLDER,
  appVersion,
  copyHashed,
  checkFacts,
  hashFile,
  writeManifest,
  type Manifest,
  type StoredFile,
} from "./manifest";
import { requirePgTool, run, withPostgres } from "./pg-tools";
import { databaseKind, sqlitePath, type DataPlace } from "./settings";

/** A database snapshot taken into the backup folder, with what it says about itself. */
interface Snapshot extends DatabaseFacts {
  file: Manifest["database"]["file"];
  /** Every evidence file the snapshot references. */
  files: StoredFile[];
}

/** Evidence files referenced by the snapshot but not in the upload folder (deleted since?). */
class MissingFilesError extends OpsError {
  constructor(names: string[]) {
    const listed = names.slice(0, 10).join(", ") + (names.length > 10 ? ` and ${names.length - 10} more` : "");
    super(`${names.length} evidence file(s) referenced by the database are not in the upload folder: ${listed}`);
  }
}

export interface BackupSummary {
  manifest: Manifest;
  bytes: number;
  ms: number;
  attempts: number;
}

/**
 * Backs up a running instance into dir (new or empty): a consistent database snapshot, then every
 * evidence file that snapshot references, each checked against its stored SHA-256, then the
 * manifest. Files uploaded after the snapshot are not needed (the snapshot does not know them); a
 * referenced file that is gone (deleted after the snapshot) makes the whole backup start again.
 */
export async function backup(dir: string, place: DataPlace, { attempts = 3 } = {}): Promise<BackupSummary> {
  const started = Date.now();
  await claimEmptyFolder(dir);
  for (let attempt = 1; ; attempt++) {
    try {
      const snapshot =
        databaseKind(place.databaseUrl) === "postgres"
          ? await snapshotPostgres(place.databaseUrl, dir)
          : snapshotSqlite(sqlitePath(place.databaseUrl), dir);
      const filesBytes = await copyEvidence(snapshot.files, place.uploadDir, join(dir, UPLOADS_FOLDER));
      const database = await hashFile(join(dir, snapshot.file));
      const manifest: Manifest = {
        format: 1,
        created_at: new Date(started).toISOString(),
        app_version: appVersion(),
        database: { kind: databaseKind(place.databaseUrl), file: snapshot.file, ...database },
        migration: snapshot.migration,
        row_counts: snapshot.row_counts,
        files: snapshot.files,
      };
      await writeManifest(dir, manifest);
      return { manifest, bytes: database.size + filesBytes, ms: Date.now() - started, attempts: attempt };
    } catch (error) {
      // The folder was empty when we started: what is in it now is this attempt's, half done.
      for (const name of await readdir(dir)) await rm(join(dir, name), { recursive: true, force: true });
      if (!(error instanceof MissingFilesError) || attempt >= attempts) throw error;
    }
  }
}

async function claimEmptyFolder(dir: string) {
  await mkdir(dir, { recursive: true });
  const present = await readdir(dir);
  if (present.length > 0)
    throw new OpsError(
      `${dir} is not empty (${present.slice(0, 3).join(", ")}${present.length > 3 ? ", …" : ""}): back up into a new or empty folder`,
    );
}

/**
 * SQLite: `VACUUM INTO` from a connection of our own. It reads the whole database in one read
 * transaction, so the copy is one consistent moment, and under WAL a reader never blocks the
 * server's writers. (The online backup API, better-sqlite3's .backup(), copies page by page and
 * starts over whenever another connection writes, so under steady saves it may never finish.)
 */
function snapshotSqlite(path: string, dir: string): Snapshot {
  if (!existsSync(path)) throw new OpsError(`There is no database at ${path} (DATABASE_URL)`);
  const file = "database.sqlite";
  const source = new Database(path, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.prepare("VACUUM INTO ?").run(join(dir, file));
  } finally {
    source.close();
  }
  const copy = new Database(join(dir, file), { readonly: true, fileMustExist: true });
  try {
    const files = copy
      .prepare("SELECT storage_name, size, sha256 FROM evidence_files ORDER BY storage_name")
      .all() as StoredFile[];
    return { file, files, ...sqliteFacts(copy) };
  } finally {
    copy.close();
  }
}

/**
 * PostgreSQL: a REPEATABLE READ transaction exports its snapshot, pg_dump dumps exactly that
 * snapshot, and the evidence list and row counts are read in the same transaction, so dump,
 * files and manifest describe the same moment.
 */
async function snapshotPostgres(url: string, dir: string): Promise<Snapshot> {
  requirePgTool("pg_dump");
  const file = "database.dump";
  return withPostgres(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    await run("pg_dump", [
      "--format=custom",
      `--snapshot=${rows[0]!.id}`,
      `--file=${join(dir, file)}`,
      `--dbname=${url}`,
    ]);
    const listed = await client.query<StoredFile>(
      "SELECT storage_name, size, sha256 FROM evidence_files ORDER BY storage_name",
    );
    const facts = await postgresFacts(client);
    await client.query("COMMIT");
    return { file, files: listed.rows.map((f) => ({ ...f, size: Number(f.size) })), ...facts };
  });
}

/** Copies every referenced file, hashing while copying; returns the bytes copied. */
async function copyEvidence(files: StoredFile[], uploadDir: string, target: string): Promise<number> {
  await mkdir(target);
  const missing: string[] = [];
  let bytes = 0;
  for (const file of files) {
    if (file.storage_name.includes("/") || file.storage_name.startsWith("."))
      throw new OpsError(`evidence_files has a storage name that is not a file name: ${file.storage_name}`);
    try {
      const copied = await copyHashed(join(uploadDir, file.storage_name), join(target, file.storage_name));
      checkFacts(`${join(uploadDir, file.storage_name)} (in the upload folder)`, copied, file);
      bytes += copied.size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(file.storage_name);
    }
  }
  if (missing.length > 0) throw new MissingFilesError(missing);
  return bytes;
}
