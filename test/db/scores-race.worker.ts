// A separate process that saves one scoresheet, for the concurrency tests in scores.test.ts.
// Each process has its own SQLite connection to the same file, as separate server processes
// (or separate PostgreSQL connections) would. Usage (JSON on argv[2]):
//   { url, assignmentId, userId, criterionIds, mode: "same", baseVersion, startAt }
//     one save based on baseVersion, started at startAt (ms since epoch) to line processes up;
//   { url, assignmentId, userId, criterionIds, mode: "loop", rounds }
//     `rounds` times: read the current version, save based on it.
// Prints { ok, stale } counts as JSON.
import { createDb } from "../../db/client";
import { saveScoresheet } from "../../db/queries/scores";

const args = JSON.parse(process.argv[2]) as {
  url: string;
  assignmentId: number;
  userId: number;
  criterionIds: number[];
  mode: "same" | "loop";
  baseVersion?: number;
  startAt?: number;
  rounds?: number;
};
const db = await createDb(args.url);
let ok = 0;
let stale = 0;
const other: string[] = [];
const save = async (baseVersion: number, i: number) => {
  const res = await saveScoresheet(db, {
    assignmentId: args.assignmentId,
    userId: args.userId,
    baseVersion,
    scores: args.criterionIds.map((id, k) => ({
      criterionId: id,
      value: (process.pid + i + k) % 101,
      note: `pid ${process.pid} #${i}`,
    })),
  });
  if (res.ok) ok++;
  else if (res.reason === "stale") stale++;
  else other.push(res.reason);
};
if (args.mode === "same") {
  await new Promise((r) => setTimeout(r, Math.max(0, args.startAt! - Date.now())));
  await save(args.baseVersion!, 0);
} else {
  for (let i = 0; i < args.rounds!; i++) {
    const row = await db
      .selectFrom("assignments")
      .select("version")
      .where("id", "=", args.assignmentId)
      .executeTakeFirstOrThrow();
    await save(row.version, i);
  }
}
await db.destroy();
process.stdout.write(JSON.stringify({ ok, stale, other }));
