import type { LoaderFunctionArgs } from "@remix-run/node";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { requireCategoryCommittee } from "~/lib/committee.server";
import { notFound, refusePost } from "~/lib/guards.server";
import { exportRubricJson } from "~/lib/rubric-json";

export const action = refusePost;

// Resource route: the current rubric of a category as JSON (the shape the import takes).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, category } = await requireCategoryCommittee(request, params);
  const rubric = await currentRubric(db, category.id);
  if (!rubric) notFound();
  const body = exportRubricJson(await loadRubricDefinition(db, rubric.id), JSON.parse(rubric.method) as unknown);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="rubric-${edition.id}-${category.key}-v${rubric.version}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
