// Names of the award's fixed vocabulary that many pages print. Each takes the literal type of its
// value, so a category or stage without a text fails the typecheck instead of showing a raw key.
import type { CategoryKey, StageKey } from "../../db/schema";
import type { ConflictKind } from "../domain/conflicts";
import type { Zone } from "../domain/levels";
import { isMessageKey, type T } from "./index";

export const categoryName = (t: T, key: CategoryKey): string => t(`category.${key}`);

export const stageName = (t: T, key: StageKey): string => t(`stage.${key}`);

/** A zone of the zone awards (app/domain/levels.ts). */
export const zoneName = (t: T, zone: Zone): string => t(`zone.${zone}`);

/** A stage id read from an open source (a scoring result, a rubric being edited): its name when it is a stage of ours, else the id as is. */
export function stageIdName(t: T, id: string): string {
  const key = `stage.${id}`;
  return isMessageKey(key) ? t(key) : id;
}

/** A kind of conflict of interest (app/domain/conflicts.ts), in words. */
export const conflictKindName = (t: T, kind: ConflictKind): string => t(`assess.conflict.kind.${kind}`);
