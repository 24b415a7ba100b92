import { DEFAULT_STEP, priorOf, type RubricDefinition } from "../domain/rubric";
import { PRIOR_GATE } from "../domain/gates";
import type { StageKey } from "../../db/schema";
import type { FieldErrors } from "./forms";
import type { GateOperator } from "./rubric-form-fields";
import type { CriterionFields, NewGate, RubricFormModel } from "./rubric-form-model";
import {
  collect,
  formNumber,
  gateSchema,
  identifier,
  indicatorSchema,
  judgedSchema,
  priorMinScore,
  stageSchema,
} from "./rubric-form-schema";

// From the rubric form's model to a RubricDefinition: the form's own checks first, then the
// definition, with where each part came from in the form (for putting the contract's problems at
// their fields, rubric-form-errors.ts).

/** True when the new-criterion block was left empty (its type, stage, max and step have defaults). */
function addedIsBlank(a: CriterionFields): boolean {
  return ![a.key, a.nameId, a.nameEn, a.weight, a.indicator, ...a.bands.flatMap((b) => [b.min, b.points])].some((v) =>
    v.trim(),
  );
}
const gateIsBlank = (g: NewGate) => !g.indicator.trim() && !g.value.trim();

/** Where each part of the built definition came from in the form (prefixes of field names). */
export interface FieldSources {
  stages: string[];
  criteria: { prefix: string; bands: string[] }[];
  gates: string[];
}

type BuildResult =
  { ok: true; definition: RubricDefinition; sources: FieldSources } | { ok: false; errors: FieldErrors };

function gateId(indicator: string, taken: Set<string>): string {
  const base = indicator.replace(/[^a-z0-9_]/g, "_").slice(0, 30) || "gate";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** The form's own checks (zod), then the definition the form describes. */
export function buildDefinition(model: RubricFormModel): BuildResult {
  const errors: FieldErrors = {};
  const usedStages = model.stages.filter((s) => s.use).map((s) => s.id);
  model.stages.forEach((s, i) => {
    if (s.use) collect(errors, `stages.${i}`, stageSchema.safeParse(s));
  });
  model.criteria.forEach((c, i) => {
    if (c.remove) return;
    collect(errors, `criteria.${i}`, (c.type === "judged" ? judgedSchema : indicatorSchema).safeParse(c));
  });
  const blank = addedIsBlank(model.added);
  if (!blank) {
    const a = model.added;
    const keyResult = identifier.safeParse(a.key);
    collect(errors, "added.key", keyResult);
    if (keyResult.success && model.criteria.some((c) => !c.remove && c.key === a.key.trim()))
      errors["added.key"] ??= "rubricForm.keyTaken";
    if (!usedStages.includes(a.stage)) errors["added.stage"] ??= "rubricForm.stageNotUsed";
    collect(errors, "added", (a.type === "judged" ? judgedSchema : indicatorSchema).safeParse(a));
  }
  model.gates.forEach((g, i) => {
    if (!g.remove) collect(errors, `gates.${i}`, gateSchema.safeParse(g));
  });
  if (!gateIsBlank(model.newGate)) collect(errors, "newGate", gateSchema.safeParse(model.newGate));
  collect(errors, "prior.minScore", priorMinScore.safeParse(model.prior.minScore));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const prior = priorOf(model.prior.minScore.trim() ? formNumber(model.prior.minScore) : null, model.prior.tieBreak);

  const sources: FieldSources = { stages: [], criteria: [], gates: [] };
  const stages: RubricDefinition["stages"] = [];
  model.stages.forEach((s, i) => {
    if (!s.use) return;
    const v = formNumber(s.advanceValue);
    stages.push({
      id: s.id as StageKey,
      weight: formNumber(s.weight),
      ...(s.advance === "top" ? { advance: { top: v } } : s.advance === "minScore" ? { advance: { minScore: v } } : {}),
    });
    sources.stages.push(`stages.${i}`);
  });

  type Crit = RubricDefinition["criteria"][number];
  const toCriterion = (
    c: CriterionFields,
    prefix: string,
    desc?: { id: string; en: string },
  ): { criterion: Crit; source: FieldSources["criteria"][number] } => {
    const common = {
      id: c.key.trim(),
      stage: c.stage as StageKey,
      weight: formNumber(c.weight),
      name: { id: c.nameId.trim(), en: c.nameEn.trim() },
      ...(desc && (desc.id.trim() || desc.en.trim())
        ? {
            description: {
              ...(desc.id.trim() ? { id: desc.id.trim() } : {}),
              ...(desc.en.trim() ? { en: desc.en.trim() } : {}),
            },
          }
        : {}),
      evidenceRequired: c.evidence,
    };
    if (c.type === "judged") {
      return {
        criterion: {
          ...common,
          type: "judged",
          max: formNumber(c.max),
          step: c.step.trim() ? formNumber(c.step) : DEFAULT_STEP,
        },
        source: { prefix, bands: [] },
      };
    }
    const bands: { min: number; points: number }[] = [];
    const bandSources: string[] = [];
    c.bands.forEach((b, j) => {
      if (!b.min.trim() && !b.points.trim()) return;
      bands.push({ min: formNumber(b.min), points: formNumber(b.points) });
      bandSources.push(`${prefix}.bands.${j}`);
    });
    return {
      criterion: { ...common, type: "indicator", indicator: c.indicator.trim(), bands },
      source: { prefix, bands: bandSources },
    };
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
  // With a minimum provincial total, "prior" names that gate (docs/scoring-contract.md §1).
  const taken = new Set<string>(prior?.minScore !== undefined ? [PRIOR_GATE] : []);
  model.gates.forEach((g, i) => {
    if (g.remove) return;
    gates.push({ id: g.id, indicator: g.indicator.trim(), op: g.op as GateOperator, value: formNumber(g.value) });
    taken.add(g.id);
    sources.gates.push(`gates.${i}`);
  });
  if (!gateIsBlank(model.newGate)) {
    const g = model.newGate;
    gates.push({
      id: gateId(g.indicator.trim(), taken),
      indicator: g.indicator.trim(),
      op: g.op as GateOperator,
      value: formNumber(g.value),
    });
    sources.gates.push("newGate");
  }
  return { ok: true, definition: { stages, criteria, gates, ...(prior ? { prior } : {}) }, sources };
}
