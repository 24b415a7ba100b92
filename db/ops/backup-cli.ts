import { backup } from "./backup";
import { OpsError, formatBytes } from "./manifest";
import { dataPlaceFromEnv } from "./settings";

// npm run backup -- DIR: a consistent backup of the running instance into DIR (new or empty).
// Reads DATABASE_URL, DATA_DIR and UPLOAD_DIR as the server does. docs/operations.md: Backup.

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith("-")) {
  console.error("Usage: npm run backup -- DIR   (DIR: a new or empty folder)");
  process.exit(2);
}
try {
  const { manifest, bytes, ms, attempts } = await backup(args[0]!, dataPlaceFromEnv());
  const rows = Object.values(manifest.row_counts).reduce((a, b) => a + b, 0);
  console.log(
    [
      `Backup written to ${args[0]} in ${(ms / 1000).toFixed(1)} s${attempts > 1 ? ` (${attempts} attempts)` : ""}:`,
      `  database (${manifest.database.kind}, migration ${manifest.migration ?? "none"}): ${rows} rows in ${Object.keys(manifest.row_counts).length} tables, ${formatBytes(manifest.database.size)}`,
      `  evidence files: ${manifest.files.length}, ${formatBytes(bytes - manifest.database.size)}`,
    ].join("\n"),
  );
} catch (error) {
  console.error(error instanceof OpsError ? `Backup failed: ${error.message}` : error);
  process.exit(1);
}
