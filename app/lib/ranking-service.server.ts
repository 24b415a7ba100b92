import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Db } from "../../db/client";
import { getDb } from "./db.server";
import { engineOps, type EngineOp } from "./ranking-engine.server";

// The committee pages ask about a category's ranking through askRanking(). With the server's own
// database the question goes to the ranking worker thread (app/server/ranking-worker.ts), which
// keeps the computed rankings and answers with the small part a page needs; with any other handle
// (a test's database, a transaction that must see its own writes) it is answered here, by the same
// functions. RANKING_WORKER=off answers everything here.

type Ops = typeof engineOps;
type Args<K extends EngineOp> = Ops[K] extends (db: Db, ...args: infer A) => unknown ? A : never;
type Answer<K extends EngineOp> = Awaited<ReturnType<Ops[K]>>;

export async function askRanking<K extends EngineOp>(db: Db, op: K, ...args: Args<K>): Promise<Answer<K>> {
  if (process.env.RANKING_WORKER !== "off" && db === (await getDb())) return rankingWorker().ask<Answer<K>>(op, args);
  const fn = engineOps[op] as (db: Db, ...a: unknown[]) => Promise<Answer<K>>;
  return fn(db, ...args);
}

/** The worker's file, found from this module whether it runs from app/lib or from the server build. */
function workerFile(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "app/server/ranking-worker.mjs");
    if (existsSync(file)) return file;
  }
  throw new Error("app/server/ranking-worker.mjs not found");
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

class RankingWorker {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, Pending>();

  /** Starts the thread now, so that the first ranking page does not wait for it to load. */
  start() {
    this.started();
  }

  ask<T>(op: EngineOp, args: unknown[]): Promise<T> {
    const worker = this.started();
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      // Held only while it has work, so that an idle worker never keeps a process alive.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, op, args });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // The worker registers tsx's loader itself (ranking-worker.mjs); it needs none of our flags.
    const worker = new Worker(workerFile(), { execArgv: [] });
    worker.unref();
    worker.on("message", (m: { id: number; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.error !== undefined) p.reject(new Error(`ranking worker: ${m.error}`));
      else p.resolve(m.value as never);
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`ranking worker stopped (exit code ${code})`)));
    return (this.worker = worker);
  }
}

// One worker per process, kept on globalThis: the server (app/server/main.ts) starts it at boot and
// the built app, which bundles its own copy of this module, finds it there.
const g = globalThis as typeof globalThis & { __paritranaRankingWorker?: RankingWorker };
function rankingWorker(): RankingWorker {
  return (g.__paritranaRankingWorker ??= new RankingWorker());
}

export function startRankingWorker() {
  if (process.env.RANKING_WORKER !== "off") rankingWorker().start();
}
