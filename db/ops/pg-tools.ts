import { spawn, spawnSync } from "node:child_process";
import type pg from "pg";
import { OpsError } from "./manifest";

const PG_TOOLS_HELP =
  "install the PostgreSQL client tools (Debian/Ubuntu: apt-get install postgresql-client), of the server's major version or newer";

/** Refuses, saying what to install, when a PostgreSQL tool is not on the PATH. */
export function requirePgTool(tool: "pg_dump" | "pg_restore"): void {
  const probe = spawnSync(tool, ["--version"], { stdio: "ignore" });
  if (probe.error || probe.status !== 0) throw new OpsError(`${tool} is not on the PATH: ${PG_TOOLS_HELP}`);
}

/** Runs a command; refuses with its error output when it fails. */
export function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.once("error", fail);
    child.once("exit", (code) =>
      code === 0 ? done() : fail(new OpsError(`${command} failed (exit code ${code}):\n${err.trim()}`)),
    );
  });
}

/** A client of its own for fn, always closed. */
export async function withPostgres<T>(url: string, fn: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
