import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldId, formValues, parseForm } from "../../app/lib/forms";
import { translator } from "../../app/i18n";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("repeated fields", () => {
  it("nest `list.index.field` names into arrays of rows", () => {
    expect(
      formValues(
        form([
          ["version", "3"],
          ["rows.0.a", "x"],
          ["rows.0.b", "y"],
          ["rows.1.a", "z"],
          ["deep.k.0.v", "1"],
        ]),
      ),
    ).toEqual({
      version: "3",
      rows: [{ a: "x", b: "y" }, { a: "z" }],
      deep: { k: [{ v: "1" }] },
    });
  });

  it("keep the last of a name given twice, as Object.fromEntries did", () => {
    expect(
      formValues(
        form([
          ["a", "1"],
          ["a", "2"],
          ["r.0.x", "1"],
          ["r.0.x", "2"],
        ]),
      ),
    ).toEqual({ a: "2", r: [{ x: "2" }] });
  });

  it("drop names that do not fit the shape and prototype keys; a huge index is no array index", () => {
    const v = formValues(
      form([
        ["rows.0.a", "x"],
        ["rows.b", "no"],
        ["rows", "no"],
        ["big.1000.a", "no"],
        ["__proto__.x", "no"],
        ["a..b", "no"],
        ["c.constructor", "no"],
      ]),
    );
    expect(v).toEqual({ rows: [{ a: "x" }], big: { 1000: { a: "no" } } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("report a row's problem under the name of its field", () => {
    const schema = z.object({ rows: z.array(z.object({ min: z.string().regex(/^\d+$/, { error: "form.invalid" }) })) });
    const r = parseForm(
      schema,
      form([
        ["rows.0.min", "1"],
        ["rows.1.min", "x"],
      ]),
      translator("id"),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors)).toEqual(["rows.1.min"]);
      expect(r.values["rows.1.min"]).toBe("x");
    }
    expect(fieldId("rows.1.min")).toBe("f-rows-1-min");
    expect(fieldId("email")).toBe("f-email");
  });
});
