import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { open, readFile, rename } from "node:fs/promises";
import { basename, join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";

// What a backup folder holds, shared by backup and restore:
//   DIR/manifest.json          written last: a folder without it is not a backup
//   DIR/database.sqlite        (SQLite, VACUUM INTO) or DIR/database.dump (pg_dump --format=custom)
//   DIR/uploads/<storage_name> every evidence file the database referenced at the snapshot

export const MANIFEST_FILE = "manifest.json";
export const UPLOADS_FOLDER = "uploads";

/** An error meant for the operator: the CLIs print its message alone. */
export class OpsError extends Error {}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A stored file's name is a plain file name (never a path out of the folder). */
const fileName = z.string().refine((n) => n === basename(n) && !n.startsWith(".") && !n.includes("\\"));
const fileFacts = { size: z.number().int().nonnegative(), sha256 };

const manifestSchema = z.object({
  format: z.literal(1),
  created_at: z.string(),
  app_version: z.string(),
  database: z.object({
    kind: z.enum(["sqlite", "postgres"]),
    file: z.enum(["database.sqlite", "database.dump"]),
    ...fileFacts,
  }),
  /** The newest migration applied in the snapshot (kysely_migration). */
  migration: z.string().nullable(),
  row_counts: z.record(z.string(), z.number().int().nonnegative()),
  files: z.array(z.object({ storage_name: fileName, ...fileFacts })),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type FileFacts = { size: number; sha256: string };
export type StoredFile = Manifest["files"][number];

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch {
    throw new OpsError(`${dir} has no ${MANIFEST_FILE}: it is not a backup, or its backup did not finish`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OpsError(`${join(dir, MANIFEST_FILE)} is not valid JSON`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new OpsError(`${join(dir, MANIFEST_FILE)} is not a backup manifest:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Writes the manifest through a temporary file and a rename, so that it appears whole or not at all. */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const temp = join(dir, `${MANIFEST_FILE}.part`);
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dir, MANIFEST_FILE));
}

/** Size and SHA-256 of a file (rejects with ENOENT when it is missing). */
export async function hashFile(path: string): Promise<FileFacts> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest("hex") };
}

/** Copies src to a new file dest, hashing the bytes on the way, and flushes it to disk. */
export async function copyHashed(src: string, dest: string): Promise<FileFacts> {
  const hash = createHash("sha256");
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(src), tap, createWriteStream(dest, { flags: "wx", flush: true }));
  return { size, sha256: hash.digest("hex") };
}

/** Refuses a file whose size or hash is not the expected one, naming it. */
export function checkFacts(name: string, actual: FileFacts, expected: FileFacts): void {
  if (actual.sha256 !== expected.sha256 || actual.size !== expected.size)
    throw new OpsError(
      `${name} is damaged: ${actual.size} bytes with SHA-256 ${actual.sha256}, expected ${expected.size} bytes with ${expected.sha256}`,
    );
}

/** Copies src to dest and refuses (naming the file) when the bytes copied are not the expected ones. */
export async function copyVerified(name: string, src: string, dest: string, expected: FileFacts): Promise<void> {
  checkFacts(name, await copyHashed(src, dest), expected);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
