/**
 * The one way an action reads a submitted form. Called after the route's guard, so nothing a
 * stranger sends is read; whatever a client sends ends in a form or in a refusal with its status,
 * never in a 500:
 * - 415 when the body is not a form (text/plain, JSON, no Content-Type);
 * - 413 when it is larger than a form of this app can be (evidence uploads have their own reader);
 * - 400 when it says it is a form but cannot be read as one (a broken multipart body).
 */

/** Largest form body, in bytes: the rubric editor's form is the largest, far below this. */
export const FORM_MAX_BYTES = 512 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export function isFormContentType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return FORM_TYPES.includes(type);
}

function refuse(status: 400 | 413 | 415, reason: string): Response {
  return new Response(reason, { status, statusText: reason, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function readForm(request: Request, maxBytes = FORM_MAX_BYTES): Promise<FormData> {
  const contentType = request.headers.get("Content-Type");
  if (!isFormContentType(contentType)) throw refuse(415, "Unsupported Media Type: send a form");
  const body = await readAtMost(request, maxBytes);
  if (body === null) throw refuse(413, "Payload Too Large");
  try {
    return await new Response(body, { headers: { "Content-Type": contentType! } }).formData();
  } catch {
    throw refuse(400, "Bad Request: the form could not be read");
  }
}

/**
 * A client that is still sending when the answer comes sees its connection reset instead of the
 * 413, so the rest of a moderately large body is read and dropped; past DRAIN_MAX_BYTES the
 * connection is cut.
 */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, size: number) {
  while (size <= DRAIN_MAX_BYTES) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
  }
  await reader.cancel();
}

/** The body, or null as soon as it passes maxBytes (a chunked body declares no length). */
async function readAtMost(request: Request, maxBytes: number): Promise<Blob | null> {
  if (!request.body) return new Blob([]);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await discardRest(reader, size);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    throw refuse(400, "Bad Request: the body could not be read");
  }
  return new Blob(chunks as BlobPart[]);
}
