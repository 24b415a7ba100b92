// The input contract of docs/scoring-contract.md as a zod schema, including every cross-reference check
// (unknown ids, duplicates, value ≤ max, advance on the last stage, ...).
import { z } from "zod";
import { LIMITS, stepFits } from "./limits";
import { GATE_OPS, OVERRIDE_GATE, PRIOR_GATE } from "./gates";

// "__proto__" is refused: as a key of a plain object (indicators, the stages and criteria of the
// output) it would silently vanish.
const id = z
  .string()
  .min(1, "must be a non-empty string")
  .refine((v) => v !== "__proto__", { message: "is a reserved name", params: { code: "reserved_name" } });

/**
 * A number from lo to hi (LIMITS), one problem at most: "must be a whole number" (int), then
 * "must be > 0" (positive, for 0 and below), "must be ≥ lo" or "must be ≤ hi".
 */
function bounded(lo: number, hi: number, opts: { int?: boolean; positive?: boolean } = {}) {
  return z.number().superRefine((v, ctx) => {
    if (opts.int && !Number.isInteger(v)) fail(ctx, "not_integer", "must be a whole number");
    else if (opts.positive && v <= 0) fail(ctx, "not_positive", "must be > 0");
    else if (v < lo) fail(ctx, "too_small", `must be ≥ ${lo}`);
    else if (v > hi) fail(ctx, "too_big", `must be ≤ ${hi}`);
  });
}

function fail(ctx: z.RefinementCtx, code: ProblemCode, message: string): void {
  ctx.addIssue({ code: "custom", message, params: { code } });
}
const inRange = (v: number, r: { min: number; max: number }) => v >= r.min && v <= r.max;
const weight = bounded(LIMITS.weight.min, LIMITS.weight.max, { positive: true });
const value = bounded(-LIMITS.value, LIMITS.value);
const points = bounded(0, 100);
const count = (min: number) => bounded(min, LIMITS.count, { int: true });

const advanceSchema = z.union([z.strictObject({ top: count(1) }), z.strictObject({ minScore: points })]);

const stageSchema = z.strictObject({
  id,
  weight,
  advance: advanceSchema.optional(),
});

const bandSchema = z.strictObject({
  min: value,
  points,
});

const judgedCriterionSchema = z.strictObject({
  id,
  stage: id,
  weight,
  type: z.literal("judged"),
  max: bounded(LIMITS.max.min, LIMITS.max.max, { positive: true }),
  // The scale's step (scores are multiples of it). score() does not use it; the app's rubrics carry it.
  step: bounded(LIMITS.step.min, LIMITS.step.max, { positive: true }).optional(),
});

const indicatorCriterionSchema = z.strictObject({
  id,
  stage: id,
  weight,
  type: z.literal("indicator"),
  indicator: id,
  bands: z.array(bandSchema).min(1, "must have at least one band"),
});

const criterionSchema = z.discriminatedUnion("type", [judgedCriterionSchema, indicatorCriterionSchema]);

const gateSchema = z.strictObject({
  id,
  indicator: id,
  op: z.enum(GATE_OPS),
  value,
});

// How the rubric uses a nominee's prior total (docs/scoring-contract.md §1, §10): at least one key.
const priorSchema = z
  .strictObject({
    minScore: points.optional(),
    tieBreak: z.boolean().optional(),
  })
  .refine((p) => p.minScore !== undefined || p.tieBreak !== undefined, {
    message: "must have minScore or tieBreak",
    params: { code: "invalid_value" },
  });

const rubricSchema = z.strictObject({
  stages: z.array(stageSchema).min(1, "must have at least one stage"),
  criteria: z.array(criterionSchema).min(1, "must have at least one criterion"),
  gates: z.array(gateSchema).optional(),
  prior: priorSchema.optional(),
});

const aggregateSchema = z.strictObject({
  kind: z.enum(["mean", "median", "trimmed-mean"]),
  trim: count(0).optional(),
  minPanel: count(1).optional(),
});

const methodSchema = z.strictObject({
  aggregate: aggregateSchema.optional(),
  calibration: z.enum(["none", "zscore", "offset"]).optional(),
  ranking: z.enum(["competition", "dense"]).optional(),
  tieBreak: z.array(z.string().regex(/^(stage|criterion):.+$/, 'must be "stage:<id>" or "criterion:<id>"')).optional(), // code: invalid_format
  disagreementSd: bounded(0, LIMITS.sd).optional(),
  sensitivity: z
    .strictObject({
      weightDelta: z.number().gt(0, "must be > 0").lt(1, "must be < 1"),
    })
    .optional(),
});

const nomineeSchema = z.strictObject({
  id,
  category: id,
  // A null indicator counts as missing (convenient for data read from a database).
  indicators: z
    .custom<unknown>((v) => !(v !== null && typeof v === "object" && Object.hasOwn(v, "__proto__")), {
      message: '"__proto__" is a reserved name',
      params: { code: "reserved_name" },
    })
    .pipe(z.record(id, value.nullable()))
    .optional(),
  // The total of the round it was nominated from (0–100); null counts as missing.
  prior: points.nullable().optional(),
});

const scoreSchema = z.strictObject({
  assessor: id,
  nominee: id,
  criterion: id,
  value: z.number().min(0, "must be ≥ 0"),
});

// A decision of the plenary (docs/scoring-contract.md §15); the reason is kept with the result.
const overrideSchema = z.strictObject({
  nominee: id,
  stage: id,
  decision: z.enum(["advance", "exclude"]),
  reason: z.string().refine((r) => r.trim() !== "", { message: "must not be empty", params: { code: "empty_reason" } }),
});

const baseInputSchema = z.strictObject({
  // The output's version (docs/scoring-contract.md, *Contract versions*); absent: 1.
  contract: z.union([z.literal(1), z.literal(2)]).optional(),
  rubric: rubricSchema,
  method: methodSchema.optional(),
  nominees: z.array(nomineeSchema),
  scores: z.array(scoreSchema),
  overrides: z.array(overrideSchema).optional(),
});

type BaseInput = z.infer<typeof baseInputSchema>;
type PathSeg = string | number;

/** Cross-reference checks that a plain shape cannot express. */
function checkReferences(input: BaseInput, add: (path: PathSeg[], code: ProblemCode, message: string) => void): void {
  const { rubric } = input;
  const stageIds = new Map<string, number>();
  rubric.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) add(["rubric", "stages", i, "id"], "duplicate_stage", `duplicate stage id "${s.id}"`);
    else stageIds.set(s.id, i);
    if (i === rubric.stages.length - 1 && s.advance !== undefined) {
      add(["rubric", "stages", i, "advance"], "advance_on_last_stage", "must be absent on the last stage");
    }
  });

  const criteria = new Map<string, BaseInput["rubric"]["criteria"][number]>();
  const stageHasCriteria = new Set<string>();
  rubric.criteria.forEach((c, i) => {
    if (criteria.has(c.id))
      add(["rubric", "criteria", i, "id"], "duplicate_criterion", `duplicate criterion id "${c.id}"`);
    else criteria.set(c.id, c);
    if (!stageIds.has(c.stage)) add(["rubric", "criteria", i, "stage"], "unknown_stage", `unknown stage "${c.stage}"`);
    else stageHasCriteria.add(c.stage);
    // (Only when max and step are each within their range: otherwise that is the problem.)
    if (
      c.type === "judged" &&
      c.step !== undefined &&
      inRange(c.max, LIMITS.max) &&
      inRange(c.step, LIMITS.step) &&
      !stepFits(c.max, c.step)
    ) {
      add(
        ["rubric", "criteria", i, "step"],
        "step_does_not_fit",
        `must divide max (${c.max}) into whole steps (at most ${LIMITS.steps})`,
      );
    }
    if (c.type === "indicator") {
      const mins = new Set<number>();
      c.bands.forEach((b, j) => {
        if (mins.has(b.min))
          add(["rubric", "criteria", i, "bands", j, "min"], "duplicate_band_min", `duplicate band min (${b.min})`);
        mins.add(b.min);
      });
    }
  });
  rubric.stages.forEach((s, i) => {
    if (stageIds.get(s.id) === i && !stageHasCriteria.has(s.id)) {
      add(["rubric", "stages", i], "stage_without_criteria", `stage "${s.id}" has no criteria`);
    }
  });

  // With a minimum prior, "prior" names that gate in `failed` (§1), and with an exclusion
  // "override" does (§15): no rubric gate may take them.
  const overrides = input.overrides ?? [];
  const excludes = overrides.some((o) => o.decision === "exclude");
  const gateIds = new Set<string>(rubric.prior?.minScore !== undefined ? [PRIOR_GATE] : []);
  if (excludes) gateIds.add(OVERRIDE_GATE);
  (rubric.gates ?? []).forEach((g, i) => {
    if (gateIds.has(g.id)) {
      const first = !rubric.gates!.slice(0, i).some((x) => x.id === g.id);
      const message =
        first && g.id === PRIOR_GATE
          ? `gate id "${PRIOR_GATE}" is taken by rubric.prior.minScore`
          : first && g.id === OVERRIDE_GATE
            ? `gate id "${OVERRIDE_GATE}" is taken by an exclusion in overrides`
            : `duplicate gate id "${g.id}"`;
      add(["rubric", "gates", i, "id"], "duplicate_gate", message);
    }
    gateIds.add(g.id);
  });

  const tieBreak = input.method?.tieBreak ?? [];
  const seenTieBreak = new Set<string>();
  tieBreak.forEach((t, i) => {
    const path = ["method", "tieBreak", i];
    if (seenTieBreak.has(t)) add(path, "duplicate_tie_break", `duplicate tie-break "${t}"`);
    seenTieBreak.add(t);
    const colon = t.indexOf(":");
    const kind = t.slice(0, colon);
    const ref = t.slice(colon + 1);
    if (kind === "stage" && !stageIds.has(ref)) add(path, "unknown_stage", `unknown stage "${ref}"`);
    if (kind === "criterion" && !criteria.has(ref)) add(path, "unknown_criterion", `unknown criterion "${ref}"`);
  });

  const nominees = new Map<string, number>();
  input.nominees.forEach((n, i) => {
    if (nominees.has(n.id)) add(["nominees", i, "id"], "duplicate_nominee", `duplicate nominee id "${n.id}"`);
    else nominees.set(n.id, nominees.size);
  });

  const overridden = new Map<string, number>();
  overrides.forEach((o, i) => {
    if (!nominees.has(o.nominee)) add(["overrides", i, "nominee"], "unknown_nominee", `unknown nominee "${o.nominee}"`);
    const s = stageIds.get(o.stage);
    if (s === undefined) add(["overrides", i, "stage"], "unknown_stage", `unknown stage "${o.stage}"`);
    else if (o.decision === "advance" && rubric.stages[s]!.advance === undefined)
      add(["overrides", i, "decision"], "override_without_advance", `stage "${o.stage}" has no advance rule`);
    const key = JSON.stringify([o.nominee, o.stage]);
    const first = overridden.get(key);
    if (first !== undefined)
      add(
        ["overrides", i],
        "duplicate_override",
        `duplicate override for (${o.nominee}, ${o.stage}); first at overrides[${first}]`,
      );
    else overridden.set(key, i);
  });

  const scores = input.scores;
  const { firstOf, problem } = scoreChecks(scores, nominees, criteria);
  for (let i = 0; i < scores.length; i++) {
    const p = problem[i]!;
    const first = firstOf[i]!;
    if (p === 0 && first === i) continue;
    const s = scores[i]!;
    if (p & UNKNOWN_NOMINEE) add(["scores", i, "nominee"], "unknown_nominee", `unknown nominee "${s.nominee}"`);
    if (p & UNKNOWN_CRITERION)
      add(["scores", i, "criterion"], "unknown_criterion", `unknown criterion "${s.criterion}"`);
    else if (p & INDICATOR) {
      add(
        ["scores", i, "criterion"],
        "indicator_takes_no_scores",
        `criterion "${s.criterion}" is an indicator criterion and takes no scores`,
      );
    } else if (p & ABOVE_MAX) {
      const c = criteria.get(s.criterion) as { max: number };
      add(["scores", i, "value"], "above_max", `must be ≤ max (${c.max})`);
    }
    if (first !== i) {
      add(
        ["scores", i],
        "duplicate_score",
        `duplicate score for (${s.assessor}, ${s.nominee}, ${s.criterion}); first at scores[${first}]`,
      );
    }
  }
}

const UNKNOWN_NOMINEE = 1;
const UNKNOWN_CRITERION = 2;
const INDICATOR = 4;
const ABOVE_MAX = 8;

/**
 * One pass over the scores: the problems of each (bits above) and the index of the first score with
 * the same (assessor, nominee, criterion). Scores of a known nominee and criterion are bucketed by
 * (nominee, criterion) with typed arrays and compared by assessor within their bucket; the others
 * (and very full buckets) go by a Map.
 */
function scoreChecks(
  scores: readonly Score[],
  nominees: Map<string, number>,
  criteria: Map<string, BaseInput["rubric"]["criteria"][number]>,
): { firstOf: Int32Array; problem: Uint8Array } {
  const M = scores.length;
  const firstOf = new Int32Array(M);
  const problem = new Uint8Array(M);
  // Per criterion id: its index, and its max (−1: an indicator criterion).
  const critIndex = new Map<string, number>();
  const critMax: number[] = [];
  for (const [id, c] of criteria) {
    critIndex.set(id, critMax.length);
    critMax.push(c.type === "judged" ? c.max : -1);
  }
  const K = critMax.length;
  const buckets = nominees.size * K <= 2 ** 26 ? nominees.size * K : 0;
  const byKey = new Map<string, number>();
  const bucketOf = new Int32Array(M);
  const asr = new Int32Array(M);
  const assessors = new Map<string, number>();
  const start = new Int32Array(buckets + 1);
  // Scores usually come grouped by nominee and criterion, each criterion's panel in the same order:
  // remember the last lookups, and the assessors of the last run by their place in it.
  let lastNominee: string | null = null;
  let n: number | undefined;
  let lastCriterion: string | null = null;
  let c: number | undefined;
  let place = 0;
  const runNames: string[] = [];
  const runIndex: number[] = [];
  for (let i = 0; i < M; i++) {
    const s = scores[i]!;
    if (s.nominee !== lastNominee || s.criterion !== lastCriterion) {
      place = 0;
      if (s.nominee !== lastNominee) n = nominees.get((lastNominee = s.nominee));
      if (s.criterion !== lastCriterion) c = critIndex.get((lastCriterion = s.criterion));
    }
    let p = 0;
    if (n === undefined) p |= UNKNOWN_NOMINEE;
    if (c === undefined) p |= UNKNOWN_CRITERION;
    else {
      const max = critMax[c]!;
      if (max < 0) p |= INDICATOR;
      else if (s.value > max) p |= ABOVE_MAX;
    }
    problem[i] = p;
    if (n === undefined || c === undefined || buckets === 0) {
      bucketOf[i] = -1;
      const key = JSON.stringify([s.assessor, s.nominee, s.criterion]);
      const first = byKey.get(key);
      if (first === undefined) byKey.set(key, i);
      firstOf[i] = first ?? i;
      continue;
    }
    const name = s.assessor;
    let a: number;
    if (place < runNames.length && runNames[place] === name) a = runIndex[place]!;
    else {
      const known = assessors.get(name);
      if (known === undefined) assessors.set(name, (a = assessors.size));
      else a = known;
      runNames[place] = name;
      runIndex[place] = a;
    }
    place++;
    const b = n * K + c;
    bucketOf[i] = b;
    asr[i] = a;
    start[b + 1] = start[b + 1]! + 1;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] = start[b + 1]! + start[b]!;
  // Indices of each bucket, ascending (a stable counting sort).
  const members = new Int32Array(start[buckets]!);
  const fill = start.slice(0, buckets);
  for (let i = 0; i < M; i++) {
    const b = bucketOf[i]!;
    if (b >= 0) members[fill[b]!++] = i;
  }
  const firstByAssessor = new Map<number, number>();
  for (let b = 0; b < buckets; b++) {
    const from = start[b]!;
    const to = start[b + 1]!;
    if (to - from > 32) {
      firstByAssessor.clear();
      for (let k = from; k < to; k++) {
        const i = members[k]!;
        const first = firstByAssessor.get(asr[i]!);
        if (first === undefined) firstByAssessor.set(asr[i]!, i);
        firstOf[i] = first ?? i;
      }
      continue;
    }
    for (let k = from; k < to; k++) {
      const i = members[k]!;
      const a = asr[i]!;
      let first = i;
      for (let j = from; j < k; j++) {
        if (asr[members[j]!] === a) {
          first = members[j]!;
          break;
        }
      }
      firstOf[i] = first;
    }
  }
  return { firstOf, problem };
}

export const ScoringInputSchema = baseInputSchema.superRefine((input, ctx) => {
  checkReferences(input, (path, code, message) => ctx.addIssue({ code: "custom", path, message, params: { code } }));
});

export type ScoringInput = z.infer<typeof ScoringInputSchema>;
export type Rubric = ScoringInput["rubric"];
export type Stage = Rubric["stages"][number];
export type Advance = NonNullable<Stage["advance"]>;
export type Criterion = Rubric["criteria"][number];
export type JudgedCriterion = Extract<Criterion, { type: "judged" }>;
export type IndicatorCriterion = Extract<Criterion, { type: "indicator" }>;
export type Band = IndicatorCriterion["bands"][number];
export type Gate = NonNullable<Rubric["gates"]>[number];
export type GateOp = Gate["op"];
export type Method = NonNullable<ScoringInput["method"]>;
export type Nominee = ScoringInput["nominees"][number];
export type Score = ScoringInput["scores"][number];
export type Override = NonNullable<ScoringInput["overrides"]>[number];

/**
 * The stable codes of the problems (docs/scoring-contract.md, *Errors*): callers that say a problem
 * in another language go by its code and path, never by the English message.
 */
export const PROBLEM_CODES = [
  // the shape (from zod): wrong type, unknown key, value not among the allowed ones, malformed text
  "invalid_type",
  "unknown_key",
  "invalid_value",
  "invalid_format",
  // ids and lists
  "empty_id",
  "reserved_name",
  "empty_list",
  // numbers out of their bounds
  "not_integer",
  "not_positive",
  "too_small",
  "too_big",
  // cross-references and rules
  "duplicate_stage",
  "duplicate_criterion",
  "duplicate_gate",
  "duplicate_nominee",
  "duplicate_band_min",
  "duplicate_tie_break",
  "duplicate_score",
  "unknown_stage",
  "unknown_criterion",
  "unknown_nominee",
  "stage_without_criteria",
  "indicator_takes_no_scores",
  "advance_on_last_stage",
  "above_max",
  "step_does_not_fit",
  // overrides (§15)
  "empty_reason",
  "override_without_advance",
  "duplicate_override",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  path: string;
  code: ProblemCode;
  message: string;
}

export type ParseResult = { ok: true; input: ScoringInput } | { ok: false; problems: Problem[] };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a zod path as a JSON path: `scores[3].value`, `nominees[0].indicators["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const key = String(seg);
      if (IDENT.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === "" ? "(root)" : out;
}

/** Checks an unknown value (already parsed from JSON) against the contract. */
export function parseScoringInput(json: unknown): ParseResult {
  const fast = parseWithPlainLists(json);
  if (fast !== null) return fast;
  const result = ScoringInputSchema.safeParse(json);
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, problems: result.error.issues.map(toProblem) };
}

function toProblem(issue: z.core.$ZodIssue): Problem {
  return { path: formatPath(issue.path), code: problemCode(issue), message: issue.message };
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype;

/**
 * The shape check of one score by hand, for the common case only: true when zod would find no
 * problem with it (a plain object with exactly the four keys, ids non-empty and not "__proto__",
 * a finite value ≥ 0). Anything else leaves the whole input to zod.
 */
function plainScore(s: unknown): s is Score {
  if (!isPlainObject(s)) return false;
  let keys = 0;
  for (const key in s) {
    if (key !== "assessor" && key !== "nominee" && key !== "criterion" && key !== "value") return false;
    keys++;
  }
  if (keys !== 4) return false;
  const { assessor, nominee, criterion, value } = s;
  return (
    plainId(assessor) &&
    plainId(nominee) &&
    plainId(criterion) &&
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= 0
  );
}

const plainId = (v: unknown): boolean => typeof v === "string" && v.length > 0 && v !== "__proto__";

/**
 * The shape check of one nominee by hand, for the common case only: its copy as zod returns it
 * (keys in the schema's order) when zod would find no problem with it, else null.
 */
function plainNominee(n: unknown): Nominee | null {
  if (!isPlainObject(n)) return null;
  let keys = 0;
  let withIndicators = false;
  let withPrior = false;
  for (const key in n) {
    if (key === "indicators") withIndicators = true;
    else if (key === "prior") withPrior = true;
    else if (key !== "id" && key !== "category") return null;
    keys++;
  }
  if (keys !== 2 + (withIndicators ? 1 : 0) + (withPrior ? 1 : 0)) return null;
  const { id, category, indicators, prior } = n;
  if (!plainId(id) || !plainId(category)) return null;
  if (prior !== undefined && prior !== null && !(typeof prior === "number" && prior >= 0 && prior <= 100)) return null;
  const copy: Nominee = { id: id as string, category: category as string };
  if (withIndicators) {
    if (indicators === undefined) copy.indicators = undefined;
    else {
      if (!isPlainObject(indicators)) return null;
      const values: Record<string, number | null> = {};
      for (const key of Reflect.ownKeys(indicators)) {
        if (typeof key !== "string" || !plainId(key) || !Object.prototype.propertyIsEnumerable.call(indicators, key))
          return null;
        const v = indicators[key];
        if (v !== null && !(typeof v === "number" && Number.isFinite(v) && v >= -LIMITS.value && v <= LIMITS.value))
          return null;
        values[key] = v;
      }
      copy.indicators = values;
    }
  }
  if (withPrior) copy.prior = prior as number | null | undefined;
  return copy;
}

/**
 * Large inputs are mostly scores and nominees, and zod takes microseconds for each. When every
 * score and nominee passes the plain check, zod checks the rest (the rubric and the method) and the
 * cross-reference checks run over the real lists: the same problems, in the same order, as zod over
 * the whole input (items with no shape problem add none). Null when the fast path does not apply
 * (then zod checks the whole input).
 */
function parseWithPlainLists(json: unknown): ParseResult | null {
  if (!isPlainObject(json)) return null;
  for (const key of Object.getOwnPropertyNames(json)) {
    if (!Object.prototype.propertyIsEnumerable.call(json, key)) return null;
  }
  const { scores, nominees } = json;
  if (!isPlainArray(scores) || !isPlainArray(nominees)) return null;
  const scoreCopies: Score[] = new Array<Score>(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s: unknown = scores[i];
    if (!plainScore(s)) return null;
    // A fresh object in the schema's key order, as zod returns it.
    scoreCopies[i] = { assessor: s.assessor, nominee: s.nominee, criterion: s.criterion, value: s.value };
  }
  const nomineeCopies: Nominee[] = new Array<Nominee>(nominees.length);
  for (let i = 0; i < nominees.length; i++) {
    const copy = plainNominee(nominees[i]);
    if (copy === null) return null;
    nomineeCopies[i] = copy;
  }
  const rest = baseInputSchema.safeParse({ ...json, nominees: [], scores: [] });
  if (!rest.success) return null; // zod over the whole input says it all, in its order
  const input = rest.data;
  input.nominees = nomineeCopies;
  input.scores = scoreCopies;
  const problems: Problem[] = [];
  checkReferences(input, (path, code, message) => problems.push({ path: formatPath(path), code, message }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}

const isPlainArray = (x: unknown): x is unknown[] => Array.isArray(x) && Object.getPrototypeOf(x) === Array.prototype;

/** The code of a zod issue: ours when we raised it, else from zod's own code. */
function problemCode(issue: z.core.$ZodIssue): ProblemCode {
  switch (issue.code) {
    case "custom":
      return (issue.params as { code?: ProblemCode } | undefined)?.code ?? "invalid_value";
    case "invalid_type":
      return "invalid_type";
    case "unrecognized_keys":
      return "unknown_key";
    case "invalid_format":
      return "invalid_format";
    case "too_small":
      return issue.origin === "string" ? "empty_id" : issue.origin === "array" ? "empty_list" : "too_small";
    case "too_big":
      return "too_big";
    default:
      // invalid_value (enums, literals), invalid_union, invalid_key, invalid_element, not_multiple_of
      return "invalid_value";
  }
}
