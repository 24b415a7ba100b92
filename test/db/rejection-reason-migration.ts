import { Migrator } from "kysely";
import type { Db } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import * as m0001 from "../../db/migrations/2026-11-24-0001-initial";
import * as m0002 from "../../db/migrations/2026-11-25-0002-panel-view-sign-off-publication-events";
import * as m0003 from "../../db/migrations/2026-11-27-0003-organisation-invitations";

/**
 * Migration 0004 on an empty database (SQLite or PostgreSQL): builds the schema as it was before
 * it, with rejected and other entries and their audit rows, migrates to the latest schema and
 * returns each entry's rejection_reason by label.
 */
export async function rejectionReasonsAfterMigration(db: Db): Promise<Record<string, string | null>> {
  const before = {
    "2026-11-24-0001-initial": m0001,
    "2026-11-25-0002-panel-view-sign-off-publication-events": m0002,
    "2026-11-27-0003-organisation-invitations": m0003,
  };
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
  if (error) throw error;
  // The rows as the code before 0004 wrote them (no rejection_reason given).
  const edition = (
    await db
      .insertInto("editions")
      .values({
        name: "E",
        year: 2024,
        level: "provincial",
        region: "R",
        status: "registration",
        period_start: "2024-01-01",
        period_end: "2024-12-31",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const category = (
    await db
      .insertInto("categories")
      .values({ edition_id: edition, key: "large", places: 3 })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const entries: Record<string, number> = {};
  for (const [label, status] of [
    ["twice", "rejected"],
    ["once", "rejected"],
    ["unaudited", "rejected"],
    ["approved", "draft"],
  ] as const) {
    const org = (
      await db
        .insertInto("organisations")
        .values({ name: `PT ${label}`, kind: "company", region: "R" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    entries[label] = (
      await db
        .insertInto("entries")
        .values({ edition_id: edition, category_id: category, organisation_id: org, status })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  const log = async (label: string, action: string, reason: string | null) =>
    db
      .insertInto("audit_log")
      .values({
        at: new Date().toISOString(),
        user_id: null,
        edition_id: edition,
        entry_id: entries[label],
        action,
        subject: `entry:${entries[label]}`,
        before: null,
        after: null,
        reason,
      })
      .execute();
  await log("twice", "entry.reject", "first reason");
  await log("twice", "entry.reject", "latest reason");
  await log("twice", "entry.reopen", "not a rejection");
  await log("once", "entry.reject", "Bukan perusahaan skala besar");
  await log("approved", "entry.reject", "not rejected now: no reason");
  await migrateToLatest(db);
  const rows = await db.selectFrom("entries").select(["id", "rejection_reason"]).execute();
  return Object.fromEntries(
    Object.entries(entries).map(([label, id]) => [label, rows.find((r) => r.id === id)!.rejection_reason]),
  );
}

/** What migration 0004 must leave: the newest rejection's reason on each rejected entry, nothing elsewhere. */
export const EXPECTED_REJECTION_REASONS = {
  twice: "latest reason",
  once: "Bukan perusahaan skala besar",
  unaudited: null,
  approved: null,
};
