import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCategory, getEdition } from "../../db/queries/editions";
import { getDb } from "./db.server";
import { idParam, notFound, requireCommittee } from "./guards.server";

/** Guard of every committee page of an edition: committee of THAT edition, edition exists. */
export async function requireEditionCommittee(request: Request, params: LoaderFunctionArgs["params"]) {
  const editionId = idParam(params.editionId);
  const viewer = await requireCommittee(request, editionId);
  const db = await getDb();
  const edition = await getEdition(db, editionId);
  if (!edition) notFound();
  return { viewer, db, edition };
}

/** As requireEditionCommittee, plus a category of that edition (else 404). */
export async function requireCategoryCommittee(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEditionCommittee(request, params);
  const category = await getCategory(ctx.db, ctx.edition.id, idParam(params.categoryId));
  if (!category) notFound();
  return { ...ctx, category };
}
