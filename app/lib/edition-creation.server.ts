import { getSetting } from "../../db/queries/settings";
import { mayCreateEditions } from "~/domain/edition-creation";
import { getDb } from "./db.server";
import { forbidden, hasRole, requireViewer, type Viewer } from "./guards.server";

/** Whether the viewer may create editions (app/domain/edition-creation.ts; reads the setting). */
export async function canCreateEditions(viewer: Viewer): Promise<boolean> {
  const allowed = await getSetting(await getDb(), "committee_may_create_editions");
  return mayCreateEditions(
    viewer.memberships.map((m) => m.role),
    allowed,
  );
}

/** Guard of /committee/new: the administrator, or a committee member when the administrator allows it. */
export async function requireEditionCreator(request: Request) {
  const viewer = await requireViewer(request);
  if (!(await canCreateEditions(viewer))) forbidden();
  return { viewer, isAdmin: hasRole(viewer, ["admin"]) };
}
