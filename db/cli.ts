// Database commands: `migrate` (schema only) and `seed` (migrate, then the demo edition when the
// database is empty and the demo is wanted: DEMO=1, or DEMO unset outside production; see
// db/setup.ts). `npm start` does both through app/server/main.ts.
import { setupDatabase } from "./setup";

const command = process.argv[2] ?? "seed";
if (command !== "migrate" && command !== "seed") {
  console.error(`unknown command: ${command} (migrate | seed)`);
  process.exit(2);
}
console.log(await setupDatabase(undefined, { seed: command === "seed" }));
