import { describe, expect, it } from "vitest";
import { CATEGORY_KEYS } from "../../app/domain/categories";
import { categoriesForLevel, PROVINCES, provinceOf, stagesForLevel, ZONES, zoneOf } from "../../app/domain/levels";

describe("levels", () => {
  it("the province category exists only at national level; every other category at both", () => {
    expect(categoriesForLevel("national")).toEqual(CATEGORY_KEYS);
    expect(categoriesForLevel("provincial")).toEqual(CATEGORY_KEYS.filter((c) => c !== "province"));
    expect(categoriesForLevel("provincial")).toContain("village");
    expect(categoriesForLevel("provincial")).toContain("sector_finance");
  });

  it("a provincial edition selects, verifies and interviews; a national one verifies (assessors) then interviews (jury)", () => {
    expect(stagesForLevel("provincial")).toEqual([
      { key: "desk", panel: "assessor" },
      { key: "verification", panel: "assessor" },
      { key: "interview", panel: "juror" },
    ]);
    expect(stagesForLevel("national")).toEqual([
      { key: "verification", panel: "assessor" },
      { key: "interview", panel: "juror" },
    ]);
  });

  it("38 provinces, each in exactly one zone, every zone with at least one", () => {
    expect(PROVINCES).toHaveLength(38);
    expect(new Set(PROVINCES).size).toBe(38);
    for (const p of PROVINCES) expect(zoneOf(p), p).not.toBeNull();
    for (const z of ZONES)
      expect(
        PROVINCES.some((p) => zoneOf(p) === z),
        z,
      ).toBe(true);
    expect(zoneOf("Kalimantan Timur")).toBe("kalimantan");
    expect(zoneOf("DKI Jakarta")).toBe("jawa");
    expect(zoneOf("Papua Pegunungan")).toBe("maluku_papua");
    expect(zoneOf("Nusa Tenggara Barat")).toBe("bali_nusa_tenggara");
  });

  it("reads the province of a stored region, and no zone for an unknown one", () => {
    expect(provinceOf("Kota Balikpapan, Kalimantan Timur")).toBe("Kalimantan Timur");
    expect(provinceOf("Kalimantan Timur")).toBe("Kalimantan Timur");
    expect(zoneOf("Kota Balikpapan, Kalimantan Timur")).toBe("kalimantan");
    expect(zoneOf("Provinsi Sumatera Barat")).toBe("sumatera");
    expect(zoneOf("  jawa   barat ")).toBe("jawa");
    expect(zoneOf("Provinsi Uji 12")).toBeNull();
    expect(zoneOf("Indonesia")).toBeNull();
  });
});
