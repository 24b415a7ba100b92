import { inTransaction, type Db } from "../client";
import { audit, json } from "./audit";
import { currentRubric, insertRubric, type RubricDefinition } from "./rubrics";

export type SaveRubricEditResult =
  | { ok: true; rubricId: number; version: number }
  | { ok: false; stale: true; currentVersion: number };

/**
 * Stores a rubric edited in the committee's form as a new version, unless another version was
 * saved since the one the form was based on (`basedOn`, 0 for none): checked in the same
 * transaction as the insert. The method JSON of the current version is carried over. Audited as
 * `rubric.edit`, or `rubric.new_version_frozen` (with the reason) once scoring has started.
 */
export async function saveRubricEdit(
  db: Db,
  a: { editionId: number; categoryId: number; basedOn: number; definition: RubricDefinition; frozen: boolean; reason: string | null; userId: number },
): Promise<SaveRubricEditResult> {
  return inTransaction(db, async (tx) => {
    const current = await currentRubric(tx, a.categoryId);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== a.basedOn) return { ok: false as const, stale: true as const, currentVersion };
    const method = current ? (JSON.parse(current.method) as unknown) : {};
    const rubricId = await insertRubric(tx, { categoryId: a.categoryId, definition: a.definition, method, reason: a.reason, userId: a.userId });
    const version = currentVersion + 1;
    await audit(tx, {
      user_id: a.userId, edition_id: a.editionId, entry_id: null, action: a.frozen ? "rubric.new_version_frozen" : "rubric.edit",
      subject: `category:${a.categoryId}`, before: current ? json({ rubric: current.id, version: currentVersion }) : null,
      after: json({ rubric: rubricId, version }), reason: a.reason,
    });
    return { ok: true as const, rubricId, version };
  });
}
