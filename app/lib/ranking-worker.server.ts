import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { EngineOp } from "./ranking-engine.server";

// The ranking worker thread seen from the server: started once per process, asked by askRanking
// (app/lib/ranking-service.server.ts). Kept apart from the engine so that app/server/main.ts can
// start the thread without loading the engine, scoring and exceljs a second time beside the build.

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

  /** Ends the thread (server shutdown); questions still waiting are refused. */
  async stop() {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error("ranking worker stopped: the server is shutting down"));
    this.pending.clear();
    await worker.terminate();
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
export function rankingWorker(): RankingWorker {
  return (g.__paritranaRankingWorker ??= new RankingWorker());
}

/** RANKING_WORKER=off answers every ranking question in the request thread (README). */
export function rankingWorkerEnabled(): boolean {
  return process.env.RANKING_WORKER !== "off";
}

export function startRankingWorker() {
  if (rankingWorkerEnabled()) rankingWorker().start();
}

export async function stopRankingWorker() {
  await g.__paritranaRankingWorker?.stop();
}
