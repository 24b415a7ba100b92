import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type ClientRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The production server (app/server/main.ts over the built app) on a free port with a fresh,
 * seeded database in a temporary folder, for tests of what only a running server shows: headers,
 * bodies a client can send, start-up checks. `npm test` builds first; alone, run `npm run build`.
 */
export interface RunningServer {
  url: string;
  port: number;
  dir: string;
  /** What the server wrote to standard error so far. */
  stderr: () => string;
  /** What the server wrote to standard output so far (the banner, then the JSON log lines). */
  stdout: () => string;
  /** The server process, e.g. to send it a signal (test/ops/shutdown.test.ts). */
  child: ChildProcess;
  db: () => Database.Database;
  stop: () => Promise<void>;
}

export const BUILD_DIR = resolve(process.env.BUILD_DIR ?? "build");

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

/** The environment without the variables a test unsets (given as undefined). */
function definedOnly(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  ) as NodeJS.ProcessEnv;
}

/** Starts the server and resolves once it answers, or rejects with its output when it exits. */
export async function startServer(env: Record<string, string | undefined> = {}): Promise<RunningServer> {
  if (!existsSync(join(BUILD_DIR, "server/index.js")))
    throw new Error(`No build in ${BUILD_DIR}: run npm run build first`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "paritrana-sec-"));
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: definedOnly({
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      DATABASE_URL: `file:${join(dir, "app.sqlite")}`,
      SESSION_SECRET: "security-tests",
      BUILD_DIR,
      NODE_ENV: "production",
      // Production seeds nothing unless asked: these tests run against the demo edition.
      DEMO: "1",
      PUBLIC_URL: url,
      ...env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  await new Promise<void>((ready, fail) => {
    const onExit = (code: number | null) => fail(new Error(`server exited (${code}):\n${out}\n${err}`));
    child.once("exit", onExit);
    const poll = setInterval(() => {
      if (out.includes("is listening")) {
        clearInterval(poll);
        child.off("exit", onExit);
        ready();
      }
    }, 100);
  });
  let handle: Database.Database | undefined;
  return {
    url,
    port,
    dir,
    stderr: () => err,
    stdout: () => out,
    child,
    db: () => (handle ??= new Database(join(dir, "app.sqlite"), { readonly: true, fileMustExist: true })),
    stop: () => stopChild(child, dir, () => handle?.close()),
  };
}

async function stopChild(child: ChildProcess, dir: string, closeDb: () => void) {
  closeDb();
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the server to its end (for start-up checks that must refuse to start). */
export async function runServerToExit(
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), "paritrana-sec-"));
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: definedOnly({
      ...process.env,
      PORT: String(await freePort()),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      DATABASE_URL: `file:${join(dir, "app.sqlite")}`,
      BUILD_DIR,
      ...env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  clearTimeout(timer);
  rmSync(dir, { recursive: true, force: true });
  return { code, output };
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request through node:http, which (unlike fetch) lets a test send any Host and Origin
 * header and any body, and follows no redirect.
 */
export function http(
  base: string,
  path: string,
  {
    method = "GET",
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpAnswer> {
  const target = new URL(path, base);
  return new Promise((done, fail) => {
    const req = httpRequest(
      target,
      {
        method,
        headers: {
          ...(body !== undefined && !headers["Transfer-Encoding"]
            ? { "Content-Length": String(Buffer.byteLength(body)) }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", fail);
      },
    );
    req.on("error", fail);
    void writeBody(req, body);
  });
}

/**
 * Writes the body: at once when its length is declared; in 64 KB pieces, as a client streaming a
 * large form does, when it is sent chunked.
 */
async function writeBody(req: ClientRequest, body: string | Buffer | undefined) {
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  if (req.getHeader("transfer-encoding") !== "chunked") return req.end(bytes);
  for (let at = 0; at < bytes.length && !req.destroyed; at += 65_536) {
    if (!req.write(bytes.subarray(at, at + 65_536))) await new Promise((drained) => req.once("drain", drained));
  }
  req.end();
}

/** Signs in with a form post and returns the session cookie. */
export async function signInCookie(base: string, email: string, password = "paritrana2023"): Promise<string> {
  const res = await http(base, "/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (res.status !== 302) throw new Error(`sign-in of ${email} answered ${res.status}`);
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  return cookies.map((c) => c.split(";")[0]).join("; ");
}
