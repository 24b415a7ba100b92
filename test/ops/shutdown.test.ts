import Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { request, type ClientRequest, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { minimalPdf } from "../../db/seed/evidence";
import { signInCookie, startServer, type RunningServer } from "../security/server";
import { SAVE_NOTE, startTraffic } from "./traffic";

// Issue 13, item 4: SIGTERM stops the server gracefully. Requests in flight finish (within
// SHUTDOWN_TIMEOUT_MS, then their connections are cut), every save or upload the server
// acknowledged is stored, no half-written upload is left, and the process exits 0.

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const exited = (s: RunningServer) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    s.child.exitCode !== null
      ? done({ code: s.child.exitCode, signal: null })
      : s.child.once("exit", (code, signal) => done({ code, signal })),
  );

const partFiles = (s: RunningServer) =>
  readdirSync(join(s.dir, "uploads/tmp"), { withFileTypes: true }).filter((d) => d.name.endsWith(".part"));

/** The database file as the stopped server left it. */
function storedDb(s: RunningServer) {
  return new Database(join(s.dir, "app.sqlite"), { readonly: true, fileMustExist: true });
}

describe("graceful shutdown", () => {
  it("under a burst of saves and uploads: exits 0, keeps every acknowledged save and upload, leaves no .part", async () => {
    const s = (server = await startServer());
    const traffic = await startTraffic(s, { clients: 20, uploads: true });
    await expect
      .poll(() => traffic.acks.filter((a) => a.kind === "upload").length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(2);
    await expect.poll(() => traffic.acks.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);

    const exit = exited(s);
    const signalledAt = Date.now();
    s.child.kill("SIGTERM");
    expect(await exit).toEqual({ code: 0, signal: null });
    await traffic.stop();

    // Requests in flight at the signal were answered, not dropped: some acks arrived after it.
    expect(traffic.acks.some((a) => a.at > signalledAt)).toBe(true);
    // Nothing failed on the server's side while it stopped (misses are refused connections).
    expect(traffic.misses.filter((m) => m.status !== null && m.status >= 500)).toEqual([]);

    const db = storedDb(s);
    try {
      const note = db.prepare("SELECT note FROM scores WHERE assignment_id = ? AND criterion_id = ?");
      for (const sheet of traffic.sheets) {
        const acked = traffic.acks.filter((a) => a.kind === "save" && a.assignmentId === sheet.assignmentId);
        if (acked.length === 0) continue;
        const lastAcked = Math.max(...acked.map((a) => (a.kind === "save" ? a.counter : 0)));
        const stored = (note.get(sheet.assignmentId, sheet.firstCriterionId) as { note: string } | undefined)?.note;
        const counter = Number(SAVE_NOTE.exec(stored ?? "")?.[1] ?? 0);
        // The stored save is the last acknowledged one, or a later one whose answer was cut off.
        expect(counter, `sheet ${sheet.assignmentId}`).toBeGreaterThanOrEqual(lastAcked);
      }
      const evidence = db.prepare("SELECT storage_name FROM evidence_files WHERE sha256 = ?");
      for (const ack of traffic.acks) {
        if (ack.kind !== "upload") continue;
        const row = evidence.get(ack.sha256) as { storage_name: string } | undefined;
        expect(row, `upload ${ack.sha256}`).toBeDefined();
        expect(existsSync(join(s.dir, "uploads", row!.storage_name))).toBe(true);
      }
    } finally {
      db.close();
    }
    expect(partFiles(s)).toEqual([]);
    expect(s.stdout()).toMatch(/"signal":"SIGTERM".*"msg":"shutting down/);
    expect(s.stdout()).toContain('"msg":"server stopped"');
  }, 180_000);

  describe("an upload still streaming when SIGTERM arrives", () => {
    /** An entrant with a draft entry, and a multipart upload of a PDF split in two halves. */
    async function slowUpload(s: RunningServer) {
      process.env.E2E_DIR = s.dir;
      process.env.E2E_DATABASE = join(s.dir, "app.sqlite");
      // The factories keep one database handle: each test's server needs a fresh copy of them.
      vi.resetModules();
      const f = await import("../e2e/factories");
      const edition = await f.createEdition({ categories: ["large"] });
      const entry = await f.createEntry(edition, { status: "draft" });
      const criterion = (await f.requiredEvidence(edition.categories.large!.rubricId))[0]!;
      const cookie = await signInCookie(s.url, entry.organisation.member.email);
      const pdf = minimalPdf(["Bukti unggahan lambat", randomBytes(2048).toString("hex")]);
      const boundary = `----paritrana${randomBytes(8).toString("hex")}`;
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="criterion"\r\n\r\n${criterion}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lambat.pdf"\r\n` +
            `Content-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const half = body.length - pdf.length / 2 - 20;
      let sending: ClientRequest | undefined;
      const answer = new Promise<IncomingMessage>((done, fail) => {
        const req: ClientRequest = request(new URL(`/portal/entries/${entry.id}/evidence`, s.url), {
          method: "POST",
          agent: false,
          headers: {
            Cookie: cookie,
            "Content-Type": `multipart/form-data; boundary=${boundary}`,
            "Content-Length": String(body.length),
          },
        });
        req.on("response", (res) => {
          res.resume();
          res.on("end", () => done(res));
        });
        req.on("error", fail);
        req.write(body.subarray(0, half));
        sending = req;
      });
      // The first half has reached the server: its half-written file is on disk.
      await expect.poll(() => partFiles(s).length).toBe(1);
      return {
        answer,
        sha256: createHash("sha256").update(pdf).digest("hex"),
        finish: () => sending!.end(body.subarray(half)),
      };
    }

    it("is completed and stored when it finishes within the time limit", async () => {
      const s = (server = await startServer({ SHUTDOWN_TIMEOUT_MS: "30000" }));
      const upload = await slowUpload(s);
      const exit = exited(s);
      s.child.kill("SIGTERM");
      await expect.poll(() => s.stdout()).toContain('"msg":"shutting down');
      // Still running, waiting for the upload.
      expect(s.child.exitCode).toBeNull();
      upload.finish();
      expect((await upload.answer).statusCode).toBe(200);
      expect(await exit).toEqual({ code: 0, signal: null });
      const db = storedDb(s);
      expect(db.prepare("SELECT count(*) AS n FROM evidence_files WHERE sha256 = ?").get(upload.sha256)).toEqual({
        n: 1,
      });
      db.close();
      expect(partFiles(s)).toEqual([]);
    }, 120_000);

    it("is cut at the time limit, leaving no file, and the server still exits 0", async () => {
      const s = (server = await startServer({ SHUTDOWN_TIMEOUT_MS: "1500" }));
      const upload = await slowUpload(s);
      const exit = exited(s);
      const answered = upload.answer.then(
        () => "answered",
        () => "cut",
      );
      s.child.kill("SIGTERM");
      expect(await exit).toEqual({ code: 0, signal: null });
      expect(await answered).toBe("cut");
      expect(s.stdout()).toContain("shutdown time limit reached");
      const db = storedDb(s);
      expect(db.prepare("SELECT count(*) AS n FROM evidence_files WHERE sha256 = ?").get(upload.sha256)).toEqual({
        n: 0,
      });
      db.close();
      expect(partFiles(s)).toEqual([]);
    }, 120_000);

    it("a second signal exits at once, with a non-zero code", async () => {
      const s = (server = await startServer({ SHUTDOWN_TIMEOUT_MS: "60000" }));
      const upload = await slowUpload(s);
      void upload.answer.catch(() => undefined);
      const exit = exited(s);
      s.child.kill("SIGTERM");
      await expect.poll(() => s.stdout()).toContain('"msg":"shutting down');
      s.child.kill("SIGTERM");
      const { code } = await exit;
      expect(code).not.toBe(0);
      expect(s.stdout()).toContain("second signal");
    }, 120_000);
  });
});
