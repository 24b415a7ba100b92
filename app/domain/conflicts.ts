import type { ConflictDeclarationsTable } from "../../db/schema";

/** The kinds of conflict of interest an assessor can declare, in the order they are offered. */
export type ConflictKind = NonNullable<ConflictDeclarationsTable["kind"]>;
export const CONFLICT_KINDS = [
  "employed_by",
  "related_to",
  "business_link",
  "other",
] as const satisfies readonly ConflictKind[];
