import { afterEach, describe, expect, it, vi } from "vitest";
import { demoEdition, firstSubmittedSheet, freshDb, signOffAndPublishNow } from "../db/support";
import { categoryOverview, editionCategories, getEdition } from "../../db/queries/editions";
import { closeStageWithShortlist } from "../../db/queries/stages";
import { currentPublication } from "../../db/queries/publications";
import { publishedScorecard } from "../../app/lib/scorecard.server";
import type { Db } from "../../db/client";
import type { Category } from "../../db/schema";
import { closeOpenStage, proposal } from "../../app/lib/stages.server";
import { editionWinners, verification } from "../../app/lib/publications.server";

// Issue 9, items 4 and 5: which publication is current is decided once (the newest publication
// event), and a published entry stays published whatever stage actions come after.

/**
 * Signs off what the category's data is now (as the ranking page does), then publishes, at `at`.
 * Both wait for every stage to close (issue 10): the stages are closed for the publication and put
 * back as they were after it, so that the tests below still see a published category beside an
 * open stage (a publication made before that rule), which stage actions must leave alone.
 */
async function publishAt(db: Db, editionId: number, category: Category, userId: number, at: string) {
  const stages = await db
    .selectFrom("edition_stages")
    .select(["id", "status"])
    .where("edition_id", "=", editionId)
    .execute();
  await db.updateTable("edition_stages").set({ status: "closed" }).where("edition_id", "=", editionId).execute();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(at));
  const published = await signOffAndPublishNow(db, editionId, category, userId);
  vi.useRealTimers();
  for (const s of stages)
    await db.updateTable("edition_stages").set({ status: s.status }).where("id", "=", s.id).execute();
  if (!published.ok) throw new Error(`publishing refused: ${published.reason}`);
  return published;
}

afterEach(() => {
  vi.useRealTimers();
});

async function demo() {
  const { db } = await freshDb({ seed: true });
  const edition = await demoEdition(db);
  const regency = (await editionCategories(db, edition.id)).find((c) => c.key === "regency_city")!;
  const committee = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  return { db, edition, regency, userId: committee.id };
}

describe("publishing A, then B, then A again: every reader shows A", async () => {
  const { db, edition, regency, userId } = await demo();
  // One submitted desk score of the category, to make B differ from A.
  const { setFirstScore } = await firstSubmittedSheet(db, regency.id);
  await setFirstScore(1);
  const a = await publishAt(db, edition.id, regency, userId, "2024-03-01T10:00:00.000Z");
  await setFirstScore(2);
  const b = await publishAt(db, edition.id, regency, userId, "2024-03-02T10:00:00.000Z");
  await setFirstScore(1);
  const again = await publishAt(db, edition.id, regency, userId, "2024-03-03T10:00:00.000Z");
  const nominee = await db
    .selectFrom("entries")
    .select("id")
    .where("category_id", "=", regency.id)
    .where("status", "=", "published")
    .orderBy("id")
    .executeTakeFirstOrThrow();

  it("stores A once and republishes it", () => {
    expect(again.id).toBe(a.id);
    expect(a.sha256).not.toBe(b.sha256);
  });

  it("the entrant's scorecard reads A", async () => {
    expect((await publishedScorecard(db, nominee.id))!.sha256).toBe(a.sha256);
  });

  it("the committee's category overview shows A's publication, made on the third day", async () => {
    const row = (await categoryOverview(db, edition.id)).find((c) => c.id === regency.id)!;
    expect(row.publishedAt).toBe("2024-03-03T10:00:00.000Z");
  });

  it("currentPublication, which the ranking page and the certificates read, is A", async () => {
    const current = (await currentPublication(db, regency.id))!;
    expect(current.sha256).toBe(a.sha256);
    expect(current.published_at).toBe("2024-03-03T10:00:00.000Z");
  });

  it("the winners page shows A's winners, published on the third day", async () => {
    const categories = await editionWinners(db, edition.id);
    expect(categories.map((c) => c.category)).toEqual(["regency_city"]);
    expect(categories[0].sha256).toBe(a.sha256);
    expect(categories[0].publishedAt).toBe("2024-03-03T10:00:00.000Z");
    expect(categories[0].winners[0]).toMatchObject({ place: { kind: "place", rank: 1 } });
    expect(categories[0].winners[0].name).not.toBe("");
  });

  it("/verify says A stands, and that B was replaced on the third day", async () => {
    expect(await verification(db, a.sha256)).toMatchObject({
      intact: true,
      current: true,
      replacedAt: null,
      publishedAt: "2024-03-03T10:00:00.000Z",
    });
    expect(await verification(db, b.sha256)).toMatchObject({
      intact: true,
      current: false,
      replacedAt: "2024-03-03T10:00:00.000Z",
      publishedAt: "2024-03-02T10:00:00.000Z",
    });
  });

  it("/verify still sees a stored result changed by hand after it was verified (the re-scoring is remembered, the hash is not)", async () => {
    const stored = await db
      .selectFrom("publications")
      .select(["id", "result_json"])
      .where("sha256", "=", b.sha256)
      .executeTakeFirstOrThrow();
    const forged = stored.result_json.replace(/"rank":1\b/, '"rank":2');
    expect(forged).not.toBe(stored.result_json);
    await db.updateTable("publications").set({ result_json: forged }).where("id", "=", stored.id).execute();
    try {
      expect((await verification(db, b.sha256))!.intact).toBe(false);
    } finally {
      await db
        .updateTable("publications")
        .set({ result_json: stored.result_json })
        .where("id", "=", stored.id)
        .execute();
    }
    expect((await verification(db, b.sha256))!.intact).toBe(true);
  });
});

describe("closing a stage after a category was published", async () => {
  const { db, edition, regency, userId } = await demo();
  const editionRow = (await getEdition(db, edition.id))!;
  const seenBefore = await proposal(db, editionRow);
  await publishAt(db, edition.id, regency, userId, "2024-03-01T10:00:00.000Z");
  const nominees = await db
    .selectFrom("entries")
    .select("id")
    .where("category_id", "=", regency.id)
    .where("status", "=", "published")
    .execute();
  const ids = nominees.map((n) => n.id);
  const statuses = async (entryIds: number[]) =>
    db.selectFrom("entries").select(["id", "status"]).where("id", "in", entryIds).execute();

  it("shows the published category without a shortlist", async () => {
    const p = await proposal(db, editionRow);
    expect(p.open?.key).toBe("desk");
    expect(p.categories.find((c) => c.id === regency.id)).toMatchObject({
      published: true,
      ok: true,
      advancing: [],
      notAdvancing: [],
    });
    expect(p.categories.some((c) => !c.published && c.advancing.length > 0)).toBe(true);
  });

  it("refuses a close confirmed on a page shown before the publication", async () => {
    expect(seenBefore.categories.find((c) => c.id === regency.id)!.advancing.length).toBeGreaterThan(0);
    expect(
      await closeOpenStage(db, editionRow, {
        stage: "desk",
        fingerprint: seenBefore.fingerprint,
        userId,
        confirmed: true,
      }),
    ).toEqual({ ok: false, reason: "changed" });
  });

  it("closes the stage for the other categories; every published entry stays 'published' (Juara I keeps 'Hasil diumumkan')", async () => {
    expect(ids.length).toBeGreaterThan(0);
    const p = await proposal(db, editionRow);
    expect(
      await closeOpenStage(db, editionRow, { stage: "desk", fingerprint: p.fingerprint, userId, confirmed: true }),
    ).toEqual({
      ok: true,
      stage: "desk",
      last: false,
    });
    expect((await statuses(ids)).filter((e) => e.status !== "published")).toEqual([]);
    const first = (await editionWinners(db, edition.id))[0].winners[0];
    expect(first.place).toEqual({ kind: "place", rank: 1 });
    expect((await statuses([first.nominee]))[0].status).toBe("published");
    // The other categories did move on.
    const moved = await db
      .selectFrom("entries")
      .select("id")
      .where("category_id", "!=", regency.id)
      .where("status", "=", "in_verification")
      .execute();
    expect(moved.length).toBeGreaterThan(0);
  });

  it("never moves a published entry back, whoever passes it to closeStageWithShortlist", async () => {
    await closeStageWithShortlist(db, {
      editionId: edition.id,
      stage: "verification",
      nextStage: "interview",
      advancing: ids.slice(0, 1),
      notAdvancing: ids.slice(1),
      userId,
    });
    expect((await statuses(ids)).filter((e) => e.status !== "published")).toEqual([]);
  });
});
