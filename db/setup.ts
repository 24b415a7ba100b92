import { createDb, DEFAULT_DATABASE_URL } from "./client";
import { migrateToLatest } from "./migrate";
import { findUserByEmail, pruneSignInState } from "./queries/users";
import { uploadDirFromEnv } from "./seed/evidence";
import { DEMO_EDITION, DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemo } from "./seed/demo";

/**
 * Migrates the database and seeds the demo edition when it is empty (a database that already
 * has data is left as it is). Returns the text that tells where and how to sign in.
 */
export async function setupDatabase(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { seed = true } = {}) {
  const db = await createDb(url);
  const lines: string[] = [];
  let demo = false;
  try {
    await migrateToLatest(db);
    lines.push(`Database ready (${url}).`);
    if (seed && (await isEmpty(db))) {
      await seedDemo(db, new Date(), { uploadDir: uploadDirFromEnv() });
      lines.push(`Seeded the demo edition: ${DEMO_EDITION}`);
    }
    await pruneSignInState(db, new Date());
    demo = (await findUserByEmail(db, DEMO_LOGINS.committee)) !== undefined;
  } finally {
    await db.destroy();
  }
  const port = process.env.PORT ?? "3000";
  lines.push("", `Open http://localhost:${port}/login`);
  if (demo)
    lines.push(
      `Demo sign-in (the password of every demo account is ${DEMO_PASSWORD}):`,
      `  Panitia / committee:        ${DEMO_LOGINS.committee}`,
      `  Penilai / assessor:         ${DEMO_LOGINS.assessor}  (penilai1..5@paritrana.test)`,
      `  Dewan juri / jury:          ${DEMO_LOGINS.juror}  (juri1..9@paritrana.test)`,
      `  Peserta pemerintah daerah:  ${DEMO_LOGINS.entrantGovernment}`,
      `  Peserta perusahaan:         ${DEMO_LOGINS.entrantCompany}`,
    );
  lines.push("");
  return lines.join("\n");
}
