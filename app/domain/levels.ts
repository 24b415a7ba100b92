// The award's two levels (docs/levels.md). A province runs a provincial edition for its
// regencies/cities and employers; the national edition draws the provincial winners and adds the
// provinces themselves (a province does not judge itself). Zones group provinces for zone awards.
import type { CategoryKey, Level, StageKey } from "../../db/schema";
import { CATEGORY_KEYS } from "./categories";

export const LEVELS = ["provincial", "national"] as const satisfies readonly Level[];

/** The categories an edition of the level may have, in the order the forms list them. */
export function categoriesForLevel(level: Level): readonly CategoryKey[] {
  return level === "national" ? CATEGORY_KEYS : CATEGORY_KEYS.filter((k) => k !== "province");
}

/**
 * The stages of a new edition of the level, with the panel that scores each. A provincial edition
 * selects documents, verifies and interviews; the national one verifies and validates the
 * nominees centrally, then the national jury interviews the best.
 */
export function stagesForLevel(level: Level): readonly { key: StageKey; panel: "assessor" | "juror" }[] {
  return level === "national"
    ? [
        { key: "verification", panel: "assessor" },
        { key: "interview", panel: "juror" },
      ]
    : [
        { key: "desk", panel: "assessor" },
        { key: "verification", panel: "assessor" },
        { key: "interview", panel: "juror" },
      ];
}

export const ZONES = ["sumatera", "jawa", "bali_nusa_tenggara", "kalimantan", "sulawesi", "maluku_papua"] as const;
export type Zone = (typeof ZONES)[number];

/** The 38 provinces of Indonesia by zone (the zone awards' grouping since 2024). */
const PROVINCES_BY_ZONE: Readonly<Record<Zone, readonly string[]>> = {
  sumatera: [
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Kepulauan Riau",
    "Jambi",
    "Sumatera Selatan",
    "Kepulauan Bangka Belitung",
    "Bengkulu",
    "Lampung",
  ],
  jawa: ["DKI Jakarta", "Jawa Barat", "Banten", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur"],
  bali_nusa_tenggara: ["Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur"],
  kalimantan: ["Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara"],
  sulawesi: [
    "Sulawesi Utara",
    "Gorontalo",
    "Sulawesi Tengah",
    "Sulawesi Barat",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
  ],
  maluku_papua: [
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
    "Papua Barat Daya",
    "Papua Selatan",
    "Papua Tengah",
    "Papua Pegunungan",
  ],
};

/** Every province, in zone order (the forms' list). */
export const PROVINCES: readonly string[] = ZONES.flatMap((z) => PROVINCES_BY_ZONE[z]);

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/^(provinsi|prov\.|pemerintah provinsi)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
const ZONE_OF = new Map<string, Zone>(ZONES.flatMap((z) => PROVINCES_BY_ZONE[z].map((p) => [normal(p), z] as const)));

/** The province of a stored region: "Kota Balikpapan, Kalimantan Timur" → "Kalimantan Timur"; a province's own region is itself. */
export function provinceOf(region: string): string {
  return (region.split(",").at(-1) ?? region).trim();
}

/** The zone of a province (or of a region naming one, see provinceOf); null when it is not a known province. */
export function zoneOf(region: string): Zone | null {
  return ZONE_OF.get(normal(provinceOf(region))) ?? null;
}

/** Whether two stored regions name the same province ("Provinsi Jawa Tengah" and "Jawa Tengah" do). */
export function sameProvince(a: string, b: string): boolean {
  return normal(provinceOf(a)) === normal(provinceOf(b));
}
