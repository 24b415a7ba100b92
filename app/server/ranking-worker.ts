// The ranking worker: a thread of its own that answers the committee pages' questions about a
// category's ranking (app/lib/ranking-engine.server.ts) with its own database connection, so that
// scoring 10,000 entries, hashing a snapshot or writing a large workbook never blocks the server's
// request thread. Started by app/lib/ranking-service.server.ts.
import { parentPort } from "node:worker_threads";
// The texts of both languages, for the exports (the server's root module loads them likewise).
import "../i18n/texts.server";
import { getDb } from "../lib/db.server";
import { engineOps, type EngineOp } from "../lib/ranking-engine.server";

interface Ask {
  id: number;
  op: EngineOp;
  args: unknown[];
}

parentPort!.on("message", async ({ id, op, args }: Ask) => {
  try {
    const fn = engineOps[op] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn(await getDb(), ...args);
    parentPort!.postMessage({ id, value });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
