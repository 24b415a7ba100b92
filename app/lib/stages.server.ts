import type { Db } from "../../db/client";
import type { Edition } from "../../db/schema";
import { editionCategories, editionStages } from "../../db/queries/editions";
import { scoreCategory, shortlistOf } from "./scoring-input.server";

/** The shortlist of every category at the end of the open stage, from score(). */
export async function proposal(db: Db, edition: Edition) {
  const stages = await editionStages(db, edition.id);
  const open = stages.find((s) => s.status === "open") ?? null;
  if (!open) return { stages, open: null, next: null, categories: [] };
  const next = stages.find((s) => s.position > open.position) ?? null;
  const categories = [];
  for (const c of await editionCategories(db, edition.id)) {
    const scoring = await scoreCategory(db, c);
    const names = new Map((scoring?.entries ?? []).map((e) => [String(e.id), e.organisation_name]));
    if (!scoring?.result || !scoring.parsed.ok) {
      categories.push({ id: c.id, key: c.key, ok: false, advancing: [], notAdvancing: [] });
      continue;
    }
    const stageIds = scoring.parsed.input.rubric.stages.map((s) => s.id);
    const list = shortlistOf(scoring.result, stageIds, open.key);
    const rankOf = new Map(scoring.result.categories[0].ranking.map((r) => [r.nominee, r]));
    const row = (id: string) => ({ id: Number(id), name: names.get(id) ?? id, rank: rankOf.get(id)?.rank ?? null, total: rankOf.get(id)?.total ?? null });
    categories.push({ id: c.id, key: c.key, ok: true, advancing: list.advancing.map(row), notAdvancing: list.notAdvancing.map(row) });
  }
  return { stages, open, next, categories };
}

