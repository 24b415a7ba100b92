import { inTransaction, type Db } from "../client";
import { audit } from "./audit";
import { isPlenaryEntry, plenaryFacts } from "./plenary";

// Comments of the plenary on an entry (docs/plenary.md): threaded by parent_id, visible to the panel
// and the committee only (requirePlenary), possible until the stage closes (also after minutes).

export type AddCommentResult = { ok: true; id: number } | { ok: false; reason: "not_found" | "stage_closed" };

/**
 * Adds a comment (a reply when `parentId` names a comment of the same plenary and entry). The
 * audit row records who wrote on which entry, never the text.
 */
export async function addComment(
  db: Db,
  args: { plenaryId: number; entryId: number; userId: number; parentId: number | null; body: string; now?: Date },
): Promise<AddCommentResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const p = await plenaryFacts(tx, args.plenaryId);
    if (!p || !(await isPlenaryEntry(tx, p, args.entryId))) return { ok: false as const, reason: "not_found" as const };
    if (p.stageStatus !== "open") return { ok: false as const, reason: "stage_closed" as const };
    if (args.parentId !== null) {
      const parent = await tx
        .selectFrom("plenary_comments")
        .select("id")
        .where("id", "=", args.parentId)
        .where("plenary_id", "=", p.id)
        .where("entry_id", "=", args.entryId)
        .executeTakeFirst();
      if (!parent) return { ok: false as const, reason: "not_found" as const };
    }
    const row = await tx
      .insertInto("plenary_comments")
      .values({
        plenary_id: p.id,
        entry_id: args.entryId,
        user_id: args.userId,
        parent_id: args.parentId,
        body: args.body.trim(),
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: p.editionId,
      entry_id: args.entryId,
      action: "plenary.comment",
      subject: `plenary:${p.id}/comment:${row.id}`,
      before: null,
      after: args.parentId !== null ? JSON.stringify({ parent: args.parentId }) : null,
      reason: null,
    });
    return { ok: true as const, id: row.id };
  });
}

/** The comments on an entry, oldest first (a page draws the threads from parentId). */
export async function commentsOf(
  db: Db,
  plenaryId: number,
  entryId: number,
): Promise<
  { id: number; parentId: number | null; userId: number | null; author: string; body: string; createdAt: string }[]
> {
  const rows = await db
    .selectFrom("plenary_comments as pc")
    .leftJoin("users as u", "u.id", "pc.user_id")
    .select([
      "pc.id",
      "pc.parent_id as parentId",
      "pc.user_id as userId",
      "u.name as author",
      "pc.body",
      "pc.created_at as createdAt",
    ])
    .where("pc.plenary_id", "=", plenaryId)
    .where("pc.entry_id", "=", entryId)
    .orderBy("pc.created_at")
    .orderBy("pc.id")
    .execute();
  return rows.map((r) => ({ ...r, author: r.author ?? "" }));
}

/** Number of comments per entry of the plenary. */
export async function commentCounts(db: Db, plenaryId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("plenary_comments")
    .select(["entry_id as entryId", (eb) => eb.fn.countAll<number>().as("n")])
    .where("plenary_id", "=", plenaryId)
    .groupBy("entry_id")
    .execute();
  return new Map(rows.map((r) => [r.entryId, Number(r.n)]));
}
