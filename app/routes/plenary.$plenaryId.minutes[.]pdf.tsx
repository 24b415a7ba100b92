import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, refusePost } from "~/lib/guards.server";
import { currentMinutesPdf } from "~/lib/minutes.server";
import { requirePlenary } from "~/lib/plenary-access.server";
import { conflictedEntryIds } from "../../db/queries/plenary";

export const action = refusePost;

// Resource route: the plenary's current minutes as a PDF, in Bahasa Indonesia or, with ?lang=en,
// in English; drawn anew on each download, so it carries the confirmations received so far.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, plenary, role, viewer } = await requirePlenary(request, params);
  const locale = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "id";
  // A panel member reads no row of an entry they declared a conflict with, here as on the plenary's pages.
  const withheld = role === "panel" ? await conflictedEntryIds(db, plenary.id, viewer.user.id) : new Set<number>();
  const pdf = await currentMinutesPdf(db, plenary, locale, withheld);
  if (!pdf) notFound();
  return pdf;
}
