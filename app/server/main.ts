// The production server: migrate, seed the demo edition on an empty database, then serve the
// built Remix app with Express (which gives the client address for sign-in throttling). Probes
// (/healthz, /readyz) are answered before Remix; every request gets one log line (./logger.ts);
// SIGTERM or SIGINT stops it gracefully (shutdown below, docs/operations.md).
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Logger } from "pino";
import { setupDatabase } from "../../db/setup";
import { config, publicBase } from "../lib/config.server";
import { getDb } from "../lib/db.server";
import { requestScope } from "../lib/request-scope.server";
import { sweepPartialUploads } from "../lib/uploads.server";
import { startRankingWorker, stopRankingWorker } from "../lib/ranking-worker.server";
import { startMailSender, stopMailSender } from "../lib/mail/sender.server";
import { mailTransport, type MailTransport } from "../lib/mail/transport.server";
import { reminderIntervalMs, startReminderScheduler, stopReminderScheduler } from "../lib/mail/reminders.server";
import { healthRoutes } from "./health";
import { logger, requestLog } from "./logger";
import { refuseCrossOrigin, securityHeaders } from "./security";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const buildDir = process.env.BUILD_DIR ?? "build";

let log: Logger;
let shutdownTimeoutMs: number;
let mailer: MailTransport | null;
let mailPollMs: number;
let reminderEveryMs: number;
try {
  log = logger();
  shutdownTimeoutMs = positiveMs("SHUTDOWN_TIMEOUT_MS", 8_000);
  // A misspelt SMTP_URL stops the server here rather than failing every message later.
  mailer = mailTransport();
  mailPollMs = positiveMs("MAIL_POLL_MS", 5_000);
  reminderEveryMs = reminderIntervalMs();
  // Links that leave the system are made from PUBLIC_URL, never from a request's Host header:
  // production refuses to start without it.
  publicBase();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const banner = await setupDatabase();
await sweepPartialUploads(config.uploadDir, await getDb());
try {
  // The readiness check writes here; uploads would create it on first use anyway.
  mkdirSync(join(config.uploadDir, "tmp"), { recursive: true });
} catch (error) {
  log.warn({ err: error }, "the upload folder cannot be created");
}
const build = (await import(pathToFileURL(resolve(buildDir, "server/index.js")).href)) as ServerBuild;
// The ranking worker thread loads while the server starts, not on the first ranking page.
startRankingWorker();
// Deadline reminders are written to the outbox now and every REMINDER_INTERVAL_MS.
startReminderScheduler(getDb, { intervalMs: reminderEveryMs, log });
// The outbox is delivered through SMTP_URL's server; without one, messages wait there (and show in the app).
const mailNotice = mailer
  ? ""
  : "E-mail is not sent: SMTP_URL is not set; messages stay in the outbox (committee: Outbox page; everyone: Pesan)\n";
if (mailNotice) log.warn(mailNotice.trim());
startMailSender(getDb, { transport: mailer, intervalMs: mailPollMs, log });
const routeOf = routeMatcher(build);

let stopping = false;
/** Remix requests still running: their handler has not returned or their answer is not yet sent. */
let inFlight = 0;
let onSettled: (() => void) | null = null;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1");
app.use(requestLog());
app.use((_req, res, next) => {
  // While stopping, a keep-alive connection is closed after its answer.
  if (stopping) res.setHeader("Connection", "close");
  next();
});
app.use(healthRoutes({ db: getDb, uploadDir: config.uploadDir, stopping: () => stopping }));
app.use(securityHeaders({ https: config.secureCookies }));
app.use(refuseCrossOrigin);
app.use(compression());
app.use((_req, res, next) => {
  res.locals.route = "static";
  next();
});
app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
// Public files (favicon…) all have an extension: pages do not go looking on disk first.
const publicFiles = express.static(`${buildDir}/client`, { maxAge: "1h", index: false });
app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));
app.use((req, res, next) => {
  res.locals.route = routeOf(req.path);
  next();
});
// Each request's loaders share one read of the session and the viewer (app/lib/request-scope.server.ts).
app.use(requestScope);
const remix = createRequestHandler({
  build,
  getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", cspNonce: res.locals.cspNonce as string }),
});
app.all("*", (req: Request, res: Response, next: NextFunction) => {
  inFlight++;
  const answered = new Promise((done) => res.once("close", done));
  void Promise.allSettled([remix(req, res, next), answered]).then(() => {
    if (--inFlight === 0) onSettled?.();
  });
});

const server = app.listen(port, host, () => {
  // The banner stays plain text on standard output: the README tells people to look for it.
  process.stdout.write(
    `${banner.replaceAll(":3000", `:${port}`)}\n${mailNotice}Paritrana is listening on http://localhost:${port}\n`,
  );
  log.info({ port }, "server started");
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));

/**
 * Graceful shutdown: no new connections, /readyz answers 503, idle keep-alive connections are
 * closed and the others after their answer; requests in flight get SHUTDOWN_TIMEOUT_MS to finish,
 * then their connections are cut (an upload cut off leaves no file: its staging removes it, and the
 * sweep below removes anything left). An answer is only sent after its transaction committed, so
 * whatever a client saw acknowledged is stored. Then the ranking worker and the database handle
 * are closed. A second signal exits at once.
 */
async function shutdown(signal: string) {
  if (stopping) {
    log.warn({ signal }, "second signal during shutdown: exiting at once");
    process.exit(1);
  }
  stopping = true;
  log.info({ signal, inFlight, timeoutMs: shutdownTimeoutMs }, "shutting down: finishing requests in flight");
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeIdleConnections();
  // A connection becomes idle once its answer is sent: close it then.
  server.on("request", (_req, res: Response) =>
    res.once("finish", () => setImmediate(() => server.closeIdleConnections())),
  );
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  let cut = false;
  const limit = setTimeout(() => {
    cut = true;
    log.warn({ inFlight }, "shutdown time limit reached: closing the remaining connections");
    server.closeAllConnections();
  }, shutdownTimeoutMs);
  await closed;
  // A handler whose connection was cut may still be finishing (e.g. removing its staged upload).
  if (inFlight > 0) await Promise.race([new Promise<void>((done) => (onSettled = done)), delay(5_000)]);
  clearTimeout(limit);
  clearInterval(idleSweep);
  try {
    await stopRankingWorker();
    await stopReminderScheduler();
    // A run in progress finishes marking what it sent before the database closes.
    await stopMailSender();
    const db = await getDb();
    await sweepPartialUploads(config.uploadDir, db);
    await db.destroy();
  } catch (error) {
    log.error({ err: error }, "shutdown clean-up failed");
    process.exit(1);
  }
  log.info({ cut, unfinished: inFlight }, "server stopped");
  process.exit(0);
}

function delay(ms: number) {
  return new Promise<void>((done) => setTimeout(done, ms).unref());
}

function positiveMs(name: string, fallback: number): number {
  const setting = process.env[name];
  if (setting === undefined || setting.trim() === "") return fallback;
  const ms = Number(setting);
  if (!Number.isInteger(ms) || ms <= 0)
    throw new Error(`${name} must be a whole number of milliseconds, not "${setting}"`);
  return ms;
}

interface RouteNode {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteNode[];
}

/**
 * The Remix route id a path goes to (e.g. "routes/invite.$token"), for the request log, which
 * names routes, never URLs; null when no route matches.
 */
function routeMatcher(build: ServerBuild): (path: string) => string | null {
  const routes = Object.values(build.routes);
  const children = (parentId: string | undefined): RouteNode[] =>
    routes
      .filter((r) => r.parentId === parentId)
      .map((r) => ({
        id: r.id,
        path: r.path,
        index: r.index,
        caseSensitive: r.caseSensitive,
        children: r.index ? undefined : children(r.id),
      }));
  const tree = children(undefined);
  // matchRoutes ranks every route again on each call (about 0.4 ms here). No route path has a
  // digit of its own, so paths that differ only in their ids go to the same route: remembered by
  // their shape, at most 1000 shapes (tokens in paths make shapes without end; then it starts over).
  const known = new Map<string, string | null>();
  return (path) => {
    const shape = path.replace(/\d+/g, "0");
    let id = known.get(shape);
    if (id === undefined) {
      const matches = matchRoutes(tree as Parameters<typeof matchRoutes>[0], shape);
      id = matches?.[matches.length - 1]?.route.id ?? null;
      if (known.size >= 1000) known.clear();
      known.set(shape, id);
    }
    return id;
  };
}
