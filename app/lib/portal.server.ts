import { getSession, sessions } from "./session.server";
import { portalEntry } from "../../db/queries/figures";
import { getDb } from "./db.server";
import { requireEntryAccess } from "./entry-access.server";
import { idParam, notFound, requireEntrant } from "./guards.server";

/**
 * Guard of every entry page of the portal: a signed-in member of the entry's organisation.
 * Anyone else, whatever URL they type, gets 404 (403 for users who are not entrants at all).
 */
export async function requireOwnEntry(request: Request, entryIdParam: string | undefined) {
  const viewer = await requireEntrant(request);
  const entryId = idParam(entryIdParam);
  const access = await requireEntryAccess(viewer, entryId);
  if (access.as !== "owner") notFound();
  const db = await getDb();
  const entry = await portalEntry(db, entryId);
  if (!entry) notFound();
  return { viewer, entry, db };
}

/** Signs a newly created user in (a fresh session, as on the sign-in page). */
export async function signInHeaders(request: Request, userId: number, message?: string) {
  const old = await getSession(request);
  await sessions().destroySession(old);
  const session = await sessions().getSession();
  session.set("userId", userId);
  if (message) session.flash("flash", message);
  return { "Set-Cookie": await sessions().commitSession(session) };
}
