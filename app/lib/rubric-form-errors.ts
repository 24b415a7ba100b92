import { parseScoringInput } from "../../scoring/index";
import { toScoringRubric, type RubricDefinition } from "../domain/rubric";
import type { FieldErrors } from "./forms";
import { buildDefinition, type FieldSources } from "./rubric-form-build";
import type { RubricFormModel } from "./rubric-form-model";
import { rubricProblemKey } from "./rubric-problems";

// The whole check of a submitted rubric form, and where its errors are shown: the form's own
// checks (rubric-form-build.ts), then the scoring contract, whose JSON paths are mapped back to the
// form's field names.

/**
 * The form field a scoring problem concerns: `rubric.criteria[2].weight` → `criteria.4.weight`
 * (through the sources, as removed criteria shift the indices), `…bands[1].min` → the band row,
 * `rubric.stages[0]` → the stage's "use" box. Null when the problem concerns no single field.
 */
export function fieldForPath(path: string, sources: FieldSources): string | null {
  if (path === "rubric.prior.tieBreak") return "prior.tieBreak";
  if (path === "rubric.prior" || path.startsWith("rubric.prior.")) return "prior.minScore";
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

type ValidateResult = { ok: true; definition: RubricDefinition } | { ok: false; errors: FieldErrors };

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
  const errors: FieldErrors = {};
  const general: string[] = [];
  for (const p of parsed.problems) {
    const field = fieldForPath(p.path, built.sources);
    const key = rubricProblemKey(p);
    if (field && field !== "stages" && field !== "criteria" && field !== "gates") errors[field] ??= key ?? p.message;
    else general.push(field ? (key ?? p.message) : `${p.path}: ${p.message}`);
  }
  general.forEach((g, n) => {
    errors[`_rubric.${n}`] = g;
  });
  return { ok: false, errors };
}
