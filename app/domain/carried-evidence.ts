// How the files a nominated national entry carries over from its provincial entry stand beside
// the national entry's own files (docs/levels.md, "Supplementary evidence"). The carried files are
// never changed; a national upload for a criterion supersedes them in display only.

/**
 * - "current": a carried file of a national criterion without a national upload yet;
 * - "superseded": the national entry has its own file(s) for that criterion;
 * - "other": its criterion is not in the national rubric ("Bukti lain dari tingkat provinsi").
 */
export type CarriedStanding = "current" | "superseded" | "other";

export function carriedStanding(
  criterionKey: string,
  nationalCriteria: ReadonlySet<string>,
  ownCriteria: ReadonlySet<string>,
): CarriedStanding {
  if (!nationalCriteria.has(criterionKey)) return "other";
  return ownCriteria.has(criterionKey) ? "superseded" : "current";
}

/** Each carried file with its standing, given the national criteria and the entry's own files. */
export function withCarriedStanding<F extends { criterionKey: string }>(
  carried: readonly F[],
  nationalCriteria: Iterable<string>,
  own: readonly { criterionKey: string }[],
): (F & { standing: CarriedStanding })[] {
  const national = new Set(nationalCriteria);
  const ownKeys = new Set(own.map((f) => f.criterionKey));
  return carried.map((f) => ({ ...f, standing: carriedStanding(f.criterionKey, national, ownKeys) }));
}
