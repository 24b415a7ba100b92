import { describe, expect, it } from "vitest";
import { closeAllStages, demoEdition, firstSubmittedSheet, freshDb, signOffAndPublishNow, signOffNow } from "./support";
import { editionCategories } from "../../db/queries/editions";
import { closeStageWithShortlist } from "../../db/queries/stages";
import { currentPublication, getPublication, publicationByHash } from "../../db/queries/publications";
import type { Db } from "../../db/client";
import type { Category } from "../../db/schema";
import { publishCategory } from "../../app/lib/publish.server";
import {
  buildScoringInput,
  rescore,
  scoreCategory,
  shortlistOf,
  snapshotHash,
} from "../../app/lib/scoring-input.server";

/**
 * Signs off what the category's data is now (as the ranking page does), then publishes; both wait
 * for every stage of the edition to close, so the stages are closed first.
 */
async function signOffAndPublish(db: Db, editionId: number, category: Category, userId: number) {
  await closeAllStages(db, editionId);
  return signOffAndPublishNow(db, editionId, category, userId);
}

describe("scoring input and publication snapshot", async () => {
  const { db } = await freshDb({ seed: true });
  const edition = await demoEdition(db);
  const categories = await editionCategories(db, edition.id);
  const regency = categories.find((c) => c.key === "regency_city")!;
  const committee = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();

  it("builds the input from submitted entries and submitted scoresheets only", async () => {
    const built = (await buildScoringInput(db, regency))!;
    const input = built.input as {
      nominees: { id: string; category: string; indicators: Record<string, number> }[];
      scores: { assessor: string; nominee: string }[];
    };
    const submitted = await db
      .selectFrom("entries")
      .select("id")
      .where("category_id", "=", regency.id)
      .where("status", "=", "submitted")
      .orderBy("id")
      .execute();
    expect(input.nominees.map((n) => n.id)).toEqual(submitted.map((e) => String(e.id)));
    expect(input.nominees.every((n) => n.category === "regency_city" && "coverage_pct" in n.indicators)).toBe(true);
    // Only 2 of 3 desk scoresheets per entry are submitted in the demo; 3 judged desk criteria each.
    expect(input.scores.length).toBe(submitted.length * 2 * 3);
    const submittedSheets = await db
      .selectFrom("assignments")
      .select(["user_id", "entry_id"])
      .where("status", "=", "submitted")
      .execute();
    const pairs = new Set(submittedSheets.map((a) => `${a.user_id}/${a.entry_id}`));
    expect(input.scores.every((s) => pairs.has(`${s.assessor}/${s.nominee}`))).toBe(true);
  });

  it("scores every category of the demo edition with score()", async () => {
    for (const c of categories) {
      const s = (await scoreCategory(db, c))!;
      expect(s.parsed.ok, c.key).toBe(true);
      expect(s.result!.categories[0].category).toBe(c.key);
    }
  });

  it("re-running score() on a stored snapshot reproduces the stored result byte for byte", async () => {
    await closeAllStages(db, edition.id);
    expect(await publishCategory(db, { editionId: edition.id, category: regency, userId: committee.id })).toEqual({
      ok: false,
      reason: "not_signed_off",
    });
    const published = await signOffAndPublish(db, edition.id, regency, committee.id);
    expect(published.ok).toBe(true);
    if (!published.ok) return;
    const row = (await getPublication(db, published.id))!;
    expect(row.rubric_id).toBeGreaterThan(0);
    expect(row.published_by).toBe(committee.id);
    expect(rescore(row.input_json)).toBe(row.result_json);
    expect(snapshotHash(row.input_json, row.result_json)).toBe(row.sha256);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const byHash = await publicationByHash(db, row.sha256);
    expect(byHash?.category).toBe("regency_city");
    const log = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("edition_id", "=", edition.id)
      .where("action", "=", "category.publish")
      .execute();
    expect(log).toHaveLength(1);
    // Every entry in the snapshot now reads "result published" on its status page.
    const nominees = (JSON.parse(row.input_json) as { nominees: { id: string }[] }).nominees.map((n) => Number(n.id));
    const statuses = await db.selectFrom("entries").select(["id", "status"]).where("id", "in", nominees).execute();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((e) => e.status === "published")).toBe(true);
  });
});

describe("publishing the same data twice", async () => {
  const { db } = await freshDb({ seed: true });
  const edition = await demoEdition(db);
  const medium = (await editionCategories(db, edition.id)).find((c) => c.key === "medium")!;
  it("keeps one snapshot (hashes are unique) and answers with it", async () => {
    const a = await signOffAndPublish(db, edition.id, medium, 1);
    const b = await signOffAndPublish(db, edition.id, medium, 1);
    expect(a.ok && b.ok && a.id === b.id && a.sha256 === b.sha256).toBe(true);
    expect(await db.selectFrom("publications").selectAll().where("edition_id", "=", edition.id).execute()).toHaveLength(
      1,
    );
  });
});

describe("sign-off approves exact data; the current publication is the latest one made", async () => {
  const { db } = await freshDb({ seed: true });
  const edition = await demoEdition(db);
  const regency = (await editionCategories(db, edition.id)).find((c) => c.key === "regency_city")!;
  const committee = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  // One submitted desk scoresheet of the category, to change the data with.
  const { setFirstScore } = await firstSubmittedSheet(db, regency.id);

  it("refuses to publish data that changed after the sign-off", async () => {
    await closeAllStages(db, edition.id);
    const sha256 = await signOffNow(db, edition.id, regency, committee.id);
    await setFirstScore(1);
    const signed = (await editionCategories(db, edition.id)).find((c) => c.id === regency.id)!;
    expect(signed.signed_off_sha256).toBe(sha256);
    expect(await publishCategory(db, { editionId: edition.id, category: signed, userId: committee.id })).toEqual({
      ok: false,
      reason: "changed_since_sign_off",
    });
    expect(await db.selectFrom("publications").selectAll().where("edition_id", "=", edition.id).execute()).toHaveLength(
      0,
    );
  });

  it("publishing A, then B, then A again makes A current again (one stored snapshot each)", async () => {
    await setFirstScore(1);
    const a = await signOffAndPublish(db, edition.id, regency, committee.id);
    await setFirstScore(2);
    const b = await signOffAndPublish(db, edition.id, regency, committee.id);
    await setFirstScore(1);
    const again = await signOffAndPublish(db, edition.id, regency, committee.id);
    if (!a.ok || !b.ok || !again.ok) throw new Error("expected three publications");
    expect(again.id).toBe(a.id);
    expect((await currentPublication(db, regency.id))!.id).toBe(a.id);
    expect(await db.selectFrom("publications").selectAll().where("edition_id", "=", edition.id).execute()).toHaveLength(
      2,
    );
    expect((await publicationByHash(db, a.sha256))!.current).toBe(true);
    expect((await publicationByHash(db, b.sha256))!.current).toBe(false);
    const log = await db
      .selectFrom("audit_log")
      .select("action")
      .where("edition_id", "=", edition.id)
      .where("action", "=", "category.publish")
      .execute();
    expect(log).toHaveLength(3);
  });
});

describe("closing stages", async () => {
  const { db } = await freshDb({ seed: true });
  const edition = await demoEdition(db);
  const regency = (await editionCategories(db, edition.id)).find((c) => c.key === "regency_city")!;

  it("derives the desk shortlist from score()'s reached; the last stage has none", async () => {
    const scoring = (await scoreCategory(db, regency))!;
    const result = scoring.result!;
    const stageIds = ["desk", "verification", "interview"];
    const desk = shortlistOf(result, stageIds, "desk");
    const ranking = result.categories[0].ranking;
    expect(desk.advancing.sort()).toEqual(
      ranking
        .filter((r) => r.reached !== "desk")
        .map((r) => r.nominee)
        .sort(),
    );
    expect(desk.notAdvancing.sort()).toEqual(
      ranking
        .filter((r) => r.reached === "desk")
        .map((r) => r.nominee)
        .sort(),
    );
    expect(desk.advancing.length).toBeGreaterThanOrEqual(5); // the demo rubric: top 5 (ties go on)
    expect(shortlistOf(result, stageIds, "interview")).toEqual({ advancing: [], notAdvancing: [] });
  });

  it("closing the last stage leaves every finalist's status as it was", async () => {
    const entries = await db
      .selectFrom("entries")
      .select("id")
      .where("category_id", "=", regency.id)
      .where("status", "=", "submitted")
      .execute();
    const ids = entries.map((e) => e.id);
    await db.updateTable("entries").set({ status: "shortlisted" }).where("id", "in", ids).execute();
    await closeStageWithShortlist(db, {
      editionId: edition.id,
      stage: "interview",
      nextStage: null,
      advancing: [],
      notAdvancing: ids,
      userId: 1,
    });
    const after = await db.selectFrom("entries").select("status").where("id", "in", ids).execute();
    expect(after.every((e) => e.status === "shortlisted")).toBe(true);
    const stage = await db
      .selectFrom("edition_stages")
      .select("status")
      .where("edition_id", "=", edition.id)
      .where("key", "=", "interview")
      .executeTakeFirstOrThrow();
    expect(stage.status).toBe("closed");
  });
});
