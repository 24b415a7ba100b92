import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import { minimalPdf } from "../../db/seed/evidence";
import { noteName, scoreName } from "../../app/lib/assess-form";
import type { RunningServer } from "../security/server";
import { signInCookie } from "../security/server";

// Deadline-day traffic against a running server, for the operations tests (backup under load,
// shutdown mid-burst): assessors saving their scoresheets and an entrant uploading evidence, over
// HTTP as the browser sends them, recording every answer the server acknowledged.
//
// The data is made in the server's own database with the e2e factories (a new edition, its
// assessors, entries and a draft entry to upload to), so the demo edition is left alone.

/** A save or upload the server acknowledged, with the time (Date.now()) its answer had arrived. */
export type Ack =
  | {
      kind: "save";
      assignmentId: number;
      entryId: number;
      /** The save's number on its sheet (1, 2, …): the first criterion's note reads `simpan <n>`. */
      counter: number;
      at: number;
    }
  | { kind: "upload"; entryId: number; criterionKey: string; sha256: string; at: number };

/** A request that was not acknowledged (refused, or cut off by a stopping server). */
export interface Miss {
  what: string;
  status: number | null;
  detail: string;
}

export interface Traffic {
  /** Acknowledged saves and uploads so far, in the order their answers arrived. */
  acks: Ack[];
  misses: Miss[];
  /** The sheets being saved (one per client). */
  sheets: { assignmentId: number; entryId: number; firstCriterionId: number }[];
  /** Stops the clients after their request in flight, and waits for them. */
  stop: () => Promise<void>;
}

/** Where the first criterion's note says which save it was. */
export const SAVE_NOTE = /^simpan (\d+)$/;

/** The version the scoresheet form of a page is based on (what a save answered with). */
const formVersion = (html: string) => Number(html.match(/name="version" value="(\d+)"/)?.[1] ?? NaN);

/**
 * Starts `clients` assessors saving one scoresheet each, again and again (each save changes a
 * score and numbers the note), and with `uploads`, one entrant uploading small PDFs to a draft
 * entry. Resolves once every client is signed in and has started.
 */
export async function startTraffic(
  server: RunningServer,
  { clients = 20, uploads = true }: { clients?: number; uploads?: boolean } = {},
): Promise<Traffic> {
  process.env.E2E_DIR = server.dir;
  process.env.E2E_DATABASE = join(server.dir, "app.sqlite");
  // Loaded after the environment points at this server's database.
  const f = await import("../e2e/factories");
  const edition = await f.createEdition({ categories: ["large"] });
  const entries = [];
  for (let i = 0; i < Math.ceil(clients / 2); i++) entries.push(await f.createEntry(edition, { quality: i / clients }));
  const criteria = await f.judgedCriteria(entries[0]!.categoryId, "desk");
  const assessors: {
    user: Awaited<ReturnType<typeof f.createMember>>;
    entry: (typeof entries)[number];
    assignmentId: number;
  }[] = [];
  for (let i = 0; i < clients; i++) {
    const user = await f.createMember(edition.id, "assessor");
    const entry = entries[i % entries.length]!;
    const { assignmentId } = await f.createAssignment(entry, user);
    assessors.push({ user, entry, assignmentId });
  }
  const uploader = uploads ? await f.createEntry(edition, { status: "draft" }) : null;

  const acks: Ack[] = [];
  const misses: Miss[] = [];
  let running = true;
  const post = (path: string, cookie: string, body: URLSearchParams | FormData) =>
    fetch(new URL(path, server.url), { method: "POST", headers: { cookie }, body, redirect: "manual" });
  const miss = (what: string, error: unknown, status: number | null = null) =>
    misses.push({ what, status, detail: error instanceof Error ? error.message : String(error) });

  async function saver({ user, entry, assignmentId }: (typeof assessors)[number]) {
    const cookie = await signInCookie(server.url, user.email);
    const declared = await post(
      `/assess/${entry.id}`,
      cookie,
      new URLSearchParams({ intent: "declare", conflict: "no" }),
    );
    if (declared.status !== 302) throw new Error(`declaring no conflict answered ${declared.status}`);
    return async () => {
      let version = 0;
      for (let counter = 1; running; counter++) {
        const form = new URLSearchParams({ intent: "save", version: String(version) });
        criteria.forEach((c, i) => {
          form.set(scoreName(c), String(Math.min(c.max ?? 100, 1 + ((counter + i) % 10))));
          form.set(noteName(c), i === 0 ? `simpan ${counter}` : "Catatan uji beban.");
        });
        try {
          // Posted as a browser without JavaScript does: the page comes back with the saved version.
          const res = await post(`/assess/${entry.id}`, cookie, form);
          const saved = formVersion(await res.text());
          if (res.status === 200 && saved > version) {
            version = saved;
            acks.push({ kind: "save", assignmentId, entryId: entry.id, counter, at: Date.now() });
          } else miss(`save ${counter} of sheet ${assignmentId}`, `version ${saved}`, res.status);
        } catch (error) {
          miss(`save ${counter} of sheet ${assignmentId}`, error);
          return; // the server is gone (e.g. stopped): this client is done
        }
      }
    };
  }

  async function entrantUploads(entry: NonNullable<typeof uploader>) {
    const cookie = await signInCookie(server.url, entry.organisation.member.email);
    const criterionKey = (await f.requiredEvidence(edition.categories.large!.rubricId))[0]!;
    return async () => {
      for (let n = 1; running; n++) {
        const bytes = minimalPdf([`Bukti unggahan uji ${n}`, randomBytes(8).toString("hex")]);
        const form = new FormData();
        form.set("intent", "upload");
        form.set("criterion", criterionKey);
        form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), `bukti-${n}.pdf`);
        try {
          const res = await post(`/portal/entries/${entry.id}/evidence`, cookie, form);
          await res.arrayBuffer();
          const sha256 = createHash("sha256").update(bytes).digest("hex");
          if (res.status === 200)
            acks.push({ kind: "upload", entryId: entry.id, criterionKey, sha256, at: Date.now() });
          else miss(`upload ${n}`, "refused", res.status);
        } catch (error) {
          miss(`upload ${n}`, error);
          return;
        }
      }
    };
  }

  const loops = await Promise.all([...assessors.map(saver), ...(uploader ? [entrantUploads(uploader)] : [])]);
  const done = Promise.all(loops.map((loop) => loop()));
  return {
    acks,
    misses,
    sheets: assessors.map((a) => ({
      assignmentId: a.assignmentId,
      entryId: a.entry.id,
      firstCriterionId: criteria[0]!.id,
    })),
    stop: async () => {
      running = false;
      await done;
    },
  };
}
