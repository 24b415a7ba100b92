import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { toScoringRubric } from "../../app/domain/rubric";
import { takeThrottledAttempt } from "../../db/queries/users";
import { seedDemo } from "../../db/seed/demo";
import { deriveIndicators } from "../../scoring/figures";
import { parseScoringInput } from "../../scoring/index";
import { demoEdition } from "./support";
import { EXPECTED_REJECTION_REASONS, rejectionReasonsAfterMigration } from "./rejection-reason-migration";

// The same migrations, seed and queries on PostgreSQL. Runs when TEST_POSTGRES_URL points at an
// empty database that may be wiped (e.g. postgres://paritrana:paritrana@localhost/paritrana_test).
const url = process.env.TEST_POSTGRES_URL;

/** The test database, emptied (and migrated to the latest schema unless told not to). */
async function emptyDb({ migrate = true } = {}): Promise<Db> {
  const db = await createDb(url!);
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
  if (migrate) await migrateToLatest(db);
  return db;
}

describe.skipIf(!url)("PostgreSQL", () => {
  it("migrates, seeds the demo edition and reads a rubric back", async () => {
    const db = await emptyDb();
    try {
      await seedDemo(db);
      // Kalimantan Timur's 42 organisations enter its edition (the other editions have their own).
      const kaltim = await demoEdition(db);
      const orgs = await db
        .selectFrom("entries")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("edition_id", "=", kaltim.id)
        .executeTakeFirstOrThrow();
      expect(Number(orgs.n)).toBe(42);
      // Stored in double precision: the value read back is exactly the derived one (no float4 rounding).
      const stored = await db
        .selectFrom("indicator_values")
        .select(["entry_id", "value"])
        .where("indicator", "=", "coverage_pct")
        .orderBy("entry_id")
        .executeTakeFirstOrThrow();
      const figures = await db
        .selectFrom("entry_figures")
        .select(["key", "value"])
        .where("entry_id", "=", stored.entry_id)
        .execute();
      const derived = deriveIndicators("government", Object.fromEntries(figures.map((f) => [f.key, f.value])));
      expect(stored.value).toBe(derived.coverage_pct);
      const category = await db.selectFrom("categories").select("id").orderBy("id").executeTakeFirstOrThrow();
      const rubric = await currentRubric(db, category.id);
      const parsed = parseScoringInput({
        rubric: toScoringRubric(await loadRubricDefinition(db, rubric!.id)),
        nominees: [],
        scores: [],
      });
      expect(parsed.ok).toBe(true);
    } finally {
      await db.destroy();
    }
  });

  it("migration 0004 moves each rejected registration's reason from the audit log onto its entry", async () => {
    const db = await emptyDb({ migrate: false });
    try {
      expect(await rejectionReasonsAfterMigration(db)).toEqual(EXPECTED_REJECTION_REASONS);
    } finally {
      await db.destroy();
    }
  });

  it("counts throttled attempts sent in parallel one after another (no lost update)", async () => {
    const db = await emptyDb();
    try {
      const now = new Date();
      // Five free attempts per key, then none: of twenty sent at once, exactly five get through.
      const take = () =>
        takeThrottledAttempt(
          db,
          [
            { key: "login:a@b.c", forgetAfterMs: 60_000 },
            { key: "addr:1.2.3.4", forgetAfterMs: 60_000 },
          ],
          (counts) => ([...counts.values()].some((c) => c.count >= 5) ? Infinity : 0),
          now,
        );
      const results = await Promise.all(Array.from({ length: 20 }, take));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      const rows = await db.selectFrom("login_failures").select(["key", "failures"]).orderBy("key").execute();
      expect(rows).toEqual([
        { key: "addr:1.2.3.4", failures: 5 },
        { key: "login:a@b.c", failures: 5 },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
