import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "../../db/client";
import { anonymiseUser, type AnonymiseResult } from "../../db/queries/anonymise";
import { audit, json } from "../../db/queries/audit";
import { personalDataExport, personEditionIds } from "../../db/queries/personal-data";
import { RETENTION_YEARS } from "../domain/personal-data";
import type { MessageKey } from "~/i18n/messages";
import { requireEditionCommittee } from "./committee.server";
import { idParam, notFound } from "./guards.server";

// The server half of the personal-data pages: who may reach whom, the export as a download, the
// retention form, and refusals in words. The rules are app/domain/personal-data.ts's.

/**
 * The committee of the edition, and a person who has (or had) a role in that edition; anyone else
 * is a 404, so that a committee cannot learn who takes part in other editions.
 */
export async function requireEditionPerson(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEditionCommittee(request, params);
  const userId = idParam(params.userId);
  if (!(await personInEdition(ctx.db, userId, ctx.edition.id))) notFound();
  return { ...ctx, userId };
}

/** Whether the person has a role in the edition (for a posted user id). */
export async function personInEdition(db: Db, userId: number, editionId: number) {
  return (await personEditionIds(db, userId)).includes(editionId);
}

/**
 * Everything stored about the person (limited to one edition's records plus the account when
 * `editionId` is given) as a JSON download, never cached; the download itself is audited.
 */
export async function personalDataDownload(db: Db, args: { userId: number; editionId?: number; byUserId: number }) {
  const data = await personalDataExport(db, args.userId, { editionId: args.editionId });
  if (!data) notFound();
  await audit(db, {
    user_id: args.byUserId,
    edition_id: args.editionId ?? null,
    entry_id: null,
    action: "user.export",
    subject: `user:${args.userId}`,
    before: null,
    after: json({ scope: args.editionId === undefined ? "all" : `edition:${args.editionId}` }),
    reason: null,
  });
  const name = `data-pribadi-${args.userId}${args.editionId === undefined ? "" : `-edisi-${args.editionId}`}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Anonymises the account; the outcome as a message key (and the label when done). */
export async function anonymiseOutcome(
  db: Db,
  args: { userId: number; byUserId: number },
): Promise<{ result: AnonymiseResult; message: MessageKey }> {
  const result = await anonymiseUser(db, args);
  return {
    result,
    message: result.ok ? "personal.anonymise.done" : (`personal.anonymise.refused.${result.reason}` as const),
  };
}

export const retentionSchema = z.object({
  retentionYears: z
    .string({ error: "personal.retention.invalid" })
    .trim()
    .regex(/^\d{1,2}$/, "personal.retention.invalid")
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(RETENTION_YEARS.min, "personal.retention.invalid")
        .max(RETENTION_YEARS.max, "personal.retention.invalid"),
    ),
});
