import { inTransaction, type Db } from "../client";
import { judgedScale, priorOf, type RubricDefinition } from "../../app/domain/rubric";
import { raiseCategoryVersion } from "./data-version";

/** Stores a rubric version of a category and returns its id. */
export async function insertRubric(
  db: Db,
  args: {
    categoryId: number;
    definition: RubricDefinition;
    method?: unknown;
    reason?: string | null;
    userId?: number | null;
  },
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const last = await tx
      .selectFrom("rubrics")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("category_id", "=", args.categoryId)
      .executeTakeFirst();
    const { id: rubricId } = await tx
      .insertInto("rubrics")
      .values({
        category_id: args.categoryId,
        version: Number(last?.v ?? 0) + 1,
        method: JSON.stringify(args.method ?? {}),
        reason: args.reason ?? null,
        created_by: args.userId ?? null,
        prior_min_score: args.definition.prior?.minScore ?? null,
        prior_tie_break: args.definition.prior?.tieBreak ? 1 : 0,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const d = args.definition;
    for (const [i, s] of d.stages.entries()) {
      await tx
        .insertInto("rubric_stages")
        .values({
          rubric_id: rubricId,
          stage_key: s.id,
          position: i,
          weight: s.weight,
          advance_top: s.advance && "top" in s.advance ? s.advance.top : null,
          advance_min_score: s.advance && "minScore" in s.advance ? s.advance.minScore : null,
        })
        .execute();
    }
    for (const [i, c] of d.criteria.entries()) {
      const { id: criterionId } = await tx
        .insertInto("criteria")
        .values({
          rubric_id: rubricId,
          key: c.id,
          stage_key: c.stage,
          position: i,
          name_id: c.name?.id ?? c.id,
          name_en: c.name?.en ?? c.id,
          description_id: c.description?.id ?? null,
          description_en: c.description?.en ?? null,
          weight: c.weight,
          type: c.type,
          max: c.type === "judged" ? c.max : null,
          step: c.type === "judged" ? c.step : null,
          indicator: c.type === "indicator" ? c.indicator : null,
          evidence_required: c.evidenceRequired ? 1 : 0,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const b of c.type === "indicator" ? c.bands : []) {
        await tx
          .insertInto("criterion_bands")
          .values({ criterion_id: criterionId, min: b.min, points: b.points })
          .execute();
      }
    }
    for (const g of d.gates) {
      await tx
        .insertInto("gates")
        .values({ rubric_id: rubricId, key: g.id, indicator: g.indicator, op: g.op, value: g.value })
        .execute();
    }
    if (last?.v != null)
      await carryScoresOver(tx, { categoryId: args.categoryId, fromVersion: Number(last.v), toRubricId: rubricId });
    await raiseCategoryVersion(tx, args.categoryId);
    return rubricId;
  });
}

/**
 * A new rubric version keeps the work already done: scores of a judged criterion that the new
 * version still has (same key and stage, still judged) move to the new criterion row, so that
 * drafts and submitted sheets stay filled in. The scoresheets concerned get a new version, so a
 * page opened before the change is refused as stale instead of saving into the old criteria.
 * Scores of criteria the new version dropped stay with the old version (kept, not counted).
 */
async function carryScoresOver(tx: Db, a: { categoryId: number; fromVersion: number; toRubricId: number }) {
  const previous = await tx
    .selectFrom("rubrics")
    .select("id")
    .where("category_id", "=", a.categoryId)
    .where("version", "=", a.fromVersion)
    .executeTakeFirst();
  if (!previous) return;
  const [before, after] = await Promise.all([
    tx
      .selectFrom("criteria")
      .select(["id", "key", "stage_key"])
      .where("rubric_id", "=", previous.id)
      .where("type", "=", "judged")
      .execute(),
    tx
      .selectFrom("criteria")
      .select(["id", "key", "stage_key"])
      .where("rubric_id", "=", a.toRubricId)
      .where("type", "=", "judged")
      .execute(),
  ]);
  const target = new Map(after.map((c) => [`${c.stage_key}/${c.key}`, c.id]));
  const moved: number[] = [];
  for (const c of before) {
    const to = target.get(`${c.stage_key}/${c.key}`);
    if (to === undefined) continue;
    const res = await tx
      .updateTable("scores")
      .set({ criterion_id: to })
      .where("criterion_id", "=", c.id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) moved.push(to);
  }
  if (moved.length === 0) return;
  await tx
    .updateTable("assignments")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "in", (eb) => eb.selectFrom("scores").select("assignment_id").where("criterion_id", "in", moved))
    .execute();
}

/** The newest rubric version of a category (id, version, frozen), or undefined. */
export async function currentRubric(db: Db, categoryId: number) {
  return db
    .selectFrom("rubrics")
    .selectAll()
    .where("category_id", "=", categoryId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Reads a stored rubric back into its definition (the scoring contract's shape plus names). */
export async function loadRubricDefinition(db: Db, rubricId: number): Promise<RubricDefinition> {
  const [rubric, stages, criteria, bands, gates] = await Promise.all([
    db
      .selectFrom("rubrics")
      .select(["prior_min_score", "prior_tie_break"])
      .where("id", "=", rubricId)
      .executeTakeFirst(),
    db.selectFrom("rubric_stages").selectAll().where("rubric_id", "=", rubricId).orderBy("position").execute(),
    db.selectFrom("criteria").selectAll().where("rubric_id", "=", rubricId).orderBy("position").execute(),
    db
      .selectFrom("criterion_bands as b")
      .innerJoin("criteria as c", "c.id", "b.criterion_id")
      .select(["b.criterion_id", "b.min", "b.points"])
      .where("c.rubric_id", "=", rubricId)
      .orderBy("b.min", "desc")
      .execute(),
    db.selectFrom("gates").selectAll().where("rubric_id", "=", rubricId).orderBy("id").execute(),
  ]);
  const prior = priorOf(rubric?.prior_min_score ?? null, rubric?.prior_tie_break === 1);
  return {
    stages: stages.map((s) => ({
      id: s.stage_key,
      weight: s.weight,
      ...(s.advance_top != null
        ? { advance: { top: s.advance_top } }
        : s.advance_min_score != null
          ? { advance: { minScore: s.advance_min_score } }
          : {}),
    })),
    criteria: criteria.map((c) => {
      // Key order as in the contract's examples (the export writes this object as it is).
      const head = { id: c.key, stage: c.stage_key, weight: c.weight };
      const tail = {
        name: { id: c.name_id, en: c.name_en },
        ...(c.description_id || c.description_en
          ? { description: { id: c.description_id ?? undefined, en: c.description_en ?? undefined } }
          : {}),
        evidenceRequired: c.evidence_required === 1,
      };
      return c.type === "judged"
        ? { ...head, type: "judged" as const, ...judgedScale(c), ...tail }
        : {
            ...head,
            type: "indicator" as const,
            indicator: c.indicator ?? "",
            bands: bands.filter((b) => b.criterion_id === c.id).map((b) => ({ min: b.min, points: b.points })),
            ...tail,
          };
    }),
    gates: gates.map((g) => ({ id: g.key, indicator: g.indicator, op: g.op, value: g.value })),
    ...(prior ? { prior } : {}),
  };
}

export async function rubricVersion(db: Db, rubricId: number): Promise<number | null> {
  const row = await db.selectFrom("rubrics").select("version").where("id", "=", rubricId).executeTakeFirst();
  return row?.version ?? null;
}
