import { inTransaction, type Db } from "../client";
import { audit, json } from "./audit";
import { entryEvidenceWindow, portalEntry } from "./figures";

// Evidence files of an entry, per criterion. The bytes live in the upload folder under a random
// storage name; these rows keep the facts (original name for display, type read from the bytes,
// size, SHA-256). Callers check access (requireEntryAccess); every change checks again, inside its
// transaction, that the entry's evidence window is still open (a draft; a nominated national entry
// while submitted, app/domain/submission.ts evidenceWindow), so a submit can never slip in between.
// A nominated entry's carried files are the provincial entry's rows, read through
// entries.source_entry_id (carriedEvidence): every change here is of rows of the entry itself, so
// a carried row is never changed or deleted through the national entry.

/** Thrown when the entry was submitted (or its deadline passed) before the change could be stored. */
export class EntryLockedError extends Error {
  constructor(entryId: number) {
    super(`entry ${entryId} is no longer editable`);
  }
}

async function holdOpenEvidence(tx: Db, entryId: number, now: Date) {
  const entry = await portalEntry(tx, entryId);
  if (!entry || !entryEvidenceWindow(entry, now).open) throw new EntryLockedError(entryId);
  // A no-op update of the row in the status read: it locks the row on PostgreSQL until the change
  // commits, and finds nothing when a submit (or a stage moving the entry on) committed first.
  const held = await tx
    .updateTable("entries")
    .set((eb) => ({ version: eb.ref("version") }))
    .where("id", "=", entryId)
    .where("status", "=", entry.status)
    .executeTakeFirst();
  if (Number(held.numUpdatedRows) !== 1) throw new EntryLockedError(entryId);
}

export interface NewEvidence {
  criterionKey: string;
  originalName: string;
  storageName: string;
  mime: string;
  size: number;
  sha256: string;
}

export async function listEvidence(db: Db, entryId: number) {
  return db
    .selectFrom("evidence_files")
    .select(["id", "criterion_key", "original_name", "mime", "size", "sha256", "uploaded_at"])
    .where("entry_id", "=", entryId)
    .orderBy("criterion_key")
    .orderBy("id")
    .execute();
}

/**
 * The files a nominated national entry carries over: the rows of its provincial source entry
 * (entries.source_entry_id), with the provincial edition's name; none for any other entry.
 */
export async function carriedEvidence(db: Db, entryId: number) {
  return db
    .selectFrom("entries as n")
    .innerJoin("entries as p", "p.id", "n.source_entry_id")
    .innerJoin("editions as ed", "ed.id", "p.edition_id")
    .innerJoin("evidence_files as f", "f.entry_id", "p.id")
    .select([
      "f.id",
      "f.criterion_key",
      "f.original_name",
      "f.mime",
      "f.size",
      "f.sha256",
      "f.uploaded_at",
      "ed.name as source_edition_name",
    ])
    .where("n.id", "=", entryId)
    .orderBy("f.criterion_key")
    .orderBy("f.id")
    .execute();
}

/** Every storage name that an evidence row references (the start-up sweep keeps exactly these). */
export async function evidenceStorageNames(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom("evidence_files").select("storage_name").execute();
  return new Set(rows.map((r) => r.storage_name));
}

export async function getEvidenceFile(db: Db, fileId: number) {
  return db.selectFrom("evidence_files").selectAll().where("id", "=", fileId).executeTakeFirst();
}

/** Stores the rows of newly uploaded files of one entry; returns their ids. */
export async function addEvidence(
  db: Db,
  args: { entryId: number; editionId: number; userId: number; files: NewEvidence[]; now?: Date },
) {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    await holdOpenEvidence(tx, args.entryId, args.now ?? new Date());
    const ids: number[] = [];
    for (const f of args.files) {
      const { id } = await tx
        .insertInto("evidence_files")
        .values({
          entry_id: args.entryId,
          criterion_key: f.criterionKey,
          original_name: f.originalName,
          storage_name: f.storageName,
          mime: f.mime,
          size: f.size,
          sha256: f.sha256,
          uploaded_by: args.userId,
          uploaded_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.push(id);
      await audit(tx, {
        at,
        user_id: args.userId,
        edition_id: args.editionId,
        entry_id: args.entryId,
        action: "evidence.add",
        subject: `evidence:${id}`,
        before: null,
        after: json({ criterion: f.criterionKey, name: f.originalName, mime: f.mime, size: f.size, sha256: f.sha256 }),
        reason: null,
      });
    }
    return ids;
  });
}

/**
 * An evidence file of an entry whose evidence may still change (its evidence window is open), read
 * after taking the entry's write lock; undefined when the file is not of this entry (a carried file
 * of a nominated entry is of its provincial entry, so never found here).
 */
async function draftFile(tx: Db, args: { fileId: number; entryId: number; now?: Date }) {
  await holdOpenEvidence(tx, args.entryId, args.now ?? new Date());
  return tx
    .selectFrom("evidence_files")
    .selectAll()
    .where("id", "=", args.fileId)
    .where("entry_id", "=", args.entryId)
    .executeTakeFirst();
}

/**
 * Replaces the bytes of an evidence file (same criterion, new name/type/size/hash) and returns the
 * old storage name so the caller can remove the old bytes; null when the file is not of the entry.
 */
export async function replaceEvidence(
  db: Db,
  args: {
    fileId: number;
    entryId: number;
    editionId: number;
    userId: number;
    file: Omit<NewEvidence, "criterionKey">;
    now?: Date;
  },
) {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const old = await draftFile(tx, args);
    if (!old) return null;
    const f = args.file;
    await tx
      .updateTable("evidence_files")
      .set({
        original_name: f.originalName,
        storage_name: f.storageName,
        mime: f.mime,
        size: f.size,
        sha256: f.sha256,
        uploaded_by: args.userId,
        uploaded_at: at,
      })
      .where("id", "=", args.fileId)
      .execute();
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: args.entryId,
      action: "evidence.replace",
      subject: `evidence:${args.fileId}`,
      before: json({ name: old.original_name, sha256: old.sha256, size: old.size }),
      after: json({ name: f.originalName, mime: f.mime, size: f.size, sha256: f.sha256 }),
      reason: null,
    });
    return old.storage_name;
  });
}

/** Deletes an evidence row of the entry; returns its storage name (to remove the bytes) or null. */
export async function deleteEvidence(
  db: Db,
  args: { fileId: number; entryId: number; editionId: number; userId: number; now?: Date },
) {
  const at = (args.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const old = await draftFile(tx, args);
    if (!old) return null;
    await tx.deleteFrom("evidence_files").where("id", "=", args.fileId).execute();
    await audit(tx, {
      at,
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: args.entryId,
      action: "evidence.delete",
      subject: `evidence:${args.fileId}`,
      before: json({ criterion: old.criterion_key, name: old.original_name, sha256: old.sha256 }),
      after: null,
      reason: null,
    });
    return old.storage_name;
  });
}
