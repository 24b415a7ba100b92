// The plenary's rules that need no database (docs/plenary.md): the order entries are discussed in,
// the advance cut they are measured against (running totals are scoring's, `runningTotal`), and
// the agreement bands.

/** Why an entry is discussed where it is: disagreement first, then near the cut, then the rest. */
export type DiscussionGroup = "disagreement" | "near_cut" | "rest";

export interface DiscussionFacts {
  entryId: number;
  /** Rank in the current scoring (null: not ranked, e.g. ineligible). */
  rank: number | null;
  /** The largest SD of the entry's judged criteria at this stage (0–100 scale), null without scores. */
  maxSd: number | null;
  /** Whether scoring flagged a disagreement on a criterion of this stage. */
  disagreement: boolean;
  /** Running total up to this stage (null when not ranked). */
  running: number | null;
}

const byRank = (a: DiscussionFacts, b: DiscussionFacts) =>
  (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.entryId - b.entryId;

/**
 * Entries in discussion order: flagged disagreements by SD (largest first), then entries whose
 * running total lies within `margin` points of the cut (closest first; none when there is no cut),
 * then the rest by rank (unranked last). Ties by rank, then entry id, so the order is stable.
 */
export function discussionOrder<T extends DiscussionFacts>(
  rows: readonly T[],
  cut: number | null,
  margin: number,
): (T & { group: DiscussionGroup })[] {
  const groupOf = (r: T): DiscussionGroup =>
    r.disagreement
      ? "disagreement"
      : cut !== null && r.running !== null && Math.abs(r.running - cut) <= margin + 1e-9
        ? "near_cut"
        : "rest";
  const rank: Record<DiscussionGroup, number> = { disagreement: 0, near_cut: 1, rest: 2 };
  return rows
    .map((r) => ({ ...r, group: groupOf(r) }))
    .sort((a, b) => {
      if (a.group !== b.group) return rank[a.group] - rank[b.group];
      if (a.group === "disagreement") return (b.maxSd ?? 0) - (a.maxSd ?? 0) || byRank(a, b);
      if (a.group === "near_cut") return Math.abs(a.running! - cut!) - Math.abs(b.running! - cut!) || byRank(a, b);
      return byRank(a, b);
    });
}

/** A stage's rule for going on, or, at the last stage, the places the category awards (`top`). */
export type CutRule = { top: number } | { minScore: number } | null;

/**
 * The running total at the cut: the N-th best of `running` for `top` N (null when N reaches
 * everyone: nobody falls out), `minScore` itself, or null without a rule.
 */
export function cutOf(rule: CutRule, running: readonly number[]): number | null {
  if (rule === null) return null;
  if ("minScore" in rule) return rule.minScore;
  if (rule.top <= 0 || rule.top >= running.length) return null;
  return [...running].sort((a, b) => b - a)[rule.top - 1]!;
}

/** Koo & Li (2016): below .5 poor, .5 to .75 moderate, .75 to .9 good, above .9 excellent. */
export type AgreementBand = "poor" | "moderate" | "good" | "excellent";

export function agreementBand(icc: number | null): AgreementBand | null {
  if (icc === null || !Number.isFinite(icc)) return null;
  if (icc < 0.5) return "poor";
  if (icc < 0.75) return "moderate";
  if (icc <= 0.9) return "good";
  return "excellent";
}

/** The shortest reason the chair may give for a decision, a withdrawal or closing unconfirmed. */
export const MIN_REASON_LENGTH = 10;
export const MAX_REASON_LENGTH = 2000;
export const MAX_COMMENT_LENGTH = 4000;
/** The default margin around the cut, in points of running total. */
export const DEFAULT_MARGIN = 2;
