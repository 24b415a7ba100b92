import type { FieldErrors } from "./forms";

// What the assessor page's forms share between the server (schemas, action) and the browser
// (components): field names and the shape of the action's answer. No database module here, so
// that none reaches the browser bundle.

export { CONFLICT_KINDS } from "~/domain/conflicts";

/** The scoresheet's field names of one criterion. */
export const scoreName = (c: { id: number }) => `score_${c.id}`;
export const noteName = (c: { id: number }) => `note_${c.id}`;

export type SavedScore = { criterionId: number; value: number | null; note: string | null };

export type ActionResult =
  | { kind: "declare"; errors: FieldErrors; values: Record<string, string>; message?: string }
  | { kind: "saved"; auto: boolean; version: number; at: string }
  | {
      kind: "refused";
      reason: string;
      auto: boolean;
      message: string;
      errors: FieldErrors;
      values: Record<string, string>;
      basedOn: number | null;
      current?: { version: number; scores: SavedScore[] };
    };
