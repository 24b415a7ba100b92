// A separate process that keeps scoring one criterion of one scoresheet, for the concurrency test
// in rubric-versions.test.ts (own SQLite connection, as a separate server process would have).
// Each round reads the sheet's current version and criteria (a new rubric version changes both)
// and saves the criterion `key` at 80, then 40, alternately. Usage (JSON on argv[2]):
//   { url, assignmentId, userId, key, rounds }   Prints the refusal counts as JSON.
import { createDb } from "../../db/client";
import { saveScoresheet, scoresheetCriteria } from "../../db/queries/scores";

const args = JSON.parse(process.argv[2]!) as {
  url: string;
  assignmentId: number;
  userId: number;
  key: string;
  rounds: number;
};
const db = await createDb(args.url);
const counts: Record<string, number> = {};
for (let i = 0; i < args.rounds; i++) {
  const sheet = await db
    .selectFrom("assignments")
    .select("version")
    .where("id", "=", args.assignmentId)
    .executeTakeFirstOrThrow();
  const criterion = (await scoresheetCriteria(db, args.assignmentId)).find((c) => c.key === args.key)!;
  const res = await saveScoresheet(db, {
    assignmentId: args.assignmentId,
    userId: args.userId,
    baseVersion: sheet.version,
    scores: [{ criterionId: criterion.id, value: i % 2 === 0 ? 80 : 40, note: null }],
  });
  const outcome = res.ok ? "ok" : res.reason;
  counts[outcome] = (counts[outcome] ?? 0) + 1;
}
await db.destroy();
process.stdout.write(JSON.stringify(counts));
