// `npm run retention [-- --apply]` (UU 27/2022): lists the editions whose personal data is past its
// retention (retention_years after the last publication) and the people whose every edition is;
// with --apply, anonymises those of them whose editions are all archived and prints what it did.
// Reads DATABASE_URL like db/cli.ts; migrates first.
import { createDb, DEFAULT_DATABASE_URL } from "../client";
import { migrateToLatest } from "../migrate";
import { applyRetention, retentionReport, retentionText } from "./retention";

const USAGE = "usage: npm run retention [-- --apply]";
const args = process.argv.slice(2);
if (args.some((a) => a !== "--apply")) {
  console.error(args.includes("--help") || args.includes("-h") ? USAGE : `unknown argument\n${USAGE}`);
  process.exit(args.includes("--help") || args.includes("-h") ? 0 : 2);
}
const apply = args.includes("--apply");
const db = await createDb(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
try {
  await migrateToLatest(db);
  const report = await retentionReport(db);
  const applied = apply ? await applyRetention(db, report) : undefined;
  console.log(retentionText(report, applied));
} finally {
  await db.destroy();
}
