import { z } from "zod";
import { LIMITS, parseScoringInput, stepFits } from "../../scoring/index";
import { DEFAULT_STEP, toScoringRubric, type RubricDefinition } from "../domain/rubric";
import type { StageKey } from "../../db/schema";
import { ADVANCE_RULES, CRITERION_TYPES, EMPTY_BAND_ROWS, GATE_OPERATORS, type AdvanceRule, type CriterionType, type GateOperator } from "./rubric-form-fields";
import { rubricProblemKey } from "./rubric-problems";

export { ADVANCE_RULES, CRITERION_TYPES, EMPTY_BAND_ROWS, GATE_OPERATORS, type AdvanceRule, type CriterionType, type GateOperator };

// The rubric form editor (committee): the form's fields as a model of strings (so that everything
// the user typed can be shown again), the model built from a stored rubric, read back from a
// submitted form, and turned into a RubricDefinition — checked with the form's zod schemas and then
// with the scoring contract (parseScoringInput), whose JSON paths are mapped back to field names.
//
// Field names: `stages.<i>.{id,use,weight,advance,advanceValue}`,
// `criteria.<i>.{key,stage,type,nameId,nameEn,descId,descEn,weight,max,step,evidence,indicator,remove}`,
// `criteria.<i>.bands.<j>.{min,points}`, the new criterion `added.*` (same names plus `key`),
// `gates.<i>.{id,indicator,op,value,remove}`, the new gate `newGate.{indicator,op,value}`,
// `basedOn` (the version the form was built from) and `reason`.

const MAX_ROWS = 200;

export interface BandRow { min: string; points: string }
export interface StageRow { id: string; use: boolean; weight: string; advance: AdvanceRule; advanceValue: string }
export interface CriterionFields {
  key: string; stage: string; type: CriterionType; nameId: string; nameEn: string; weight: string;
  max: string; step: string; evidence: boolean; indicator: string; bands: BandRow[];
}
export interface CriterionRow extends CriterionFields { descId: string; descEn: string; remove: boolean }
export interface GateRow { id: string; indicator: string; op: string; value: string; remove: boolean }
export interface NewGate { indicator: string; op: string; value: string }
export interface RubricFormModel {
  basedOn: string;
  reason: string;
  stages: StageRow[];
  criteria: CriterionRow[];
  added: CriterionFields;
  gates: GateRow[];
  newGate: NewGate;
}

/** Field errors by field name; a value is a message key (`form.*`, `rubricForm.*`) or plain text. */
export type FormErrors = Record<string, string>;

const str = (n: number | undefined | null) => (n === undefined || n === null ? "" : String(n));
const emptyBands = (n = EMPTY_BAND_ROWS): BandRow[] => Array.from({ length: n }, () => ({ min: "", points: "" }));

function emptyAdded(stage: string): CriterionFields {
  return { key: "", stage, type: "judged", nameId: "", nameEn: "", weight: "", max: "100", step: "1", evidence: false, indicator: "", bands: emptyBands() };
}

/** The form of a stored rubric (or of none): the edition's stages in their order, then the rubric's. */
export function modelFromDefinition(def: RubricDefinition | null, editionStages: string[], basedOn: number): RubricFormModel {
  const stageIds = [...editionStages, ...(def?.stages ?? []).map((s) => s.id).filter((id) => !editionStages.includes(id))];
  const stages: StageRow[] = stageIds.map((id) => {
    const s = def?.stages.find((x) => x.id === id);
    const advance: AdvanceRule = s?.advance ? ("top" in s.advance ? "top" : "minScore") : "none";
    const advanceValue = s?.advance ? str("top" in s.advance ? s.advance.top : s.advance.minScore) : "";
    return { id, use: s !== undefined, weight: str(s?.weight), advance, advanceValue };
  });
  const criteria: CriterionRow[] = (def?.criteria ?? []).map((c) => ({
    key: c.id, stage: c.stage, type: c.type, nameId: c.name?.id ?? c.id, nameEn: c.name?.en ?? c.id,
    descId: c.description?.id ?? "", descEn: c.description?.en ?? "", weight: str(c.weight),
    max: c.type === "judged" ? str(c.max) : "", step: c.type === "judged" ? str(c.step) : "",
    evidence: c.evidenceRequired === true, indicator: c.type === "indicator" ? c.indicator : "",
    bands: c.type === "indicator" ? [...c.bands.map((b) => ({ min: str(b.min), points: str(b.points) })), ...emptyBands()] : [],
    remove: false,
  }));
  const firstStage = stages.find((s) => s.use)?.id ?? stageIds[0] ?? "";
  return {
    basedOn: String(basedOn),
    reason: "",
    stages,
    criteria,
    added: emptyAdded(firstStage),
    gates: def?.gates.map((g) => ({ id: g.id, indicator: g.indicator, op: g.op, value: str(g.value), remove: false })) ?? [],
    newGate: { indicator: "", op: ">=", value: "" },
  };
}

/** What `FormData` and `URLSearchParams` both offer. */
export interface FormLike { get(name: string): unknown; has(name: string): boolean }

function readBands(form: FormLike, prefix: string, pad: boolean): BandRow[] {
  const text = (name: string) => { const v = form.get(name); return typeof v === "string" ? v : ""; };
  const rows: BandRow[] = [];
  for (let j = 0; j < MAX_ROWS && form.has(`${prefix}.bands.${j}.min`); j++) {
    rows.push({ min: text(`${prefix}.bands.${j}.min`), points: text(`${prefix}.bands.${j}.points`) });
  }
  // Keep offering empty rows for adding bands when the page is shown again.
  const empty = rows.filter((b) => !b.min.trim() && !b.points.trim()).length;
  return pad && empty < EMPTY_BAND_ROWS ? [...rows, ...emptyBands(EMPTY_BAND_ROWS - empty)] : rows;
}

/** Reads a submitted form back into the model, exactly as typed. */
export function modelFromForm(form: FormLike): RubricFormModel {
  const text = (name: string) => { const v = form.get(name); return typeof v === "string" ? v : ""; };
  const checked = (name: string) => form.get(name) !== null && form.get(name) !== undefined;
  const oneOf = <T extends string>(v: string, list: readonly T[], dflt: T): T => (list as readonly string[]).includes(v) ? (v as T) : dflt;
  const stages: StageRow[] = [];
  for (let i = 0; i < MAX_ROWS && form.has(`stages.${i}.id`); i++) {
    const p = `stages.${i}`;
    stages.push({ id: text(`${p}.id`), use: checked(`${p}.use`), weight: text(`${p}.weight`), advance: oneOf(text(`${p}.advance`), ADVANCE_RULES, "none"), advanceValue: text(`${p}.advanceValue`) });
  }
  const criteria: CriterionRow[] = [];
  for (let i = 0; i < MAX_ROWS && form.has(`criteria.${i}.key`); i++) {
    const p = `criteria.${i}`;
    const type = oneOf(text(`${p}.type`), CRITERION_TYPES, "judged");
    criteria.push({
      key: text(`${p}.key`), stage: text(`${p}.stage`), type, nameId: text(`${p}.nameId`), nameEn: text(`${p}.nameEn`),
      descId: text(`${p}.descId`), descEn: text(`${p}.descEn`), weight: text(`${p}.weight`), max: text(`${p}.max`),
      step: text(`${p}.step`), evidence: checked(`${p}.evidence`), indicator: text(`${p}.indicator`),
      bands: type === "indicator" ? readBands(form, p, true) : [], remove: checked(`${p}.remove`),
    });
  }
  const gates: GateRow[] = [];
  for (let i = 0; i < MAX_ROWS && form.has(`gates.${i}.id`); i++) {
    const p = `gates.${i}`;
    gates.push({ id: text(`${p}.id`), indicator: text(`${p}.indicator`), op: text(`${p}.op`), value: text(`${p}.value`), remove: checked(`${p}.remove`) });
  }
  return {
    basedOn: text("basedOn"),
    reason: text("reason"),
    stages,
    criteria,
    added: {
      key: text("added.key"), stage: text("added.stage"), type: oneOf(text("added.type"), CRITERION_TYPES, "judged"),
      nameId: text("added.nameId"), nameEn: text("added.nameEn"), weight: text("added.weight"), max: text("added.max"),
      step: text("added.step"), evidence: checked("added.evidence"), indicator: text("added.indicator"),
      bands: readBands(form, "added", true),
    },
    gates,
    newGate: { indicator: text("newGate.indicator"), op: text("newGate.op"), value: text("newGate.value") },
  };
}

// ---- the form's zod schemas -----------------------------------------------------------------

/** A number as typed: `12`, `-3`, `0.5` or `0,5` (decimal comma); anything else is NaN. */
export function toNumber(s: string): number {
  const t = s.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const required = z.string().trim().min(1, "form.required");
const number = required.refine((s) => !Number.isNaN(toNumber(s)), "rubricForm.number");
const positive = number.refine((s) => toNumber(s) > 0, "rubricForm.positive");
// The scoring contract's ranges (scoring/limits.ts), checked here too so that they are reported at
// their fields together with the form's other errors.
const within = (s: string, r: { min: number; max: number }) => toNumber(s) >= r.min && toNumber(s) <= r.max;
const weight = positive.refine((s) => within(s, LIMITS.weight), "rubricForm.weightRange");
const value = number.refine((s) => within(s, { min: -LIMITS.value, max: LIMITS.value }), "rubricForm.valueRange");
const points = number.refine((s) => toNumber(s) >= 0 && toNumber(s) <= 100, "rubricForm.points");
const name = required.max(200, "rubricForm.tooLong");
const identifier = required.regex(/^[a-z][a-z0-9_]{0,39}$/, "rubricForm.identifier");

const stageSchema = z
  .object({ weight, advance: z.enum(ADVANCE_RULES), advanceValue: z.string() })
  .superRefine((s, ctx) => {
    if (s.advance === "none") return;
    const v = toNumber(s.advanceValue);
    const ok = s.advance === "top" ? Number.isInteger(v) && v >= 1 && v <= LIMITS.count : v >= 0 && v <= 100;
    if (!s.advanceValue.trim()) ctx.addIssue({ code: "custom", path: ["advanceValue"], message: "form.required" });
    else if (!ok) ctx.addIssue({ code: "custom", path: ["advanceValue"], message: s.advance === "top" ? "rubricForm.top" : "rubricForm.minScore" });
  });

const bandsSchema = z.array(z.object({ min: z.string(), points: z.string() })).superRefine((rows, ctx) => {
  let filled = 0;
  rows.forEach((b, j) => {
    if (!b.min.trim() && !b.points.trim()) return; // an empty row is dropped
    filled++;
    const min = value.safeParse(b.min);
    if (!min.success) ctx.addIssue({ code: "custom", path: [j, "min"], message: min.error.issues[0]!.message });
    const p = points.safeParse(b.points);
    if (!p.success) ctx.addIssue({ code: "custom", path: [j, "points"], message: p.error.issues[0]!.message });
  });
  if (filled === 0) ctx.addIssue({ code: "custom", path: [], message: "rubricForm.bandsRequired" });
});

const judgedSchema = z
  .object({
    nameId: name, nameEn: name, weight,
    max: positive.refine((s) => within(s, LIMITS.max), "rubricForm.maxRange"),
    step: z.string()
      .refine((s) => !s.trim() || toNumber(s) > 0, "rubricForm.positive")
      .refine((s) => !s.trim() || within(s, LIMITS.step), "rubricForm.stepRange"),
  })
  .refine((c) => !c.step.trim() || stepFits(toNumber(c.max), toNumber(c.step)), { path: ["step"], message: "rubricForm.stepFit" });
const indicatorSchema = z.object({ nameId: name, nameEn: name, weight, indicator: identifier, bands: bandsSchema });
const gateSchema = z.object({ indicator: identifier, op: z.enum(GATE_OPERATORS, "form.invalid"), value });

function collect(errors: FormErrors, prefix: string, result: z.ZodSafeParseResult<unknown>) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    errors[field] ??= issue.message;
  }
}

/** True when the new-criterion block was left empty (its type, stage, max and step have defaults). */
export function addedIsBlank(a: CriterionFields): boolean {
  return ![a.key, a.nameId, a.nameEn, a.weight, a.indicator, ...a.bands.flatMap((b) => [b.min, b.points])].some((v) => v.trim());
}
const gateIsBlank = (g: NewGate) => !g.indicator.trim() && !g.value.trim();

/** Where each part of the built definition came from in the form (prefixes of field names). */
export interface FieldSources {
  stages: string[];
  criteria: { prefix: string; bands: string[] }[];
  gates: string[];
}

export type BuildResult =
  | { ok: true; definition: RubricDefinition; sources: FieldSources }
  | { ok: false; errors: FormErrors };

function gateId(indicator: string, taken: Set<string>): string {
  const base = indicator.replace(/[^a-z0-9_]/g, "_").slice(0, 30) || "gate";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** The form's own checks (zod), then the definition the form describes. */
export function buildDefinition(model: RubricFormModel): BuildResult {
  const errors: FormErrors = {};
  const usedStages = model.stages.filter((s) => s.use).map((s) => s.id);
  model.stages.forEach((s, i) => { if (s.use) collect(errors, `stages.${i}`, stageSchema.safeParse(s)); });
  model.criteria.forEach((c, i) => {
    if (c.remove) return;
    collect(errors, `criteria.${i}`, (c.type === "judged" ? judgedSchema : indicatorSchema).safeParse(c));
  });
  const blank = addedIsBlank(model.added);
  if (!blank) {
    const a = model.added;
    const keyResult = identifier.safeParse(a.key);
    collect(errors, "added.key", keyResult);
    if (keyResult.success && model.criteria.some((c) => !c.remove && c.key === a.key.trim())) errors["added.key"] ??= "rubricForm.keyTaken";
    if (!usedStages.includes(a.stage)) errors["added.stage"] ??= "rubricForm.stageNotUsed";
    collect(errors, "added", (a.type === "judged" ? judgedSchema : indicatorSchema).safeParse(a));
  }
  model.gates.forEach((g, i) => { if (!g.remove) collect(errors, `gates.${i}`, gateSchema.safeParse(g)); });
  if (!gateIsBlank(model.newGate)) collect(errors, "newGate", gateSchema.safeParse(model.newGate));
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const sources: FieldSources = { stages: [], criteria: [], gates: [] };
  const stages: RubricDefinition["stages"] = [];
  model.stages.forEach((s, i) => {
    if (!s.use) return;
    const v = toNumber(s.advanceValue);
    stages.push({
      id: s.id as StageKey, weight: toNumber(s.weight),
      ...(s.advance === "top" ? { advance: { top: v } } : s.advance === "minScore" ? { advance: { minScore: v } } : {}),
    });
    sources.stages.push(`stages.${i}`);
  });

  type Crit = RubricDefinition["criteria"][number];
  const toCriterion = (c: CriterionFields, prefix: string, desc?: { id: string; en: string }): { criterion: Crit; source: FieldSources["criteria"][number] } => {
    const common = {
      id: c.key.trim(), stage: c.stage as StageKey, weight: toNumber(c.weight),
      name: { id: c.nameId.trim(), en: c.nameEn.trim() },
      ...(desc && (desc.id.trim() || desc.en.trim()) ? { description: { ...(desc.id.trim() ? { id: desc.id.trim() } : {}), ...(desc.en.trim() ? { en: desc.en.trim() } : {}) } } : {}),
      evidenceRequired: c.evidence,
    };
    if (c.type === "judged") {
      return { criterion: { ...common, type: "judged", max: toNumber(c.max), step: c.step.trim() ? toNumber(c.step) : DEFAULT_STEP }, source: { prefix, bands: [] } };
    }
    const bands: { min: number; points: number }[] = [];
    const bandSources: string[] = [];
    c.bands.forEach((b, j) => {
      if (!b.min.trim() && !b.points.trim()) return;
      bands.push({ min: toNumber(b.min), points: toNumber(b.points) });
      bandSources.push(`${prefix}.bands.${j}`);
    });
    return { criterion: { ...common, type: "indicator", indicator: c.indicator.trim(), bands }, source: { prefix, bands: bandSources } };
  };

  const criteria: Crit[] = [];
  model.criteria.forEach((c, i) => {
    if (c.remove) return;
    const built = toCriterion(c, `criteria.${i}`, { id: c.descId, en: c.descEn });
    criteria.push(built.criterion);
    sources.criteria.push(built.source);
  });
  if (!blank) {
    // The new criterion goes after the last criterion of its stage (stages stay together).
    const built = toCriterion({ ...model.added, key: model.added.key.trim() }, "added");
    let at = criteria.length;
    const lastOfStage = criteria.map((c) => c.stage as string).lastIndexOf(model.added.stage);
    if (lastOfStage >= 0) at = lastOfStage + 1;
    criteria.splice(at, 0, built.criterion);
    sources.criteria.splice(at, 0, built.source);
  }

  const gates: RubricDefinition["gates"] = [];
  const taken = new Set<string>();
  model.gates.forEach((g, i) => {
    if (g.remove) return;
    gates.push({ id: g.id, indicator: g.indicator.trim(), op: g.op as GateOperator, value: toNumber(g.value) });
    taken.add(g.id);
    sources.gates.push(`gates.${i}`);
  });
  if (!gateIsBlank(model.newGate)) {
    const g = model.newGate;
    gates.push({ id: gateId(g.indicator.trim(), taken), indicator: g.indicator.trim(), op: g.op as GateOperator, value: toNumber(g.value) });
    sources.gates.push("newGate");
  }
  return { ok: true, definition: { stages, criteria, gates }, sources };
}

/**
 * The form field a scoring problem concerns: `rubric.criteria[2].weight` → `criteria.4.weight`
 * (through the sources, as removed criteria shift the indices), `…bands[1].min` → the band row,
 * `rubric.stages[0]` → the stage's "use" box. Null when the problem concerns no single field.
 */
export function fieldForPath(path: string, sources: FieldSources): string | null {
  const m = /^rubric\.(stages|criteria|gates)(?:\[(\d+)\](.*))?$/.exec(path);
  if (!m) return null;
  const [, part, index, restRaw] = m;
  if (index === undefined) return part!;
  const i = Number(index);
  const rest = restRaw ?? "";
  if (part === "stages") {
    const p = sources.stages[i];
    if (!p) return null;
    if (rest === "" || rest === ".id") return `${p}.use`;
    if (rest.startsWith(".advance")) return `${p}.advanceValue`;
    if (rest === ".weight") return `${p}.weight`;
    return null;
  }
  if (part === "criteria") {
    const c = sources.criteria[i];
    if (!c) return null;
    const band = /^\.bands\[(\d+)\]\.(min|points)$/.exec(rest);
    if (band) {
      const b = c.bands[Number(band[1])];
      return b ? `${b}.${band[2]}` : `${c.prefix}.bands`;
    }
    if (rest.startsWith(".bands")) return `${c.prefix}.bands`;
    if (rest === "" || rest === ".id") return `${c.prefix}.key`;
    const field = /^\.(stage|weight|max|step|indicator|type)$/.exec(rest);
    return field ? `${c.prefix}.${field[1]}` : null;
  }
  const g = sources.gates[i];
  if (!g) return null;
  if (rest === "" || rest === ".id") return `${g}.indicator`;
  const field = /^\.(indicator|op|value)$/.exec(rest);
  return field ? `${g}.${field[1]}` : null;
}

export type ValidateResult = { ok: true; definition: RubricDefinition } | { ok: false; errors: FormErrors };

/**
 * The whole check of a submitted form: its zod schemas, then the scoring contract
 * (parseScoringInput on the shape of docs/scoring-contract.md, with the method that the new version carries over).
 * Problems that concern no single field are under `_rubric.<n>` (a message key, or "path: message").
 */
export function validateRubricForm(model: RubricFormModel, method?: unknown): ValidateResult {
  const built = buildDefinition(model);
  if (!built.ok) return built;
  // The step is checked with the contract too (results never depend on it).
  const rubric = toScoringRubric(built.definition, { withStep: true });
  const parsed = parseScoringInput({ rubric, ...(method !== undefined ? { method } : {}), nominees: [], scores: [] });
  if (parsed.ok) return { ok: true, definition: built.definition };
  const errors: FormErrors = {};
  const general: string[] = [];
  for (const p of parsed.problems) {
    const field = fieldForPath(p.path, built.sources);
    const key = rubricProblemKey(p);
    if (field && field !== "stages" && field !== "criteria" && field !== "gates") errors[field] ??= key ?? p.message;
    else general.push(field ? (key ?? p.message) : `${p.path}: ${p.message}`);
  }
  general.forEach((g, n) => { errors[`_rubric.${n}`] = g; });
  return { ok: false, errors };
}
