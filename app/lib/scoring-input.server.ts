import type { Db } from "../../db/client";
import type { Category } from "../../db/schema";
import { currentRubric, loadRubricDefinition, toScoringRubric } from "../../db/queries/rubrics";
import { indicatorValues, insertPublication, publicationByHash, scoredEntries, submittedScores } from "../../db/queries/committee";
import { parseScoringInput, score, type ParseResult, type ScoringInput, type ScoringResult } from "../../scoring/index";
import { createHash } from "node:crypto";

// Builds the scoring input of one category from the database (SCORING.md's shape) and scores it.
// The console never computes a total itself: every number shown comes from score().

export interface CategoryScoring {
  rubricId: number;
  /** The raw input, in a fixed order (entries by id, scores by entry, assessor, criterion). */
  input: unknown;
  parsed: ParseResult;
  result: ScoringResult | null;
  entries: Awaited<ReturnType<typeof scoredEntries>>;
}

function parseMethodJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return {};
  }
}

export async function buildScoringInput(db: Db, category: Pick<Category, "id" | "key">) {
  const rubric = await currentRubric(db, category.id);
  if (!rubric) return null;
  const definition = await loadRubricDefinition(db, rubric.id);
  const entries = await scoredEntries(db, category.id);
  const ids = entries.map((e) => e.id);
  const [indicators, scores] = await Promise.all([indicatorValues(db, ids), submittedScores(db, ids)]);
  const byEntry = new Map<number, Record<string, number>>();
  for (const iv of indicators) {
    const rec = byEntry.get(iv.entry_id) ?? {};
    rec[iv.indicator] = iv.value;
    byEntry.set(iv.entry_id, rec);
  }
  const method = parseMethodJson(rubric.method);
  const input = {
    rubric: toScoringRubric(definition),
    ...(method && typeof method === "object" && Object.keys(method).length > 0 ? { method } : {}),
    nominees: entries.map((e) => ({ id: String(e.id), category: category.key, indicators: byEntry.get(e.id) ?? {} })),
    scores: scores.map((s) => ({ assessor: String(s.user_id), nominee: String(s.entry_id), criterion: s.criterion, value: s.value as number })),
  };
  return { rubric, definition, entries, input };
}

/** The input and its score() result of a category (result null when the input is refused). */
export async function scoreCategory(db: Db, category: Pick<Category, "id" | "key">): Promise<CategoryScoring | null> {
  const built = await buildScoringInput(db, category);
  if (!built) return null;
  const parsed = parseScoringInput(built.input);
  return {
    rubricId: built.rubric.id,
    input: built.input,
    parsed,
    result: parsed.ok ? score(parsed.input) : null,
    entries: built.entries,
  };
}

/** The publication snapshot: exact input and result JSON, and the SHA-256 of both. */
export function snapshot(input: ScoringInput) {
  const inputJson = JSON.stringify(input);
  const resultJson = JSON.stringify(score(input));
  return { inputJson, resultJson, sha256: snapshotHash(inputJson, resultJson) };
}

/** SHA-256 (hex) over the stored input JSON, a newline and the stored result JSON. */
export function snapshotHash(inputJson: string, resultJson: string): string {
  return createHash("sha256").update(inputJson).update("\n").update(resultJson).digest("hex");
}

/** Re-runs score() on a stored input JSON (what the reproducibility check compares). */
export function rescore(inputJson: string): string | null {
  const parsed = parseScoringInput(JSON.parse(inputJson) as unknown);
  return parsed.ok ? JSON.stringify(score(parsed.input)) : null;
}

/**
 * Publishes a category: scores the current input, stores the snapshot (input, result, rubric,
 * hash, who, when). Refuses (returns the problems) when the input does not pass the contract.
 */
export async function publishCategory(
  db: Db,
  args: { editionId: number; category: Pick<Category, "id" | "key">; userId: number },
): Promise<{ ok: true; id: number; sha256: string } | { ok: false; problems: { path: string; message: string }[] }> {
  const built = await buildScoringInput(db, args.category);
  if (!built) return { ok: false, problems: [{ path: "rubric", message: "no rubric" }] };
  const parsed = parseScoringInput(built.input);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const snap = snapshot(parsed.input);
  // The same data published again gives the same hash: keep the first snapshot (hashes are unique).
  const same = await publicationByHash(db, snap.sha256);
  if (same) return { ok: true, id: same.id, sha256: snap.sha256 };
  const id = await insertPublication(db, {
    editionId: args.editionId, categoryId: args.category.id, rubricId: built.rubric.id,
    inputJson: snap.inputJson, resultJson: snap.resultJson, sha256: snap.sha256, userId: args.userId,
  });
  return { ok: true, id, sha256: snap.sha256 };
}

/**
 * The shortlist at the end of a stage, derived from score()'s `reached`: nominees that took part
 * in the stage and reached a later one advance; the others that took part (and, at the first
 * stage, the ineligible ones) do not. The last stage has no shortlist.
 */
export function shortlistOf(result: ScoringResult, stageIds: string[], stage: string) {
  const at = stageIds.indexOf(stage);
  const cat = result.categories[0];
  // After the last stage nobody advances or falls out: the finalists go to sign-off as they are.
  if (!cat || at < 0 || at === stageIds.length - 1) return { advancing: [] as string[], notAdvancing: [] as string[] };
  const advancing: string[] = [];
  const notAdvancing: string[] = [];
  for (const r of cat.ranking) {
    const reached = stageIds.indexOf(r.reached);
    if (reached > at) advancing.push(r.nominee);
    else if (reached === at) notAdvancing.push(r.nominee);
  }
  if (at === 0) notAdvancing.push(...cat.ineligible.map((x) => x.nominee));
  return { advancing, notAdvancing };
}
