import type { Db } from "../../db/client";
import type { Category, StageKey } from "../../db/schema";
import { editionStages } from "../../db/queries/editions";
import { isFinal, stagesNotClosed } from "../domain/stages";
import { currentRubric, loadRubricDefinition } from "../../db/queries/rubrics";
import { toScoringRubric } from "../domain/rubric";
import { indicatorValues, scoredEntries, submittedScores } from "../../db/queries/scoring-data";
import { publishSnapshot } from "../../db/queries/publications";
import { parseScoringInput, score, type ParseResult, type ScoringInput, type ScoringResult } from "../../scoring/index";
import { createHash } from "node:crypto";

// Builds the scoring input of one category from the database (the shape of docs/scoring-contract.md) and scores it.
// The console never computes a total itself: every number shown comes from score().

export interface CategoryScoring {
  rubricId: number;
  /** The raw input, in a fixed order (entries by id, scores by entry, assessor, criterion). */
  input: unknown;
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

export async function buildScoringInput(db: Db, category: Pick<Category, "id" | "key">) {
  const rubric = await currentRubric(db, category.id);
  if (!rubric) return null;
  const definition = await loadRubricDefinition(db, rubric.id);
  const entries = await scoredEntries(db, category.id);
  const ids = entries.map((e) => e.id);
  const [indicators, scores] = await Promise.all([indicatorValues(db, ids), submittedScores(db, ids, rubric.id)]);
  const byEntry = new Map<number, Record<string, number>>();
  for (const iv of indicators) {
    const rec = byEntry.get(iv.entry_id) ?? {};
    rec[iv.indicator] = iv.value;
    byEntry.set(iv.entry_id, rec);
  }
  // The committee always sees the sensitivity check: ±10% per weight and one assessor less,
  // unless the rubric's method asks for another δ.
  const stored = parseMethodJson(rubric.method);
  const method =
    stored && typeof stored === "object" && !Array.isArray(stored)
      ? { sensitivity: { weightDelta: 0.1 }, ...stored }
      : stored;
  const input = {
    rubric: toScoringRubric(definition),
    method,
    nominees: entries.map((e) => ({ id: String(e.id), category: category.key, indicators: byEntry.get(e.id) ?? {} })),
    scores: scores.map((s) => ({
      assessor: String(s.user_id),
      nominee: String(s.entry_id),
      criterion: s.criterion,
      value: s.value as number,
    })),
  };
  return { rubric, definition, entries, input };
}

/** The input and its score() result of a category (result null when the input is refused). */
export async function scoreCategory(db: Db, category: Pick<Category, "id" | "key">): Promise<CategoryScoring | null> {
  const built = await buildScoringInput(db, category);
  if (!built) return null;
  const parsed = parseScoringInput(built.input);
  const result = parsed.ok ? score(parsed.input) : null;
  return {
    rubricId: built.rubric.id,
    input: built.input,
    parsed,
    result,
    snapshot: parsed.ok ? snapshotOf(parsed.input, result!) : null,
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

export type PublishResult =
  | { ok: true; id: number; sha256: string }
  | { ok: false; reason: "invalid"; problems: { path: string; message: string }[] }
  | { ok: false; reason: "not_signed_off" | "changed_since_sign_off" }
  | { ok: false; reason: "stages_open"; open: StageKey[] };

/**
 * Publishes a category: scores the current input and stores the snapshot (input, result, rubric,
 * hash, who, when). Only the data the committee signed off can be published: when anything
 * changed since (a reopened scoresheet, a new rubric version), the hash differs and the category
 * must be signed off again. Refused while a stage of the edition is not closed (the result is not
 * final yet), whatever was signed off.
 */
export async function publishCategory(
  db: Db,
  args: { editionId: number; category: Pick<Category, "id" | "key" | "signed_off_sha256">; userId: number },
): Promise<PublishResult> {
  const stages = await editionStages(db, args.editionId);
  if (!isFinal(stages)) return { ok: false, reason: "stages_open", open: stagesNotClosed(stages).map((s) => s.key) };
  const scoring = await scoreCategory(db, args.category);
  if (!scoring) return { ok: false, reason: "invalid", problems: [{ path: "rubric", message: "no rubric" }] };
  if (!scoring.parsed.ok) return { ok: false, reason: "invalid", problems: scoring.parsed.problems };
  if (!args.category.signed_off_sha256) return { ok: false, reason: "not_signed_off" };
  const snap = scoring.snapshot!;
  if (snap.sha256 !== args.category.signed_off_sha256) return { ok: false, reason: "changed_since_sign_off" };
  const { id } = await publishSnapshot(db, {
    editionId: args.editionId,
    categoryId: args.category.id,
    rubricId: scoring.rubricId,
    inputJson: snap.inputJson,
    resultJson: snap.resultJson,
    sha256: snap.sha256,
    userId: args.userId,
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
