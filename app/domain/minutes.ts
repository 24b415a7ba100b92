import { createHash } from "node:crypto";
import type { CategoryKey, Level, PlenaryDecision, StageKey } from "../../db/schema";
import { runningTotal, type Advance, type CategoryResult, type ScoringInput } from "../../scoring/index";
import { resolveMethod } from "../../scoring/prepare";

// The minutes (berita acara) of a plenary as issued: everything the PDF prints, in codes and names
// only (never a translated text), so that both languages render from one stored JSON and its
// SHA-256 is the code printed on the minutes. `minutesJson` writes every object anew in one fixed
// key order, so the same facts always give the same bytes, whatever order they were read in.

export interface MinutesMethod {
  aggregate: { kind: string; trim: number; minPanel: number };
  calibration: string;
  ranking: string;
  disagreementSd: number;
  /** The stage's rule for going on (null: everyone goes on, or the last stage). */
  advance: Advance | null;
  stageWeights: { stage: string; weight: number }[];
  /** The stage's criteria and their weights (names from the rubric, as written there). */
  criteria: { key: string; nameId: string; nameEn: string; type: "judged" | "indicator"; weight: number }[];
  /** The rubric's gates (what an ineligible entry failed) and the minimum prior total (national rubrics). */
  gates: { id: string; indicator: string; op: string; value: number }[];
  priorMinScore: number | null;
}

export interface MinutesAgreement {
  /** Two-way figures over the stage's complete block (scoring's `agreement[stage]`). */
  assessors: number;
  nominees: number;
  icc2_1: number | null;
  icc2_k: number | null;
  kendallW: number | null;
  /** One-way figures over nominees with ≥ 2 sheets (contract 2; null when scoring gave none). */
  oneWay: { nominees: number; panelSize: number | null; icc1_1: number | null; icc1_k: number | null } | null;
}

export interface MinutesRankingRow {
  rank: number;
  entryId: number;
  organisation: string;
  /** The stage's score and the running total up to the stage (scoring §8). */
  stageScore: number;
  running: number;
  /** Goes on to the next stage (null at the last stage). */
  goesOn: boolean | null;
  /** Goes on by the plenary's decision where the rule alone would not have taken it (scoring's forced-advance flag). */
  byDecision: boolean;
}

export interface MinutesDecision {
  entryId: number;
  organisation: string;
  decision: PlenaryDecision;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

export interface MinutesRevision {
  entryId: number;
  organisation: string;
  /** "Lembar N" (the sheet's number on the entry) or, when the stage names sheets, the assessor. */
  sheet: number;
  assessor: string | null;
  criterion: { key: string; nameId: string; nameEn: string; max: number };
  oldValue: number | null;
  newValue: number | null;
  oldNote: string | null;
  newNote: string | null;
  revisedAt: string | null;
}

export interface MinutesContent {
  edition: { name: string; year: number; level: Level; region: string };
  category: CategoryKey;
  stage: StageKey;
  heldOn: string;
  place: string;
  chair: string;
  /** The plenary's panel (account id and name) and whether each was present. */
  panel: { userId: number; name: string; present: boolean }[];
  method: MinutesMethod;
  agreement: MinutesAgreement | null;
  ranking: MinutesRankingRow[];
  ineligible: { entryId: number; organisation: string; failed: string[] }[];
  decisions: MinutesDecision[];
  revisions: MinutesRevision[];
  /** Sheets not submitted when the plenary was opened. */
  unsubmittedAtOpen: number;
  issuedAt: string;
  issuedBy: string;
}

/**
 * The copy of the minutes a panel member with declared conflicts reads: the rows of those entries
 * (ranking, ineligible, decisions, revisions) left out. The code printed stays the whole record's.
 */
export function withoutEntries(c: MinutesContent, withheld: ReadonlySet<number>): MinutesContent {
  if (withheld.size === 0) return c;
  const keep = (r: { entryId: number }) => !withheld.has(r.entryId);
  return {
    ...c,
    ranking: c.ranking.filter(keep),
    ineligible: c.ineligible.filter(keep),
    decisions: c.decisions.filter(keep),
    revisions: c.revisions.filter(keep),
  };
}

/** The stored JSON of minutes: every object written in the key order above. */
export function minutesJson(c: MinutesContent): string {
  const m = c.method;
  const a = c.agreement;
  const canonical: MinutesContent = {
    edition: { name: c.edition.name, year: c.edition.year, level: c.edition.level, region: c.edition.region },
    category: c.category,
    stage: c.stage,
    heldOn: c.heldOn,
    place: c.place,
    chair: c.chair,
    panel: c.panel.map((p) => ({ userId: p.userId, name: p.name, present: p.present })),
    method: {
      aggregate: { kind: m.aggregate.kind, trim: m.aggregate.trim, minPanel: m.aggregate.minPanel },
      calibration: m.calibration,
      ranking: m.ranking,
      disagreementSd: m.disagreementSd,
      advance:
        m.advance === null ? null : "top" in m.advance ? { top: m.advance.top } : { minScore: m.advance.minScore },
      stageWeights: m.stageWeights.map((s) => ({ stage: s.stage, weight: s.weight })),
      criteria: m.criteria.map((k) => ({
        key: k.key,
        nameId: k.nameId,
        nameEn: k.nameEn,
        type: k.type,
        weight: k.weight,
      })),
      gates: m.gates.map((g) => ({ id: g.id, indicator: g.indicator, op: g.op, value: g.value })),
      priorMinScore: m.priorMinScore,
    },
    agreement:
      a === null
        ? null
        : {
            assessors: a.assessors,
            nominees: a.nominees,
            icc2_1: a.icc2_1,
            icc2_k: a.icc2_k,
            kendallW: a.kendallW,
            oneWay:
              a.oneWay === null
                ? null
                : {
                    nominees: a.oneWay.nominees,
                    panelSize: a.oneWay.panelSize,
                    icc1_1: a.oneWay.icc1_1,
                    icc1_k: a.oneWay.icc1_k,
                  },
          },
    ranking: c.ranking.map((r) => ({
      rank: r.rank,
      entryId: r.entryId,
      organisation: r.organisation,
      stageScore: r.stageScore,
      running: r.running,
      goesOn: r.goesOn,
      byDecision: r.byDecision,
    })),
    ineligible: c.ineligible.map((x) => ({ entryId: x.entryId, organisation: x.organisation, failed: [...x.failed] })),
    decisions: c.decisions.map((d) => ({
      entryId: d.entryId,
      organisation: d.organisation,
      decision: d.decision,
      reason: d.reason,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
      withdrawnAt: d.withdrawnAt,
      withdrawalReason: d.withdrawalReason,
    })),
    revisions: c.revisions.map((r) => ({
      entryId: r.entryId,
      organisation: r.organisation,
      sheet: r.sheet,
      assessor: r.assessor,
      criterion: { key: r.criterion.key, nameId: r.criterion.nameId, nameEn: r.criterion.nameEn, max: r.criterion.max },
      oldValue: r.oldValue,
      newValue: r.newValue,
      oldNote: r.oldNote,
      newNote: r.newNote,
      revisedAt: r.revisedAt,
    })),
    unsubmittedAtOpen: c.unsubmittedAtOpen,
    issuedAt: c.issuedAt,
    issuedBy: c.issuedBy,
  };
  return JSON.stringify(canonical);
}

/** SHA-256 (hex) of the minutes' stored JSON: the code printed on the PDF and looked up by /verify. */
export function minutesHash(json: string): string {
  return createHash("sha256").update(json).digest("hex");
}

/** What the minutes take of a category's scoring for one stage (before names are added). */
export interface StageOutcome {
  method: Omit<MinutesMethod, "criteria"> & {
    criteria: { key: string; type: "judged" | "indicator"; weight: number }[];
  };
  agreement: MinutesAgreement | null;
  ranking: Omit<MinutesRankingRow, "organisation">[];
  ineligible: { entryId: number; failed: string[] }[];
}

/**
 * The stage as scoring gave it: the method with its defaults applied (as scoring applies them),
 * the stage's rule and weights, its agreement, and its participants in rank order with their
 * stage score, running total and whether they go on. Nominee ids are entry ids.
 */
export function stageOutcome(input: ScoringInput, result: CategoryResult, stage: string): StageOutcome {
  const stages = input.rubric.stages;
  const at = stages.findIndex((s) => s.id === stage);
  const method = resolveMethod(
    input,
    new Map(stages.map((s, i) => [s.id, i])),
    new Map(input.rubric.criteria.map((c, i) => [c.id, i])),
  );
  const last = at === stages.length - 1;
  const agreement = result.agreement[stage];
  return {
    method: {
      aggregate: { ...method.aggregate },
      calibration: method.calibration,
      ranking: method.ranking,
      disagreementSd: method.disagreementSd,
      advance: stages[at]?.advance ?? null,
      stageWeights: stages.map((s) => ({ stage: s.id, weight: s.weight })),
      criteria: input.rubric.criteria
        .filter((c) => c.stage === stage)
        .map((c) => ({ key: c.id, type: c.type, weight: c.weight })),
      gates: (input.rubric.gates ?? []).map((g) => ({ id: g.id, indicator: g.indicator, op: g.op, value: g.value })),
      priorMinScore: input.rubric.prior?.minScore ?? null,
    },
    agreement: agreement
      ? {
          assessors: agreement.assessors,
          nominees: agreement.nominees,
          icc2_1: agreement.icc2_1,
          icc2_k: agreement.icc2_k,
          kendallW: agreement.kendallW,
          oneWay: agreement.oneWay ?? null,
        }
      : null,
    ranking:
      at < 0
        ? []
        : result.ranking
            .filter((r) => stages.findIndex((s) => s.id === r.reached) >= at)
            .map((r) => ({
              rank: r.rank,
              entryId: Number(r.nominee),
              stageScore: r.stages[stage] ?? 0,
              running: runningTotal(r.stages, stages, stage),
              goesOn: last ? null : stages.findIndex((s) => s.id === r.reached) > at,
              byDecision: r.flags.includes(`forced-advance:${stage}`),
            })),
    ineligible: result.ineligible.map((x) => ({ entryId: Number(x.nominee), failed: [...x.failed] })),
  };
}
