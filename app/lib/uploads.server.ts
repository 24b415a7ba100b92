import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { once } from "node:events";
import busboy from "busboy";
import { fileTypeFromFile } from "file-type";
import type { Db } from "../../db/client";
import { evidenceStorageNames } from "../../db/queries/evidence";
import type { T } from "../i18n";
import { formatNumber } from "../i18n/format";
import { ALLOWED_TYPES } from "./evidence-types";
import { checkZip, ZIP_MAX_EXPANDED_BYTES, ZIP_MAX_RATIO } from "./zip-check.server";
export { ALLOWED_TYPES };

// Evidence uploads: the multipart body is parsed by busboy (RFC 7578 headers: quoted names with
// "=", ";" or escaped quotes, filename*, UTF-8). Every file is streamed to a temporary file in the
// upload folder while its SHA-256 is computed; at the size limit writing stops and the temporary
// file is deleted. The type is then read from the file's bytes (file-type: magic numbers, and for
// XLSX/DOCX the zip container and its [Content_Types].xml / folders), never from the name or the
// browser's content type; XLSX/DOCX are also refused when their zip directory declares a bomb or
// macros (zip-check.server.ts). Accepted files are renamed to a random storage name; refused ones
// leave nothing behind.

export type UploadRefusal = "too_big" | "wrong_type" | "empty" | "expands_too_much" | "macros";

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

/** Why a file was refused, in the viewer's language, with the rule it broke. */
export function refusalMessage(t: T, reason: UploadRefusal | undefined, maxMb: number): string {
  switch (reason) {
    case "too_big":
      return t("portal.evidence.refusedTooBig", { max: formatNumber(maxMb, 0, 1) });
    case "empty":
      return t("portal.evidence.refusedEmpty");
    case "expands_too_much":
      return t("portal.evidence.refusedExpands", { max: ZIP_MAX_EXPANDED_BYTES / (1024 * 1024), ratio: ZIP_MAX_RATIO });
    case "macros":
      return t("portal.evidence.refusedMacros");
    default:
      return t("portal.evidence.refusedType");
  }
}

const TEXT_FIELD_LIMIT = 64 * 1024;

/**
 * A display name: the base name, at most 200 characters, without control or format characters
 * (C0, DEL, C1, line separators, and the bidirectional overrides, isolates and marks such as
 * U+202E that could make "…fdp.exe" read "…exe.pdf").
 */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  const clean = base.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "").trim();
  return Array.from(clean || "berkas")
    .slice(0, 200)
    .join("");
}

/** Office documents with macros, as file-type names them from [Content_Types].xml (.docm, .xlsm, …). */
const MACRO_ENABLED = /macroenabled/i;

/** Accepts one staged temporary file after the bytes are known: type and container checks, final name. */
export async function acceptTempFile(
  tmpPath: string,
  dir: string,
): Promise<{ ok: true; storageName: string; mime: string } | { ok: false; reason: UploadRefusal }> {
  const detected = await fileTypeFromFile(tmpPath).catch(() => undefined);
  const allowed = detected ? ALLOWED_TYPES[detected.mime] : undefined;
  let reason: UploadRefusal | undefined;
  if (detected && MACRO_ENABLED.test(detected.mime)) reason = "macros";
  else if (!detected || !allowed) reason = "wrong_type";
  else if (allowed.zip) {
    const verdict = await checkZip(tmpPath);
    if (verdict !== "ok") reason = verdict === "broken" ? "wrong_type" : verdict;
  }
  if (reason || !detected || !allowed) {
    await rm(tmpPath, { force: true });
    return { ok: false, reason: reason ?? "wrong_type" };
  }
  const storageName = `${randomUUID()}.${allowed.ext}`;
  await rename(tmpPath, join(dir, storageName));
  return { ok: true, storageName, mime: detected.mime };
}

/**
 * Browsers send a file name's quote, CR and LF as %22, %0D and %0A (HTML's multipart/form-data
 * encoding); the quote is given back, CR and LF are then dropped by cleanFileName.
 */
const browserFileName = (name: string) => name.replace(/%22|%0D|%0A/gi, (m) => decodeURIComponent(m));

/**
 * Parses a multipart request, streaming file parts to disk. The results are kept in `files` (the
 * form data only gets a placeholder, so a text field can never pretend to be an uploaded file).
 * Text fields are kept in memory (at most 64 KB each).
 */
export function evidenceUploader({ dir, maxBytes }: { dir: string; maxBytes: number }) {
  const files: StagedFile[] = [];
  const tmpDir = join(dir, "tmp");
  mkdirSync(tmpDir, { recursive: true });

  /** Streams one file part to a temporary file and judges it. */
  async function stage(field: string, filename: string, data: AsyncIterable<Buffer>): Promise<StagedFile> {
    const name = cleanFileName(browserFileName(filename));
    const tmpPath = join(tmpDir, partFileName());
    const hash = createHash("sha256");
    let size = 0;
    let out: WriteStream | null = createWriteStream(tmpPath, { flags: "wx" });
    let tooBig = false;
    let drained = 0;
    try {
      for await (const chunk of data) {
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
    if (tooBig) return { name, field, ok: false, reason: "too_big" };
    if (size === 0) {
      await rm(tmpPath, { force: true });
      return { name, field, ok: false, reason: "empty" };
    }
    const accepted = await acceptTempFile(tmpPath, dir);
    return accepted.ok
      ? {
          name,
          field,
          ok: true,
          storageName: accepted.storageName,
          mime: accepted.mime,
          size,
          sha256: hash.digest("hex"),
        }
      : { name, field, ok: false, reason: accepted.reason };
  }

  async function parse(request: Request): Promise<FormData> {
    const form = new FormData();
    const staging: Promise<void>[] = [];
    let failure: { error: unknown } | undefined;
    let parser: busboy.Busboy;
    try {
      if (!request.body) throw new TypeError("no request body");
      parser = busboy({
        headers: { "content-type": request.headers.get("Content-Type") ?? "" },
        defParamCharset: "utf8",
        limits: { fieldSize: TEXT_FIELD_LIMIT, fields: 100, parts: 100 + MAX_FILES_PER_REQUEST },
      });
    } catch (error) {
      throw new TypeError(`not a multipart form: ${String(error)}`);
    }
    const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
    await new Promise<void>((resolve) => {
      const stop = (error: unknown) => {
        failure ??= { error };
        source.unpipe(parser);
        source.destroy();
        parser.destroy(); // ends the file part being read, so its staging fails and cleans up
        resolve();
      };
      let count = 0;
      parser.on("file", (field, data, info) => {
        // A file input left empty is sent as a part without a name and without bytes.
        if (!info.filename) return skip(data);
        // A cap on files per request, so that one request cannot fill the disk with many large files.
        if (count >= MAX_FILES_PER_REQUEST) {
          skip(data);
          return stop(new UploadTooLargeError());
        }
        // Parts are staged while the next ones arrive; each keeps its place in `files` and the form.
        const index = count++;
        form.append(field, `upload:${index}`);
        staging.push(
          stage(field, info.filename, data).then((f) => {
            files[index] = f;
          }, stop),
        );
      });
      parser.on("field", (name, value, info) => {
        if (info.valueTruncated || info.nameTruncated) stop(new UploadTooLargeError());
        else form.append(name, value);
      });
      for (const limit of ["partsLimit", "fieldsLimit"] as const)
        parser.on(limit, () => stop(new UploadTooLargeError()));
      parser.on("error", stop);
      source.on("error", stop);
      parser.on("close", () => resolve());
      source.pipe(parser);
    });
    await Promise.allSettled(staging);
    if (failure) {
      await discard(dir, files);
      throw failure.error;
    }
    return form;
  }

  return {
    files,
    /** Parses the request; on failure every file already stored is removed again. */
    parse,
    /** Removes the stored files of this request (e.g. when the database refused them). */
    discard: () => discard(dir, files),
  };
}

/** Reads a part to its end without keeping it (its error, if the request is cut, is of no interest). */
function skip(part: Readable) {
  part.on("error", () => undefined);
  part.resume();
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
 * Temporary upload files carry this process's tag: several app instances may share the upload
 * folder (docs/operations.md), and a sweep must tell its own half-written files from those another
 * instance is receiving at that moment.
 */
// Kept on globalThis: the server (app/server/main.ts, which sweeps) and the built app (which
// uploads) each bundle a copy of this module, and must share one tag.
const tagged = globalThis as typeof globalThis & { __paritranaUploadTag?: string };
const INSTANCE_TAG = (tagged.__paritranaUploadTag ??= randomUUID().slice(0, 8));
export const partFileName = () => `${INSTANCE_TAG}-${randomUUID()}.part`;

/** Younger files may belong to an upload another instance is receiving or has not yet recorded. */
export const SWEEP_MIN_AGE_MS = 60 * 60 * 1000;

/**
 * Clean-up at start and at shutdown (after this process's requests ended): removes this process's
 * own half-written uploads (`tmp/*.part`), anyone's older than an hour, and every stored file older
 * than an hour that no evidence row references (left when a server stopped between storing a file
 * and writing its row). Only plain files named like ours are touched.
 */
export async function sweepPartialUploads(dir: string, db: Db, now = Date.now()) {
  const old = async (path: string) => now - (await stat(path).catch(() => null))!.mtimeMs >= SWEEP_MIN_AGE_MS;
  const tmpDir = join(dir, "tmp");
  for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
    if (!name.endsWith(".part")) continue;
    const path = join(tmpDir, name);
    if (name.startsWith(`${INSTANCE_TAG}-`) || (await old(path).catch(() => false))) await rm(path, { force: true });
  }
  const stored = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter(
    (d) => d.isFile() && STORAGE_NAME.test(d.name),
  );
  if (stored.length === 0) return;
  const referenced = await evidenceStorageNames(db);
  for (const file of stored) {
    const path = join(dir, file.name);
    if (!referenced.has(file.name) && (await old(path).catch(() => false))) await rm(path, { force: true });
  }
}

export class UploadTooLargeError extends Error {
  constructor() {
    super("upload too large");
  }
}

async function discard(dir: string, files: StagedFile[]) {
  // `files` may have gaps when a request failed while its parts were being staged.
  for (const f of files) if (f?.storageName) await removeStoredFile(dir, f.storageName);
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
  const ascii =
    name
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%;]/g, "_")
      .trim() || "berkas";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The download response of a stored evidence file, or null when the file is missing on disk. */
export async function evidenceResponse(
  dir: string,
  file: { storage_name: string; mime: string; original_name: string; size: number },
) {
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
      "Cache-Control": "private, no-store",
    },
  });
}
