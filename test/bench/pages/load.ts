// Fixed-concurrency load with undici, and what a server process spent (from /proc).
import { readFileSync } from "node:fs";
import { Pool } from "undici";

const CLK_TCK = 100; // Linux's USER_HZ (getconf CLK_TCK)

export interface Req {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RoundResult {
  latencies: number[];
  statuses: Map<number, number>;
  bytes: number;
  wallMs: number;
  cpuMs: number;
}

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command name: state is field 3, utime 14 and stime 15 (1-based, man proc).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** Peak resident set size (VmHWM) of a process, in MiB. */
export function peakRssMiB(pid: number): number {
  const kb = Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
  return kb / 1024;
}

export function pools(origin: string, connections: number) {
  return new Pool(origin, { connections, pipelining: 1, headersTimeout: 120_000, bodyTimeout: 120_000 });
}

/**
 * `concurrency` clients each send a request, wait for its whole answer, and send the next, until
 * durationMs has passed and each sent at least minEach; then the round waits for what is in
 * flight. next(worker) makes a client's request; done(worker, status) hears its answer.
 */
export async function round(
  pool: Pool,
  pid: number,
  opts: {
    concurrency: number;
    durationMs: number;
    minEach?: number;
    next: (worker: number) => Req;
    done?: (worker: number, status: number) => void | Promise<void>;
  },
): Promise<RoundResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  const client = async (worker: number) => {
    for (let n = 0; n < (opts.minEach ?? 1) || performance.now() - t0 < opts.durationMs; n++) {
      const r = opts.next(worker);
      const start = performance.now();
      const res = await pool.request({ method: r.method, path: r.path, headers: r.headers, body: r.body });
      for await (const chunk of res.body) bytes += (chunk as Buffer).length;
      latencies.push(performance.now() - start);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      await opts.done?.(worker, res.statusCode);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, w) => client(w)));
  const wallMs = performance.now() - t0;
  return { latencies, statuses, bytes, wallMs, cpuMs: cpuMs(pid) - cpu0 };
}

/** Several rounds of one server, summed. */
export class Tally {
  latencies: number[] = [];
  statuses = new Map<number, number>();
  bytes = 0;
  wallMs = 0;
  cpuMs = 0;
  add(r: RoundResult) {
    this.latencies.push(...r.latencies);
    for (const [s, n] of r.statuses) this.statuses.set(s, (this.statuses.get(s) ?? 0) + n);
    this.bytes += r.bytes;
    this.wallMs += r.wallMs;
    this.cpuMs += r.cpuMs;
  }
  get requests() {
    return this.latencies.length;
  }
  get perSecond() {
    return this.wallMs > 0 ? (this.requests * 1000) / this.wallMs : 0;
  }
  get cpuPerRequest() {
    return this.requests > 0 ? this.cpuMs / this.requests : 0;
  }
  percentile(p: number) {
    return percentile(this.latencies, p);
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
