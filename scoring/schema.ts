// The input contract of docs/scoring-contract.md as a zod schema, including every cross-reference check
// (unknown ids, duplicates, value ≤ max, advance on the last stage, ...).
import { z } from "zod";
import { LIMITS, stepFits } from "./limits";
import { GATE_OPS } from "./gates";

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
    const fail = (code: ProblemCode, message: string) => ctx.addIssue({ code: "custom", message, params: { code } });
    if (opts.int && !Number.isInteger(v)) fail("not_integer", "must be a whole number");
    else if (opts.positive && v <= 0) fail("not_positive", "must be > 0");
    else if (v < lo) fail("too_small", `must be ≥ ${lo}`);
    else if (v > hi) fail("too_big", `must be ≤ ${hi}`);
  });
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

const rubricSchema = z.strictObject({
  stages: z.array(stageSchema).min(1, "must have at least one stage"),
  criteria: z.array(criterionSchema).min(1, "must have at least one criterion"),
  gates: z.array(gateSchema).optional(),
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
});

const scoreSchema = z.strictObject({
  assessor: id,
  nominee: id,
  criterion: id,
  value: z.number().min(0, "must be ≥ 0"),
});

const baseInputSchema = z.strictObject({
  rubric: rubricSchema,
  method: methodSchema.optional(),
  nominees: z.array(nomineeSchema),
  scores: z.array(scoreSchema),
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

  const gateIds = new Set<string>();
  (rubric.gates ?? []).forEach((g, i) => {
    if (gateIds.has(g.id)) add(["rubric", "gates", i, "id"], "duplicate_gate", `duplicate gate id "${g.id}"`);
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

  const nominees = new Set<string>();
  input.nominees.forEach((n, i) => {
    if (nominees.has(n.id)) add(["nominees", i, "id"], "duplicate_nominee", `duplicate nominee id "${n.id}"`);
    nominees.add(n.id);
  });

  const seen = new Map<string, number>();
  input.scores.forEach((s, i) => {
    if (!nominees.has(s.nominee)) add(["scores", i, "nominee"], "unknown_nominee", `unknown nominee "${s.nominee}"`);
    const c = criteria.get(s.criterion);
    if (c === undefined) add(["scores", i, "criterion"], "unknown_criterion", `unknown criterion "${s.criterion}"`);
    else if (c.type !== "judged") {
      add(
        ["scores", i, "criterion"],
        "indicator_takes_no_scores",
        `criterion "${s.criterion}" is an indicator criterion and takes no scores`,
      );
    } else if (s.value > c.max) add(["scores", i, "value"], "above_max", `must be ≤ max (${c.max})`);
    const key = JSON.stringify([s.assessor, s.nominee, s.criterion]);
    const first = seen.get(key);
    if (first !== undefined) {
      add(
        ["scores", i],
        "duplicate_score",
        `duplicate score for (${s.assessor}, ${s.nominee}, ${s.criterion}); first at scores[${first}]`,
      );
    } else seen.set(key, i);
  });
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
  const result = ScoringInputSchema.safeParse(json);
  if (result.success) return { ok: true, input: result.data };
  const problems = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    code: problemCode(issue),
    message: issue.message,
  }));
  return { ok: false, problems };
}

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
