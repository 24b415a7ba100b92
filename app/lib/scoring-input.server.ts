import type { Db } from "../../db/client";
import type { Category } from "../../db/schema";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { toScoringRubric } from "../domain/rubric";
import { indicatorValues, scoredEntries, submittedScores } from "../../db/queries/scoring-data";
import { categoryOverrides } from "../../db/queries/plenary-decisions";
import {
  OVERRIDE_GATE,
  parseScoringInput,
  score,
  type ParseResult,
  type ScoringInput,
  type ScoringResult,
} from "../../scoring/index";
import { createHash } from "node:crypto";

// Builds the scoring input of one category from the database (the shape of docs/scoring-contract.md) and scores it.
// The console never computes a total itself: every number shown comes from score().

export interface CategoryScoring {
  rubricId: number;
  parsed: ParseResult;
  result: ScoringResult | null;
  /** The snapshot this input and result would publish (its sha256 is what a sign-off approves); null when refused. */
  snapshot: Snapshot | null;
  entries: Awaited<ReturnType<typeof scoredEntries>>;
}

function parseMethodJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return {};
  }
}

export async function buildScoringInput(
  db: Db,
  category: Pick<Category, "id" | "key">,
  { sensitivity = true }: ScoringOptions = {},
) {
  const rubric = await currentRubric(db, category.id);
  if (!rubric) return null;
  const definition = await loadRubricDefinition(db, rubric.id);
  const entries = await scoredEntries(db, category.id);
  const ids = entries.map((e) => e.id);
  const [indicators, scores, decided] = await Promise.all([
    indicatorValues(db, ids),
    submittedScores(db, ids, rubric.id),
    categoryOverrides(db, category.id),
  ]);
  // The plenary's decisions on entries still scored (an entry reopened since is no nominee).
  const scored = new Set(ids.map(String));
  const overrides = decided.filter((o) => scored.has(o.nominee));
  const byEntry = new Map<number, Record<string, number>>();
  for (const iv of indicators) {
    const rec = byEntry.get(iv.entry_id) ?? {};
    rec[iv.indicator] = iv.value;
    byEntry.set(iv.entry_id, rec);
  }
  // The committee always sees the sensitivity check: ±10% per weight and one assessor less,
  // unless the rubric's method asks for another δ. What does not show it (the exports) leaves it
  // out: it changes nothing else of the result.
  const stored = parseMethodJson(rubric.method);
  const method =
    stored && typeof stored === "object" && !Array.isArray(stored)
      ? sensitivity
        ? { sensitivity: { weightDelta: 0.1 }, ...stored }
        : Object.fromEntries(Object.entries(stored).filter(([key]) => key !== "sensitivity"))
      : stored;
  const input = {
    // Contract 2 adds the one-way agreement and each sheet's rankWithout to the output
    // (docs/scoring-contract.md, *Contract versions*); snapshots published before stay version 1.
    contract: 2 as const,
    rubric: toScoringRubric(definition),
    method,
    // A nominated entry's prior is its provincial total (docs/scoring-contract.md §1, §10); it counts
    // only when the rubric says so. Left out (missing) for an entry not nominated, so that a
    // provincial category's input reads, and hashes, as before.
    nominees: entries.map((e) => ({
      id: String(e.id),
      category: category.key,
      indicators: byEntry.get(e.id) ?? {},
      ...(e.source_total !== null ? { prior: e.source_total } : {}),
    })),
    scores: scores.map((s) => ({
      assessor: String(s.user_id),
      nominee: String(s.entry_id),
      criterion: s.criterion,
      value: s.value as number,
    })),
    // The plenary's decisions (§15), only when there are any.
    ...(overrides.length > 0 ? { overrides } : {}),
  };
  return { rubric, definition, entries, input };
}

export interface ScoringOptions {
  /** Run the sensitivity check (the ranking page and the snapshot do; the exports do not). */
  sensitivity?: boolean;
}

/**
 * The input and its score() result of a category (result null when the input is refused). The
 * snapshot (2–10 MB of JSON at national scale, and its hash) is made on first use only.
 */
export async function scoreCategory(
  db: Db,
  category: Pick<Category, "id" | "key">,
  options: ScoringOptions = {},
): Promise<CategoryScoring | null> {
  const built = await buildScoringInput(db, category, options);
  if (!built) return null;
  const parsed = parseScoringInput(built.input);
  const result = parsed.ok ? score(parsed.input) : null;
  let snapshot: Snapshot | null | undefined;
  return {
    rubricId: built.rubric.id,
    // The raw input is not kept: parsing copied what counts (a large category holds it twice else).
    parsed,
    result,
    get snapshot() {
      return (snapshot ??= parsed.ok ? snapshotOf(parsed.input, result!) : null);
    },
    entries: built.entries,
  };
}

export type Snapshot = ReturnType<typeof snapshotOf>;

/** The publication snapshot: exact input and result JSON, and the SHA-256 of both. */
export function snapshotOf(input: ScoringInput, result: ScoringResult) {
  const inputJson = JSON.stringify(input);
  const resultJson = JSON.stringify(result);
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
 * The shortlist at the end of a stage, derived from score()'s `reached`: nominees that took part
 * in the stage and reached a later one advance; the others that took part (and, at the first
 * stage, the ineligible ones; at any stage, those the plenary excluded: failed "override") do not.
 * The last stage has no shortlist.
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
  for (const x of cat.ineligible) if (at === 0 || x.failed.includes(OVERRIDE_GATE)) notAdvancing.push(x.nominee);
  return { advancing, notAdvancing };
}
