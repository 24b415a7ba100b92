import { inTransaction, type Db } from "../client";
import type { Locale } from "../../app/i18n";
import { audit, json } from "./audit";

// A person's own mail settings (issue 15): the language mail is written in (users.locale) and
// whether they want deadline reminders (users.reminders). Transactional messages cannot be turned
// off (app/domain/notifications.ts canTurnOff).

export interface MailSettings {
  locale: Locale;
  reminders: boolean;
}

/** An account's mail settings with its address (the unsubscribe page shows it masked). */
export interface MailAccount extends MailSettings {
  email: string;
  anonymised: boolean;
}

/** The account's mail settings; undefined when there is no such account. */
export async function mailSettings(db: Db, userId: number): Promise<MailAccount | undefined> {
  const row = await db
    .selectFrom("users")
    .select(["locale", "reminders", "email", "anonymised_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  return (
    row && {
      locale: row.locale === "en" ? "en" : "id",
      reminders: row.reminders === 1,
      email: row.email,
      anonymised: row.anonymised_at !== null,
    }
  );
}

/**
 * Saves both settings from the account page; audited ("user.mail_settings", what changed) when
 * something changed. Returns whether it did.
 */
export async function saveMailSettings(
  db: Db,
  args: { userId: number; settings: MailSettings; now?: Date },
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const before = await mailSettings(tx, args.userId);
    if (!before) return false;
    const after = args.settings;
    if (before.locale === after.locale && before.reminders === after.reminders) return false;
    await tx
      .updateTable("users")
      .set({ locale: after.locale, reminders: after.reminders ? 1 : 0 })
      .where("id", "=", args.userId)
      .execute();
    await audit(tx, {
      at: (args.now ?? new Date()).toISOString(),
      user_id: args.userId,
      edition_id: null,
      entry_id: null,
      action: "user.mail_settings",
      subject: `user:${args.userId}`,
      // The settings only: the audit log never holds the address.
      before: json({ locale: before.locale, reminders: before.reminders }),
      after: json({ locale: after.locale, reminders: after.reminders }),
      reason: null,
    });
    return true;
  });
}

/**
 * The language the person last chose in the app (/lang): mail follows it. Not audited: choosing a
 * language is not a decision anyone needs to trace.
 */
export async function rememberLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).where("locale", "!=", locale).execute();
}

/**
 * Turns reminders off from the link in a reminder (no session: the signed token names the
 * account). Audited "user.reminders_off" when they were on. Returns false for no such account.
 */
export async function turnOffReminders(db: Db, userId: number, now = new Date()): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const user = await tx
      .selectFrom("users")
      .select(["reminders", "anonymised_at"])
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user || user.anonymised_at) return false;
    if (user.reminders === 0) return true;
    await tx.updateTable("users").set({ reminders: 0 }).where("id", "=", userId).execute();
    await audit(tx, {
      at: now.toISOString(),
      user_id: null,
      edition_id: null,
      entry_id: null,
      action: "user.reminders_off",
      subject: `user:${userId}`,
      before: json({ reminders: true }),
      after: json({ reminders: false }),
      reason: null,
    });
    return true;
  });
}
