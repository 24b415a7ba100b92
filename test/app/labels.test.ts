import type { Selectable } from "kysely";
import { describe, expect, it } from "vitest";
import type { reassign } from "../../db/queries/assignment-plans";
import type { AcceptResult, InvitationState } from "../../db/queries/invitations";
import type { RegisterResult } from "../../db/queries/registrations";
import type {
  AssessorView,
  AssignmentStatus,
  CategoryKey,
  EditionStatus,
  Level,
  Organisation,
  OrganisationInvitationsTable,
  OrganisationKind,
  Role,
  StageKey,
  StageStatus,
} from "../../db/schema";
import { ENTRY_STATUSES } from "../../app/domain/entry-status";
import { isMessageKey, translate } from "../../app/i18n";
import { categoryName, stageName } from "../../app/i18n/labels";
import { COMPANY_SIZES } from "../../app/domain/categories";
import { FIGURE_FIELDS, PROGRAMMES, REGULATION_TYPES } from "../../app/lib/portal-figures";

// Every value of the award's fixed vocabularies that pages print as `prefix.${value}` has a text in
// both languages. Each list is a record keyed by its union, so the typecheck refuses a list that
// leaves a value out (or names one the union does not have).
const every = <K extends string>(values: Record<K, true>) => Object.keys(values);

type Refusal<R> = Extract<R, { ok: false }> extends { reason: infer Why extends string } ? Why : never;

const vocabularies: Record<string, readonly string[]> = {
  category: every<CategoryKey>({
    province: true,
    regency_city: true,
    large: true,
    medium: true,
    public_service: true,
    micro_small: true,
    village: true,
    sector_finance: true,
    sector_trade_services: true,
    sector_industry: true,
    sector_agriculture: true,
    sector_education: true,
  }),
  stage: every<StageKey>({ desk: true, verification: true, interview: true }),
  stageStatus: every<StageStatus>({ pending: true, open: true, closed: true }),
  entryStatus: ENTRY_STATUSES,
  editionStatus: every<EditionStatus>({
    draft: true,
    registration: true,
    assessment: true,
    closed: true,
    published: true,
  }),
  level: every<Level>({ provincial: true, national: true }),
  role: every<Role>({ admin: true, committee: true, assessor: true, juror: true, entrant: true }),
  "assess.status": every<AssignmentStatus>({ not_started: true, draft: true, submitted: true }),
  "committee.stages.view": every<AssessorView>({ none: true, scores: true, scores_notes: true }),
  "committee.orgs.answer": every<Selectable<OrganisationInvitationsTable>["status"]>({
    open: true,
    accepted: true,
    declined: true,
  }),
  "portal.orgKind": every<OrganisationKind>({
    province: true,
    regency: true,
    village: true,
    city: true,
    company: true,
    public_service: true,
  }),
  "portal.size": every<NonNullable<Organisation["size"]>>({ large: true, medium: true, small: true, micro: true }),
  "portal.programme": PROGRAMMES,
  "portal.regulation": REGULATION_TYPES,
  "portal.figure": [...FIGURE_FIELDS.government, ...FIGURE_FIELDS.company].map((f) => f.key),
  "portal.invite.state": every<InvitationState | "throttled">({
    valid: true,
    expired: true,
    used: true,
    unknown: true,
    throttled: true,
  }),
  "portal.invite.refused": every<Refusal<AcceptResult>>({
    unknown: true,
    expired: true,
    used: true,
    email_taken: true,
    email_mismatch: true,
    organisation_required: true,
    duplicate: true,
  }),
  "portal.register.refused": every<Refusal<RegisterResult>>({
    closed: true,
    category: true,
    kind: true,
    email_taken: true,
    duplicate: true,
  }),
  "committee.assign.refused": every<Refusal<Awaited<ReturnType<typeof reassign>>>>({
    not_found: true,
    submitted: true,
    duplicate: true,
  }),
};

describe("texts of the fixed vocabularies", () => {
  for (const [prefix, values] of Object.entries(vocabularies)) {
    it(`names every ${prefix} in Bahasa Indonesia and English`, () => {
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        const key = `${prefix}.${value}`;
        expect(isMessageKey(key), key).toBe(true);
        if (!isMessageKey(key)) continue;
        expect(translate("id", key).trim(), key).not.toBe("");
        expect(translate("en", key).trim(), key).not.toBe("");
      }
    });
  }

  it("gives every typed figure a hint, and only those", () => {
    for (const f of [...FIGURE_FIELDS.government, ...FIGURE_FIELDS.company]) {
      expect(isMessageKey(`portal.figure.${f.key}.hint`), f.key).toBe(f.kind !== "flag");
    }
  });

  it("the COMPANY_SIZES the forms offer are the sizes of the schema", () => {
    expect([...COMPANY_SIZES].sort()).toEqual([...vocabularies["portal.size"]].sort());
  });

  it("names categories and stages through the label helpers", () => {
    const t = (key: Parameters<typeof translate>[1]) => translate("en", key);
    expect(categoryName(t, "regency_city")).toBe("Regency/city government");
    expect(stageName(t, "verification")).toBe("Verification and validation");
  });

  it("tells open strings that name a text from those that do not", () => {
    expect(isMessageKey("indicator.coverage_pct")).toBe(true);
    expect(isMessageKey("indicator.my_custom_ratio")).toBe(false);
    // Inherited properties of the dictionary object are not texts.
    expect(isMessageKey("constructor")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
  });
});
