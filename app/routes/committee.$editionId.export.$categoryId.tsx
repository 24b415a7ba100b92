import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadRubricDefinition } from "../../db/queries/rubrics";
import { userNames } from "../../db/queries/users";
import { requireCategoryCommittee } from "~/lib/committee.server";
import { notFound, refusePost } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { scoreCategory } from "~/lib/scoring-input.server";
import { matrixCsv, rankingCsv, workbook, type ExportContext } from "~/lib/exports.server";

export const action = refusePost;

// Resource route: the live ranking and the full score matrix of a category as CSV or XLSX, in the
// requesting user's language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, category } = await requireCategoryCommittee(request, params);
  const { t, locale } = await getT(request);
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "xlsx";
  const kind = url.searchParams.get("kind") ?? "ranking";
  if (!["csv", "xlsx"].includes(format) || !["ranking", "matrix"].includes(kind)) notFound();
  const scoring = await scoreCategory(db, category);
  const result = scoring?.result?.categories[0];
  if (!scoring || !scoring.parsed.ok || !result) notFound();
  const definition = await loadRubricDefinition(db, scoring.rubricId);
  const input = scoring.parsed.input;
  const names = await userNames(db, [...new Set(input.scores.map((s) => Number(s.assessor)))]);
  const ctx: ExportContext = {
    input,
    result,
    entryName: new Map(scoring.entries.map((e) => [String(e.id), e.organisation_name])),
    assessorName: new Map([...names].map(([k, v]) => [String(k), v])),
    // A criterion without an English name keeps its Indonesian one.
    criterionName: new Map(
      definition.criteria.map((c) => [c.id, (locale === "en" ? c.name?.en || c.name?.id : c.name?.id) || c.id]),
    ),
    t,
  };
  const base = `paritrana-${edition.id}-${category.key}`;
  if (format === "csv") {
    return new Response(kind === "matrix" ? matrixCsv(ctx) : rankingCsv(ctx), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${base}-${kind}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const body = await workbook(ctx);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${base}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
