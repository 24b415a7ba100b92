import { sql, type ExpressionBuilder } from "kysely";
import { inTransaction, type Db } from "../client";
import type { DB } from "../schema";
import {
  anonymiseRefusal,
  anonymisedEmail,
  anonymousLabel,
  scrubText,
  type AnonymiseRefusal,
} from "../../app/domain/personal-data";
import { activeAdministratorIds } from "./administrators";
import { audit, json } from "./audit";
import { personEditionIds, signInFailureKeys } from "./personal-data";

// Anonymising a person's account once every edition they took part in is archived (UU 27/2022):
// their name becomes a label ("Penilai 3"), their e-mail an address that receives nothing, they
// can no longer sign in, and every place the app wrote their name or e-mail as text (the audit
// log, reasons, notes, sessions) reads the label instead. The rows stay, with their ids: scores,
// assignments and audit entries keep pointing at the same user id.
//
// Nothing here changes a category's scoring input (entry statuses, indicator values, submitted
// score values, rubrics), so no data version is raised (db/queries/data-version.ts) and every
// publication still verifies: a publication's stored input names assessors by user id, never by
// name (app/lib/scoring-input.server.ts).

/** Free-text columns where a person's name or e-mail may have been written, and each table's key. */
const TEXT_COLUMNS = [
  ["audit_log", ["subject", "before", "after", "reason"]],
  ["entries", ["reopened_reason", "rejection_reason"]],
  ["scores", ["note"]],
  ["conflict_declarations", ["note"]],
  ["rubrics", ["reason"]],
  ["sessions", ["data"]],
  // Messages' facts (an inviter's or an assessor's name in others' messages, their own in theirs).
  ["outbox", ["params"]],
] as const satisfies readonly (readonly [keyof DB & string, readonly string[]])[];

export type AnonymiseResult = { ok: true; label: string } | { ok: false; reason: AnonymiseRefusal | "not_found" };

/** Whether an anonymisation would be refused now, and why (for pages that offer it). */
export async function anonymiseCheck(db: Db, userId: number) {
  const user = await db
    .selectFrom("users")
    .select(["id", "anonymised_at", "active"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return { ok: false as const, reason: "not_found" as const };
  const editionIds = await personEditionIds(db, userId);
  const editions =
    editionIds.length === 0
      ? []
      : await db.selectFrom("editions").select(["id", "archived_at"]).where("id", "in", editionIds).execute();
  const refusal = anonymiseRefusal({
    anonymisedAt: user.anonymised_at,
    editions: editions.map((e) => ({ archivedAt: e.archived_at })),
    lastAdmin: await isLastAdmin(db, userId),
  });
  return refusal ? { ok: false as const, reason: refusal } : { ok: true as const, editionIds };
}

/** The person is an active administrator and no other active account is one. */
async function isLastAdmin(db: Db, userId: number) {
  const ids = await activeAdministratorIds(db);
  return ids.has(userId) && ids.size === 1;
}

/**
 * The next number of a label, per installation (settings row `anonymised.<label>`): "Penilai 1",
 * "Penilai 2"… Incremented in one statement, so two anonymisations never get the same number.
 */
async function nextLabelNumber(db: Db, label: string, at: string): Promise<number> {
  const row = await db
    .insertInto("settings")
    .values({ key: `anonymised.${label}`, value: "1", updated_by: null, updated_at: at })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        value: sql<string>`cast(cast(settings.value as integer) + 1 as text)`,
        updated_at: at,
      }),
    )
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Replaces the person's name and e-mail in every free-text column by the label. */
async function scrubTextColumns(db: Db, values: string[], label: string) {
  for (const [table, columns] of TEXT_COLUMNS) {
    for (const column of columns) {
      // LIKE finds the candidates (case-insensitively for ASCII, `_` and `%` may over-match);
      // scrubText decides and replaces whole words only.
      const candidates = await sql<{ id: string | number; value: string }>`
        select id, ${sql.ref(column)} as value from ${sql.table(table)}
        where ${sql.join(
          values.map((v) => sql`lower(${sql.ref(column)}) like ${`%${v.toLowerCase()}%`}`),
          sql` or `,
        )}`.execute(db);
      for (const row of candidates.rows) {
        const scrubbed = scrubText(row.value, values, label);
        if (scrubbed !== row.value)
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${scrubbed} where id = ${row.id}`.execute(db);
      }
    }
  }
}

/**
 * The messages to the person (by account, or to their address before they had one) keep no
 * address: it becomes the anonymised one, which receives nothing. Those not sent yet are dropped.
 */
async function forgetMessageAddress(db: Db, user: { id: number; email: string }, address: string) {
  const toThem = (eb: ExpressionBuilder<DB, "outbox">) =>
    eb.or([eb("user_id", "=", user.id), eb("to_address", "=", user.email)]);
  await db.deleteFrom("outbox").where("status", "=", "queued").where(toThem).execute();
  await db.updateTable("outbox").set({ to_address: address }).where(toThem).execute();
}

/**
 * Anonymises the account, in one transaction; refused (with the reason) while an edition the
 * person has a role in is not archived, for the last active administrator, and when done already.
 * `byUserId`: who did it (null: the retention command). Audited `user.anonymise`, without the old
 * name or e-mail.
 */
export async function anonymiseUser(
  db: Db,
  args: { userId: number; byUserId: number | null; now?: Date },
): Promise<AnonymiseResult> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const check = await anonymiseCheck(tx, args.userId);
    if (!check.ok) return check;
    const user = await tx
      .selectFrom("users")
      .select(["id", "name", "email"])
      .where("id", "=", args.userId)
      .executeTakeFirstOrThrow();
    const roles = await tx.selectFrom("memberships").select("role").where("user_id", "=", user.id).execute();
    const labelKind = anonymousLabel(roles.map((r) => r.role));
    const label = `${labelKind} ${await nextLabelNumber(tx, labelKind, at)}`;

    const failures = await signInFailureKeys(tx, user.email);
    if (failures.length > 0)
      await tx
        .deleteFrom("login_failures")
        .where(
          "key",
          "in",
          failures.map((f) => f.key),
        )
        .execute();
    await tx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await tx.updateTable("invitations").set({ email: null }).where("email", "=", user.email).execute();
    await tx.updateTable("memberships").set({ active: 0 }).where("user_id", "=", user.id).execute();
    await scrubTextColumns(tx, [user.name, user.email], label);
    await forgetMessageAddress(tx, user, anonymisedEmail(user.id));
    await tx
      .updateTable("users")
      .set({
        name: label,
        email: anonymisedEmail(user.id),
        password_hash: null,
        active: 0,
        anonymised_at: at,
      })
      .where("id", "=", user.id)
      .execute();
    await audit(tx, {
      at,
      user_id: args.byUserId,
      edition_id: null,
      entry_id: null,
      action: "user.anonymise",
      subject: `user:${user.id}`,
      before: null,
      after: json({ label, editions: check.editionIds }),
      reason: null,
    });
    return { ok: true as const, label };
  });
}
