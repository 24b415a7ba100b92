import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { Db } from "../../db/client";
import { editionCategories, editionStages, getCategory } from "../../db/queries/editions";
import { editionCommittee } from "../../db/queries/committee-members";
import {
  openPlenary,
  plenariesOfEdition,
  plenaryFacts,
  unsubmittedSheets,
  updatePlenarySettings,
  type PlenaryFacts,
} from "../../db/queries/plenary";
import { commentCounts } from "../../db/queries/plenary-comments";
import { decisionsOf } from "../../db/queries/plenary-decisions";
import { confirmationStatus } from "../../db/queries/plenary-minutes";
import { stageCoverage } from "../../db/queries/stages";
import { plenaryPhase } from "../domain/plenary-phase";
import { formatNumber } from "../i18n/format";
import { categoryName } from "../i18n/labels";
import { requireEditionCommittee } from "./committee.server";
import { parseNumber } from "./form-number";
import { parseForm } from "./forms";
import { getT } from "./locale.server";
import { readForm } from "./request-body.server";
import { flash } from "./session.server";

// The server half of the committee's plenary page (app/routes/committee.$editionId.plenary.tsx):
// per category of the open stage, its plenary's state, the form that opens it and the form of its
// settings; the plenaries of earlier stages, read only.

/** What the overview shows of one plenary. */
async function plenarySummary(db: Db, p: PlenaryFacts) {
  const [comments, decisions, confirmation] = await Promise.all([
    commentCounts(db, p.id),
    decisionsOf(db, p.id),
    confirmationStatus(db, p.id),
  ]);
  return {
    id: p.id,
    categoryKey: p.categoryKey,
    stage: p.stage,
    phase: plenaryPhase(p),
    chairId: p.chairId,
    chairName: p.chairName,
    margin: p.margin,
    named: p.named,
    version: p.version,
    closeReason: p.closeReason,
    comments: [...comments.values()].reduce((a, n) => a + n, 0),
    decisions: decisions.filter((d) => d.withdrawnAt === null).length,
    minutes: confirmation.minutes !== null,
    confirmed: confirmation.panel.filter((m) => m.confirmedAt !== null).length,
    panel: confirmation.panel.length,
  };
}

export async function plenaryCommitteeLoader({ request, params }: LoaderFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const [stages, categories, plenaries, committee] = await Promise.all([
    editionStages(db, edition.id),
    editionCategories(db, edition.id),
    plenariesOfEdition(db, edition.id),
    editionCommittee(db, edition.id),
  ]);
  const open = stages.find((s) => s.status === "open") ?? null;
  const coverage = open ? await stageCoverage(db, edition.id, open.key) : new Map<number, { entries: number }>();
  const current = [];
  if (open)
    for (const c of categories) {
      const plenary = plenaries.find((p) => p.categoryId === c.id && p.stage === open.key) ?? null;
      const entries = coverage.get(c.id)?.entries ?? 0;
      // Categories without entries in this stage have nothing to discuss.
      if (entries === 0 && !plenary) continue;
      current.push({
        categoryId: c.id,
        categoryKey: c.key,
        entries,
        unsubmitted: await unsubmittedSheets(db, c.id, open.key),
        plenary: plenary ? await plenarySummary(db, plenary) : null,
      });
    }
  const earlier = [];
  for (const p of plenaries) if (!open || p.stage !== open.key) earlier.push(await plenarySummary(db, p));
  return {
    edition: { id: edition.id },
    me: viewer.user.id,
    open: open ? { key: open.key, named: Number(open.plenary_named) === 1 } : null,
    committee: committee.map((m) => ({ userId: m.userId, name: m.name })),
    current,
    earlier,
  };
}

const idField = (error: "form.invalid" | "plenaryCommittee.chairNotCommittee" = "form.invalid") =>
  z
    .string({ error })
    .regex(/^\d{1,9}$/, error)
    .transform(Number);

/** Points around the cut, typed the Indonesian way ("2", "2,5"; app/lib/form-number.ts). */
const marginField = z.string({ error: "plenaryCommittee.marginInvalid" }).transform((v, ctx) => {
  const n = parseNumber(v);
  if (n === null || n < 0 || n > 100) {
    ctx.addIssue({ code: "custom", message: "plenaryCommittee.marginInvalid" });
    return z.NEVER;
  }
  return n;
});

const namedField = z.enum(["0", "1"], { error: "form.required" }).transform((v) => v === "1");

const openSchema = z.object({
  intent: z.literal("open"),
  categoryId: idField(),
  chairId: idField("plenaryCommittee.chairNotCommittee"),
  margin: marginField,
  named: namedField,
  // The go-ahead when sheets are not all submitted: a checkbox, absent when not ticked.
  goAhead: z.literal("on").optional(),
});

const settingsSchema = z.object({
  intent: z.literal("settings"),
  plenaryId: idField(),
  version: idField(),
  chairId: idField("plenaryCommittee.chairNotCommittee"),
  margin: marginField,
  named: namedField,
});

/** Which form on the page an answer belongs to: `open-<category id>` or `settings-<plenary id>`. */
function formKey(form: FormData): string {
  const id = (name: string) => String(form.get(name) ?? "").slice(0, 12);
  return form.get("intent") === "settings" ? `settings-${id("plenaryId")}` : `open-${id("categoryId")}`;
}

export async function plenaryCommitteeAction({ request, params }: ActionFunctionArgs) {
  const { db, edition, viewer } = await requireEditionCommittee(request, params);
  const { t } = await getT(request);
  const form = await readForm(request);
  const key = formKey(form);
  const here = `/committee/${edition.id}/plenary`;
  const refuse = (errors: Record<string, string>, values: Record<string, string>, status: number) =>
    data({ form: key, errors, values }, status);
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in values)) values[k] = v;

  if (form.get("intent") === "open") {
    const parsed = parseForm(openSchema, form, t);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values, 400);
    const category = await getCategory(db, edition.id, parsed.data.categoryId);
    const stage = (await editionStages(db, edition.id)).find((s) => s.status === "open");
    if (!category) return refuse({ _form: t("plenaryCommittee.notFound") }, values, 404);
    if (!stage) return refuse({ _form: t("plenaryCommittee.stageNotOpen") }, values, 409);
    const opened = await openPlenary(db, {
      editionId: edition.id,
      categoryId: category.id,
      stage: stage.key,
      chairId: parsed.data.chairId,
      margin: parsed.data.margin,
      named: parsed.data.named,
      goAhead: parsed.data.goAhead === "on",
      userId: viewer.user.id,
    });
    if (!opened.ok) {
      if (opened.reason === "chair_not_committee")
        return refuse({ chairId: t("plenaryCommittee.chairNotCommittee") }, values, 400);
      if (opened.reason === "unsubmitted")
        return refuse(
          { goAhead: t("plenaryCommittee.goAheadNeeded", { count: formatNumber(opened.unsubmitted ?? 0) }) },
          values,
          400,
        );
      const message =
        opened.reason === "already_open" ? "plenaryCommittee.alreadyOpen" : "plenaryCommittee.stageNotOpen";
      return refuse({ _form: t(message) }, values, 409);
    }
    return redirect(here, {
      headers: await flash(request, t("plenaryCommittee.opened", { category: categoryName(t, category.key) })),
    });
  }

  if (form.get("intent") === "settings") {
    const parsed = parseForm(settingsSchema, form, t);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values, 400);
    const plenary = await plenaryFacts(db, parsed.data.plenaryId);
    if (!plenary || plenary.editionId !== edition.id)
      return refuse({ _form: t("plenaryCommittee.notFound") }, values, 404);
    const saved = await updatePlenarySettings(db, {
      plenaryId: plenary.id,
      version: parsed.data.version,
      margin: parsed.data.margin,
      named: parsed.data.named,
      chairId: parsed.data.chairId,
      userId: viewer.user.id,
    });
    if (!saved.ok) {
      if (saved.reason === "chair_not_committee")
        return refuse({ chairId: t("plenaryCommittee.chairNotCommittee") }, values, 400);
      // A stale form shows the current settings again (not the typed ones): the form is drawn anew.
      if (saved.reason === "stale") return refuse({ _form: t("plenaryCommittee.stale") }, {}, 409);
      return refuse({ _form: t("plenaryCommittee.stageClosed") }, values, 409);
    }
    return redirect(here, {
      headers: await flash(
        request,
        t("plenaryCommittee.settingsSaved", { category: categoryName(t, plenary.categoryKey) }),
      ),
    });
  }

  return refuse({ _form: t("committee.action.unknown") }, {}, 400);
}
