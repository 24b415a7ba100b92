import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCategoryCommittee } from "~/lib/committee.server";
import { idParam, notFound, refusePost } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { winnerCertificate } from "~/lib/winner-certificate.server";

export const action = refusePost;

// Resource route: the certificate of award of a winner, from the category's published snapshot,
// with the verification URL. Before publication the committee gets a draft preview (marked, no URL).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, category } = await requireCategoryCommittee(request, params);
  const entryId = idParam(params.entryId);
  const { t, locale } = await getT(request);
  const pdf = await winnerCertificate(db, { edition, category, entryId, preview: true, t, locale });
  if (!pdf) notFound();
  return pdf;
}
