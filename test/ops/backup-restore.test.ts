import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { http, startServer } from "../security/server";
import { SAVE_NOTE, startTraffic, type Ack } from "./traffic";

// The backup as it will be used: the production server under deadline-day traffic (20 assessors
// saving, an entrant uploading), `npm run backup` taken meanwhile, `npm run restore` into a new
// folder, and the restored copy checked against every answer the server gave before the backup
// started. Needs a build (npm run build, or BUILD_DIR).

const work = mkdtempSync(join(tmpdir(), "paritrana-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs one of the ops commands as npm would, with the data place of `dataDir`. */
function command(script: string, args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const { UPLOAD_DIR: _default, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...env, DATA_DIR: dataDir, DATABASE_URL: `file:${join(dataDir, "app.sqlite")}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((done) => child.once("exit", (code) => done({ code, output })));
}

/** The save counter a sheet's first note holds in a database (0 when it has none). */
function savedCounter(db: Database.Database, assignmentId: number): number {
  const note = db
    .prepare(
      "SELECT s.note FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE s.assignment_id = ? ORDER BY c.position LIMIT 1",
    )
    .pluck()
    .get(assignmentId);
  return Number(SAVE_NOTE.exec(String(note))?.[1] ?? 0);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("backup of a running instance", () => {
  it("keeps every save and upload acknowledged before it started, and the restored copy serves", async () => {
    const server = await startServer();
    const backupDir = join(work, "backup");
    const restoredDir = join(work, "restored");
    const naiveCopy = join(work, "naive.sqlite");
    let before: Ack[];
    let duringBackup: number;
    // A long read elsewhere (an export, the ranking worker) holds SQLite's checkpoints back, so
    // the newest saves stay in the write-ahead log and not in the database file: the case where
    // copying the file, as the issue measured, silently loses acknowledged saves.
    const longRead = new Database(join(server.dir, "app.sqlite"), { readonly: true });
    longRead.prepare("BEGIN").run();
    longRead.prepare("SELECT count(*) FROM scores").get();
    try {
      const traffic = await startTraffic(server, { clients: 20, uploads: true });
      try {
        await vi.waitFor(
          () => {
            expect(traffic.acks.filter((a) => a.kind === "save").length).toBeGreaterThanOrEqual(60);
            expect(traffic.acks.filter((a) => a.kind === "upload").length).toBeGreaterThanOrEqual(3);
          },
          { timeout: 60_000, interval: 100 },
        );
        const started = Date.now();
        before = traffic.acks.filter((a) => a.at < started);
        copyFileSync(join(server.dir, "app.sqlite"), naiveCopy);
        const taken = await command("db/ops/backup-cli.ts", [backupDir], server.dir);
        expect(taken.output).toContain("Backup written to");
        expect(taken.code).toBe(0);
        duringBackup = traffic.acks.filter((a) => a.at >= started).length;
      } finally {
        await traffic.stop();
      }
      expect(traffic.misses).toEqual([]);
    } finally {
      longRead.close();
      await server.stop();
    }
    // The backup did not hold the writers up: saves were answered while it ran.
    expect(duringBackup).toBeGreaterThan(0);

    const restored = await command("db/ops/restore-cli.ts", [backupDir], restoredDir);
    expect(restored.output).toContain("Restored the backup");
    expect(restored.code).toBe(0);

    const db = new Database(join(restoredDir, "app.sqlite"), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");

      const lastSaved = new Map<number, number>();
      for (const a of before)
        if (a.kind === "save") lastSaved.set(a.assignmentId, Math.max(a.counter, lastSaved.get(a.assignmentId) ?? 0));
      expect(lastSaved.size).toBe(20);
      for (const [assignmentId, counter] of lastSaved) {
        const stored = savedCounter(db, assignmentId);
        expect(stored, `sheet ${assignmentId}`).toBeGreaterThanOrEqual(counter);
      }
      // The same check catches a plain copy of the file taken at the same moment.
      const naive = new Database(naiveCopy);
      try {
        const behind = [...lastSaved].filter(([id, counter]) => savedCounter(naive, id) < counter);
        expect(behind.length).toBe(lastSaved.size);
      } finally {
        naive.close();
      }

      const evidence = db
        .prepare("SELECT entry_id, criterion_key, storage_name, size, sha256 FROM evidence_files")
        .all() as {
        entry_id: number;
        criterion_key: string;
        storage_name: string;
        size: number;
        sha256: string;
      }[];
      const uploadsBefore = before.filter((a) => a.kind === "upload");
      expect(uploadsBefore.length).toBeGreaterThanOrEqual(3);
      for (const upload of uploadsBefore)
        expect(
          evidence.some(
            (e) =>
              e.entry_id === upload.entryId && e.criterion_key === upload.criterionKey && e.sha256 === upload.sha256,
          ),
          `upload ${upload.sha256}`,
        ).toBe(true);
      for (const e of evidence) {
        const bytes = readFileSync(join(restoredDir, "uploads", e.storage_name));
        expect({ name: e.storage_name, size: bytes.length, sha256: sha256(bytes) }).toEqual({
          name: e.storage_name,
          size: e.size,
          sha256: e.sha256,
        });
      }
    } finally {
      db.close();
    }

    const again = await startServer({ DATA_DIR: restoredDir, DATABASE_URL: `file:${join(restoredDir, "app.sqlite")}` });
    try {
      expect((await http(again.url, "/login")).status).toBe(200);
    } finally {
      await again.stop();
    }
  }, 240_000);
});
