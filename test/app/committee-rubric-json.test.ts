import { describe, expect, it } from "vitest";
import { exportRubricJson, importRubricJson } from "../../app/lib/rubric-json";
import { companyRubric, demoMethod } from "../../db/seed/rubrics";

describe("rubric JSON import and export", () => {
  it("round-trips the demo rubric with names and method", () => {
    const text = exportRubricJson(companyRubric(5), demoMethod);
    const r = importRubricJson(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(exportRubricJson(r.definition, r.method))).toEqual(JSON.parse(text));
  });

  it("accepts a bare rubric of the scoring contract", () => {
    const r = importRubricJson(
      JSON.stringify({
        stages: [{ id: "desk", weight: 1 }],
        criteria: [{ id: "a", stage: "desk", weight: 1, type: "judged", max: 10 }],
      }),
    );
    expect(r.ok).toBe(true);
  });

  it("refuses a broken rubric with the JSON path of every problem", () => {
    const r = importRubricJson(
      JSON.stringify({
        rubric: {
          stages: [
            { id: "desk", weight: 0, advance: { top: 2 } },
            { id: "final", weight: 1 },
          ],
          criteria: [
            { id: "a", stage: "desk", weight: 1, type: "judged", max: 10, name: "A" },
            { id: "a", stage: "nowhere", weight: 1, type: "indicator", indicator: "x", bands: [] },
          ],
        },
        method: { ranking: "alphabetical" },
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "rubric.stages[0].weight",
        "rubric.stages[1].id",
        "rubric.criteria[0].name",
        "rubric.criteria[1].bands",
        "method.ranking",
      ]),
    );
  });

  it("lists cross-reference problems (duplicate ids, unknown stages) once the shape is right", () => {
    const r = importRubricJson(
      JSON.stringify({
        rubric: {
          stages: [{ id: "desk", weight: 1 }],
          criteria: [
            { id: "a", stage: "desk", weight: 1, type: "judged", max: 10 },
            { id: "a", stage: "interview", weight: 1, type: "judged", max: 10 },
          ],
        },
      }),
    );
    expect(r.ok || r.problems.map((p) => p.path)).toEqual(["rubric.criteria[1].id", "rubric.criteria[1].stage"]);
  });

  it("checks every number against the contract's ranges: weights, max, step (a whole number of steps), band and gate values, method", () => {
    const r = importRubricJson(
      JSON.stringify({
        rubric: {
          stages: [
            { id: "desk", weight: 1001, advance: { top: 2_000_000 } },
            { id: "interview", weight: 1 },
          ],
          criteria: [
            { id: "a", stage: "desk", weight: 0.0001, type: "judged", max: 10, step: 3 },
            { id: "b", stage: "desk", weight: 1, type: "judged", max: 1e7, step: 1e-7 },
            {
              id: "c",
              stage: "interview",
              weight: 1,
              type: "indicator",
              indicator: "x",
              bands: [{ min: -1e16, points: 10 }],
            },
          ],
          gates: [{ id: "g", indicator: "x", op: ">=", value: 1e300 }],
        },
        method: { aggregate: { kind: "trimmed-mean", trim: 1e7 }, disagreementSd: 101 },
      }),
    );
    expect(r.ok || r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "rubric.stages[0].weight: must be ≤ 1000",
      "rubric.stages[0].advance.top: must be ≤ 1000000",
      "rubric.criteria[0].weight: must be ≥ 0.001",
      "rubric.criteria[1].max: must be ≤ 1000000",
      "rubric.criteria[1].step: must be ≥ 0.000001",
      "rubric.criteria[2].bands[0].min: must be ≥ -1000000000000000",
      "rubric.gates[0].value: must be ≤ 1000000000000000",
      "method.aggregate.trim: must be ≤ 1000000",
      "method.disagreementSd: must be ≤ 100",
      "rubric.criteria[0].step: must divide max (10) into whole steps (at most 1000000)",
    ]);
    const ok = importRubricJson(
      JSON.stringify({
        stages: [{ id: "desk", weight: 1000 }],
        criteria: [{ id: "a", stage: "desk", weight: 0.001, type: "judged", max: 1e6, step: 1 }],
      }),
    );
    expect(ok.ok && ok.definition.criteria[0]).toMatchObject({ weight: 0.001, max: 1e6, step: 1 });
  });

  it("reports paths of a bare rubric without the rubric prefix, and bad JSON at the root", () => {
    const r = importRubricJson(
      JSON.stringify({
        stages: [{ id: "desk", weight: 1 }],
        criteria: [{ id: "a", stage: "desk", weight: -1, type: "judged", max: 10 }],
      }),
    );
    expect(r.ok || r.problems.map((p) => p.path)).toEqual(["criteria[0].weight"]);
    const bad = importRubricJson("{ not json");
    expect(bad.ok || bad.problems[0].path).toBe("(root)");
  });
});
