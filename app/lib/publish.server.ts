import type { Db } from "../../db/client";
import type { Category, StageKey } from "../../db/schema";
import { editionStages } from "../../db/queries/editions";
import { publishSnapshot } from "../../db/queries/publications";
import { isFinal, stagesNotClosed } from "../domain/stages";
import { askRanking } from "./ranking-service.server";

export type PublishResult =
  | { ok: true; id: number; sha256: string }
  | { ok: false; reason: "invalid"; problems: { path: string; message: string }[] }
  | { ok: false; reason: "not_signed_off" | "changed_since_sign_off" }
  | { ok: false; reason: "stages_open"; open: StageKey[] };

/**
 * Publishes a category: scores the current input and stores the snapshot (input, result, rubric,
 * hash, who, when). Only the data the committee signed off can be published: when anything
 * changed since (a reopened scoresheet, a new rubric version), the hash differs and the category
 * must be signed off again. Refused while a stage of the edition is not closed (the result is not
 * final yet), whatever was signed off.
 */
export async function publishCategory(
  db: Db,
  args: { editionId: number; category: Pick<Category, "id" | "key" | "signed_off_sha256">; userId: number },
): Promise<PublishResult> {
  const stages = await editionStages(db, args.editionId);
  if (!isFinal(stages)) return { ok: false, reason: "stages_open", open: stagesNotClosed(stages).map((s) => s.key) };
  const snap = await askRanking(db, "categorySnapshot", { id: args.category.id, key: args.category.key });
  if (!snap.ok) return { ok: false, reason: "invalid", problems: snap.problems };
  if (!args.category.signed_off_sha256) return { ok: false, reason: "not_signed_off" };
  if (snap.sha256 !== args.category.signed_off_sha256) return { ok: false, reason: "changed_since_sign_off" };
  const { id } = await publishSnapshot(db, {
    editionId: args.editionId,
    categoryId: args.category.id,
    rubricId: snap.rubricId,
    inputJson: snap.inputJson,
    resultJson: snap.resultJson,
    sha256: snap.sha256,
    userId: args.userId,
  });
  return { ok: true, id, sha256: snap.sha256 };
}
