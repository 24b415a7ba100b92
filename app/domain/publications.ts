// Which publication of a category is current (ADR 0004). Publishing inserts one event pointing at
// a snapshot (a new one, or an identical earlier one); a category's current publication is the one
// its newest event (highest id) points at. A publication that a later event no longer points at
// was replaced (withdrawn from the public pages); republishing it makes it current again.
// db/queries/publications.ts reads the event rows and asks these functions; nothing else decides.

/** Who ranks where in a published result: what readers of standings only (nominations) need. */
export interface Standing {
  nominee: string;
  rank: number;
  total: number;
}

/** The standings of a publication's result (its one category's ranking), as stored beside it. */
export function standingsOf(result: { categories: readonly { ranking: readonly Standing[] }[] }): Standing[] {
  return (result.categories[0]?.ranking ?? []).map((r) => ({ nominee: r.nominee, rank: r.rank, total: r.total }));
}

/** The rows of publication_standings of a publication, in batches small enough for one insert each. */
export function standingRows(publicationId: number, standings: readonly Standing[], batch = 500) {
  const rows = standings.map((s) => ({ publication_id: publicationId, ...s }));
  return Array.from({ length: Math.ceil(rows.length / batch) }, (_, i) => rows.slice(i * batch, (i + 1) * batch));
}

export interface PublicationEvent {
  id: number;
  publication_id: number;
  category_id: number;
  published_at: string;
}

/** The newest event of each category, by category id. */
export function currentEvents<E extends Pick<PublicationEvent, "id" | "category_id">>(
  events: readonly E[],
): Map<number, E> {
  const current = new Map<number, E>();
  for (const e of events) {
    const seen = current.get(e.category_id);
    if (!seen || e.id > seen.id) current.set(e.category_id, e);
  }
  return current;
}

/**
 * Where one publication stands among the events of its category: whether it is current, when it
 * was last made current (null when no event points at it), and when a later event replaced it.
 */
export function publicationStanding(publicationId: number, events: readonly PublicationEvent[]) {
  const ordered = [...events].sort((a, b) => a.id - b.id);
  const own = ordered.filter((e) => e.publication_id === publicationId).at(-1);
  const newest = ordered.at(-1);
  const current = own !== undefined && newest?.id === own.id;
  const replacedBy = current || !own ? undefined : ordered.find((e) => e.id > own.id);
  return { current, publishedAt: own?.published_at ?? null, replacedAt: replacedBy?.published_at ?? null };
}
