import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCategoryCommittee } from "~/lib/committee.server";
import { notFound, refusePost } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { askRanking } from "~/lib/ranking-service.server";

export const action = refusePost;

const FORMATS = ["csv", "xlsx"] as const;
const KINDS = ["ranking", "matrix"] as const;

// Resource route: the live ranking and the full score matrix of a category as CSV or XLSX, in the
// requesting user's language. The file is made by the ranking worker from the cached result
// (app/lib/ranking-engine.server.ts), so a large matrix does not block the other requests.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, category } = await requireCategoryCommittee(request, params);
  const { locale } = await getT(request);
  const url = new URL(request.url);
  const format = FORMATS.find((f) => f === (url.searchParams.get("format") ?? "xlsx"));
  const kind = KINDS.find((k) => k === (url.searchParams.get("kind") ?? "ranking"));
  if (!format || !kind) notFound();
  const file = await askRanking(db, "exportFile", { id: category.id, key: category.key }, { format, kind, locale });
  if (file === null) notFound();
  const base = `paritrana-${edition.id}-${category.key}`;
  if (format === "csv") {
    return new Response(file, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${base}-${kind}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return new Response(file, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${base}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
