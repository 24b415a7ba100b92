import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCategory, getEdition } from "../../db/queries/editions";
import { notFound, refusePost } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { requireOwnEntry } from "~/lib/portal.server";
import { winnerCertificate } from "~/lib/winner-certificate.server";

export const action = refusePost;

// Resource route: a placed organisation's own certificate of award, only from its category's
// current publication (no preview). Another organisation's entry, an unplaced entry or an
// unpublished category: 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry, db } = await requireOwnEntry(request, params.entryId);
  const [edition, category] = await Promise.all([
    getEdition(db, entry.edition_id),
    getCategory(db, entry.edition_id, entry.category_id),
  ]);
  if (!edition || !category) notFound();
  const { t, locale } = await getT(request);
  const pdf = await winnerCertificate(db, { edition, category, entryId: entry.id, preview: false, t, locale });
  if (!pdf) notFound();
  return pdf;
}
