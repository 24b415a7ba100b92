import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Db } from "../../db/client";
import {
  conflictedEntryIds,
  isPlenaryEntry,
  plenaryFacts,
  plenaryRole,
  type PlenaryFacts,
  type PlenaryRole,
} from "../../db/queries/plenary";
import { refuseArchivedEdition } from "./committee.server";
import { getDb } from "./db.server";
import { forbidden, idParam, notFound, requireViewer, type Viewer } from "./guards.server";

/**
 * Guard of every plenary page (docs/plenary.md): the plenary exists (else 404), the viewer has a
 * role in it (chair, committee of the edition, or its panel; else 403: entrants never see a
 * plenary). With `{ entry: true }`, `params.entryId` must be a submitted entry of its category,
 * and not one the panel member declared a conflict with (404 either way, as for entries of
 * others). A write on an archived edition is refused (423). What the role may do is the caller's.
 */
export async function requirePlenary(
  request: Request,
  params: LoaderFunctionArgs["params"],
  { entry = false }: { entry?: boolean } = {},
): Promise<{ viewer: Viewer; db: Db; plenary: PlenaryFacts; role: PlenaryRole; entryId: number | null }> {
  const viewer = await requireViewer(request);
  const plenaryId = idParam(params.plenaryId);
  const db = await getDb();
  const plenary = await plenaryFacts(db, plenaryId);
  if (!plenary) notFound();
  const role = await plenaryRole(db, plenaryId, viewer.user.id);
  if (!role) forbidden();
  let entryId: number | null = null;
  if (entry) {
    entryId = idParam(params.entryId);
    if (!(await isPlenaryEntry(db, plenary, entryId))) notFound();
    if (role === "panel" && (await conflictedEntryIds(db, plenaryId, viewer.user.id)).has(entryId)) notFound();
  }
  if (plenary.editionArchived && request.method !== "GET" && request.method !== "HEAD") refuseArchivedEdition();
  return { viewer, db, plenary, role, entryId };
}

/** What every plenary page shows of its plenary in its heading (and whether it still changes). */
export function plenaryHeading(plenary: PlenaryFacts) {
  return {
    id: plenary.id,
    editionName: plenary.editionName,
    categoryKey: plenary.categoryKey,
    stage: plenary.stage,
    stageOpen: plenary.stageStatus === "open",
    hasMinutes: plenary.hasMinutes,
    chairName: plenary.chairName,
    margin: plenary.margin,
  };
}
