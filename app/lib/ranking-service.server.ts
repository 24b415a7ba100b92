import type { Db } from "../../db/client";
import { getDb } from "./db.server";
import { engineOps, type EngineOp } from "./ranking-engine.server";
import { rankingWorker, rankingWorkerEnabled } from "./ranking-worker.server";

// The committee pages ask about a category's ranking through askRanking(). With the server's own
// database the question goes to the ranking worker thread (app/server/ranking-worker.ts), which
// keeps the computed rankings and answers with the small part a page needs; with any other handle
// (a test's database, a transaction that must see its own writes) it is answered here, by the same
// functions. RANKING_WORKER=off answers everything here.

type Ops = typeof engineOps;
type Args<K extends EngineOp> = Ops[K] extends (db: Db, ...args: infer A) => unknown ? A : never;
type Answer<K extends EngineOp> = Awaited<ReturnType<Ops[K]>>;

export async function askRanking<K extends EngineOp>(db: Db, op: K, ...args: Args<K>): Promise<Answer<K>> {
  if (rankingWorkerEnabled() && db === (await getDb())) return rankingWorker().ask<Answer<K>>(op, args);
  const fn = engineOps[op] as (db: Db, ...a: unknown[]) => Promise<Answer<K>>;
  return fn(db, ...args);
}
