// The stages of an edition as the award's guard rails read them: a category's result is final only
// when every stage of its edition is closed (stages belong to the whole edition), so sign-off,
// publication and the live ranking's places wait for that; a stage closes only once every entry
// it assesses has a scoresheet.
import type { StageKey, StageStatus } from "../../db/schema";

export interface StageState {
  key: StageKey;
  status: StageStatus;
}

/** The stages not closed yet (the open one and those still pending), in order. */
export function stagesNotClosed<S extends StageState>(stages: readonly S[]): S[] {
  return stages.filter((s) => s.status !== "closed");
}

/**
 * Whether a category may be signed off and published: every stage of the edition is closed. Its
 * live ranking is then final, so places and mentions may be shown on it; until then it is a
 * provisional standing.
 */
export function isFinal(stages: readonly StageState[]): boolean {
  return stagesNotClosed(stages).length === 0;
}

/**
 * The furthest stage a nominee has actually reached: score() derives `reached` from the advance
 * rules whether or not the stages have run, so it is capped at the furthest stage of the rubric
 * that has opened. Null when none has.
 */
export function reachedSoFar(
  reached: string,
  rubricStages: readonly string[],
  stages: readonly StageState[],
): string | null {
  const status = new Map<string, StageStatus>(stages.map((s) => [s.key, s.status]));
  const upTo = rubricStages.indexOf(reached);
  let last: string | null = null;
  for (const [i, id] of rubricStages.entries()) {
    if (i > upTo) break;
    const s = status.get(id);
    if (s === "open" || s === "closed") last = id;
  }
  return last;
}

interface StageCoverage {
  /** Entries the stage assesses (in its entry status). */
  entries: number;
  /** Of those, entries with no scoresheet of the stage at all (no assignment). */
  withoutSheet: number;
}

/** Whether a stage may be closed: no entry it assesses is without a scoresheet. */
export function mayCloseStage(coverage: readonly StageCoverage[]): boolean {
  return coverage.every((c) => c.withoutSheet === 0);
}
