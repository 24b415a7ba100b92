import type { Db } from "../../db/client";
import type { Category, StageKey } from "../../db/schema";
import { categoryDataVersion } from "../../db/queries/data-version";
import { loadRubricDefinition } from "../../db/queries/rubrics";
import { currentPublication, getPublication } from "../../db/queries/publications";
import { assessorSeverity, scaledScores, type ScoringResult } from "../../scoring/index";
import { rankingSummary, summariseDistribution, type RankingPageQuery, type RankingView } from "../domain/ranking-view";
import { rescore, scoreCategory, shortlistOf, snapshotHash, type CategoryScoring } from "./scoring-input.server";
import { userNames } from "../../db/queries/users";
import { stageOutcome } from "../domain/minutes";
import { translator, type Locale } from "~/i18n";
import { matrixCsv, rankingCsv, workbook, type ExportContext } from "./exports.server";
import { plenaryFigures, type PlenaryFigures } from "../domain/plenary-figures";
import { storedMinutesPdf, type StoredMinutesPdf } from "./minutes-pdf.server";

// What the committee's pages ask of a category's ranking, answered from a result computed once per
// change of its data (the category's data version, db/queries/data-version.ts), not once per view.
// These functions run in whichever thread holds the database handle they are given: in the
// server they run in the ranking worker (app/lib/ranking-service.server.ts), so that scoring a
// large category never blocks the other requests; tests call them directly.

export type CategoryRef = Pick<Category, "id" | "key">;

interface Cached {
  version: number;
  /** Whether the result carries the sensitivity check (the pages need it, the exports do not). */
  sensitivity: boolean;
  scoring: Promise<CategoryScoring | null>;
}

/** Categories kept per database handle; the least recently used one goes first. */
const MAX_CATEGORIES = Number(process.env.RANKING_CACHE_CATEGORIES ?? 12);
const caches = new WeakMap<Db, Map<number, Cached>>();

function cacheOf(db: Db): Map<number, Cached> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** The last scoring with the sensitivity check that finished, per handle and category (for the pages). */
const finished = new WeakMap<Db, Map<number, { version: number; scoring: CategoryScoring | null }>>();

/**
 * The category's scoring at its current data version: from the cache when this version was
 * already scored (with the sensitivity check when it is needed), else scored now and kept.
 * Concurrent callers of the same version share one computation.
 */
export async function cachedScoring(
  db: Db,
  category: CategoryRef,
  { sensitivity }: { sensitivity: boolean },
): Promise<{ version: number; scoring: CategoryScoring | null }> {
  const { version, scoring } = await scoringOfVersion(db, category, sensitivity);
  return { version, scoring: await scoring };
}

async function scoringOfVersion(db: Db, category: CategoryRef, sensitivity: boolean) {
  const version = (await categoryDataVersion(db, category.id)) ?? -1;
  const cache = cacheOf(db);
  const hit = cache.get(category.id);
  cache.delete(category.id);
  if (hit && hit.version === version && (hit.sensitivity || !sensitivity)) {
    cache.set(category.id, hit);
    return { version, scoring: hit.scoring };
  }
  const entry: Cached = { version, sensitivity, scoring: scoreCategory(db, category, { sensitivity }) };
  cache.set(category.id, entry);
  while (cache.size > MAX_CATEGORIES) cache.delete(cache.keys().next().value!);
  entry.scoring.then(
    (scoring) => {
      if (!sensitivity) return;
      let done = finished.get(db);
      if (!done) finished.set(db, (done = new Map()));
      const last = done.get(category.id);
      if (!last || last.version <= version) done.set(category.id, { version, scoring });
      while (done.size > MAX_CATEGORIES) done.delete(done.keys().next().value!);
    },
    // A failed computation is not kept: the next request tries again.
    () => cache.get(category.id) === entry && cache.delete(category.id),
  );
  return { version, scoring: entry.scoring };
}

/**
 * How long a page waits for a ranking being recomputed before it shows the previous one, marked
 * as such: on deadline day the data changes every few seconds, and scoring 10,000 entries anew
 * takes seconds.
 */
const staleAfterMs = () => Number(process.env.RANKING_STALE_AFTER_MS ?? 400);

/** The page's scoring: the current version's, or the last finished one while the current is computed. */
async function pageScoring(db: Db, category: CategoryRef) {
  const current = await scoringOfVersion(db, category, true);
  const last = finished.get(db)?.get(category.id);
  if (!last || last.version === current.version) return { ...current, scoring: await current.scoring, stale: false };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), staleAfterMs())));
  current.scoring.catch(() => undefined); // a failure is the next request's to see
  const first = await Promise.race([current.scoring, late]);
  clearTimeout(timer);
  if (first === "late") return { version: last.version, scoring: last.scoring, stale: true };
  return { version: current.version, scoring: first, stale: false };
}

/** Forgets every cached ranking of a database handle (tests, and the worker on request). */
export function forgetRankings(db: Db) {
  caches.delete(db);
  finished.delete(db);
}

/** The charts' figures of a scoring: a pass over every score, so made once per scoring. */
const chartsOf = new WeakMap<CategoryScoring, Pick<RankingView, "distribution" | "severity">>();

function charts(scoring: CategoryScoring): Pick<RankingView, "distribution" | "severity"> {
  let made = chartsOf.get(scoring);
  if (!made) {
    const input = scoring.parsed.ok ? scoring.parsed.input : null;
    const result = scoring.result;
    made = {
      distribution:
        input && result ? scaledScores(input, result).map((d) => summariseDistribution(d.criterion, d.values)) : [],
      severity: input && result ? assessorSeverity(input, result) : [],
    };
    chartsOf.set(scoring, made);
  }
  return made;
}

/** One page of the live ranking and the category-wide summaries the ranking page shows. */
export async function rankingView(db: Db, category: CategoryRef, query: RankingPageQuery): Promise<RankingView> {
  const { version, scoring, stale } = await pageScoring(db, category);
  if (!scoring)
    return rankingSummary({ version, stale, rubricId: null, problems: [], input: null, result: null, query });
  const input = scoring.parsed.ok ? scoring.parsed.input : null;
  const result = scoring.result;
  return rankingSummary({
    version,
    stale,
    rubricId: scoring.rubricId,
    problems: scoring.parsed.ok ? [] : scoring.parsed.problems,
    input,
    result: result?.categories[0] ?? null,
    query,
    ...charts(scoring),
  });
}

export type SnapshotAnswer =
  | { ok: true; version: number; rubricId: number; inputJson: string; resultJson: string; sha256: string }
  | { ok: false; version: number; problems: { path: string; message: string }[] };

/** The snapshot a sign-off approves and a publication stores, made from the cached result. */
export async function categorySnapshot(db: Db, category: CategoryRef): Promise<SnapshotAnswer> {
  const { version, scoring } = await cachedScoring(db, category, { sensitivity: true });
  if (!scoring) return { ok: false, version, problems: [{ path: "rubric", message: "no rubric" }] };
  if (!scoring.parsed.ok) return { ok: false, version, problems: scoring.parsed.problems };
  const snap = scoring.snapshot!;
  return { ok: true, version, rubricId: scoring.rubricId, ...snap };
}

/** Who advances past `stage` and who does not, with their rank and total (null: no valid input). */
export async function stageShortlist(db: Db, category: CategoryRef, stage: string) {
  const { scoring } = await cachedScoring(db, category, { sensitivity: false });
  if (!scoring?.result || !scoring.parsed.ok) return null;
  const stageIds = scoring.parsed.input.rubric.stages.map((s) => s.id);
  const list = shortlistOf(scoring.result, stageIds, stage);
  const rankOf = new Map((scoring.result.categories[0]?.ranking ?? []).map((r) => [r.nominee, r]));
  const row = (id: string) => ({
    id: Number(id),
    rank: rankOf.get(id)?.rank ?? null,
    total: rankOf.get(id)?.total ?? null,
  });
  return { advancing: list.advancing.map(row), notAdvancing: list.notAdvancing.map(row) };
}

/** What a plenary's minutes take of the ranking at `stage` (app/domain/minutes.ts); null: no valid input. */
export async function minutesStage(db: Db, category: CategoryRef, stage: string) {
  const { scoring } = await cachedScoring(db, category, { sensitivity: false });
  const result = scoring?.result?.categories[0];
  if (!scoring || !scoring.parsed.ok || !result) return null;
  return { rubricId: scoring.rubricId, ...stageOutcome(scoring.parsed.input, result, stage) };
}

/** An entry's rank in the live ranking (null when it is not ranked). */
export async function liveRank(db: Db, category: CategoryRef, entryId: number): Promise<number | null> {
  const { scoring } = await cachedScoring(db, category, { sensitivity: false });
  return scoring?.result?.categories[0]?.ranking.find((r) => r.nominee === String(entryId))?.rank ?? null;
}

/** The ranks of each publication's stored result, parsed once (a publication never changes). */
const publishedRanks = new Map<number, Map<string, number>>();
/** Whether scoring each publication's stored input again gave its stored result. */
const reproducedPublications = new Map<number, boolean>();

/** Keeps `value` under `key` in a map of at most 64 publications (the oldest goes first). */
function remember<V>(map: Map<number, V>, key: number, value: V): V {
  map.set(key, value);
  while (map.size > 64) map.delete(map.keys().next().value!);
  return value;
}

async function ranksOfPublication(db: Db, publicationId: number) {
  const known = publishedRanks.get(publicationId);
  if (known) return known;
  const publication = await getPublication(db, publicationId);
  if (!publication) return null;
  const ranking = (JSON.parse(publication.result_json) as ScoringResult).categories[0]?.ranking ?? [];
  return remember(publishedRanks, publicationId, new Map(ranking.map((r) => [r.nominee, r.rank])));
}

/** The nominees a publication ranked `top` or better (its places and mentions), in rank order. */
export async function publicationPlaces(db: Db, publicationId: number, top: number) {
  const ranks = (await ranksOfPublication(db, publicationId)) ?? new Map<string, number>();
  return [...ranks].filter(([, rank]) => rank <= top).map(([nominee, rank]) => ({ nominee, rank }));
}

/**
 * Whether a publication's stored input and result still hash to its code, and scoring the stored
 * input again gives the stored result byte for byte (what /verify shows). The hash is checked on
 * every visit; the re-scoring (seconds for a national category) once per publication, since
 * content that hashes to the same code is the same content. In the worker, off the request thread.
 */
export async function publicationIntact(db: Db, publicationId: number): Promise<boolean> {
  const p = await getPublication(db, publicationId);
  if (!p || snapshotHash(p.input_json, p.result_json) !== p.sha256) return false;
  const known = reproducedPublications.get(publicationId);
  if (known !== undefined) return known;
  return remember(reproducedPublications, publicationId, rescore(p.input_json) === p.result_json);
}

/** What an organisation sees of its entry in a publication: the published values, nothing of the assessors. */
interface PublishedEntry {
  rank: number;
  total: number;
  reached: StageKey;
  stages: Record<string, number>;
  criteria: Record<string, { value: number; indicator: number | null }>;
}
interface PublishedEntries {
  ranked: number;
  results: Map<string, PublishedEntry>;
  ineligible: Map<string, string[]>;
}
/** The scorecards of each publication, read from its stored result once (a few publications at a time). */
const publishedEntries = new Map<number, PublishedEntries | null>();

async function entriesOfPublication(db: Db, publicationId: number): Promise<PublishedEntries | null> {
  if (publishedEntries.has(publicationId)) return publishedEntries.get(publicationId)!;
  const p = await getPublication(db, publicationId);
  let entries: PublishedEntries | null = null;
  try {
    // Written by publishing from the category's rubric, so its stage ids are the rubric's stage keys.
    const category = p ? (JSON.parse(p.result_json) as ScoringResult).categories?.[0] : undefined;
    if (category)
      entries = {
        ranked: category.ranking.length,
        results: new Map(
          category.ranking.map((r) => [
            r.nominee,
            {
              rank: r.rank,
              total: r.total,
              reached: r.reached as StageKey,
              stages: r.stages,
              // Only the published value per criterion (and the indicator for indicator criteria).
              criteria: Object.fromEntries(
                Object.entries(r.criteria).map(([k, c]) => [
                  k,
                  { value: c.value, indicator: "indicator" in c ? (c.indicator ?? null) : null },
                ]),
              ),
            },
          ]),
        ),
        ineligible: new Map((category.ineligible ?? []).map((x) => [x.nominee, x.failed])),
      };
  } catch {
    entries = null; // a stored result that does not parse shows no scorecard
  }
  publishedEntries.set(publicationId, entries);
  while (publishedEntries.size > MAX_CATEGORIES) publishedEntries.delete(publishedEntries.keys().next().value!);
  return entries;
}

/** An entry's published result (or the gates it failed) in a publication; null when it has none. */
export async function publishedEntry(db: Db, publicationId: number, entryId: number) {
  const entries = await entriesOfPublication(db, publicationId);
  if (!entries) return null;
  const id = String(entryId);
  const failed = entries.ineligible.get(id);
  return {
    ranked: entries.ranked,
    result: entries.results.get(id) ?? null,
    ineligible: failed ? { failed } : null,
  };
}

async function currentRanks(db: Db, categoryId: number) {
  const publication = await currentPublication(db, categoryId);
  if (!publication) return null;
  const ranks = await ranksOfPublication(db, publication.id);
  return ranks ? { publication, ranks } : null;
}

/** The category's current publication: its hash, date and the nominees ranked `top` or better. */
export async function publishedTop(db: Db, categoryId: number, top: number) {
  const current = await currentRanks(db, categoryId);
  if (!current) return null;
  const placed = [...current.ranks].filter(([, rank]) => rank <= top).map(([nominee, rank]) => ({ nominee, rank }));
  return { sha256: current.publication.sha256, publishedAt: current.publication.published_at, placed };
}

/** An entry's rank in the category's current publication (null: none, or not ranked in it). */
export async function publishedRank(db: Db, categoryId: number, entryId: number): Promise<number | null> {
  return (await currentRanks(db, categoryId))?.ranks.get(String(entryId)) ?? null;
}

export interface ExportAsk {
  format: "csv" | "xlsx";
  kind: "ranking" | "matrix";
  locale: Locale;
}

/**
 * A category's export file (the live ranking, or the full score matrix), in the asker's language:
 * null when there is no valid result. Made from the cached result without the sensitivity check,
 * which no export shows.
 */
export async function exportFile(db: Db, category: CategoryRef, ask: ExportAsk) {
  const { scoring } = await cachedScoring(db, category, { sensitivity: false });
  const result = scoring?.result?.categories[0];
  if (!scoring || !scoring.parsed.ok || !result) return null;
  const input = scoring.parsed.input;
  const [definition, names] = await Promise.all([
    loadRubricDefinition(db, scoring.rubricId),
    userNames(db, [...new Set(input.scores.map((s) => Number(s.assessor)))]),
  ]);
  const ctx: ExportContext = {
    input,
    result,
    entryName: new Map(scoring.entries.map((e) => [String(e.id), e.organisation_name])),
    assessorName: new Map([...names].map(([k, v]) => [String(k), v])),
    // A criterion without an English name keeps its Indonesian one.
    criterionName: new Map(
      definition.criteria.map((c) => [c.id, (ask.locale === "en" ? c.name?.en || c.name?.id : c.name?.id) || c.id]),
    ),
    t: translator(ask.locale),
  };
  if (ask.format === "csv") return ask.kind === "matrix" ? matrixCsv(ctx) : rankingCsv(ctx);
  return new Uint8Array(await workbook(ctx));
}

/**
 * What a plenary's pages read of its category's ranking at one stage (app/domain/plenary-figures.ts):
 * from the current data version's result with the sensitivity check (the rank without each
 * assessor); null without a valid result.
 */
export async function plenaryRanking(
  db: Db,
  category: CategoryRef,
  stage: string,
  places: number,
): Promise<{ version: number; figures: PlenaryFigures | null }> {
  const { version, scoring } = await cachedScoring(db, category, { sensitivity: true });
  const result = scoring?.result?.categories[0];
  if (!scoring?.parsed.ok || !result) return { version, figures: null };
  // Cut down once per scoring, stage and places (each view of the list asks again).
  const key = `${stage}:${places}`;
  let made = plenaryFiguresOf.get(scoring);
  if (!made) plenaryFiguresOf.set(scoring, (made = new Map()));
  let figures = made.get(key);
  if (!figures) made.set(key, (figures = plenaryFigures(scoring.parsed.input, result, stage, places)));
  return { version, figures };
}
const plenaryFiguresOf = new WeakMap<CategoryScoring, Map<string, PlenaryFigures>>();

/** A plenary's minutes as a PDF (app/lib/minutes-pdf.server.ts): font work kept off the request thread. */
export async function minutesPdfFile(_db: Db, minutes: StoredMinutesPdf): Promise<Uint8Array> {
  return storedMinutesPdf(minutes);
}

/** Every question the ranking worker answers (app/server/ranking-worker.ts). */
export const engineOps = {
  rankingView,
  categorySnapshot,
  stageShortlist,
  liveRank,
  minutesStage,
  publishedTop,
  publishedRank,
  publicationPlaces,
  publicationIntact,
  publishedEntry,
  exportFile,
  plenaryRanking,
  minutesPdfFile,
};
export type EngineOp = keyof typeof engineOps;
