import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, refusePost } from "~/lib/guards.server";
import { currentMinutesPdf } from "~/lib/minutes.server";
import { requirePlenary } from "~/lib/plenary-access.server";

export const action = refusePost;

// Resource route: the plenary's current minutes as a PDF, in Bahasa Indonesia or, with ?lang=en,
// in English; drawn anew on each download, so it carries the confirmations received so far.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, plenary } = await requirePlenary(request, params);
  const locale = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "id";
  const pdf = await currentMinutesPdf(db, plenary, locale);
  if (!pdf) notFound();
  return pdf;
}
