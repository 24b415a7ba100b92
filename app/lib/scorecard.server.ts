import type { Db } from "../../db/client";
import { currentPublication } from "../../db/queries/publications";
import { loadRubricDefinition } from "../../db/queries/rubrics";
import { askRanking } from "./ranking-service.server";

/**
 * The organisation's own scorecard from the current publication of its category (the stored
 * snapshot; nominee ids are entry ids as strings). Never reads assessors' scores or notes. The
 * stored result is read by the ranking worker, once per publication.
 */
export async function publishedScorecard(db: Db, entryId: number) {
  const entry = await db
    .selectFrom("entries")
    .select(["id", "category_id"])
    .where("id", "=", entryId)
    .executeTakeFirst();
  if (!entry) return null;
  const pub = await currentPublication(db, entry.category_id);
  if (!pub) return null;
  const published = await askRanking(db, "publishedEntry", pub.id, entryId);
  if (!published) return null;
  return {
    publishedAt: pub.published_at,
    sha256: pub.sha256,
    definition: await loadRubricDefinition(db, pub.rubric_id),
    ...published,
  };
}
