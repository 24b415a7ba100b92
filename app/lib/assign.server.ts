import { z } from "zod";
import type { Db } from "../../db/client";
import { editionStages } from "../../db/queries/editions";
import { blockedPairs, entriesWithStatus, stageAssignments } from "../../db/queries/assignment-plans";
import { panelMembers } from "../../db/queries/people";
import { autoAssign, emptyPlanReason, pairsByEntry, type AutoAssignInput } from "./auto-assign";
import { statusAssessedBy } from "~/domain/entry-status";
import type { StageKey } from "../../db/schema";

export const planSchema = z.object({
  stage: z.enum(["desk", "verification", "interview"], { error: "form.required" }),
  k: z.coerce
    .number({ error: "committee.assign.kInvalid" })
    .int("committee.assign.kInvalid")
    .min(1, "committee.assign.kInvalid")
    .max(20, "committee.assign.kInvalid"),
  cap: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce
      .number()
      .int("committee.assign.capInvalid")
      .min(1, "committee.assign.capInvalid")
      .max(10000, "committee.assign.capInvalid")
      .optional(),
  ),
});

/** Everything the plan needs, read fresh (the preview and the apply compute the same plan). */
export async function plan(db: Db, editionId: number, args: z.output<typeof planSchema>) {
  const stages = await editionStages(db, editionId);
  const stage = stages.find((s) => s.key === args.stage);
  const role = stage?.panel ?? "assessor";
  const [entries, people, existing, blocked] = await Promise.all([
    entriesWithStatus(db, editionId, [statusAssessedBy(args.stage, stages[0]?.key)]),
    panelMembers(db, editionId, role),
    stageAssignments(db, editionId, args.stage),
    blockedPairs(db, editionId),
  ]);
  const input: AutoAssignInput = {
    entries: entries.map((e) => e.id),
    people: people.map((p) => p.id),
    k: args.k,
    cap: args.cap,
    blocked: blocked.map((b) => ({ entry: b.entryId, person: b.userId })),
    existing: existing.map((a) => ({ entry: a.entry_id, person: a.user_id })),
  };
  const result = autoAssign(input);
  return { entries, people, existing, result, role, empty: emptyPlanReason(input, result) };
}

/**
 * The preview people read: the new pairs by name (entry → people it gets, with those it already
 * has), by category then organisation; the load per person; the entries left short; and, for a
 * plan that adds nothing, why.
 */
export function previewOf(p: Awaited<ReturnType<typeof plan>>) {
  const names = new Map(p.people.map((x) => [x.id, x.name]));
  const nameOf = (id: number) => names.get(id) ?? "–";
  const byEntry = pairsByEntry(p.result.pairs);
  const pairs = p.entries
    .filter((e) => byEntry.has(e.id))
    .map((e) => ({
      entryId: e.id,
      organisation: e.organisation_name,
      category: e.category,
      existing: p.existing.filter((a) => a.entry_id === e.id).map((a) => nameOf(a.user_id)),
      added: (byEntry.get(e.id) ?? []).map(nameOf),
    }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.organisation.localeCompare(b.organisation, "id"));
  const entryNames = new Map(p.entries.map((e) => [e.id, e.organisation_name]));
  return {
    cap: p.result.cap,
    entries: p.entries.length,
    pairCount: p.result.pairs.length,
    pairs,
    empty: p.empty,
    loads: p.result.loads.map((l) => ({ ...l, name: nameOf(l.person) })),
    short: p.result.short.map((s) => ({ ...s, name: entryNames.get(s.entry) ?? "–" })),
  };
}

export const manualSchema = z.object({
  stage: z.enum(["desk", "verification", "interview"], { error: "form.required" }),
  entryId: z.coerce
    .number({ error: "committee.assign.entryRequired" })
    .int()
    .positive("committee.assign.entryRequired"),
  userId: z.coerce
    .number({ error: "committee.assign.personRequired" })
    .int()
    .positive("committee.assign.personRequired"),
});

/** Who may be assigned by hand in a stage: its panel, and its entries (organisation names), by category. */
export async function manualChoices(db: Db, editionId: number, stage: StageKey) {
  const stages = await editionStages(db, editionId);
  const role = stages.find((s) => s.key === stage)?.panel ?? "assessor";
  const [entries, people] = await Promise.all([
    entriesWithStatus(db, editionId, [statusAssessedBy(stage, stages[0]?.key)]),
    panelMembers(db, editionId, role),
  ]);
  const sorted = [...entries].sort(
    (a, b) => a.category.localeCompare(b.category) || a.organisation_name.localeCompare(b.organisation_name, "id"),
  );
  return { role, entries: sorted, people: people.map((p) => ({ id: p.id, name: p.name })) };
}

/**
 * Checks a hand-made pair before it is added: the person is on the stage's panel, the entry is
 * one of this edition's entries in that stage, the pair is not blocked (conflict, own organisation)
 * nor already made. The refusal names the field it is about (a message key).
 */
export async function checkManualPair(
  db: Db,
  editionId: number,
  args: z.output<typeof manualSchema>,
): Promise<{ field: "entryId" | "userId"; message: "notPanel" | "notInStage" | "blocked" | "alreadyAssigned" } | null> {
  const [choices, blocked, existing] = await Promise.all([
    manualChoices(db, editionId, args.stage),
    blockedPairs(db, editionId),
    stageAssignments(db, editionId, args.stage),
  ]);
  if (!choices.entries.some((e) => e.id === args.entryId)) return { field: "entryId", message: "notInStage" };
  if (!choices.people.some((p) => p.id === args.userId)) return { field: "userId", message: "notPanel" };
  if (blocked.some((b) => b.entryId === args.entryId && b.userId === args.userId))
    return { field: "userId", message: "blocked" };
  if (existing.some((a) => a.entry_id === args.entryId && a.user_id === args.userId))
    return { field: "userId", message: "alreadyAssigned" };
  return null;
}
