// Personal data duties (UU 27/2022): when an edition may be archived, when an account may be
// anonymised, the label an anonymised account gets, and when an edition's personal data is due
// (retention). Pure: db/queries/archive.ts, db/queries/anonymise.ts and db/ops/retention.ts read
// the facts and ask here.

import type { Role } from "../../db/schema";

export const RETENTION_YEARS = { min: 1, max: 30, default: 5 } as const;

/** Why an edition cannot be archived now, or null when it can. */
export type ArchiveRefusal = "already_archived" | "no_categories" | "not_published";

/** An edition is archived once every one of its categories has a current publication. */
export function archiveRefusal(edition: {
  archivedAt: string | null;
  categories: number;
  published: number;
}): ArchiveRefusal | null {
  if (edition.archivedAt) return "already_archived";
  if (edition.categories === 0) return "no_categories";
  if (edition.published < edition.categories) return "not_published";
  return null;
}

/**
 * The day an edition's personal data is due for removal: its last publication plus the retention
 * years (same calendar day; 29 February falls to 28 February in a common year). Null when the
 * edition was never published: nothing is due before results exist.
 */
export function retentionDueDate(lastPublishedAt: string | null, years: number): string | null {
  if (!lastPublishedAt) return null;
  const at = new Date(lastPublishedAt);
  const due = new Date(at.getTime());
  due.setUTCFullYear(at.getUTCFullYear() + years);
  // 29 Feb + n years in a common year rolls over to 1 March: keep it in February.
  if (due.getUTCMonth() !== at.getUTCMonth()) due.setUTCDate(0);
  return due.toISOString();
}

export function retentionPassed(dueDate: string | null, now: Date): boolean {
  return dueDate !== null && Date.parse(dueDate) <= now.getTime();
}

/** A person's data is due when they took part in at least one edition and every one is past retention. */
export function personDue(editions: { dueDate: string | null }[], now: Date): boolean {
  return editions.length > 0 && editions.every((e) => retentionPassed(e.dueDate, now));
}

/** Why an account cannot be anonymised now, or null when it can. */
export type AnonymiseRefusal = "already_anonymised" | "editions_not_archived" | "last_admin";

export function anonymiseRefusal(person: {
  anonymisedAt: string | null;
  /** Every edition the person has (or had) a role in. */
  editions: { archivedAt: string | null }[];
  /** The person is an active administrator and no other active administrator exists. */
  lastAdmin: boolean;
}): AnonymiseRefusal | null {
  if (person.anonymisedAt) return "already_anonymised";
  if (person.lastAdmin) return "last_admin";
  if (person.editions.some((e) => !e.archivedAt)) return "editions_not_archived";
  return null;
}

/**
 * The name an anonymised account carries, by the role it had (stored data, in Indonesian like the
 * award itself: "Penilai 3"). Assessor first: the label says what the numbers kept are.
 */
export const ANONYMOUS_LABELS = ["Penilai", "Juri", "Peserta", "Panitia", "Pengguna"] as const;
export type AnonymousLabel = (typeof ANONYMOUS_LABELS)[number];

export function anonymousLabel(roles: Role[]): AnonymousLabel {
  if (roles.includes("assessor")) return "Penilai";
  if (roles.includes("juror")) return "Juri";
  if (roles.includes("entrant")) return "Peserta";
  if (roles.includes("committee") || roles.includes("admin")) return "Panitia";
  return "Pengguna";
}

/** The e-mail an anonymised account carries: unique, and in a domain that never receives mail (RFC 2606). */
export function anonymisedEmail(userId: number): string {
  return `anonim-${userId}@anonim.invalid`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces every occurrence of the given values (a name, an e-mail), case-insensitively, and as
 * they appear inside JSON strings, by `label`. A value only counts as a whole word, so that
 * removing "Budi" leaves "Budiman" alone. Returns the text unchanged when nothing matched.
 */
export function scrubText(text: string, values: string[], label: string): string {
  const forms = new Set<string>();
  for (const v of values) {
    const value = v.trim();
    if (!value) continue;
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  if (forms.size === 0) return text;
  // Longest first: an e-mail that contains the name is replaced whole.
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, "giu");
  return text.replace(pattern, label);
}
