import type { Db } from "../../db/client";
import { entrySource } from "../../db/queries/entry-source";
import { loadRubricDefinition } from "../../db/queries/rubrics";
import { askRanking } from "./ranking-service.server";

/**
 * What a national assessor reads of a nominee's provincial result ("Hasil tingkat provinsi"): the
 * provincial edition, and the rank, total, per-stage scores and per-criterion values of the entry
 * in the publication it was nominated from (entries.source_publication_id), read from that
 * snapshot's stored result only: never the live provincial scores, scoresheets or assessor names.
 * Context for the national assessors; the national rubric decides. Null for an entry that was not
 * carried over (or whose snapshot has no result for it).
 */
export async function provincialResult(db: Db, entryId: number) {
  const source = await entrySource(db, entryId);
  if (!source || source.publicationId === null || source.entryId === null || source.publicationRubricId === null)
    return null;
  const [published, definition] = await Promise.all([
    askRanking(db, "publishedEntry", source.publicationId, source.entryId),
    loadRubricDefinition(db, source.publicationRubricId),
  ]);
  const result = published?.result;
  if (!result) return null;
  return {
    edition: source.editionName,
    rank: result.rank,
    ranked: published.ranked,
    total: result.total,
    stages: definition.stages
      .filter((s) => result.stages[s.id] !== undefined)
      .map((s) => ({ id: s.id, score: result.stages[s.id]! })),
    criteria: definition.criteria.flatMap((c) => {
      const r = result.criteria[c.id];
      return r === undefined
        ? []
        : [{ key: c.id, stage: c.stage, name: c.name ?? { id: c.id, en: c.id }, value: r.value }];
    }),
  };
}
