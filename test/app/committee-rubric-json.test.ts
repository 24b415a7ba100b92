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

  it("accepts a bare SCORING.md rubric", () => {
    const r = importRubricJson(JSON.stringify({
      stages: [{ id: "desk", weight: 1 }],
      criteria: [{ id: "a", stage: "desk", weight: 1, type: "judged", max: 10 }],
    }));
    expect(r.ok).toBe(true);
  });

  it("refuses a broken rubric with the JSON path of every problem", () => {
    const r = importRubricJson(JSON.stringify({
      rubric: {
        stages: [{ id: "desk", weight: 0, advance: { top: 2 } }, { id: "final", weight: 1 }],
        criteria: [
          { id: "a", stage: "desk", weight: 1, type: "judged", max: 10, name: "A" },
          { id: "a", stage: "nowhere", weight: 1, type: "indicator", indicator: "x", bands: [] },
        ],
      },
      method: { ranking: "alphabetical" },
    }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([
      "rubric.stages[0].weight", "rubric.stages[1].id", "rubric.criteria[0].name", "rubric.criteria[1].bands", "method.ranking",
    ]));
  });

  it("lists cross-reference problems (duplicate ids, unknown stages) once the shape is right", () => {
    const r = importRubricJson(JSON.stringify({
      rubric: {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [
          { id: "a", stage: "desk", weight: 1, type: "judged", max: 10 },
          { id: "a", stage: "interview", weight: 1, type: "judged", max: 10 },
        ],
      },
    }));
    expect(r.ok || r.problems.map((p) => p.path)).toEqual(["rubric.criteria[1].id", "rubric.criteria[1].stage"]);
  });

  it("reports paths of a bare rubric without the rubric prefix, and bad JSON at the root", () => {
    const r = importRubricJson(JSON.stringify({ stages: [{ id: "desk", weight: 1 }], criteria: [{ id: "a", stage: "desk", weight: -1, type: "judged", max: 10 }] }));
    expect(r.ok || r.problems.map((p) => p.path)).toEqual(["criteria[0].weight"]);
    const bad = importRubricJson("{ not json");
    expect(bad.ok || bad.problems[0].path).toBe("(root)");
  });
});
