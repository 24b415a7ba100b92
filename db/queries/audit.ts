import type { Db } from "../client";
import type { NewAudit } from "../schema";

/** Appends one row to the audit log (the log is never updated or deleted from). */
export async function audit(db: Db, row: Omit<NewAudit, "at"> & { at?: string }) {
  await db
    .insertInto("audit_log")
    .values({ ...row, at: row.at ?? new Date().toISOString() })
    .execute();
}

/** Appends several rows in one statement, in the order given (e.g. every score a save changed). */
export async function auditAll(db: Db, rows: NewAudit[]) {
  if (rows.length > 0) await db.insertInto("audit_log").values(rows).execute();
}

export const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
