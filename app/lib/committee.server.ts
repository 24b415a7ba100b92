import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCategory, getEdition } from "../../db/queries/editions";
import { getDb } from "./db.server";
import { idParam, notFound, requireCommittee } from "./guards.server";

/**
 * Guard of every committee page of an edition: committee of THAT edition, edition exists. An
 * archived edition changes no more: its forms are refused (423), except where the caller says
 * `whileArchived` (personal data and retention, which are what archiving is for).
 */
export async function requireEditionCommittee(
  request: Request,
  params: LoaderFunctionArgs["params"],
  { whileArchived = false } = {},
) {
  const editionId = idParam(params.editionId);
  const viewer = await requireCommittee(request, editionId);
  const db = await getDb();
  const edition = await getEdition(db, editionId);
  if (!edition) notFound();
  if (edition.archived_at && !whileArchived && request.method !== "GET" && request.method !== "HEAD")
    refuseArchivedEdition();
  return { viewer, db, edition };
}

/** The answer to a change of an archived edition (the error page says why, in the viewer's language). */
export function refuseArchivedEdition(): never {
  throw new Response("The edition is archived", { status: 423 });
}

/** As requireEditionCommittee, plus a category of that edition (else 404). */
export async function requireCategoryCommittee(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEditionCommittee(request, params);
  const category = await getCategory(ctx.db, ctx.edition.id, idParam(params.categoryId));
  if (!category) notFound();
  return { ...ctx, category };
}
