import { sql } from "kysely";
import type { Db } from "../client";

// Each category carries a data version, raised in the same transaction as every write that
// changes its scoring input: which entries take part (status), their indicator values, the
// submitted scores (a sheet submitted, reopened, moved or deleted) and the rubric (a new
// version). The ranking is computed once per version (app/lib/ranking-engine.ts), so a write
// that forgets to raise it would show a stale ranking: test/db/data-version.test.ts walks them.

const raise = sql<number>`data_version + 1`;

export async function raiseCategoryVersion(db: Db, categoryId: number) {
  await db.updateTable("categories").set({ data_version: raise }).where("id", "=", categoryId).execute();
}

/** The categories of the given entries. */
export async function raiseVersionOfEntries(db: Db, entryIds: number[]) {
  if (entryIds.length === 0) return;
  await db
    .updateTable("categories")
    .set({ data_version: raise })
    .where("id", "in", (eb) => eb.selectFrom("entries").select("category_id").where("id", "in", entryIds))
    .execute();
}

/** The category of the entry a scoresheet (assignment) belongs to. */
export async function raiseVersionOfAssignment(db: Db, assignmentId: number) {
  await db
    .updateTable("categories")
    .set({ data_version: raise })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("assignments as a")
        .innerJoin("entries as e", "e.id", "a.entry_id")
        .select("e.category_id")
        .where("a.id", "=", assignmentId),
    )
    .execute();
}

export async function categoryDataVersion(db: Db, categoryId: number): Promise<number | null> {
  const row = await db.selectFrom("categories").select("data_version").where("id", "=", categoryId).executeTakeFirst();
  return row ? Number(row.data_version) : null;
}
