import type { RubricDefinition } from "../domain/rubric";
import type { Locale } from "../i18n";
import {
  ADVANCE_RULES,
  CRITERION_TYPES,
  EMPTY_BAND_ROWS,
  type AdvanceRule,
  type CriterionType,
} from "./rubric-form-fields";

// The rubric form editor's model: the form's fields as strings (so that everything the user typed
// can be shown again), built from a stored rubric or read back from a submitted form. Checked by
// rubric-form-schema.ts, turned into a RubricDefinition by rubric-form-build.ts, the contract's
// problems put at their fields by rubric-form-errors.ts.
//
// Field names: `stages.<i>.{id,use,weight,advance,advanceValue}`,
// `criteria.<i>.{key,stage,type,nameId,nameEn,descId,descEn,weight,max,step,evidence,indicator,remove}`,
// `criteria.<i>.bands.<j>.{min,points}`, the new criterion `added.*` (same names plus `key`),
// `gates.<i>.{id,indicator,op,value,remove}`, the new gate `newGate.{indicator,op,value}`,
// the national rubric's use of the provincial total `prior.{minScore,tieBreak}`,
// `basedOn` (the version the form was built from) and `reason`.

const MAX_ROWS = 200;

export interface BandRow {
  min: string;
  points: string;
}
interface StageRow {
  id: string;
  use: boolean;
  weight: string;
  advance: AdvanceRule;
  advanceValue: string;
}
export interface CriterionFields {
  key: string;
  stage: string;
  type: CriterionType;
  nameId: string;
  nameEn: string;
  weight: string;
  max: string;
  step: string;
  evidence: boolean;
  indicator: string;
  bands: BandRow[];
}
interface CriterionRow extends CriterionFields {
  descId: string;
  descEn: string;
  remove: boolean;
}
interface GateRow {
  id: string;
  indicator: string;
  op: string;
  value: string;
  remove: boolean;
}
export interface NewGate {
  indicator: string;
  op: string;
  value: string;
}
/** The provincial total's use (national editions): empty minimum and no tie-break = context only. */
interface PriorFields {
  minScore: string;
  tieBreak: boolean;
}
export interface RubricFormModel {
  basedOn: string;
  reason: string;
  stages: StageRow[];
  criteria: CriterionRow[];
  added: CriterionFields;
  gates: GateRow[];
  newGate: NewGate;
  prior: PriorFields;
}

const str = (n: number | undefined | null) => (n === undefined || n === null ? "" : String(n));
const emptyBands = (n = EMPTY_BAND_ROWS): BandRow[] => Array.from({ length: n }, () => ({ min: "", points: "" }));

function emptyAdded(stage: string): CriterionFields {
  return {
    key: "",
    stage,
    type: "judged",
    nameId: "",
    nameEn: "",
    weight: "",
    max: "100",
    step: "1",
    evidence: false,
    indicator: "",
    bands: emptyBands(),
  };
}

/**
 * A criterion's name for headings in the UI language: in English its English name, else its
 * Indonesian one (an English name equal to the key is the editor's placeholder for "none given");
 * the key when it has no name yet.
 */
export function criterionHeadingName(c: Pick<CriterionFields, "key" | "nameId" | "nameEn">, locale: Locale): string {
  const id = c.nameId.trim();
  const en = c.nameEn.trim();
  return (locale === "en" && en && en !== c.key.trim() ? en : id) || en || c.key;
}

/** The form of a stored rubric (or of none): the edition's stages in their order, then the rubric's. */
export function modelFromDefinition(
  def: RubricDefinition | null,
  editionStages: string[],
  basedOn: number,
): RubricFormModel {
  const stageIds = [
    ...editionStages,
    ...(def?.stages ?? []).map((s) => s.id).filter((id) => !editionStages.includes(id)),
  ];
  const stages: StageRow[] = stageIds.map((id) => {
    const s = def?.stages.find((x) => x.id === id);
    const advance: AdvanceRule = s?.advance ? ("top" in s.advance ? "top" : "minScore") : "none";
    const advanceValue = s?.advance ? str("top" in s.advance ? s.advance.top : s.advance.minScore) : "";
    return { id, use: s !== undefined, weight: str(s?.weight), advance, advanceValue };
  });
  const criteria: CriterionRow[] = (def?.criteria ?? []).map((c) => ({
    key: c.id,
    stage: c.stage,
    type: c.type,
    nameId: c.name?.id ?? c.id,
    nameEn: c.name?.en ?? c.id,
    descId: c.description?.id ?? "",
    descEn: c.description?.en ?? "",
    weight: str(c.weight),
    max: c.type === "judged" ? str(c.max) : "",
    step: c.type === "judged" ? str(c.step) : "",
    evidence: c.evidenceRequired === true,
    indicator: c.type === "indicator" ? c.indicator : "",
    bands:
      c.type === "indicator"
        ? [...c.bands.map((b) => ({ min: str(b.min), points: str(b.points) })), ...emptyBands()]
        : [],
    remove: false,
  }));
  const firstStage = stages.find((s) => s.use)?.id ?? stageIds[0] ?? "";
  return {
    basedOn: String(basedOn),
    reason: "",
    stages,
    criteria,
    added: emptyAdded(firstStage),
    gates:
      def?.gates.map((g) => ({ id: g.id, indicator: g.indicator, op: g.op, value: str(g.value), remove: false })) ?? [],
    newGate: { indicator: "", op: ">=", value: "" },
    prior: { minScore: str(def?.prior?.minScore), tieBreak: def?.prior?.tieBreak === true },
  };
}

/** What `FormData` and `URLSearchParams` both offer. */
interface FormLike {
  get(name: string): unknown;
  has(name: string): boolean;
}

function readBands(form: FormLike, prefix: string, pad: boolean): BandRow[] {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
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
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const checked = (name: string) => form.get(name) !== null && form.get(name) !== undefined;
  const oneOf = <T extends string>(v: string, list: readonly T[], dflt: T): T =>
    (list as readonly string[]).includes(v) ? (v as T) : dflt;
  const stages: StageRow[] = [];
  for (let i = 0; i < MAX_ROWS && form.has(`stages.${i}.id`); i++) {
    const p = `stages.${i}`;
    stages.push({
      id: text(`${p}.id`),
      use: checked(`${p}.use`),
      weight: text(`${p}.weight`),
      advance: oneOf(text(`${p}.advance`), ADVANCE_RULES, "none"),
      advanceValue: text(`${p}.advanceValue`),
    });
  }
  const criteria: CriterionRow[] = [];
  for (let i = 0; i < MAX_ROWS && form.has(`criteria.${i}.key`); i++) {
    const p = `criteria.${i}`;
    const type = oneOf(text(`${p}.type`), CRITERION_TYPES, "judged");
    criteria.push({
      key: text(`${p}.key`),
      stage: text(`${p}.stage`),
      type,
      nameId: text(`${p}.nameId`),
      nameEn: text(`${p}.nameEn`),
      descId: text(`${p}.descId`),
      descEn: text(`${p}.descEn`),
      weight: text(`${p}.weight`),
      max: text(`${p}.max`),
      step: text(`${p}.step`),
      evidence: checked(`${p}.evidence`),
      indicator: text(`${p}.indicator`),
      bands: type === "indicator" ? readBands(form, p, true) : [],
      remove: checked(`${p}.remove`),
    });
  }
  const gates: GateRow[] = [];
  for (let i = 0; i < MAX_ROWS && form.has(`gates.${i}.id`); i++) {
    const p = `gates.${i}`;
    gates.push({
      id: text(`${p}.id`),
      indicator: text(`${p}.indicator`),
      op: text(`${p}.op`),
      value: text(`${p}.value`),
      remove: checked(`${p}.remove`),
    });
  }
  return {
    basedOn: text("basedOn"),
    reason: text("reason"),
    stages,
    criteria,
    added: {
      key: text("added.key"),
      stage: text("added.stage"),
      type: oneOf(text("added.type"), CRITERION_TYPES, "judged"),
      nameId: text("added.nameId"),
      nameEn: text("added.nameEn"),
      weight: text("added.weight"),
      max: text("added.max"),
      step: text("added.step"),
      evidence: checked("added.evidence"),
      indicator: text("added.indicator"),
      bands: readBands(form, "added", true),
    },
    gates,
    newGate: { indicator: text("newGate.indicator"), op: text("newGate.op"), value: text("newGate.value") },
    prior: { minScore: text("prior.minScore"), tieBreak: checked("prior.tieBreak") },
  };
}
