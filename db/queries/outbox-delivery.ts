import { inTransaction, isPostgres, type Db } from "../client";
import type { MailEvent } from "../schema";
import { MAX_ATTEMPTS, paramsAfterSending, retryDelayMs } from "../../app/domain/notifications";
import { audit, json } from "./audit";

// Delivery of the outbox (docs/notifications.md): the sender claims due rows for a while (a lease),
// sends them, then marks each one. A row's life:
//   queued ──claim──▶ sending ──▶ sent
//                        │ └─────▶ failed   (permanent failure, or MAX_ATTEMPTS tries)
//                        └──────▶ queued   (try again after retryDelayMs; or released unsent)
// A sender that dies while a row is "sending" leaves it claimed until the lease passes; then any
// sender claims it again. If it died after the server took the message but before marking it,
// that one message is sent again: at most once per crash, never more.

/** How long a claim holds: longer than a batch can take with every timeout of the transport. */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

/** A claimed row: what the message is written from and whom it goes to, and the claim itself. */
export interface ClaimedMessage {
  id: number;
  event: MailEvent;
  params: string;
  locale: string;
  user_id: number | null;
  to_address: string;
  attempts: number;
  /** The claim's lease end: only the claimer knows it, and only it may mark the row. */
  claimed_until: string;
}

/**
 * Claims up to `limit` due rows (queued and due, or "sending" whose claim has lapsed: a crashed
 * sender) in one transaction, marking them "sending" until now + lease. On PostgreSQL the rows are
 * locked with SKIP LOCKED: two instances claiming at once get different rows. On SQLite the
 * transaction is the only writer (one instance is the documented setup there).
 */
export async function claimDue(
  db: Db,
  { now = new Date(), limit = 10, leaseMs = CLAIM_LEASE_MS }: { now?: Date; limit?: number; leaseMs?: number } = {},
): Promise<ClaimedMessage[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  return inTransaction(db, async (tx) => {
    const rows = await tx
      .selectFrom("outbox")
      .select(["id", "event", "params", "locale", "user_id", "to_address", "attempts"])
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", at)]),
          eb.and([eb("status", "=", "sending"), eb("claimed_until", "<=", at)]),
        ]),
      )
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(limit)
      .$if(isPostgres(tx), (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (rows.length === 0) return [];
    await tx
      .updateTable("outbox")
      .set({ status: "sending", claimed_until: until })
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({ ...r, claimed_until: until }));
  });
}

/** Only the claimer marks: the row must still be "sending" under this very claim. */
function marking(db: Db, claim: ClaimedMessage) {
  return db
    .updateTable("outbox")
    .where("id", "=", claim.id)
    .where("status", "=", "sending")
    .where("claimed_until", "=", claim.claimed_until);
}

async function changed(result: Promise<{ numUpdatedRows: bigint }>): Promise<boolean> {
  return (await result).numUpdatedRows > 0n;
}

/** The server took the message. False when the claim was lost (the lease passed and another took it). */
export function markSent(db: Db, claim: ClaimedMessage, now = new Date()): Promise<boolean> {
  return changed(
    marking(db, claim)
      .set({
        status: "sent",
        sent_at: now.toISOString(),
        attempts: claim.attempts + 1,
        claimed_until: null,
        params: paramsAfterSending(claim.event, claim.params) ?? claim.params,
      })
      .executeTakeFirst(),
  );
}

/** Given up for good: a permanent refusal, a message that cannot be written, or out of tries. */
export function markFailed(db: Db, claim: ClaimedMessage, error: string): Promise<boolean> {
  return changed(
    marking(db, claim)
      .set({ status: "failed", attempts: claim.attempts + 1, last_error: errorText(error), claimed_until: null })
      .executeTakeFirst(),
  );
}

/**
 * A failure worth another try: queued again after retryDelayMs, or failed once this was try number
 * MAX_ATTEMPTS. Returns which (null when the claim was lost).
 */
export async function markRetry(
  db: Db,
  claim: ClaimedMessage,
  error: string,
  now = new Date(),
): Promise<"retried" | "failed" | null> {
  const attempts = claim.attempts + 1;
  if (attempts >= MAX_ATTEMPTS) return (await markFailed(db, claim, error)) ? "failed" : null;
  const ok = await changed(
    marking(db, claim)
      .set({
        status: "queued",
        attempts,
        last_error: errorText(error),
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        claimed_until: null,
      })
      .executeTakeFirst(),
  );
  return ok ? "retried" : null;
}

/** Claimed but not tried (the run stopped early): queued again as it was, no try counted. */
export async function releaseClaims(db: Db, claims: readonly ClaimedMessage[]): Promise<void> {
  for (const claim of claims) await marking(db, claim).set({ status: "queued", claimed_until: null }).execute();
}

/** A server's reply or an error can be long (a stack, a whole HTML page): the start is enough. */
function errorText(error: string): string {
  return error.length > 1000 ? `${error.slice(0, 1000)}…` : error;
}

/**
 * The committee sends a failed message of its edition again: queued now, its tries counted from
 * zero (its last error stays until the next try), audited as "outbox.resend".
 */
export async function requeueMessage(
  db: Db,
  {
    messageId,
    editionId,
    userId,
    now = new Date(),
  }: { messageId: number; editionId: number; userId: number; now?: Date },
): Promise<{ ok: true } | { ok: false; reason: "not_found" | "not_failed" }> {
  return inTransaction(db, async (tx) => {
    const row = await tx
      .selectFrom("outbox")
      .select(["id", "status", "attempts", "last_error"])
      .where("id", "=", messageId)
      .where("edition_id", "=", editionId)
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "not_found" } as const;
    const at = now.toISOString();
    const result = await tx
      .updateTable("outbox")
      .set({ status: "queued", attempts: 0, next_attempt_at: at, claimed_until: null })
      .where("id", "=", row.id)
      .where("status", "=", "failed")
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return { ok: false, reason: "not_failed" } as const;
    await audit(tx, {
      at,
      user_id: userId,
      edition_id: editionId,
      entry_id: null,
      action: "outbox.resend",
      subject: `message:${row.id}`,
      before: json({ status: "failed", attempts: row.attempts, lastError: row.last_error }),
      after: json({ status: "queued" }),
    });
    return { ok: true } as const;
  });
}
