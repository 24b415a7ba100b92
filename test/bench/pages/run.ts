// npm run bench:pages — the pages of issue 12 on the production build against a bare node:http
// baseline (baseline.ts) over the same database: requests/s, p50, p95, CPU per request and the
// ratio to the baseline, interleaved (app, baseline, app, … in short rounds); the app's peak RSS;
// and how long an anonymous GET /login waits while the big category's ranking loads.
// Not a test: it prints figures beside the issue's targets, it asserts nothing.
//
//   npm run bench:pages -- [--size demo,2000,10000] [--db sqlite|postgres|both]
//     [--pages entry,list,ranking,progress,save] [--rounds 3] [--seconds 1.5] [--concurrency 50] [--build]
// PostgreSQL needs TEST_POSTGRES_URL (its databases paritrana_bench_* are made and dropped here).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { BASELINE_SCRIPT, type PageKey } from "./baseline";
import { BENCH_PASSWORD, createPostgres, dropPostgres, generate, postgresName, type BenchData } from "./generate";
import { cpuMs, peakRssMiB, percentile, pools, round, Tally, type Req } from "./load";
import { openSql, type Sql } from "./sql";

const PAGES: PageKey[] = ["entry", "list", "ranking", "progress", "save"];
const LABEL: Record<PageKey, string> = {
  entry: "assessor entry page /assess/<id>",
  list: "assessor list /assess",
  ranking: "committee ranking (first page)",
  progress: "progress",
  save: "score save (form post)",
};
/** The issue's target for CPU per request, as a multiple of the baseline's. */
const CPU_TARGET: Record<PageKey, number> = { entry: 3, list: 3, ranking: 5, progress: 5, save: 3 };
const P95_TARGET_MS = 500;
/** Above this CPU for one round of concurrent requests (a page's CPU × concurrency), the round is skipped. */
const SLOW_CPU_MS = 30_000;
const SECRET = "bench-pages";

const { values: args } = parseArgs({
  options: {
    size: { type: "string", default: "demo,2000,10000" },
    db: { type: "string", default: "sqlite" },
    pages: { type: "string", default: PAGES.join(",") },
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "1.5" },
    concurrency: { type: "string", default: "50" },
    build: { type: "boolean", default: false },
  },
});
const sizes = args.size.split(",").map((s) => (s === "demo" ? 0 : Number(s)));
const pages = args.pages.split(",").filter((p): p is PageKey => (PAGES as string[]).includes(p));
const rounds = Number(args.rounds);
const roundMs = Number(args.seconds) * 1000;
const concurrency = Number(args.concurrency);
const databases = args.db === "both" ? ["sqlite", "postgres"] : [args.db];
const buildDir = resolve(process.env.BUILD_DIR ?? "build");

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const pad = (s: string | number, w: number) => String(s).padStart(w);

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  /** What the process printed so far. */
  output: () => string;
  pid: number;
  origin: string;
  stop: () => Promise<void>;
}

/** Spawns a node server and resolves once it prints that it listens. */
async function startProcess(script: string, env: NodeJS.ProcessEnv, port: number): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  await new Promise<void>((ready, fail) => {
    const onExit = (code: number | null) => fail(new Error(`${script} exited (${code}):\n${out}`));
    child.once("exit", onExit);
    const poll = setInterval(() => {
      if (out.includes("is listening")) {
        clearInterval(poll);
        child.off("exit", onExit);
        ready();
      }
    }, 50);
  });
  return {
    child,
    output: () => out,
    pid: child.pid!,
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}

const alive = (r: Running) => r.child.exitCode === null && r.child.signalCode === null;

async function startApp(url: string, dir: string): Promise<Running> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: url,
    DATA_DIR: dir,
    UPLOAD_DIR: join(dir, "uploads"),
    SESSION_SECRET: SECRET,
    BUILD_DIR: buildDir,
    NODE_ENV: "production" as const,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  return startProcess("app/server/main.ts", env, port);
}

async function startBaselineProcess(url: string, sizes: Partial<Record<PageKey, number>>): Promise<Running> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: url,
    SESSION_SECRET: SECRET,
    BENCH_PAGE_BYTES: JSON.stringify(sizes),
  };
  return startProcess(BASELINE_SCRIPT, env, port);
}

async function fetchText(
  pool: Pool,
  r: Req,
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const res = await pool.request({ method: r.method, path: r.path, headers: r.headers, body: r.body });
  return { status: res.statusCode, text: await res.body.text(), headers: res.headers };
}

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const FORM = "application/x-www-form-urlencoded";

async function signIn(pool: Pool, email: string): Promise<string> {
  const res = await fetchText(pool, {
    method: "POST",
    path: "/login",
    headers: { "content-type": FORM },
    body: form([
      ["email", email],
      ["password", BENCH_PASSWORD],
    ]),
  });
  const setCookie = [res.headers["set-cookie"] ?? []].flat() as string[];
  const cookie = setCookie.map((c) => c.split(";")[0]!).find((c) => c.startsWith("__paritrana="));
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${email} answered ${res.status}`);
  return cookie;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The scoresheet form of the entry page as the browser would send it (score_*, note_*, version). */
function scoresheetForm(html: string): { version: string; fields: [string, string][] } | null {
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const fields: [string, string][] = [];
  let version: string | undefined;
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, "name");
    if (name === "version") version = attr(tag, "value");
    if (name?.startsWith("score_")) fields.push([name, decode(attr(tag, "value") ?? "")]);
  }
  for (const [, tag, text] of html.matchAll(/<textarea\b([^>]*)>([^<]*)<\/textarea>/g)) {
    const name = attr(tag!, "name");
    if (name?.startsWith("note_")) fields.push([name, decode(text!)]);
  }
  return version !== undefined && fields.some(([n]) => n.startsWith("score_")) ? { version, fields } : null;
}

interface Sheet {
  id: number;
  entryId: number;
  fields: [string, string][];
  version: number;
  saves: number;
}

/** The assessor's open sheets (declaring no conflict where they have not yet, as the app asks). */
async function openSheets(sql: Sql, pool: Pool, cookie: string, data: BenchData): Promise<Sheet[]> {
  const rows = await sql.all<{ id: number; entry_id: number; declared: number | null }>(
    `SELECT a.id, a.entry_id, cd.id AS declared FROM assignments a JOIN users u ON u.id = a.user_id
     JOIN entries e ON e.id = a.entry_id JOIN edition_stages s ON s.edition_id = e.edition_id AND s.key = a.stage_key
     LEFT JOIN conflict_declarations cd ON cd.user_id = a.user_id AND cd.entry_id = a.entry_id
     WHERE u.email = ? AND e.edition_id = ? AND s.status = 'open' AND a.status <> 'submitted'
       AND (cd.has_conflict IS NULL OR cd.has_conflict = 0)
     ORDER BY a.id LIMIT ?`,
    [data.assessorEmail, data.editionId, concurrency],
  );
  const sheets: Sheet[] = [];
  for (const r of rows) {
    const path = `/assess/${r.entry_id}`;
    if (r.declared === null) {
      const res = await fetchText(pool, {
        method: "POST",
        path,
        headers: { cookie, "content-type": FORM },
        body: form([
          ["intent", "declare"],
          ["conflict", "no"],
        ]),
      });
      if (res.status !== 302) throw new Error(`declaring no conflict on ${path} answered ${res.status}`);
    }
    const page = await fetchText(pool, { method: "GET", path, headers: { cookie } });
    const sheet = scoresheetForm(page.text);
    if (page.status !== 200 || !sheet) throw new Error(`${path} answered ${page.status} without a scoresheet form`);
    sheets.push({ id: r.id, entryId: r.entry_id, fields: sheet.fields, version: Number(sheet.version), saves: 0 });
  }
  return sheets;
}

/** A save of the sheet as its form would send it, with its first score moved by one (so one score changes). */
function saveRequest(sheet: Sheet, cookie: string): Req {
  const first = sheet.fields.findIndex(([n]) => n.startsWith("score_"));
  const fields = sheet.fields.map(([n, v], i): [string, string] => {
    if (i !== first) return [n, v];
    const base = v === "" ? 50 : Number(v.replace(",", "."));
    return [n, String(sheet.saves % 2 === 0 ? (base >= 100 ? base - 1 : base + 1) : base)];
  });
  return {
    method: "POST",
    path: `/assess/${sheet.entryId}`,
    headers: { cookie, "content-type": FORM },
    body: form([["intent", "save"], ["version", String(sheet.version)], ...fields]),
  };
}

async function refreshVersions(sql: Sql, sheets: Sheet[]) {
  if (sheets.length === 0) return;
  const rows = await sql.all<{ id: number; version: number }>(
    `SELECT id, version FROM assignments WHERE id IN (${sheets.map(() => "?").join(",")})`,
    sheets.map((s) => s.id),
  );
  const byId = new Map(rows.map((r) => [r.id, Number(r.version)]));
  for (const s of sheets) s.version = byId.get(s.id) ?? s.version;
}

interface PageFigures {
  c1: { app: Tally; base: Tally };
  cN?: { app: Tally; base: Tally; concurrency: number };
  skipped?: string;
}

async function benchSize(kind: string, size: number) {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (kind === "postgres" && !adminUrl) throw new Error("--db postgres needs TEST_POSTGRES_URL");
  const dir = mkdtempSync(join(tmpdir(), "paritrana-bench-pages-"));
  const url =
    kind === "postgres" ? await createPostgres(adminUrl!, postgresName(size)) : `file:${join(dir, "bench.sqlite")}`;
  const started: Running[] = [];
  const t0 = performance.now();
  const data = await generate(url, size, dir);
  const title = `${kind === "postgres" ? "PostgreSQL" : "SQLite"}, ${size === 0 ? `demo data (largest category: ${data.entries} entries)` : `${size.toLocaleString("en")} entries, 40 assessors, ${(size * 3).toLocaleString("en")} desk sheets`}`;
  console.log(`\n== ${title} — generated in ${fmt((performance.now() - t0) / 1000)} s`);
  const sql = await openSql(url);
  try {
    const app = await startApp(url, dir);
    started.push(app);
    const appPool = pools(app.origin, concurrency);
    const committee = await signIn(appPool, data.committeeEmail);
    const assessor = await signIn(appPool, data.assessorEmail);
    const sheets = await openSheets(sql, appPool, assessor, data);
    if (sheets.length === 0) throw new Error(`${data.assessorEmail} has no open scoresheet`);
    const get = (path: string, cookie: string): Req => ({ method: "GET", path, headers: { cookie } });
    const requestOf: Record<Exclude<PageKey, "save">, Req> = {
      entry: get(`/assess/${sheets[0]!.entryId}`, assessor),
      list: get("/assess", assessor),
      ranking: get(`/committee/${data.editionId}/ranking/${data.categoryId}`, committee),
      progress: get(`/committee/${data.editionId}/progress`, committee),
    };

    // One request each, to warm up and to learn the sizes the baseline answers with.
    const bytes: Partial<Record<PageKey, number>> = {};
    const first: Partial<Record<PageKey, { ms: number; status: number }>> = {};
    for (const page of pages) {
      const start = performance.now();
      const r = page === "save" ? saveRequest(sheets[0]!, assessor) : requestOf[page];
      const res = await fetchText(appPool, r);
      if (page === "save") sheets[0]!.saves++;
      first[page] = { ms: performance.now() - start, status: res.status };
      bytes[page] = Buffer.byteLength(res.text);
    }
    const base = await startBaselineProcess(url, bytes);
    started.push(base);
    const basePool = pools(base.origin, concurrency);
    for (const page of pages) {
      await refreshVersions(sql, sheets);
      const r = page === "save" ? saveRequest(sheets[0]!, assessor) : requestOf[page];
      const res = await fetchText(basePool, r);
      if (page === "save") sheets[0]!.saves++;
      if (res.status !== 200) throw new Error(`baseline ${page} ${r.path} answered ${res.status}`);
    }

    const figures = new Map<PageKey, PageFigures>();
    for (const page of pages) {
      const f: PageFigures = { c1: { app: new Tally(), base: new Tally() } };
      figures.set(page, f);
      const phase = async (c: number, tallies: { app: Tally; base: Tally }, durationMs: number, times = rounds) => {
        for (let i = 0; i < times; i++) {
          for (const [server, pool, tally] of [
            [app, appPool, tallies.app],
            [base, basePool, tallies.base],
          ] as const) {
            await refreshVersions(sql, sheets);
            tally.add(
              await round(pool, server.pid, {
                concurrency: c,
                durationMs,
                next: (w) => (page === "save" ? saveRequest(sheets[w]!, assessor) : requestOf[page]),
                done: async (w, status) => {
                  if (page !== "save") return;
                  const s = sheets[w]!;
                  s.saves++;
                  if (status === 200) s.version++;
                  else await refreshVersions(sql, [s]);
                },
              }),
            );
          }
        }
      };
      // An uncounted warm-up of both servers (JIT, caches), then the counted rounds; a page whose
      // first answer took a round's time is warm enough (and too slow to load twice more).
      if ((first[page]?.ms ?? 0) < roundMs)
        await phase(1, { app: new Tally(), base: new Tally() }, Math.min(roundMs, 500), 1);
      await phase(1, f.c1, roundMs);
      const cpu = f.c1.app.cpuPerRequest;
      const c = page === "save" ? Math.min(concurrency, sheets.length) : concurrency;
      if (cpu * c > SLOW_CPU_MS) {
        f.skipped = `one request takes ${fmt(cpu, 0)} ms of CPU; ${c} at once would queue ~${fmt((cpu * c) / 1000, 0)} s a round`;
      } else {
        f.cN = { app: new Tally(), base: new Tally(), concurrency: c };
        await phase(c, f.cN, roundMs);
      }
      process.stdout.write(`  measured ${page}\n`);
    }

    // An unrelated anonymous GET /login, again and again, while the ranking loads once.
    const probePool = pools(app.origin, 1);
    const waits: number[] = [];
    const rankStart = performance.now();
    let rankingMs = 0;
    let rankingStatus: number | string = 0;
    report(figures, first, bytes);
    // A server that runs out of memory on the big ranking drops the connection: said, not thrown.
    const ranking = fetchText(pools(app.origin, 1), requestOf.ranking).then(
      (r) => {
        rankingMs = performance.now() - rankStart;
        rankingStatus = r.status;
      },
      (error: Error) => {
        rankingMs = performance.now() - rankStart;
        rankingStatus = `${error.message}; app ${alive(app) ? "still running" : `exited (${app.child.exitCode ?? app.child.signalCode})`}`;
      },
    );
    let loading = true;
    void ranking.finally(() => (loading = false));
    await new Promise((r) => setTimeout(r, 20));
    while (loading) {
      const s = performance.now();
      const ok = await fetchText(probePool, { method: "GET", path: "/login" }).then(
        () => true,
        () => false,
      );
      if (!ok) break;
      waits.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
    await ranking;
    const rss = alive(app) ? peakRssMiB(app.pid) : NaN;
    console.log(
      `  ranking loaded alone: ${fmt(rankingMs, 0)} ms (status ${rankingStatus}, ${fmt((bytes.ranking ?? 0) / 1024, 0)} KiB)` +
        (size >= 10_000 ? "   target at 10,000: < 1000 ms" : ""),
    );
    console.log(
      `  anonymous GET /login during it: p50 ${fmt(percentile(waits, 50), 0)} ms, max ${fmt(Math.max(...waits), 0)} ms (${waits.length} requests)` +
        (size >= 10_000 ? "   target at 10,000: never > 200 ms" : ""),
    );
    console.log(`  app peak RSS (VmHWM): ${fmt(rss, 0)} MiB${size >= 10_000 ? "   target at 10,000: < 600 MB" : ""}`);
    if (alive(app)) console.log(`  app CPU over the whole run: ${fmt(cpuMs(app.pid) / 1000)} s`);
    else console.log(`  the app stopped; its last words:\n${app.output().trim().split("\n").slice(-8).join("\n")}`);
  } finally {
    for (const s of started.reverse()) await s.stop();
    await sql.close();
    if (kind === "postgres") await dropPostgres(adminUrl!, postgresName(size));
    rmSync(dir, { recursive: true, force: true });
  }
}

function statusNote(t: Tally) {
  const odd = [...t.statuses].filter(([s]) => s !== 200);
  return odd.length ? ` [${odd.map(([s, n]) => `${n}× ${s}`).join(", ")}]` : "";
}

function report(
  figures: Map<PageKey, PageFigures>,
  first: Partial<Record<PageKey, { ms: number; status: number }>>,
  bytes: Partial<Record<PageKey, number>>,
) {
  console.log(`\n  CPU per request, concurrency 1 (${rounds} interleaved rounds of ${args.seconds} s each)`);
  console.log(
    `  ${"page".padEnd(34)}${pad("KiB", 7)}${pad("app ms", 9)}${pad("base ms", 9)}${pad("ratio", 8)}${pad("target", 8)}${pad("app p50", 9)}${pad("app req/s", 11)}${pad("base req/s", 11)}`,
  );
  for (const [page, f] of figures) {
    const { app, base } = f.c1;
    console.log(
      `  ${LABEL[page].padEnd(34)}${pad(fmt((bytes[page] ?? 0) / 1024, 0), 7)}${pad(fmt(app.cpuPerRequest), 9)}${pad(fmt(base.cpuPerRequest, 2), 9)}${pad(`${fmt(app.cpuPerRequest / base.cpuPerRequest)}×`, 8)}${pad(`≤ ${CPU_TARGET[page]}×`, 8)}${pad(fmt(app.percentile(50), 0), 9)}${pad(fmt(app.perSecond), 11)}${pad(fmt(base.perSecond), 11)}${statusNote(app)}${first[page]?.status !== 200 ? ` (first answer: ${first[page]?.status})` : ""}`,
    );
  }
  console.log(
    `\n  Latency under load (${rounds} interleaved rounds of ${args.seconds} s each; target: app p95 < ${P95_TARGET_MS} ms)`,
  );
  console.log(
    `  ${"page".padEnd(34)}${pad("conc.", 6)}${pad("app req/s", 11)}${pad("p50 ms", 8)}${pad("p95 ms", 8)}${pad("CPU ms", 8)}${pad("base req/s", 11)}${pad("p50 ms", 8)}${pad("p95 ms", 8)}${pad("CPU ms", 8)}${pad("ratio", 8)}`,
  );
  for (const [page, f] of figures) {
    if (!f.cN) {
      console.log(`  ${LABEL[page].padEnd(34)}  skipped: ${f.skipped}`);
      continue;
    }
    const { app, base, concurrency: c } = f.cN;
    console.log(
      `  ${LABEL[page].padEnd(34)}${pad(c, 6)}${pad(fmt(app.perSecond), 11)}${pad(fmt(app.percentile(50), 0), 8)}${pad(fmt(app.percentile(95), 0), 8)}${pad(fmt(app.cpuPerRequest), 8)}${pad(fmt(base.perSecond), 11)}${pad(fmt(base.percentile(50), 0), 8)}${pad(fmt(base.percentile(95), 0), 8)}${pad(fmt(base.cpuPerRequest, 2), 8)}${pad(`${fmt(app.cpuPerRequest / base.cpuPerRequest)}×`, 8)}${statusNote(app)}${statusNote(base)}`,
    );
  }
}

if (args.build || !existsSync(join(buildDir, "server/index.js"))) {
  console.log(`Building the app into ${buildDir} …`);
  const built = spawnSync("npx", ["remix", "vite:build"], {
    stdio: "inherit",
    env: { ...process.env, BUILD_DIR: buildDir },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
console.log(
  `Page benchmark: production build (${buildDir}) against a bare node:http baseline; pages: ${pages.join(", ")}; sizes: ${args.size}; ${databases.join(" + ")}`,
);
for (const kind of databases) for (const size of sizes) await benchSize(kind, size);
