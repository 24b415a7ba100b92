import { describe, expect, it } from "vitest";
import { criterionHeadingName, modelFromDefinition } from "../../app/lib/rubric-form-model";

// Issue 10, item 9b: the rubric editor's criterion headings follow the UI language.

describe("rubric editor criterion headings", () => {
  const named = { key: "regulation", nameId: "Regulasi daerah", nameEn: "Regional regulation" };

  it("use the English name in English and the Indonesian name in Indonesian", () => {
    expect(criterionHeadingName(named, "en")).toBe("Regional regulation");
    expect(criterionHeadingName(named, "id")).toBe("Regulasi daerah");
  });

  it("fall back to the Indonesian name when no English name is given", () => {
    expect(criterionHeadingName({ ...named, nameEn: " " }, "en")).toBe("Regulasi daerah");
    // A stored criterion without an English name: the editor's model puts its key there.
    const model = modelFromDefinition(
      {
        stages: [{ id: "desk", weight: 1 }],
        criteria: [{ id: "k1", stage: "desk", weight: 1, type: "judged", max: 100, name: { id: "Cakupan" } as never }],
        gates: [],
      } as never,
      ["desk"],
      1,
    );
    const c = model.criteria[0]!;
    expect(criterionHeadingName(c, "en")).toBe("Cakupan");
  });

  it("fall back to the key when the criterion has no name yet", () => {
    expect(criterionHeadingName({ key: "k2", nameId: "", nameEn: "" }, "en")).toBe("k2");
    expect(criterionHeadingName({ key: "k2", nameId: "", nameEn: "" }, "id")).toBe("k2");
  });
});
