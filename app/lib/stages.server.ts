import type { Db } from "../../db/client";
import type { Edition } from "../../db/schema";
import { editionCategories, editionStages } from "../../db/queries/editions";
import { scoresheetCounts } from "../../db/queries/committee";
import { createHash } from "node:crypto";
import { scoreCategory, shortlistOf } from "./scoring-input.server";

/** The shortlist of every category at the end of the open stage, from score(). */
export async function proposal(db: Db, edition: Edition) {
  const stages = await editionStages(db, edition.id);
  const open = stages.find((s) => s.status === "open") ?? null;
  if (!open) return { stages, open: null, next: null, categories: [], fingerprint: "" };
  const next = stages.find((s) => s.position > open.position) ?? null;
  const categories = [];
  for (const c of await editionCategories(db, edition.id)) {
    const scoring = await scoreCategory(db, c);
    const names = new Map((scoring?.entries ?? []).map((e) => [String(e.id), e.organisation_name]));
    if (!scoring?.result || !scoring.parsed.ok) {
      categories.push({ id: c.id, key: c.key, ok: false, advancing: [], notAdvancing: [], unsubmitted: 0 });
      continue;
    }
    const stageIds = scoring.parsed.input.rubric.stages.map((s) => s.id);
    const list = shortlistOf(scoring.result, stageIds, open.key);
    const rankOf = new Map(scoring.result.categories[0].ranking.map((r) => [r.nominee, r]));
    const row = (id: string) => ({ id: Number(id), name: names.get(id) ?? id, rank: rankOf.get(id)?.rank ?? null, total: rankOf.get(id)?.total ?? null });
    // Scoresheets of this stage not submitted yet do not count: the committee is told how many.
    const unsubmitted = (await scoresheetCounts(db, c.id)).filter((x) => x.stage === open.key && x.status !== "submitted").reduce((a, x) => a + x.n, 0);
    categories.push({ id: c.id, key: c.key, ok: true, advancing: list.advancing.map(row), notAdvancing: list.notAdvancing.map(row), unsubmitted });
  }
  // What the committee confirms: closing is refused when the shortlist changed since it was shown.
  const fingerprint = createHash("sha256")
    .update(JSON.stringify(categories.map((c) => [c.id, c.ok, c.advancing.map((e) => e.id), c.notAdvancing.map((e) => e.id)])))
    .digest("hex");
  return { stages, open, next, categories, fingerprint };
}

