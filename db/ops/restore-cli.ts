import { OpsError, formatBytes } from "./manifest";
import { restore } from "./restore";
import { dataPlaceFromEnv } from "./settings";

// npm run restore -- DIR [--force]: restores the backup in DIR into the database and upload folder
// of DATABASE_URL, DATA_DIR and UPLOAD_DIR (empty ones, unless --force). Stop the server first.

const args = process.argv.slice(2);
const force = args.includes("--force");
const dirs = args.filter((a) => a !== "--force");
if (dirs.length !== 1 || dirs[0]!.startsWith("-")) {
  console.error("Usage: npm run restore -- DIR [--force]   (--force: replace an existing database and uploads)");
  process.exit(2);
}
try {
  const place = dataPlaceFromEnv();
  const { manifest, bytes, ms } = await restore(dirs[0]!, place, { force });
  console.log(
    [
      `Restored the backup of ${manifest.created_at} (app ${manifest.app_version}, migration ${manifest.migration ?? "none"}) in ${(ms / 1000).toFixed(1)} s:`,
      `  database: integrity check ok, row counts as in the backup`,
      `  evidence files: ${manifest.files.length} into ${place.uploadDir}, every hash checked (${formatBytes(bytes)} in all)`,
      "Start the server as usual (npm start); everyone signs in again unless SESSION_SECRET or data/session-secret was kept.",
    ].join("\n"),
  );
} catch (error) {
  console.error(error instanceof OpsError ? `Restore failed: ${error.message}` : error);
  process.exit(1);
}
