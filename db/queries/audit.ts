import type { Db } from "../client";
import type { NewAudit } from "../schema";

/** Appends one row to the audit log (the log is never updated or deleted from). */
export async function audit(db: Db, row: Omit<NewAudit, "at"> & { at?: string }) {
  await db
    .insertInto("audit_log")
    .values({ ...row, at: row.at ?? new Date().toISOString() })
    .execute();
}

export const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
