import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { Edition } from "../../db/schema";
import { editionNames, getCategory } from "../../db/queries/editions";
import {
  linkableEditions,
  linkedEditions,
  linkProvincialEdition,
  nominate,
  nominateAll,
  nominationBoard,
  NOMINATE_TOP_MAX,
  organisationNames,
  reviewSourceChange,
  setNominationRule,
  unlinkProvincialEdition,
} from "../../db/queries/nominations";
import type { MessageKey, T } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import { categoryName } from "~/i18n/labels";
import { parseForm, type FieldErrors } from "./forms";
import { notFound } from "./guards.server";
import { flash } from "./session.server";

// The server half of the national committee's nomination page: what it shows, its forms (one
// schema per intent) and every refusal of db/queries/nominations.ts in the user's words.

/** The page is the national edition's only: a provincial edition has nothing to nominate into. */
export function requireNational(edition: Edition) {
  if (edition.level !== "national") notFound();
}

export async function nominationsPage(db: Db, edition: Edition) {
  const [board, links, linkable] = await Promise.all([
    nominationBoard(db, edition.id),
    linkedEditions(db, edition.id),
    linkableEditions(db, edition.id),
  ]);
  const pick = (e: { id: number; name: string; province: string }) => ({
    id: e.id,
    name: e.name,
    province: e.province,
  });
  return {
    edition: { id: edition.id, year: edition.year },
    links: links.map(pick),
    linkable: linkable.map(pick),
    categories: board.categories,
    changes: board.changes,
    topMax: NOMINATE_TOP_MAX,
  };
}

// Ids are database integers (PostgreSQL's integer), so anything larger is simply not found.
const id = (message: MessageKey) =>
  z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);
const editionChoice = z.object({ provincialEditionId: id("form.required") });
const review = z.object({
  entryId: id("nominations.refused.unknown"),
  reason: z.string().trim().max(1000, "form.invalid").optional().default(""),
});
const schemas = {
  link: editionChoice,
  unlink: editionChoice,
  rule: z.object({
    categoryId: id("nominations.refused.unknown"),
    top: z.coerce
      .number({ error: "nominations.rule.invalid" })
      .int("nominations.rule.invalid")
      .min(1, "nominations.rule.invalid")
      .max(NOMINATE_TOP_MAX, "nominations.rule.invalid"),
  }),
  nominate: z.object({ categoryId: id("nominations.refused.unknown"), entryId: id("nominations.refused.unknown") }),
  nominateAll: z.object({ categoryId: id("nominations.refused.unknown") }),
  // The reason is required to withdraw: reviewSourceChange says so (reason_required).
  accept: review,
  withdraw: review,
};
type Intent = keyof typeof schemas;
const isIntent = (v: unknown): v is Intent => typeof v === "string" && Object.hasOwn(schemas, v);

/** What a refused form gets back: which form (intent and its row) so that only that one shows it. */
export interface NominationsActionData {
  intent: Intent | null;
  errors: FieldErrors;
  values: Record<string, string>;
}

function refuse(intent: Intent | null, errors: FieldErrors, values: Record<string, string>, status = 400) {
  return data<NominationsActionData>({ intent, errors, values }, status);
}

/** Messages of the refusals whose key is not simply `nominations.refused.<reason>`. */
const REFUSAL_KEY: Record<string, MessageKey> = {
  not_linked_edition: "nominations.refused.not_linked_edition",
  not_found: "nominations.refused.unknown",
  reason_required: "nominations.changes.reasonRequired",
};
function refusalText(t: T, reason: string): string {
  const key = REFUSAL_KEY[reason] ?? `nominations.refused.${reason}`;
  return t(key as MessageKey);
}

export async function nominationsAction(
  request: Request,
  args: { db: Db; edition: Edition; userId: number; form: FormData; t: T },
) {
  const { db, edition, userId, form, t } = args;
  const here = `/committee/${edition.id}/nominations`;
  const intent = form.get("intent");
  if (!isIntent(intent)) return refuse(null, { _form: t("committee.action.unknown") }, {});
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const invalid = (errors: FieldErrors) => refuse(intent, errors, values);
  const refused = (reason: string, status = 400) => refuse(intent, { _form: refusalText(t, reason) }, values, status);
  const done = async (message: string) => redirect(here, { headers: await flash(request, message) });
  const nationalEditionId = edition.id;

  switch (intent) {
    case "link":
    case "unlink": {
      const parsed = parseForm(schemas[intent], form, t);
      if (!parsed.ok) return invalid(parsed.errors);
      const { provincialEditionId } = parsed.data;
      const res =
        intent === "link"
          ? await linkProvincialEdition(db, { nationalEditionId, provincialEditionId, userId })
          : await unlinkProvincialEdition(db, { nationalEditionId, provincialEditionId, userId });
      if (!res.ok) {
        // A provincial id that is not an edition at all reads as "not found", not as a level.
        const unknown = res.reason === "not_provincial" || res.reason === "not_linked";
        if (unknown && intent === "link" && !(await editionNames(db, [provincialEditionId])).length)
          return refused("not_found", 404);
        return refused(res.reason === "not_linked" ? "not_linked_edition" : res.reason, 409);
      }
      const [name] = await editionNames(db, [provincialEditionId]);
      return done(
        t(intent === "link" ? "nominations.links.linked" : "nominations.links.unlinked", {
          edition: name?.name ?? "",
        }),
      );
    }
    case "rule": {
      const parsed = parseForm(schemas.rule, form, t);
      if (!parsed.ok) return invalid(parsed.errors);
      const { categoryId, top } = parsed.data;
      const category = await getCategory(db, edition.id, categoryId);
      if (!category) return refused("not_found", 404);
      const res = await setNominationRule(db, { categoryId, top, userId });
      if (!res.ok) return refused(res.reason === "out_of_range" ? "not_found" : res.reason);
      return done(t("nominations.rule.saved", { category: categoryName(t, category.key) }));
    }
    case "nominate": {
      const parsed = parseForm(schemas.nominate, form, t);
      if (!parsed.ok) return invalid(parsed.errors);
      const { categoryId, entryId } = parsed.data;
      if (!(await getCategory(db, edition.id, categoryId))) return refused("not_found", 404);
      const res = await nominate(db, { nationalEditionId, categoryId, sourceEntryId: entryId, userId });
      if (!res.ok) return refused(res.reason, 409);
      const names = await organisationNames(db, [res.entryId]);
      return done(t("nominations.done", { organisation: names.get(res.entryId) ?? "" }));
    }
    case "nominateAll": {
      const parsed = parseForm(schemas.nominateAll, form, t);
      if (!parsed.ok) return invalid(parsed.errors);
      const { categoryId } = parsed.data;
      const category = await getCategory(db, edition.id, categoryId);
      if (!category) return refused("not_found", 404);
      const res = await nominateAll(db, { nationalEditionId, categoryId, userId });
      const params = {
        count: formatNumber(res.nominated),
        refused: formatNumber(res.refused),
        category: categoryName(t, category.key),
      };
      return done(t(res.refused ? "nominations.doneAllRefused" : "nominations.doneAll", params));
    }
    case "accept":
    case "withdraw": {
      const parsed = parseForm(review, form, t);
      if (!parsed.ok) return invalid(parsed.errors);
      const { entryId, reason } = parsed.data;
      const res = await reviewSourceChange(db, { entryId, decision: intent, reason, userId, nationalEditionId });
      if (!res.ok) {
        if (res.reason === "reason_required")
          return refuse(intent, { reason: t("nominations.changes.reasonRequired") }, values);
        if (res.reason === "not_a_candidate") return refused("no_longer_candidate", 409);
        return refused(res.reason, res.reason === "not_found" ? 404 : 409);
      }
      const names = await organisationNames(db, [entryId]);
      const organisation = names.get(entryId) ?? "";
      return done(
        t(intent === "accept" ? "nominations.changes.accepted" : "nominations.changes.withdrawnDone", { organisation }),
      );
    }
  }
}
