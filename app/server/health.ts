// /healthz (the process is up) and /readyz (it can serve: database reachable, migrations current,
// upload folder writable, not shutting down), answered by Express before Remix: no session, no
// cookie, no authentication. The bodies name each check and its outcome, nothing else (no counts,
// paths, versions or error texts); the reason of a failure goes to the log.
import { sql } from "kysely";
import type { Request, Response, Router } from "express";
import express from "express";
import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../../db/client";
import { pendingMigrations } from "../../db/migrate";
import { logger } from "./logger";

/** A check that has not answered within this time counts as failed (a database that hangs). */
const CHECK_TIMEOUT_MS = 2_000;

type Outcome = "ok" | "failed" | "pending";

async function withinTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function check(name: string, run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    const outcome = await withinTime(run());
    if (outcome !== "ok") logger().warn({ check: name, outcome }, "readiness check not ok");
    return outcome;
  } catch (error) {
    logger().warn({ check: name, err: error }, "readiness check failed");
    return "failed";
  }
}

/** Writes and removes a small file where uploads are stored (a full or read-only disk fails it). */
async function uploadsWritable(dir: string): Promise<Outcome> {
  const probe = join(dir, `.readyz-${randomUUID()}`);
  try {
    await writeFile(probe, "ok", { flag: "wx" });
  } finally {
    await rm(probe, { force: true });
  }
  return "ok";
}

export interface HealthOptions {
  db: () => Promise<Db>;
  uploadDir: string;
  /** True once the server is stopping: /readyz answers 503 so that a load balancer sends no more. */
  stopping: () => boolean;
}

export function healthRoutes({ db, uploadDir, stopping }: HealthOptions): Router {
  const router = express.Router();
  const answer = (res: Response, status: number, body: object) =>
    res.status(status).set("Cache-Control", "no-store").json(body);

  router.get("/healthz", (_req: Request, res: Response) => answer(res, 200, { status: "ok" }));

  router.get("/readyz", async (_req: Request, res: Response) => {
    if (stopping()) return answer(res, 503, { status: "stopping" });
    const [database, migrations, uploads] = await Promise.all([
      check("database", async () => {
        await sql`select 1`.execute(await db());
        return "ok";
      }),
      check("migrations", async () => ((await pendingMigrations(await db())).length === 0 ? "ok" : "pending")),
      check("uploads", () => uploadsWritable(uploadDir)),
    ]);
    const checks = { database, migrations, uploads };
    const ready = Object.values(checks).every((o) => o === "ok");
    answer(res, ready ? 200 : 503, { status: ready ? "ok" : "unavailable", checks });
  });
  return router;
}
