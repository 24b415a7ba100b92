import { parseScoringInput, type Problem } from "../../scoring/index";
import { DEFAULT_STEP, priorOf, type RubricDefinition } from "../domain/rubric";

// Rubric import: the JSON a committee exchanges is `{ "rubric": {...}, "method": {...} }` in the
// shape of docs/scoring-contract.md, where criteria may also carry names, descriptions and whether evidence is
// required; a bare rubric (`{ "stages", "criteria", "gates", "prior" }`) is accepted too. The contract's
// part (with a judged criterion's step and the bounds of every number) is checked with
// parseScoringInput (names stripped first); refusals are listed with the JSON path of each problem
// in the document as given.

export type { Problem };

export type ImportResult =
  { ok: true; definition: RubricDefinition; method: unknown } | { ok: false; problems: Problem[] };

const STAGES = ["desk", "verification", "interview"];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function importRubricJson(text: string, allowedStages: string[] = STAGES): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (e) {
    return {
      ok: false,
      problems: [{ path: "(root)", code: "invalid_format", message: `not valid JSON: ${(e as Error).message}` }],
    };
  }
  if (!isObj(doc))
    return { ok: false, problems: [{ path: "(root)", code: "invalid_type", message: "must be an object" }] };
  const wrapped = "rubric" in doc;
  const rubric = wrapped
    ? doc.rubric
    : {
        stages: doc.stages,
        criteria: doc.criteria,
        gates: doc.gates,
        ...(doc.prior !== undefined ? { prior: doc.prior } : {}),
      };
  const method = wrapped ? doc.method : undefined;
  const prefix = wrapped ? "" : "rubric.";
  const fix = (p: string) =>
    wrapped ? p : p.startsWith(prefix) ? p.slice(prefix.length) : p === "rubric" ? "(root)" : p;
  const problems: Problem[] = [];
  if (wrapped) {
    for (const k of Object.keys(doc))
      if (k !== "rubric" && k !== "method") problems.push({ path: k, code: "unknown_key", message: "unknown key" });
  }

  // Names and form hints are ours, not the scoring contract's: check them here and strip them.
  let stripped: unknown = rubric;
  if (isObj(rubric) && Array.isArray(rubric.criteria)) {
    stripped = {
      ...rubric,
      gates: rubric.gates ?? [],
      criteria: rubric.criteria.map((c: unknown, i: number) => {
        if (!isObj(c)) return c;
        const { name, description, evidenceRequired, ...rest } = c;
        const at = `${wrapped ? "rubric." : ""}criteria[${i}]`;
        if (name !== undefined && !(isObj(name) && typeof name.id === "string" && typeof name.en === "string")) {
          problems.push({ path: `${at}.name`, code: "invalid_type", message: 'must be { "id": text, "en": text }' });
        }
        if (
          description !== undefined &&
          !(isObj(description) && Object.values(description).every((v) => typeof v === "string"))
        ) {
          problems.push({
            path: `${at}.description`,
            code: "invalid_type",
            message: 'must be { "id"?: text, "en"?: text }',
          });
        }
        if (evidenceRequired !== undefined && typeof evidenceRequired !== "boolean")
          problems.push({ path: `${at}.evidenceRequired`, code: "invalid_type", message: "must be true or false" });
        return rest;
      }),
    };
    if (Array.isArray(rubric.stages)) {
      rubric.stages.forEach((s: unknown, i: number) => {
        if (isObj(s) && typeof s.id === "string" && !allowedStages.includes(s.id)) {
          problems.push({
            path: `${wrapped ? "rubric." : ""}stages[${i}].id`,
            code: "invalid_value",
            message: `must be one of ${allowedStages.join(", ")}`,
          });
        }
      });
    }
  }
  const parsed = parseScoringInput({
    rubric: stripped,
    ...(method !== undefined ? { method } : {}),
    nominees: [],
    scores: [],
  });
  if (!parsed.ok) problems.push(...parsed.problems.map((p) => ({ ...p, path: fix(p.path) })));
  if (problems.length > 0 || !parsed.ok) return { ok: false, problems };

  const source = (rubric as { criteria: Record<string, unknown>[] }).criteria;
  const r = parsed.input.rubric;
  // `{ "tieBreak": false }` alone asks for nothing: kept as no option at all (priorOf).
  const prior = r.prior ? priorOf(r.prior.minScore ?? null, r.prior.tieBreak === true) : undefined;
  const definition: RubricDefinition = {
    stages: r.stages.map((s) => ({
      id: s.id as RubricDefinition["stages"][number]["id"],
      weight: s.weight,
      ...(s.advance ? { advance: s.advance } : {}),
    })),
    criteria: r.criteria.map((c, i) => {
      const extra = source[i] as {
        name?: { id: string; en: string };
        description?: { id?: string; en?: string };
        evidenceRequired?: boolean;
      };
      const common = {
        id: c.id,
        stage: c.stage as RubricDefinition["stages"][number]["id"],
        weight: c.weight,
        ...(extra.name ? { name: extra.name } : {}),
        ...(extra.description ? { description: extra.description } : {}),
        ...(extra.evidenceRequired !== undefined ? { evidenceRequired: extra.evidenceRequired } : {}),
      };
      return c.type === "judged"
        ? { ...common, type: "judged" as const, max: c.max, step: c.step ?? DEFAULT_STEP }
        : { ...common, type: "indicator" as const, indicator: c.indicator, bands: c.bands };
    }),
    gates: (r.gates ?? []).map((g) => ({ ...g })),
    ...(prior ? { prior } : {}),
  };
  return { ok: true, definition, method: parsed.input.method ?? {} };
}

/** The export: the same document shape the import takes (the scoring contract's shape plus names). */
export function exportRubricJson(definition: RubricDefinition, method: unknown): string {
  return JSON.stringify({ rubric: definition, method }, null, 2);
}
