import type {
  CategoryResult,
  IneligibleEntry,
  RankingEntry,
  ScoringInput,
  SensitivityResult,
  StageAgreement,
} from "../../scoring/index";

// What the ranking page is sent of a category's result: one page of the ranking (with each
// entry's explanation) and summaries of the whole category whose size does not grow with the
// number of entries (a distribution as distinct ticks, severity per assessor). With 10,000
// entries the full result is megabytes; a page of it is a few kilobytes.

export const RANKING_PAGE_SIZE = 50;
/** Lists that are usually short but could grow with the category (ineligible entries) stop here. */
export const LIST_LIMIT = 200;

export interface RankingPageQuery {
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pageSize?: number;
  /** The ranks the page names (places and mentions): nominees ranked this or better are sent whatever the page. */
  top: number;
}

export interface DistributionSummary {
  criterion: string;
  n: number;
  min: number;
  max: number;
  /** The distinct values on 0–100 (to 0.1), each drawn once. */
  ticks: number[];
}

export interface RankingView {
  /** The data version the result was computed from (what a sign-off approves). */
  version: number;
  /** The data changed since and the new ranking is still being computed: this is the previous one. */
  stale: boolean;
  rubricId: number | null;
  problems: { path: string; message: string }[];
  stageIds: string[];
  /** Nominees ranked, and the page of them shown. */
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  rows: RankingEntry[];
  /** The first `top` of the ranking (the places and mentions), for the sign-off summary. */
  top: Pick<RankingEntry, "nominee" | "rank" | "total">[];
  ineligible: IneligibleEntry[];
  ineligibleTotal: number;
  agreement: Record<string, StageAgreement>;
  flags: string[];
  sensitivity: SensitivityResult | null;
  distribution: DistributionSummary[];
  severity: { assessor: string; diff: number; n: number }[];
}

/** The page asked for, within 1..pages (pages is at least 1). */
export function pageWithin(page: number, total: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const at = Number.isSafeInteger(page) ? Math.min(Math.max(page, 1), pages) : 1;
  return { page: at, pages, from: (at - 1) * pageSize };
}

/** Distinct ticks, count, min and max of values on 0–100. */
export function summariseDistribution(criterion: string, values: number[]): DistributionSummary {
  let min = Infinity;
  let max = -Infinity;
  const ticks = new Set<number>();
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    ticks.add(Math.round(v * 10) / 10);
  }
  return { criterion, n: values.length, min, max, ticks: [...ticks].sort((a, b) => a - b) };
}

/** The nominees ranked `top` or better (ties included), from a ranking sorted by rank. */
function topRanks(ranking: RankingEntry[], top: number) {
  const out: RankingView["top"] = [];
  for (const r of ranking) {
    if (r.rank > top) break;
    out.push({ nominee: r.nominee, rank: r.rank, total: r.total });
  }
  return out;
}

export function rankingSummary(a: {
  version: number;
  stale?: boolean;
  rubricId: number | null;
  problems: { path: string; message: string }[];
  input: ScoringInput | null;
  result: CategoryResult | null;
  query: RankingPageQuery;
  /** Per criterion, from `summariseDistribution`. */
  distribution?: DistributionSummary[];
  severity?: { assessor: string; diff: number; n: number }[];
}): RankingView {
  const ranking = a.result?.ranking ?? [];
  const pageSize = a.query.pageSize ?? RANKING_PAGE_SIZE;
  const { page, pages, from } = pageWithin(a.query.page, ranking.length, pageSize);
  return {
    version: a.version,
    stale: a.stale ?? false,
    rubricId: a.rubricId,
    problems: a.problems,
    stageIds: a.input?.rubric.stages.map((s) => s.id) ?? [],
    total: ranking.length,
    page,
    pages,
    pageSize,
    rows: ranking.slice(from, from + pageSize),
    top: topRanks(ranking, a.query.top),
    ineligible: (a.result?.ineligible ?? []).slice(0, LIST_LIMIT),
    ineligibleTotal: a.result?.ineligible.length ?? 0,
    agreement: a.result?.agreement ?? {},
    flags: a.result?.flags ?? [],
    sensitivity: a.result?.sensitivity ?? null,
    distribution: a.distribution ?? [],
    severity: a.severity ?? [],
  };
}

/** The entries a ranking view names (its page, the top, the ineligible shown, sensitivity winners, and `more`). */
export function mentionedEntries(view: RankingView, more: { nominee: string }[] = []): string[] {
  const ids = new Set<string>();
  for (const list of [view.rows, view.top, view.ineligible, more]) for (const r of list) ids.add(r.nominee);
  for (const c of view.sensitivity?.changes ?? []) for (const w of c.winners) ids.add(w);
  return [...ids];
}

/** The assessors a ranking view names (severity, calibration flags, "without" variants). */
export function mentionedAssessors(view: RankingView): string[] {
  const ids = new Set(view.severity.map((s) => s.assessor));
  for (const f of view.flags) if (f.startsWith("calibration-skipped:")) ids.add(f.slice("calibration-skipped:".length));
  for (const c of view.sensitivity?.changes ?? []) if (c.variant.startsWith("without:")) ids.add(c.variant.slice(8));
  return [...ids];
}
