import { describe, expect, it } from "vitest";
import {
  CATEGORY_KEYS,
  categoryGroup,
  kindGroup,
  kindsForCategory,
  ORGANISATION_KINDS,
} from "../../app/domain/categories";

describe("government vs company", () => {
  it("province, regency/city and village are the government categories; every other (sectors too) is an employer's", () => {
    expect(CATEGORY_KEYS.filter((c) => categoryGroup(c) === "government")).toEqual([
      "province",
      "regency_city",
      "village",
    ]);
    expect(CATEGORY_KEYS.filter((c) => categoryGroup(c) === "company")).toEqual([
      "large",
      "medium",
      "public_service",
      "micro_small",
      "sector_finance",
      "sector_trade_services",
      "sector_industry",
      "sector_agriculture",
      "sector_education",
    ]);
  });

  it("provinces, regencies, cities and villages are governments; companies and public-service bodies are employers", () => {
    expect(ORGANISATION_KINDS.filter((k) => kindGroup(k) === "government")).toEqual([
      "province",
      "regency",
      "city",
      "village",
    ]);
    expect(ORGANISATION_KINDS.filter((k) => kindGroup(k) === "company")).toEqual(["company", "public_service"]);
  });

  it("each category takes only kinds of its own group, and every kind has a category", () => {
    expect(kindsForCategory("regency_city")).toEqual(["regency", "city"]);
    expect(kindsForCategory("public_service")).toEqual(["public_service"]);
    expect(kindsForCategory("micro_small")).toEqual(["company"]);
    expect(kindsForCategory("village")).toEqual(["village"]);
    for (const c of CATEGORY_KEYS) for (const k of kindsForCategory(c)) expect(kindGroup(k)).toBe(categoryGroup(c));
    expect(new Set(CATEGORY_KEYS.flatMap(kindsForCategory))).toEqual(new Set(ORGANISATION_KINDS));
  });
});
