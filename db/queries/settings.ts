import { inTransaction, type Db } from "../client";
import { audit, json } from "./audit";

// Installation-wide settings the administrator changes, one row per key in `settings`. A key
// that has no row has its default; values are stored as JSON text and read back typed.

export interface Settings {
  /** Committee members may create editions themselves (else only the administrator does). */
  committee_may_create_editions: boolean;
}
export type SettingKey = keyof Settings;

export const SETTING_DEFAULTS: Settings = {
  committee_may_create_editions: false,
};

/** Reads a stored value back; a value of the wrong type (edited by hand) counts as the default. */
function parse<K extends SettingKey>(key: K, text: string | undefined): Settings[K] {
  if (text === undefined) return SETTING_DEFAULTS[key];
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === typeof SETTING_DEFAULTS[key] ? (value as Settings[K]) : SETTING_DEFAULTS[key];
  } catch {
    return SETTING_DEFAULTS[key];
  }
}

export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<Settings[K]> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return parse(key, row?.value);
}

/** Every setting, defaults filled in (for the administrator's page). */
export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom("settings").select(["key", "value"]).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const settings = { ...SETTING_DEFAULTS };
  for (const key of Object.keys(SETTING_DEFAULTS) as SettingKey[]) settings[key] = parse(key, stored.get(key));
  return settings;
}

/** Stores a setting (audited with its old and new value); false when it already had that value. */
export async function setSetting<K extends SettingKey>(
  db: Db,
  key: K,
  value: Settings[K],
  args: { userId: number | null; now?: Date },
): Promise<boolean> {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const before = await getSetting(tx, key);
    if (before === value) return false;
    await tx
      .insertInto("settings")
      .values({ key, value: JSON.stringify(value), updated_by: args.userId, updated_at: at })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({ value: JSON.stringify(value), updated_by: args.userId, updated_at: at }),
      )
      .execute();
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: null,
      entry_id: null,
      action: "setting.change",
      subject: `setting:${key}`,
      before: json({ [key]: before }),
      after: json({ [key]: value }),
      reason: null,
    });
    return true;
  });
}
