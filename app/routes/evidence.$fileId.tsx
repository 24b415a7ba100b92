import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEvidenceFile } from "../../db/queries/evidence";
import { config } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { requireFileAccess } from "~/lib/entry-access.server";
import { forbidden, idParam, notFound, requireViewer, refusePost } from "~/lib/guards.server";
import { evidenceResponse } from "~/lib/uploads.server";

export const action = refusePost;

// Evidence download, for every role that may see the entry: its organisation, the committee of
// the edition (once submitted), an assigned assessor or juror who has declared no conflict
// (an assessor who has not declared yet gets 403); a provincial entry's file also for whoever may
// see a national entry that carries it over (requireFileAccess). Everyone else: 404.
// Served with the stored type (read from the bytes at upload), inline only for PDF and images,
// never sniffed by the browser.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const fileId = idParam(params.fileId);
  const file = await getEvidenceFile(await getDb(), fileId);
  if (!file) notFound();
  const access = await requireFileAccess(viewer, file.entry_id);
  if (access.as === "assessor" && !access.declared) forbidden();
  const response = await evidenceResponse(config.uploadDir, file);
  if (!response) notFound();
  return response;
}
