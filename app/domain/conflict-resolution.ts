import type { AssignmentStatus, StageKey } from "../../db/schema";

// What follows a declared conflict of interest: who may take the conflicted person's place on the
// entry, whether the conflict still needs the committee, and how the person's sheet is counted.

/**
 * People who may take over an assignment on an entry in a stage: members of the stage's panel who
 * are not already assigned to the entry in that stage (the person being replaced included) and
 * not blocked from it (a declared conflict, a member of the entrant organisation).
 */
export function replacementCandidates<P extends { id: number }>(
  panel: readonly P[],
  args: { assigned: Iterable<number>; blocked: Iterable<number> },
): P[] {
  const out = new Set([...args.assigned, ...args.blocked]);
  return panel.filter((p) => !out.has(p.id));
}

export interface ConflictAssignment {
  id: number;
  stage: StageKey;
  status: AssignmentStatus;
}

export interface ConflictReplacement {
  stage: StageKey;
  toUserName: string | null;
  byUserName: string | null;
  at: string;
}

export type ConflictState =
  /** The conflicted person still holds an unsubmitted assignment on the entry: replace them. */
  | { state: "needs_action"; open: ConflictAssignment[] }
  /** Every such assignment was handed to someone else. */
  | { state: "replaced"; replacements: ConflictReplacement[] }
  /** The person holds no assignment to hand on (never assigned, or removed without replacement). */
  | { state: "nothing_to_do" };

/** Where a declared conflict stands, from the person's assignments on the entry and the replacements made. */
export function conflictState(
  assignments: readonly ConflictAssignment[],
  replacements: readonly ConflictReplacement[],
): ConflictState {
  const open = assignments.filter((a) => a.status !== "submitted");
  if (open.length > 0) return { state: "needs_action", open };
  if (replacements.length > 0) return { state: "replaced", replacements: [...replacements] };
  return { state: "nothing_to_do" };
}

export type SheetState = AssignmentStatus | "conflict";

/**
 * How a scoresheet is shown and counted on the progress page: a person who declared a conflict on
 * the entry is not behind with it, whatever the (never started) sheet says.
 */
export function sheetState(status: AssignmentStatus, conflictDeclared: boolean): SheetState {
  return conflictDeclared && status !== "submitted" ? "conflict" : status;
}
