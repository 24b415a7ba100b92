// The award's categories and the organisations that enter them. Two groups: regional governments
// (province, regency/city) and employers (companies of each size and public-service bodies). The
// group decides which figures an entrant gives and which rubric family applies.
import type { CategoryKey, OrganisationKind } from "../../db/schema";
import type { CategoryGroup } from "../../scoring/figures";

// Which categories are the government ones is scoring's (pure) rule, beside the figures of each
// group: it is re-exported here so that the app and db/queries read it from one place.
export { categoryGroup, type CategoryGroup } from "../../scoring/figures";

/** Every category, in the order the committee's forms list them. */
export const CATEGORY_KEYS = [
  "province",
  "regency_city",
  "large",
  "medium",
  "public_service",
  "micro_small",
  "village",
  "sector_finance",
  "sector_trade_services",
  "sector_industry",
  "sector_agriculture",
  "sector_education",
] as const satisfies readonly CategoryKey[];

/** Every organisation kind, in the order the registration form lists them. */
export const ORGANISATION_KINDS = [
  "province",
  "regency",
  "city",
  "village",
  "company",
  "public_service",
] as const satisfies readonly OrganisationKind[];

/** A company's size, as the organisation forms offer it (optional). */
export const COMPANY_SIZES = ["large", "medium", "small", "micro"] as const;

/** The organisation kinds that may enter each category. */
const KINDS_BY_CATEGORY: Readonly<Record<CategoryKey, readonly OrganisationKind[]>> = {
  province: ["province"],
  regency_city: ["regency", "city"],
  large: ["company"],
  medium: ["company"],
  micro_small: ["company"],
  public_service: ["public_service"],
  village: ["village"],
  // Sector categories group employers by their line of business, whatever their size.
  sector_finance: ["company", "public_service"],
  sector_trade_services: ["company"],
  sector_industry: ["company"],
  sector_agriculture: ["company"],
  sector_education: ["company", "public_service"],
};

const GOVERNMENT_KINDS: readonly string[] = ["province", "regency", "city", "village"] satisfies OrganisationKind[];

export function kindsForCategory(category: CategoryKey): readonly OrganisationKind[] {
  return KINDS_BY_CATEGORY[category];
}

/** An organisation kind's group: employers (companies, public-service bodies) are registered with BPJS by NPP. */
export function kindGroup(kind: string): CategoryGroup {
  return GOVERNMENT_KINDS.includes(kind) ? "government" : "company";
}
