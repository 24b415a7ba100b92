import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { once } from "node:events";
import {
  unstable_composeUploadHandlers, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData,
  type UploadHandler, type UploadHandlerPart,
} from "@remix-run/node";
import { fileTypeFromFile } from "file-type";
import { ALLOWED_TYPES } from "./evidence-types";
export { ALLOWED_TYPES };

// Evidence uploads: every file is streamed to a temporary file in the upload folder while its
// SHA-256 is computed; at the size limit writing stops and the temporary file is deleted. The type
// is then read from the file's bytes (file-type: magic numbers, and for XLSX/DOCX the zip container
// and its [Content_Types].xml / folders), never from the name or the browser's content type.
// Accepted files are renamed to a random storage name; refused ones leave nothing behind.

export type UploadRefusal = "too_big" | "wrong_type" | "empty";

export interface StagedFile {
  /** Original name, for display only. */
  name: string;
  /** Field the file came in. */
  field: string;
  ok: boolean;
  reason?: UploadRefusal;
  /** Accepted files: where the file now is, and its facts. */
  storageName?: string;
  mime?: string;
  size?: number;
  sha256?: string;
}

const TEXT_FIELD_LIMIT = 64 * 1024;

/** A display name: the base name, without control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "berkas").slice(0, 200);
}

/** Accepts one staged temporary file after the bytes are known: type check and final name. */
export async function acceptTempFile(tmpPath: string, dir: string): Promise<{ ok: true; storageName: string; mime: string } | { ok: false; reason: UploadRefusal }> {
  const detected = await fileTypeFromFile(tmpPath).catch(() => undefined);
  const allowed = detected ? ALLOWED_TYPES[detected.mime] : undefined;
  if (!detected || !allowed) {
    await rm(tmpPath, { force: true });
    return { ok: false, reason: "wrong_type" };
  }
  const storageName = `${randomUUID()}.${allowed.ext}`;
  await rename(tmpPath, join(dir, storageName));
  return { ok: true, storageName, mime: detected.mime };
}

/**
 * An upload handler for unstable_parseMultipartFormData that streams file parts to disk. The
 * results are kept in `files` (the form data only gets a placeholder, so a text field can never
 * pretend to be an uploaded file). Text fields are kept in memory (at most 64 KB each).
 */
export function evidenceUploader({ dir, maxBytes }: { dir: string; maxBytes: number }) {
  const files: StagedFile[] = [];
  const tmpDir = join(dir, "tmp");
  mkdirSync(tmpDir, { recursive: true });

  const fileHandler: UploadHandler = async (part: UploadHandlerPart) => {
    if (part.filename === undefined) return undefined;
    // A cap on files per request, so that one request cannot fill the disk with many large files.
    if (files.length >= MAX_FILES_PER_REQUEST) throw new UploadTooLargeError();
    const name = cleanFileName(part.filename);
    // A file input left empty is sent as a part without a name and without bytes.
    if (part.filename === "") {
      for await (const chunk of part.data) void chunk;
      return "";
    }
    const tmpPath = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash("sha256");
    let size = 0;
    let out: WriteStream | null = createWriteStream(tmpPath, { flags: "wx" });
    let tooBig = false;
    let drained = 0;
    try {
      for await (const chunk of part.data) {
        if (tooBig) {
          // Keep reading (without writing) so the rest of the form still arrives, up to a cap.
          drained += chunk.byteLength;
          if (drained > Math.max(maxBytes * 4, 32 * 1024 * 1024)) throw new UploadTooLargeError();
          continue;
        }
        size += chunk.byteLength;
        const stream = out!;
        if (size > maxBytes) {
          tooBig = true;
          await closeStream(stream);
          out = null;
          await rm(tmpPath, { force: true });
          continue;
        }
        hash.update(chunk);
        if (!stream.write(chunk)) await once(stream, "drain");
      }
      if (out) {
        out.end();
        await once(out, "finish");
      }
    } catch (error) {
      if (out) await closeStream(out);
      await rm(tmpPath, { force: true });
      throw error;
    }
    if (tooBig) {
      files.push({ name, field: part.name, ok: false, reason: "too_big" });
    } else if (size === 0) {
      await rm(tmpPath, { force: true });
      files.push({ name, field: part.name, ok: false, reason: "empty" });
    } else {
      const accepted = await acceptTempFile(tmpPath, dir);
      files.push(
        accepted.ok
          ? { name, field: part.name, ok: true, storageName: accepted.storageName, mime: accepted.mime, size, sha256: hash.digest("hex") }
          : { name, field: part.name, ok: false, reason: accepted.reason },
      );
    }
    return `upload:${files.length - 1}`;
  };

  const handler = unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: TEXT_FIELD_LIMIT }));

  return {
    files,
    /** Parses the request; on failure every file already stored is removed again. */
    async parse(request: Request): Promise<FormData> {
      try {
        return await unstable_parseMultipartFormData(request, handler);
      } catch (error) {
        await discard(dir, files);
        throw error;
      }
    },
    /** Removes the stored files of this request (e.g. when the database refused them). */
    discard: () => discard(dir, files),
  };
}

/** Destroys a write stream and waits until its file is closed (so a later rm really removes it). */
async function closeStream(stream: WriteStream) {
  if (stream.closed) return;
  const closed = once(stream, "close").catch(() => undefined);
  stream.destroy();
  await closed;
}

/** Files in one upload request (the form offers several per criterion). */
export const MAX_FILES_PER_REQUEST = 10;

/**
 * Removes half-written uploads (`tmp/*.part`) older than an hour: left behind only when the
 * server stopped in the middle of an upload. Run at start-up.
 */
export async function sweepPartialUploads(dir: string, now = Date.now()) {
  const tmpDir = join(dir, "tmp");
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith(".part")) continue;
    const path = join(tmpDir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > 60 * 60 * 1000) await rm(path, { force: true });
  }
}

export class UploadTooLargeError extends Error {
  constructor() {
    super("upload too large");
  }
}

async function discard(dir: string, files: StagedFile[]) {
  for (const f of files) if (f.storageName) await removeStoredFile(dir, f.storageName);
}

const STORAGE_NAME = /^[0-9a-f-]{36}\.(pdf|jpg|png|xlsx|docx)$/;

export function storedPath(dir: string, storageName: string): string | null {
  return STORAGE_NAME.test(storageName) ? join(dir, storageName) : null;
}

export async function removeStoredFile(dir: string, storageName: string) {
  const path = storedPath(dir, storageName);
  if (path) await rm(path, { force: true });
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\%;]/g, "_").trim() || "berkas";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The download response of a stored evidence file, or null when the file is missing on disk. */
export async function evidenceResponse(dir: string, file: { storage_name: string; mime: string; original_name: string; size: number }) {
  const path = storedPath(dir, file.storage_name);
  if (!path) return null;
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  const inline = ALLOWED_TYPES[file.mime]?.inline ?? false;
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": ALLOWED_TYPES[file.mime] ? file.mime : "application/octet-stream",
      "Content-Length": String(info.size),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.original_name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
