import { createDb, DEFAULT_DATABASE_URL } from "./client";
import { migrateToLatest } from "./migrate";
import { activeAdministratorIds } from "./queries/administrators";
import { findUserByEmail, pruneSignInState } from "./queries/users";
import { uploadDirFromEnv } from "./seed/evidence";
import { DEMO_EDITION, DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemo } from "./seed/demo";
import { NATIONAL_EDITION, NATIONAL_LOGINS } from "./seed/national";

/**
 * Whether an empty database gets the demo edition (its accounts have a published password, so a
 * real installation must never get it by accident): DEMO=1 always, DEMO=0 never; unset, only
 * outside production (`npm start` on a developer's machine shows the demo at once).
 */
export function demoWanted(env: { DEMO?: string; NODE_ENV?: string }): boolean {
  if (env.DEMO === "1") return true;
  if (env.DEMO === "0") return false;
  return env.NODE_ENV !== "production";
}

/**
 * Migrates the database and, when it is empty and the demo is wanted (demoWanted), seeds the
 * demo edition; a database that already has data is left as it is. Returns the text that tells
 * where and how to sign in, or how to create the first administrator.
 */
export async function setupDatabase(
  url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  { seed = true, env = process.env }: { seed?: boolean; env?: Record<string, string | undefined> } = {},
) {
  const db = await createDb(url);
  const lines: string[] = [];
  let demo = false;
  let admin = false;
  try {
    await migrateToLatest(db);
    lines.push(`Database ready (${url}).`);
    if (seed && (await isEmpty(db))) {
      if (demoWanted(env)) {
        await seedDemo(db, new Date(), { uploadDir: uploadDirFromEnv() });
        lines.push(
          `Seeded the demo edition: ${DEMO_EDITION},`,
          `  three published provincial editions of 2023 and ${NATIONAL_EDITION} (verification stage)`,
        );
      } else lines.push(`Empty database: the demo is not seeded (${demoReason(env)}).`);
    }
    await pruneSignInState(db, new Date());
    demo = (await findUserByEmail(db, DEMO_LOGINS.committee)) !== undefined;
    admin = (await activeAdministratorIds(db)).size > 0;
  } finally {
    await db.destroy();
  }
  const port = env.PORT ?? "3000";
  lines.push("", `Open ${(env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, "")}/login`);
  if (!admin)
    lines.push(
      "No administrator yet. Create the first one (it asks for a password, or generates one):",
      "  npm run admin:create -- EMAIL",
    );
  if (demo)
    lines.push(
      `Demo sign-in (the password of every demo account is ${DEMO_PASSWORD}):`,
      `  Administrator / sekretariat: ${DEMO_LOGINS.admin}`,
      `  Panitia / committee:         ${DEMO_LOGINS.committee}`,
      `  Penilai / assessor:          ${DEMO_LOGINS.assessor}  (penilai1..5@paritrana.test)`,
      `  Dewan juri / jury:           ${DEMO_LOGINS.juror}  (juri1..9@paritrana.test)`,
      `  Peserta pemerintah daerah:   ${DEMO_LOGINS.entrantGovernment}`,
      `  Peserta perusahaan:          ${DEMO_LOGINS.entrantCompany}`,
      `  Panitia nasional:            ${NATIONAL_LOGINS.committee}`,
      `  Verifikator nasional:        ${NATIONAL_LOGINS.verifier}  (verifikator1..3@paritrana.test)`,
      `  Dewan juri nasional:         ${NATIONAL_LOGINS.juror}  (juri.nasional1..9@paritrana.test)`,
    );
  lines.push("");
  return lines.join("\n");
}

function demoReason(env: { DEMO?: string; NODE_ENV?: string }): string {
  return env.DEMO === "0" ? "DEMO=0" : "NODE_ENV=production; set DEMO=1 to seed it";
}
