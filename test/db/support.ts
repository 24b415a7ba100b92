import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { createDb, type Db } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_EDITION, seedDemo } from "../../db/seed/demo";
import { raiseVersionOfAssignment } from "../../db/queries/data-version";
import { editionCategories } from "../../db/queries/editions";
import { signOffCategory } from "../../db/queries/publications";
import type { Category } from "../../db/schema";
import { publishCategory } from "../../app/lib/publish.server";
import { categorySnapshot } from "../../app/lib/ranking-engine.server";

/** A real SQLite file in a temporary folder, migrated to the latest schema (and seeded if asked). */
export async function freshDb({ seed = false } = {}): Promise<{ db: Db; url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "paritrana-db-"));
  const url = `file:${join(dir, "test.sqlite")}`;
  const db = await createDb(url);
  await migrateToLatest(db);
  if (seed) await seedDemo(db);
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, url, dir };
}

/**
 * The demo's Kalimantan Timur edition (in assessment). The demo also seeds other editions of 2023
 * (published provinces, the national edition: docs/levels.md), so never take "the first edition".
 */
export async function demoEdition(db: Db) {
  return db.selectFrom("editions").selectAll().where("name", "=", DEMO_EDITION).executeTakeFirstOrThrow();
}

/**
 * The first submitted scoresheet of a category, and a function that sets its first score: a
 * small change of the data behind a sign-off or a publication.
 */
export async function firstSubmittedSheet(db: Db, categoryId: number) {
  const sheet = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.id"])
    .where("e.category_id", "=", categoryId)
    .where("a.status", "=", "submitted")
    .orderBy("a.id")
    .executeTakeFirstOrThrow();
  const setFirstScore = async (value: number) => {
    const first = await db
      .selectFrom("scores")
      .select("id")
      .where("assignment_id", "=", sheet.id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await db.updateTable("scores").set({ value }).where("id", "=", first.id).execute();
    // A submitted score changed behind the app's back (a correction by hand): its category's
    // ranking is no longer what was computed, as every write of the app says.
    await raiseVersionOfAssignment(db, sheet.id);
  };
  return { sheet, setFirstScore };
}

/**
 * Closes every stage of an edition in the database, as if the committee had run them all: sign-off
 * and publication wait for that (app/domain/stages.ts).
 */
export async function closeAllStages(db: Db, editionId: number) {
  await db.updateTable("edition_stages").set({ status: "closed" }).where("edition_id", "=", editionId).execute();
}

/**
 * Signs off what the category's data is now, as the ranking page does (the snapshot of the
 * current data version); returns the approved hash. Stages must be closed already.
 */
export async function signOffNow(db: Db, editionId: number, category: Category, userId: number) {
  const snap = await categorySnapshot(db, category);
  if (!snap.ok) throw new Error("refused input");
  await signOffCategory(db, {
    editionId,
    categoryId: category.id,
    userId,
    sha256: snap.sha256,
    dataVersion: snap.version,
  });
  return snap.sha256;
}

/** signOffNow, then publishes the category as signed off. Stages must be closed already. */
export async function signOffAndPublishNow(db: Db, editionId: number, category: Category, userId: number) {
  await signOffNow(db, editionId, category, userId);
  const signed = (await editionCategories(db, editionId)).find((c) => c.id === category.id)!;
  return publishCategory(db, { editionId, category: signed, userId });
}
