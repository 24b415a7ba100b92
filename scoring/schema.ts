// The input contract of docs/scoring-contract.md as a zod schema, including every cross-reference check
// (unknown ids, duplicates, value ≤ max, advance on the last stage, ...).
import { z } from "zod";
import { LIMITS, stepFits } from "./limits";

// "__proto__" is refused: as a key of a plain object (indicators, the stages and criteria of the
// output) it would silently vanish.
const id = z.string().min(1, "must be a non-empty string").refine((v) => v !== "__proto__", "is a reserved name");

/**
 * A number from lo to hi (LIMITS), one problem at most: "must be a whole number" (int), then
 * "must be > 0" (positive, for 0 and below), "must be ≥ lo" or "must be ≤ hi".
 */
function bounded(lo: number, hi: number, opts: { int?: boolean; positive?: boolean } = {}) {
  return z.number().superRefine((v, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message });
    if (opts.int && !Number.isInteger(v)) fail("must be a whole number");
    else if (opts.positive && v <= 0) fail("must be > 0");
    else if (v < lo) fail(`must be ≥ ${lo}`);
    else if (v > hi) fail(`must be ≤ ${hi}`);
  });
}
const inRange = (v: number, r: { min: number; max: number }) => v >= r.min && v <= r.max;
const weight = bounded(LIMITS.weight.min, LIMITS.weight.max, { positive: true });
const value = bounded(-LIMITS.value, LIMITS.value);
const points = bounded(0, 100);
const count = (min: number) => bounded(min, LIMITS.count, { int: true });

const advanceSchema = z.union([
  z.strictObject({ top: count(1) }),
  z.strictObject({ minScore: points }),
]);

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

export const GATE_OPS = ["<", "<=", ">", ">=", "==", "!="] as const;

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
  tieBreak: z.array(z.string().regex(/^(stage|criterion):.+$/, 'must be "stage:<id>" or "criterion:<id>"')).optional(),
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
    .custom<unknown>((v) => !(v !== null && typeof v === "object" && Object.hasOwn(v, "__proto__")), '"__proto__" is a reserved name')
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
function checkReferences(input: BaseInput, add: (path: PathSeg[], message: string) => void): void {
  const { rubric } = input;
  const stageIds = new Map<string, number>();
  rubric.stages.forEach((s, i) => {
    if (stageIds.has(s.id)) add(["rubric", "stages", i, "id"], `duplicate stage id "${s.id}"`);
    else stageIds.set(s.id, i);
    if (i === rubric.stages.length - 1 && s.advance !== undefined) {
      add(["rubric", "stages", i, "advance"], "must be absent on the last stage");
    }
  });

  const criteria = new Map<string, BaseInput["rubric"]["criteria"][number]>();
  const stageHasCriteria = new Set<string>();
  rubric.criteria.forEach((c, i) => {
    if (criteria.has(c.id)) add(["rubric", "criteria", i, "id"], `duplicate criterion id "${c.id}"`);
    else criteria.set(c.id, c);
    if (!stageIds.has(c.stage)) add(["rubric", "criteria", i, "stage"], `unknown stage "${c.stage}"`);
    else stageHasCriteria.add(c.stage);
    // (Only when max and step are each within their range: otherwise that is the problem.)
    if (c.type === "judged" && c.step !== undefined && inRange(c.max, LIMITS.max) && inRange(c.step, LIMITS.step) && !stepFits(c.max, c.step)) {
      add(["rubric", "criteria", i, "step"], `must divide max (${c.max}) into whole steps (at most ${LIMITS.steps})`);
    }
    if (c.type === "indicator") {
      const mins = new Set<number>();
      c.bands.forEach((b, j) => {
        if (mins.has(b.min)) add(["rubric", "criteria", i, "bands", j, "min"], `duplicate band min (${b.min})`);
        mins.add(b.min);
      });
    }
  });
  rubric.stages.forEach((s, i) => {
    if (stageIds.get(s.id) === i && !stageHasCriteria.has(s.id)) {
      add(["rubric", "stages", i], `stage "${s.id}" has no criteria`);
    }
  });

  const gateIds = new Set<string>();
  (rubric.gates ?? []).forEach((g, i) => {
    if (gateIds.has(g.id)) add(["rubric", "gates", i, "id"], `duplicate gate id "${g.id}"`);
    gateIds.add(g.id);
  });

  const tieBreak = input.method?.tieBreak ?? [];
  const seenTieBreak = new Set<string>();
  tieBreak.forEach((t, i) => {
    const path = ["method", "tieBreak", i];
    if (seenTieBreak.has(t)) add(path, `duplicate tie-break "${t}"`);
    seenTieBreak.add(t);
    const colon = t.indexOf(":");
    const kind = t.slice(0, colon);
    const ref = t.slice(colon + 1);
    if (kind === "stage" && !stageIds.has(ref)) add(path, `unknown stage "${ref}"`);
    if (kind === "criterion" && !criteria.has(ref)) add(path, `unknown criterion "${ref}"`);
  });

  const nominees = new Set<string>();
  input.nominees.forEach((n, i) => {
    if (nominees.has(n.id)) add(["nominees", i, "id"], `duplicate nominee id "${n.id}"`);
    nominees.add(n.id);
  });

  const seen = new Map<string, number>();
  input.scores.forEach((s, i) => {
    if (!nominees.has(s.nominee)) add(["scores", i, "nominee"], `unknown nominee "${s.nominee}"`);
    const c = criteria.get(s.criterion);
    if (c === undefined) add(["scores", i, "criterion"], `unknown criterion "${s.criterion}"`);
    else if (c.type !== "judged") {
      add(["scores", i, "criterion"], `criterion "${s.criterion}" is an indicator criterion and takes no scores`);
    } else if (s.value > c.max) add(["scores", i, "value"], `must be ≤ max (${c.max})`);
    const key = JSON.stringify([s.assessor, s.nominee, s.criterion]);
    const first = seen.get(key);
    if (first !== undefined) {
      add(["scores", i], `duplicate score for (${s.assessor}, ${s.nominee}, ${s.criterion}); first at scores[${first}]`);
    } else seen.set(key, i);
  });
}

export const ScoringInputSchema = baseInputSchema.superRefine((input, ctx) => {
  checkReferences(input, (path, message) => ctx.addIssue({ code: "custom", path, message }));
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

export interface Problem {
  path: string;
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
  const problems = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  return { ok: false, problems };
}
