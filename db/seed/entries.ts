import type { Db } from "../client";
import { addMembership, createUser } from "../queries/users";
import type { CategoryKey, OrganisationKind, StageKey } from "../schema";
import { categoryGroup, deriveIndicators, PROGRAMMES, type Figures } from "../../scoring/figures";

// Building blocks of the two-level demo (db/seed/provinces.ts, db/seed/national.ts): an entrant
// organisation with its member and entry, figures that follow one quality number, and scoresheets.
// Everything is deterministic: the same quality gives the same figures and scores, so that two
// entrants of equal quality tie exactly (the "ties take all" case of the national board).

export interface SeedContext {
  /** The hashed demo password (hashed once for the whole seed). */
  hash: string;
  /** An ISO time `d` days from the seeding day. */
  day: (d: number) => string;
}

export async function seedUser(tx: Db, ctx: SeedContext, email: string, name: string) {
  return createUser(tx, { email, name, passwordHash: ctx.hash });
}

/** Figures of an entrant of the category whose quality is q (0–1); regulations in force for governments. */
function figuresOf(category: CategoryKey, q: number): { figures: Figures; regulations: number } {
  if (categoryGroup(category) === "government") {
    const workforce = category === "province" ? 2_400_000 : 380_000;
    const nonAsn = category === "province" ? 12_000 : 6_000;
    const vulnerable = Math.round((category === "province" ? 60_000 : 24_000) * q);
    return {
      figures: {
        workforce,
        pu_covered: Math.round(workforce * (0.2 + 0.35 * q)),
        bpu_covered: Math.round(workforce * (0.04 + 0.16 * q)),
        employers_registered: Math.round(workforce / 90),
        non_asn_staff: nonAsn,
        non_asn_all_four: Math.round(nonAsn * (0.4 + 0.6 * q)),
        vulnerable_apbd_workers: vulnerable,
        vulnerable_apbd_amount: vulnerable * 16_800 * 12,
      },
      regulations: q >= 0.8 ? 3 : q >= 0.6 ? 2 : 1,
    };
  }
  const workers = category === "medium" ? Math.round(90 + 200 * q) : Math.round(700 + 4_000 * q);
  const figures: Figures = {
    workers,
    workers_registered: q >= 0.85 ? workers : Math.round(workers * (0.7 + 0.3 * q)),
    months_arrears: 0,
    months_on_time: q >= 0.75 ? 12 : 11,
    wages_paid: workers * 4_800_000,
    wages_reported: Math.round(workers * 4_800_000 * Math.min(1, 0.9 + 0.12 * q)),
    accidents_reported: Math.round(8 * (1 - q)),
  };
  for (const [i, p] of PROGRAMMES.entries()) figures[`programme_${p}`] = i < 3 || q >= 0.6 ? 1 : 0;
  return { figures, regulations: 0 };
}

export interface NewEntrant {
  editionId: number;
  categoryId: number;
  category: CategoryKey;
  name: string;
  /** The member's e-mail is peserta@<slug>.paritrana.test. */
  slug: string;
  kind: OrganisationKind;
  /** Stored region: "Kota Bandung, Jawa Barat", or the province's name for a province. */
  region: string;
  /** The organisation's number, for its NPP and NIB (companies). */
  n: number;
  quality: number;
  submittedAt: string;
}

/** An organisation, its member account and a submitted entry with figures, regulations and indicators. */
export async function seedEntrant(
  tx: Db,
  ctx: SeedContext,
  e: NewEntrant,
): Promise<{ organisationId: number; entryId: number }> {
  const company = categoryGroup(e.category) === "company";
  const { id: organisationId } = await tx
    .insertInto("organisations")
    .values({
      name: e.name,
      kind: e.kind,
      region: e.region,
      size: company ? (e.category === "medium" ? "medium" : "large") : null,
      npp: company ? `NPP${String(26000000 + e.n * 7919).padStart(8, "0")}` : null,
      nib: company ? String(9130000000000 + e.n * 104729) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const memberId = await seedUser(tx, ctx, `peserta@${e.slug}.paritrana.test`, `Petugas ${e.name}`);
  await addMembership(tx, { userId: memberId, role: "entrant", organisationId });
  const { id: entryId } = await tx
    .insertInto("entries")
    .values({
      edition_id: e.editionId,
      category_id: e.categoryId,
      organisation_id: organisationId,
      status: "submitted",
      submitted_at: e.submittedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { figures, regulations } = figuresOf(e.category, e.quality);
  const figureRows = Object.entries(figures).flatMap(([key, value]) =>
    value === undefined ? [] : [{ entry_id: entryId, key, value }],
  );
  await tx.insertInto("entry_figures").values(figureRows).execute();
  if (regulations > 0)
    await tx
      .insertInto("entry_regulations")
      .values(
        Array.from({ length: regulations }, (_, r) => ({
          entry_id: entryId,
          type: r === 0 ? "perda" : e.category === "province" ? "pergub" : e.kind === "city" ? "perwali" : "perbup",
          number: String(3 + r * 7 + e.n),
          year: 2019 + r,
          title: "Penyelenggaraan Jaminan Sosial Ketenagakerjaan",
        })),
      )
      .execute();
  const indicators = Object.entries(deriveIndicators(categoryGroup(e.category), figures, regulations));
  await tx
    .insertInto("indicator_values")
    .values(indicators.map(([indicator, value]) => ({ entry_id: entryId, indicator, value })))
    .execute();
  return { organisationId, entryId };
}

export interface SeedSheet {
  entryId: number;
  userId: number;
  stage: StageKey;
  /** The judged criteria of the stage (ids in the current rubric). */
  criteria: { id: number }[];
  state: "submitted" | "draft" | "not_started";
  /** Value of the k-th criterion (0–100). */
  value: (k: number) => number;
  createdBy: number;
  at: string;
}

/** Assignments (with their conflict declarations, once per person and entry) and scores. */
export async function seedSheets(tx: Db, sheets: SeedSheet[]) {
  const declared = new Set<string>();
  for (const s of sheets) {
    const { id: assignmentId } = await tx
      .insertInto("assignments")
      .values({
        entry_id: s.entryId,
        user_id: s.userId,
        stage_key: s.stage,
        status: s.state,
        version: s.state === "not_started" ? 0 : 1,
        submitted_at: s.state === "submitted" ? s.at : null,
        created_by: s.createdBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (s.state === "not_started") continue;
    const key = `${s.userId}:${s.entryId}`;
    if (!declared.has(key)) {
      declared.add(key);
      await tx
        .insertInto("conflict_declarations")
        .values({ user_id: s.userId, entry_id: s.entryId, has_conflict: 0 })
        .execute();
    }
    if (s.criteria.length === 0) continue;
    await tx
      .insertInto("scores")
      .values(
        s.criteria.map((c, k) => {
          const value = Math.max(0, Math.min(100, Math.round(s.value(k))));
          return {
            assignment_id: assignmentId,
            criterion_id: c.id,
            value,
            status: s.state === "submitted" ? ("submitted" as const) : ("draft" as const),
            note:
              value >= 80
                ? "Bukti dukung lengkap dan konsisten."
                : value < 50
                  ? "Bukti dukung belum memadai."
                  : "Cukup baik.",
          };
        }),
      )
      .execute();
  }
}

/** The judged criteria of a rubric at a stage, in order. */
export async function judgedCriteria(tx: Db, rubricId: number, stage: StageKey) {
  return tx
    .selectFrom("criteria")
    .select(["id", "key", "name_id", "evidence_required"])
    .where("rubric_id", "=", rubricId)
    .where("stage_key", "=", stage)
    .where("type", "=", "judged")
    .orderBy("position")
    .execute();
}
