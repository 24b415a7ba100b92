import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { idParam, refusePost, requireAdmin } from "~/lib/guards.server";
import { personalDataDownload } from "~/lib/personal-data.server";

// Everything stored about one person, every edition and the account's sessions and sign-in
// failures, as a JSON download (UU 27/2022): the administrator's export.

export const action = refusePost;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAdmin(request);
  const userId = idParam(params.userId);
  return personalDataDownload(await getDb(), { userId, byUserId: viewer.user.id });
}
