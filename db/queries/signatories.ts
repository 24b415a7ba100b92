import { inTransaction, type Db } from "../client";
import type { Signatory } from "../../app/domain/signatories";
import { audit, json } from "./audit";

// The signatories of an edition's certificates, replaced as a whole by the committee (audited).

/** The edition's signatories in print order. */
export async function editionSignatories(db: Db, editionId: number): Promise<Signatory[]> {
  return db
    .selectFrom("edition_signatories")
    .select(["name", "title"])
    .where("edition_id", "=", editionId)
    .orderBy("position")
    .execute();
}

/** Replaces the edition's signatories; false (nothing written) when they are unchanged. */
export async function setEditionSignatories(
  db: Db,
  args: { editionId: number; userId: number; signatories: Signatory[] },
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const before = await editionSignatories(tx, args.editionId);
    const after = args.signatories.map(({ name, title }) => ({ name, title }));
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    await tx.deleteFrom("edition_signatories").where("edition_id", "=", args.editionId).execute();
    if (after.length > 0)
      await tx
        .insertInto("edition_signatories")
        .values(after.map((s, position) => ({ edition_id: args.editionId, position, ...s })))
        .execute();
    await audit(tx, {
      user_id: args.userId,
      edition_id: args.editionId,
      entry_id: null,
      action: "edition.signatories",
      subject: `edition:${args.editionId}`,
      before: before.length ? json(before) : null,
      after: json(after),
      reason: null,
    });
    return true;
  });
}
