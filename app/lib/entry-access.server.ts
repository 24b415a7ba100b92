import { entriesCarrying, entryAccessFacts } from "../../db/queries/access";
import { getDb } from "./db.server";
import { hasRole, notFound, type Viewer } from "./guards.server";
import { isSubmitted } from "~/domain/entry-status";

/**
 * How the viewer may see an entry, or a 404 when not at all:
 * - "owner": a member of the entrant organisation (drafts included);
 * - "committee": committee of the entry's edition (only once submitted: drafts stay private);
 * - "assessor": assigned to the entry (any stage) and not in conflict; `declared` tells whether
 *   the viewer has already declared no conflict (evidence opens only after that).
 * Unknown entries and entries of others answer 404, so their existence is not revealed.
 */
export type EntryAccess =
  | { as: "owner" | "committee"; entry: EntryFacts }
  | { as: "assessor"; entry: EntryFacts; declared: boolean; stages: string[] };
type EntryFacts = { id: number; edition_id: number; organisation_id: number; status: string };

export async function requireEntryAccess(
  viewer: Viewer,
  entryId: number,
  prefer: "assessor" | null = null,
): Promise<EntryAccess> {
  return (await entryAccess(viewer, entryId, prefer)) ?? notFound();
}

/**
 * Who may read an evidence file of an entry: whoever may see that entry, or a nominated national
 * entry that carries the entry's files over (entries.source_entry_id, docs/levels.md): its
 * organisation, its national committee (once submitted) and its assigned assessors and jurors
 * without a conflict. Nobody else of the national edition; and the national committee reads no
 * file of a provincial entry that was not nominated. 404 otherwise.
 */
export async function requireFileAccess(viewer: Viewer, entryId: number): Promise<EntryAccess> {
  const own = await entryAccess(viewer, entryId);
  if (own) return own;
  for (const carrying of await entriesCarrying(await getDb(), entryId)) {
    const access = await entryAccess(viewer, carrying);
    if (access) return access;
  }
  notFound();
}

async function entryAccess(
  viewer: Viewer,
  entryId: number,
  prefer: "assessor" | null = null,
): Promise<EntryAccess | null> {
  const facts = await entryAccessFacts(await getDb(), entryId, viewer.user.id);
  if (!facts) return null;
  const { entry } = facts;
  const isDraft = !isSubmitted(entry.status);
  // Assignments count only where the viewer is (still) on that stage's panel: assessors for desk
  // and verification, jurors for the interview.
  const assigned = facts.assignments.filter((a) => hasRole(viewer, [a.panel], entry.edition_id));
  const asAssessor =
    !isDraft && assigned.length > 0 && facts.conflict !== true
      ? { as: "assessor" as const, entry, declared: facts.conflict === false, stages: assigned.map((a) => a.stage_key) }
      : null;
  const isOwner = viewer.memberships.some((m) => m.role === "entrant" && m.organisation_id === entry.organisation_id);
  // The assessor's workspace asks for the assessor's view first (someone may also be committee),
  // but a member of the entrant organisation never judges its entry.
  if (prefer === "assessor" && asAssessor && !isOwner) return asAssessor;
  if (isOwner) return { as: "owner", entry };
  if (!isDraft && hasRole(viewer, ["committee"], entry.edition_id)) return { as: "committee", entry };
  if (asAssessor) return asAssessor;
  return null;
}
