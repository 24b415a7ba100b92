import type { Db } from "../client";
import type { StageKey } from "../schema";
import type { ConflictKind } from "../../app/domain/conflicts";
import { editionRecipients, enqueueAll, enqueueToUsers } from "./outbox";

// The messages of the panel's and the committee's changes (docs/notifications.md): new entries to
// assess, a declared conflict, the next stage opened, a category's results published. Each is
// called with the transaction of its change (outbox.ts), so a refused or rolled-back change writes
// no message. Only active members of the edition (or of the entrant organisation) hear of it.

async function editionName(tx: Db, editionId: number): Promise<string> {
  const e = await tx.selectFrom("editions").select("name").where("id", "=", editionId).executeTakeFirstOrThrow();
  return e.name;
}

async function stageOf(tx: Db, editionId: number, stage: StageKey) {
  return tx
    .selectFrom("edition_stages")
    .select(["key", "panel", "status", "deadline"])
    .where("edition_id", "=", editionId)
    .where("key", "=", stage)
    .executeTakeFirst();
}

/**
 * One message per person of the batch of new assignments of a stage: how many entries are new for
 * them, the stage's deadline and whether it is open yet. Who the entries are is left to /assess
 * (where the conflict declaration comes first); only members of the stage's panel are written to.
 */
export async function notifyAssigned(
  tx: Db,
  args: { editionId: number; stage: StageKey; userIds: readonly number[] },
): Promise<void> {
  if (args.userIds.length === 0) return;
  const stage = await stageOf(tx, args.editionId, args.stage);
  if (!stage) return;
  const panel = new Set(await editionRecipients(tx, args.editionId, stage.panel));
  const counts = new Map<number, number>();
  for (const id of args.userIds) if (panel.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  if (counts.size === 0) return;
  const name = await editionName(tx, args.editionId);
  await enqueueAll(
    tx,
    [...counts].map(([userId, count]) => ({
      event: "assignment" as const,
      editionId: args.editionId,
      to: { userId },
      params: {
        editionId: args.editionId,
        editionName: name,
        stage: args.stage,
        count,
        deadline: stage.deadline,
        stageOpen: stage.status === "open",
      },
    })),
  );
}

/** To the edition's committee: who declared a conflict, with which entrant, of which kind. */
export async function notifyConflict(
  tx: Db,
  args: { editionId: number; userId: number; entryId: number; kind: ConflictKind },
): Promise<void> {
  const facts = await tx
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("users as u", (j) => j.on("u.id", "=", args.userId))
    .select(["o.name as organisationName", "c.key as categoryKey", "u.name as assessorName"])
    .where("e.id", "=", args.entryId)
    .executeTakeFirstOrThrow();
  await enqueueToUsers(tx, await editionRecipients(tx, args.editionId, "committee"), {
    event: "conflict_declared",
    editionId: args.editionId,
    params: {
      editionId: args.editionId,
      editionName: await editionName(tx, args.editionId),
      ...facts,
      kind: args.kind,
      entryId: args.entryId,
    },
  });
}

/** To the next stage's panel (its role: assessor or juror) once the stage before it closed. */
export async function notifyStageOpened(
  tx: Db,
  args: { editionId: number; closed: StageKey; next: StageKey },
): Promise<void> {
  const next = await stageOf(tx, args.editionId, args.next);
  if (!next) return;
  await enqueueToUsers(tx, await editionRecipients(tx, args.editionId, next.panel), {
    event: "stage_closed",
    editionId: args.editionId,
    params: {
      editionId: args.editionId,
      editionName: await editionName(tx, args.editionId),
      stage: args.closed,
      nextStage: args.next,
      deadline: next.deadline,
    },
  });
}

/**
 * To the active members of every organisation with a ranked entry in the category (its entries
 * marked published), one message per person and entry: the results are public.
 */
export async function notifyResults(tx: Db, args: { editionId: number; categoryId: number }): Promise<void> {
  // The entries with their organisations' active members, in one read.
  const recipients = await tx
    .selectFrom("entries as e")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("memberships as m", (j) =>
      j.onRef("m.organisation_id", "=", "e.organisation_id").on("m.role", "=", "entrant").on("m.active", "=", 1),
    )
    .select(["e.id", "c.key", "m.user_id"])
    .where("e.category_id", "=", args.categoryId)
    .where("e.status", "=", "published")
    .orderBy("e.id")
    .orderBy("m.user_id")
    .execute();
  if (recipients.length === 0) return;
  const name = await editionName(tx, args.editionId);
  await enqueueAll(
    tx,
    recipients.map((r) => ({
      event: "results_published" as const,
      editionId: args.editionId,
      to: { userId: r.user_id },
      params: { editionId: args.editionId, editionName: name, categoryKey: r.key, entryId: r.id },
    })),
  );
}
