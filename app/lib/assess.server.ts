import { myAssignmentsForEntry } from "../../db/queries/assignments";
import { getDb } from "./db.server";
import { requireEntryAccess } from "./entry-access.server";
import { idParam, notFound, requirePanelMember } from "./guards.server";

/**
 * The guard of every entry-scoped assess.* loader and action: a signed-in assessor or juror
 * (others: 403), who may see the entry (requireEntryAccess: assigned, not in conflict, entry
 * submitted; otherwise 404) and holds an assignment for it. The assignment scored on the page is
 * the one of the stage asked for (`?stage=`), else the one in an open stage, else the one of the
 * latest stage (shown read-only).
 */
export async function requireAssessorEntry(request: Request, entryParam: string | undefined) {
  const viewer = await requirePanelMember(request);
  const entryId = idParam(entryParam);
  const access = await requireEntryAccess(viewer, entryId, "assessor");
  // Owners and committee members see entries elsewhere; here only the assigned panel scores.
  if (access.as !== "assessor") notFound();
  const db = await getDb();
  // A stage is scored by its panel: assessors for desk and verification, jurors for the interview.
  const roles = new Set(
    viewer.memberships.filter((m) => m.edition_id === access.entry.edition_id).map((m) => m.role as string),
  );
  const assignments = (await myAssignmentsForEntry(db, { userId: viewer.user.id, entryId })).filter((a) =>
    roles.has(a.panel),
  );
  // `?stage=` opens that stage's sheet (e.g. a closed stage, to read the panel's scores).
  const asked = new URL(request.url).searchParams.get("stage");
  const assignment =
    (asked ? assignments.find((a) => a.stage === asked) : undefined) ??
    assignments.find((a) => a.stageStatus === "open") ??
    assignments[0];
  if (!assignment) notFound();
  return { viewer, db, entryId, declared: access.declared, assignment };
}

/** What the guard hands to the page's loader and action: viewer, db, entry, declaration, assignment. */
export type AssessorEntry = Awaited<ReturnType<typeof requireAssessorEntry>>;
