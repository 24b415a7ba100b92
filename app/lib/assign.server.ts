import { z } from "zod";
import type { Db } from "../../db/client";
import { editionStages } from "../../db/queries/editions";
import { blockedPairs, entriesWithStatus, stageAssignments } from "../../db/queries/assignment-plans";
import { panelMembers } from "../../db/queries/people";
import { autoAssign } from "./auto-assign";
import { STAGE_ENTRY_STATUS } from "~/domain/entry-status";

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
    entriesWithStatus(db, editionId, [STAGE_ENTRY_STATUS[args.stage]]),
    panelMembers(db, editionId, role),
    stageAssignments(db, editionId, args.stage),
    blockedPairs(db, editionId),
  ]);
  const result = autoAssign({
    entries: entries.map((e) => e.id),
    people: people.map((p) => p.id),
    k: args.k,
    cap: args.cap,
    blocked: blocked.map((b) => ({ entry: b.entryId, person: b.userId })),
    existing: existing.map((a) => ({ entry: a.entry_id, person: a.user_id })),
  });
  return { entries, people, result, role };
}
