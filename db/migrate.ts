import { Migrator, type Migration, type MigrationProvider } from "kysely";
import type { Db } from "./client";
import * as m0001 from "./migrations/2026-11-24-0001-initial";
import * as m0002 from "./migrations/2026-11-25-0002-panel-view-sign-off-publication-events";
import * as m0003 from "./migrations/2026-11-27-0003-organisation-invitations";
import * as m0004 from "./migrations/2026-12-01-0004-entry-rejection-reason";
import * as m0005 from "./migrations/2026-12-01-0005-edition-signatories";
import * as m0006 from "./migrations/2026-12-01-0006-category-data-version";
import * as m0007 from "./migrations/2026-12-01-0007-progress-indexes";
import * as m0008 from "./migrations/2026-12-01-0008-operations";
import * as m0009 from "./migrations/2026-12-01-0009-levels";
import * as m0010 from "./migrations/2026-12-02-0010-notifications";
import * as m0011 from "./migrations/2026-12-02-0011-plenary";

// Migrations are listed here (not read from the folder) so that they also work inside the
// bundled server build. Add new ones at the end; never edit one that has shipped.
export const migrations: Record<string, Migration> = {
  "2026-11-24-0001-initial": m0001,
  "2026-11-25-0002-panel-view-sign-off-publication-events": m0002,
  "2026-11-27-0003-organisation-invitations": m0003,
  "2026-12-01-0004-entry-rejection-reason": m0004,
  "2026-12-01-0005-edition-signatories": m0005,
  "2026-12-01-0006-category-data-version": m0006,
  "2026-12-01-0007-progress-indexes": m0007,
  "2026-12-01-0008-operations": m0008,
  "2026-12-01-0009-levels": m0009,
  "2026-12-02-0010-notifications": m0010,
  "2026-12-02-0011-plenary": m0011,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === "Error") console.error(`migration ${r.migrationName} failed`);
  }
  if (error) throw error;
}

/**
 * The migrations this code knows that the database has not run (empty when it is current), for
 * the readiness check (/readyz): a database restored from an older backup while the server runs,
 * or one another version left behind, is not ready. Reads only; creates nothing.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await new Migrator({ db, provider }).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
