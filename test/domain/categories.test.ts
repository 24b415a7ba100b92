import { describe, expect, it } from "vitest";
import {
  CATEGORY_KEYS,
  categoryGroup,
  kindGroup,
  kindsForCategory,
  ORGANISATION_KINDS,
} from "../../app/domain/categories";

describe("government vs company", () => {
  it("province and regency/city are the government categories; every other is an employer's", () => {
    expect(CATEGORY_KEYS.filter((c) => categoryGroup(c) === "government")).toEqual(["province", "regency_city"]);
    expect(CATEGORY_KEYS.filter((c) => categoryGroup(c) === "company")).toEqual([
      "large",
      "medium",
      "public_service",
      "micro_small",
    ]);
  });

  it("provinces, regencies and cities are governments; companies and public-service bodies are employers", () => {
    expect(ORGANISATION_KINDS.filter((k) => kindGroup(k) === "government")).toEqual(["province", "regency", "city"]);
    expect(ORGANISATION_KINDS.filter((k) => kindGroup(k) === "company")).toEqual(["company", "public_service"]);
  });

  it("each category takes only kinds of its own group, and every kind has a category", () => {
    expect(kindsForCategory("regency_city")).toEqual(["regency", "city"]);
    expect(kindsForCategory("public_service")).toEqual(["public_service"]);
    expect(kindsForCategory("micro_small")).toEqual(["company"]);
    for (const c of CATEGORY_KEYS) for (const k of kindsForCategory(c)) expect(kindGroup(k)).toBe(categoryGroup(c));
    expect(new Set(CATEGORY_KEYS.flatMap(kindsForCategory))).toEqual(new Set(ORGANISATION_KINDS));
  });
});
