import type { LoaderFunctionArgs } from "@remix-run/node";
import { refusePost } from "~/lib/guards.server";
import { personalDataDownload, requireEditionPerson } from "~/lib/personal-data.server";

// Everything this edition stores about one of its people, with their account, as a JSON download
// (UU 27/2022). Only the committee of the edition, and only for a person with a role in it.

export const action = refusePost;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, userId, viewer } = await requireEditionPerson(request, params);
  return personalDataDownload(db, { userId, editionId: edition.id, byUserId: viewer.user.id });
}
