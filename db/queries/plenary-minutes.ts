import { inTransaction, isPostgres, type Db } from "../client";
import { minutesHash, minutesJson, type MinutesContent } from "../../app/domain/minutes";
import { MIN_REASON_LENGTH } from "../../app/domain/plenary";
import { audit, json } from "./audit";
import { ON_OWN_PANEL } from "./assignments";
import { plenaryFacts, plenaryPanel } from "./plenary";

// The minutes (berita acara) of a plenary: issued by the chair with their content frozen as JSON
// and its SHA-256, confirmed once by each panel member, withdrawn by the chair with a reason (its
// confirmations go with it: new minutes are confirmed anew). At most one current (not withdrawn)
// minutes per plenary; nothing changes once the stage has closed. Every write audited.

const nowIso = () => new Date().toISOString();

/** Holds the plenary's row until the transaction ends (PostgreSQL; SQLite runs one writer at a time). */
async function lockPlenary(tx: Db, plenaryId: number) {
  if (isPostgres(tx))
    await tx.selectFrom("plenaries").select("id").where("id", "=", plenaryId).forUpdate().executeTakeFirst();
}

/** The plenary's current minutes (not withdrawn), or null. */
export async function currentMinutes(db: Db, plenaryId: number) {
  return (
    (await db
      .selectFrom("plenary_minutes")
      .selectAll()
      .where("plenary_id", "=", plenaryId)
      .where("withdrawn_at", "is", null)
      .orderBy("id", "desc")
      .executeTakeFirst()) ?? null
  );
}

export async function issueMinutes(
  db: Db,
  args: { plenaryId: number; heldOn: string; place: string; content: MinutesContent; userId: number; now?: string },
): Promise<
  | { ok: true; minutesId: number; sha256: string }
  | { ok: false; reason: "not_found" | "already_issued" | "stage_closed" }
> {
  return inTransaction(db, async (tx) => {
    await lockPlenary(tx, args.plenaryId);
    const plenary = await plenaryFacts(tx, args.plenaryId);
    if (!plenary) return { ok: false, reason: "not_found" };
    if (plenary.stageStatus !== "open") return { ok: false, reason: "stage_closed" };
    if (await currentMinutes(tx, args.plenaryId)) return { ok: false, reason: "already_issued" };
    const contentJson = minutesJson(args.content);
    const sha256 = minutesHash(contentJson);
    const at = args.now ?? nowIso();
    const row = await tx
      .insertInto("plenary_minutes")
      .values({
        plenary_id: args.plenaryId,
        held_on: args.heldOn,
        place: args.place,
        content_json: contentJson,
        sha256,
        issued_by: args.userId,
        issued_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(tx, {
      user_id: args.userId,
      edition_id: plenary.editionId,
      entry_id: null,
      action: "plenary.minutes_issue",
      subject: `minutes:${row.id}`,
      before: null,
      after: json({ sha256, heldOn: args.heldOn, place: args.place }),
      reason: null,
      at,
    });
    return { ok: true, minutesId: row.id, sha256 };
  });
}

/** The minutes row with its plenary's edition and stage status, or undefined. */
async function minutesWithPlenary(tx: Db, minutesId: number) {
  const row = await tx.selectFrom("plenary_minutes").selectAll().where("id", "=", minutesId).executeTakeFirst();
  const plenary = row ? await plenaryFacts(tx, row.plenary_id) : null;
  return row && plenary ? { row, plenary } : null;
}

export async function withdrawMinutes(
  db: Db,
  args: { minutesId: number; reason: string; userId: number; now?: string },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "withdrawn" | "stage_closed" | "reason_too_short" }> {
  const reason = args.reason.trim();
  if (reason.length < MIN_REASON_LENGTH) return { ok: false, reason: "reason_too_short" };
  return inTransaction(db, async (tx) => {
    const found = await minutesWithPlenary(tx, args.minutesId);
    if (!found) return { ok: false, reason: "not_found" };
    if (found.plenary.stageStatus !== "open") return { ok: false, reason: "stage_closed" };
    const at = args.now ?? nowIso();
    const res = await tx
      .updateTable("plenary_minutes")
      .set({ withdrawn_at: at, withdrawn_by: args.userId, withdrawal_reason: reason })
      .where("id", "=", args.minutesId)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return { ok: false, reason: "withdrawn" };
    await audit(tx, {
      user_id: args.userId,
      edition_id: found.plenary.editionId,
      entry_id: null,
      action: "plenary.minutes_withdraw",
      subject: `minutes:${args.minutesId}`,
      before: json({ sha256: found.row.sha256 }),
      after: null,
      reason,
      at,
    });
    return { ok: true };
  });
}

/** A panel member confirms the current minutes in the app (once). */
export async function confirmMinutes(
  db: Db,
  args: { minutesId: number; userId: number; now?: string },
): Promise<
  { ok: true } | { ok: false; reason: "not_panel" | "withdrawn" | "not_found" | "stage_closed" | "already_confirmed" }
> {
  return inTransaction(db, async (tx) => {
    const found = await minutesWithPlenary(tx, args.minutesId);
    if (!found) return { ok: false, reason: "not_found" };
    if (found.row.withdrawn_at !== null) return { ok: false, reason: "withdrawn" };
    if (found.plenary.stageStatus !== "open") return { ok: false, reason: "stage_closed" };
    const panel = await plenaryPanel(tx, found.row.plenary_id);
    if (!panel.some((p) => p.userId === args.userId)) return { ok: false, reason: "not_panel" };
    const at = args.now ?? nowIso();
    const res = await tx
      .insertInto("plenary_confirmations")
      .values({ minutes_id: args.minutesId, user_id: args.userId, confirmed_at: at })
      .onConflict((oc) => oc.columns(["minutes_id", "user_id"]).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return { ok: false, reason: "already_confirmed" };
    await audit(tx, {
      user_id: args.userId,
      edition_id: found.plenary.editionId,
      entry_id: null,
      action: "plenary.minutes_confirm",
      subject: `minutes:${args.minutesId}`,
      before: null,
      after: json({ sha256: found.row.sha256 }),
      reason: null,
      at,
    });
    return { ok: true };
  });
}

/** When each member confirmed the given minutes (user id → time). */
async function confirmationsOf(db: Db, minutesId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom("plenary_confirmations")
    .select(["user_id", "confirmed_at"])
    .where("minutes_id", "=", minutesId)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.confirmed_at]));
}

/**
 * The current minutes and, for each panel member, when they confirmed them (null: not yet).
 * Complete when current minutes exist and every panel member has confirmed them.
 */
export async function confirmationStatus(db: Db, plenaryId: number) {
  const [current, members] = await Promise.all([currentMinutes(db, plenaryId), plenaryPanel(db, plenaryId)]);
  const confirmed = current ? await confirmationsOf(db, current.id) : new Map<number, string>();
  const panel = members.map((p) => ({ userId: p.userId, name: p.name, confirmedAt: confirmed.get(p.userId) ?? null }));
  return {
    minutes: current
      ? {
          id: current.id,
          sha256: current.sha256,
          heldOn: current.held_on,
          place: current.place,
          issuedAt: current.issued_at,
        }
      : null,
    panel,
    complete: current !== null && panel.every((p) => p.confirmedAt !== null),
  };
}

/** Minutes by their code (current or withdrawn) with the confirmations they received, or null. */
export async function minutesByHash(db: Db, sha256: string) {
  const row = await db.selectFrom("plenary_minutes").selectAll().where("sha256", "=", sha256).executeTakeFirst();
  if (!row) return null;
  return { ...row, confirmations: await confirmationsOf(db, row.id) };
}

/**
 * Each given assignment's sheet number on its entry ("Lembar N"): its place by id among the
 * entry's sheets of the stage on their assessors' own panel, as the plenary's pages number them
 * (db/queries/plenary-sheets.ts).
 */
export async function sheetNumbers(db: Db, assignmentIds: number[]): Promise<Map<number, number>> {
  const numbers = new Map<number, number>();
  if (assignmentIds.length === 0) return numbers;
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .innerJoin("assignments as r", (j) =>
      j.onRef("r.entry_id", "=", "a.entry_id").onRef("r.stage_key", "=", "a.stage_key"),
    )
    .select(["r.id as of", "a.id", "a.entry_id"])
    .where("r.id", "in", assignmentIds)
    .where(ON_OWN_PANEL)
    .orderBy("a.id")
    .execute();
  for (const r of rows) if (r.id <= r.of) numbers.set(r.of, (numbers.get(r.of) ?? 0) + 1);
  return numbers;
}
