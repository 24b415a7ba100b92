// The server's log (pino): JSON lines on standard output in production, readable lines
// (pino-pretty) elsewhere; LOG_LEVEL chooses how much (default info). One line per request
// (requestLog) names the route, never the URL: invitation links carry their token in the path and
// query strings may carry others. Nothing logs headers, cookies, bodies or passwords; the
// serializers below are explicit and the redaction is a second fence (test/ops/logs.test.ts).
import type { Request, Response } from "express";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pino, { type Logger } from "pino";
import pinoHttp from "pino-http";
import pretty from "pino-pretty";
import type { RequestFacts } from "../lib/request-scope.server";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** LOG_LEVEL, checked: a misspelt level stops the server with a message rather than logging nothing. */
export function logLevel(setting = process.env.LOG_LEVEL): string {
  const level = setting?.trim() || "info";
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}, not "${setting}"`);
  return level;
}

function createLogger(): Logger {
  const options: pino.LoggerOptions = {
    level: logLevel(),
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.err },
    // A second fence: should anyone log one of these, it never reaches the log.
    redact: {
      paths: [
        "password",
        "token",
        "cookie",
        "headers",
        "body",
        "url",
        "*.password",
        "*.token",
        "*.cookie",
        "*.headers",
        "*.body",
        "*.url",
      ],
      remove: true,
    },
  };
  // Synchronous writes: the lines logged just before process.exit (shutdown) are not lost.
  return process.env.NODE_ENV === "production"
    ? pino(options, pino.destination({ dest: 1, sync: true }))
    : pino(options, pretty({ sync: true, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss.l" }));
}

// One logger per process: the server and the built app (entry.server.tsx), which bundles its own
// copy of this module, share it.
const g = globalThis as typeof globalThis & { __paritranaLogger?: Logger };
export function logger(): Logger {
  return (g.__paritranaLogger ??= createLogger());
}

/** An incoming X-Request-Id is kept when it is short and plain; otherwise one is made. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestId(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Paths probed by load balancers and supervisors: logged at debug, not on every probe at info. */
const PROBES = new Set(["/healthz", "/readyz"]);

/**
 * Express middleware writing one line per request when its answer is sent (or the connection is
 * cut): request id (also sent back as X-Request-Id), method, route, status, time in ms, and the
 * signed-in user's id when a guard read one. `res.locals.route` is set by the server's route
 * matcher; `res.locals.requestFacts` by the request scope (app/lib/request-scope.server.ts).
 */
export function requestLog() {
  const line = (req: IncomingMessage, res: ServerResponse, responseTime: number) => {
    const locals = (res as Response).locals ?? {};
    const facts = locals.requestFacts as RequestFacts | undefined;
    return {
      method: req.method,
      route: (locals.route as string | undefined) ?? null,
      status: res.statusCode,
      responseTime,
      userId: facts?.userId ?? null,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
  };
  return pinoHttp({
    logger: logger(),
    genReqId: (req, res) => {
      const id = requestId(req.headers["x-request-id"]);
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customAttributeKeys: { reqId: "requestId" },
    // Only what line() picks: the request and response objects themselves are never serialized.
    quietReqLogger: true,
    quietResLogger: true,
    wrapSerializers: false,
    serializers: { err: pino.stdSerializers.err, req: () => undefined, res: () => undefined },
    customLogLevel: (req, res, err) => {
      if (PROBES.has((req as Request).path ?? "")) return "debug";
      return err || res.statusCode >= 500 ? "error" : "info";
    },
    customSuccessObject: (req, res, value: { responseTime: number }) => line(req, res, value.responseTime),
    customSuccessMessage: (_req, res) => (res.writableFinished ? "request completed" : "request aborted"),
    customErrorObject: (req, res, err, value: { responseTime: number }) => ({
      ...line(req, res, value.responseTime),
      err,
    }),
    customErrorMessage: () => "request failed",
  });
}
