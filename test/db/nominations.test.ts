import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { raiseVersionOfAssignment } from "../../db/queries/data-version";
import {
  linkProvincialEdition,
  nominate,
  nominateAll,
  nominationBoard,
  reviewSourceChange,
  setNominationRule,
  unlinkProvincialEdition,
} from "../../db/queries/nominations";
import {
  createEdition,
  createEntry,
  createMember,
  createNationalEdition,
  createScoresheet,
  nominateFrom,
  publishCategory,
  testDb,
  type TestEdition,
  type TestEntry,
  type TestUser,
} from "../e2e/factories";
import { closeAllStages, freshDb, signOffNow } from "./support";

// Issue 14: the national committee nominates from the provinces' PUBLISHED results only, by the
// rule "places 1..N, ties included", and reviews every re-publication before it applies.

const ready = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  return { db: await testDb(), dir };
})();

interface Province extends TestEdition {
  entries: TestEntry[];
  assessors: TestUser[];
}

/**
 * A provincial edition of 2023 with one regency/city entry per score: each scored by the same two
 * assessors with that score, and figures of that quality, so that equal scores tie exactly.
 */
async function province(scores: number[], opts: { region?: string } = {}): Promise<Province> {
  const edition = await createEdition({ categories: ["regency_city"], region: opts.region });
  const assessors = [await createMember(edition.id, "assessor"), await createMember(edition.id, "assessor")];
  const entries: TestEntry[] = [];
  for (const score of scores) {
    const entry = await createEntry(edition, { category: "regency_city", quality: score / 100 });
    for (const a of assessors) await createScoresheet(entry, a, { score, createdBy: edition.committee.id });
    entries.push(entry);
  }
  return { ...edition, entries, assessors };
}

/** Sets every submitted score of an entry (a correction), raising its category's data version. */
async function rescore(entry: TestEntry, value: number) {
  const { db } = await ready;
  const sheets = await db.selectFrom("assignments").select("id").where("entry_id", "=", entry.id).execute();
  for (const s of sheets) {
    await db.updateTable("scores").set({ value }).where("assignment_id", "=", s.id).execute();
    await raiseVersionOfAssignment(db, s.id);
  }
}

const regency = (national: TestEdition) => national.categories.regency_city!.id;

async function board(national: TestEdition) {
  const { db } = await ready;
  const b = await nominationBoard(db, national.id);
  return b.categories.find((c) => c.key === "regency_city")!;
}

describe("nominations from provincial editions", () => {
  it("reads only the current publication: signed off but unpublished is refused, drafts never appear", async () => {
    const { db } = await ready;
    const p = await province([90, 70]);
    const draft = await createEntry(p, { category: "regency_city", status: "draft" });
    const national = await createNationalEdition({ link: [p] });
    await setNominationRule(db, { categoryId: regency(national), top: 10, userId: national.committee.id });

    await closeAllStages(db, p.id);
    const category = await db
      .selectFrom("categories")
      .selectAll()
      .where("id", "=", p.categories.regency_city!.id)
      .executeTakeFirstOrThrow();
    await signOffNow(db, p.id, category, p.committee.id);
    const waiting = await board(national);
    expect(waiting.provinces).toEqual([
      expect.objectContaining({ editionId: p.id, publicationId: null, candidates: [] }),
    ]);
    const args = { nationalEditionId: national.id, categoryId: regency(national), userId: national.committee.id };
    expect(await nominate(db, { ...args, sourceEntryId: p.entries[0]!.id })).toEqual({
      ok: false,
      reason: "not_published",
    });
    expect(await nominateAll(db, args)).toMatchObject({ nominated: 0, unpublished: 1 });

    await publishCategory(p, "regency_city");
    const published = await board(national);
    const candidates = published.provinces[0]!.candidates;
    expect(candidates.map((c) => c.entryId)).toEqual([p.entries[0]!.id, p.entries[1]!.id]);
    expect(candidates[0]).toMatchObject({ rank: 1, organisation: p.entries[0]!.organisation.name, nominated: null });
    expect(candidates.map((c) => c.entryId)).not.toContain(draft.id);
    expect(await nominate(db, { ...args, sourceEntryId: draft.id })).toEqual({ ok: false, reason: "not_a_candidate" });
  });

  it("Juara I shared by two: both are candidates and nominate-all nominates both", async () => {
    const { db } = await ready;
    const p = await province([85, 85, 60]);
    await publishCategory(p, "regency_city");
    const national = await createNationalEdition({ link: [p] });
    const column = (await board(national)).provinces[0]!;
    expect(column.candidates.map((c) => [c.entryId, c.rank])).toEqual([
      [p.entries[0]!.id, 1],
      [p.entries[1]!.id, 1],
    ]);
    const args = { nationalEditionId: national.id, categoryId: regency(national), userId: national.committee.id };
    expect(await nominateAll(db, args)).toEqual({ nominated: 2, refused: 0, refusals: {}, unpublished: 0 });
    const after = (await board(national)).provinces[0]!.candidates;
    expect(after.every((c) => c.nominated?.status === "submitted")).toBe(true);
    // Nothing left to nominate: a second run does nothing.
    expect(await nominateAll(db, args)).toMatchObject({ nominated: 0, refused: 0 });
    expect(await nominate(db, { ...args, sourceEntryId: p.entries[0]!.id })).toEqual({
      ok: false,
      reason: "already_nominated",
    });
    expect(await nominate(db, { ...args, sourceEntryId: p.entries[2]!.id })).toEqual({
      ok: false,
      reason: "not_a_candidate",
    });
  });

  it("top N takes everyone tied with the N-th", async () => {
    const { db } = await ready;
    const p = await province([90, 80, 70, 70, 60]);
    await publishCategory(p, "regency_city");
    const national = await createNationalEdition({ link: [p] });
    expect(
      await setNominationRule(db, { categoryId: regency(national), top: 0, userId: national.committee.id }),
    ).toEqual({ ok: false, reason: "out_of_range" });
    expect(
      await setNominationRule(db, { categoryId: regency(national), top: 11, userId: national.committee.id }),
    ).toEqual({ ok: false, reason: "out_of_range" });
    expect(await setNominationRule(db, { categoryId: p.categories.regency_city!.id, top: 3, userId: 1 })).toEqual({
      ok: false,
      reason: "not_national",
    });
    expect(
      await setNominationRule(db, { categoryId: regency(national), top: 3, userId: national.committee.id }),
    ).toEqual({ ok: true });
    const b = await board(national);
    expect(b.nominateTop).toBe(3);
    expect(b.provinces[0]!.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 3]);
    const audited = await db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("action", "=", "category.nominate_top")
      .where("edition_id", "=", national.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audited.after!)).toEqual({ nominateTop: 3 });
  });

  it("copies figures, regulations and indicators; evidence stays the provincial rows and files", async () => {
    const { db, dir } = await ready;
    const p = await province([88, 50]);
    const winner = p.entries[0]!;
    await db
      .insertInto("entry_regulations")
      .values({ entry_id: winner.id, type: "perda", number: "7", year: 2021, title: "Perlindungan pekerja" })
      .execute();
    await publishCategory(p, "regency_city");
    const national = await createNationalEdition({ link: [p] });
    const evidence = async () => ({
      rows: Number(
        (
          await db
            .selectFrom("evidence_files")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      files: readdirSync(join(dir, "uploads")).length,
    });
    const before = await evidence();
    expect(before.rows).toBeGreaterThan(0);
    const version = async () =>
      (
        await db
          .selectFrom("categories")
          .select("data_version")
          .where("id", "=", regency(national))
          .executeTakeFirstOrThrow()
      ).data_version;
    const versionBefore = await version();

    const carried = await nominateFrom(national, winner);
    expect(await evidence()).toEqual(before);
    expect(await db.selectFrom("evidence_files").select("id").where("entry_id", "=", carried.id).execute()).toEqual([]);
    expect(await version()).toBe(versionBefore + 1);

    const entry = await db.selectFrom("entries").selectAll().where("id", "=", carried.id).executeTakeFirstOrThrow();
    const source = await db.selectFrom("entries").selectAll().where("id", "=", winner.id).executeTakeFirstOrThrow();
    const publication = await db
      .selectFrom("publications")
      .select("id")
      .where("category_id", "=", p.categories.regency_city!.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      edition_id: national.id,
      category_id: regency(national),
      organisation_id: winner.organisation.id,
      status: "submitted",
      submitted_at: source.submitted_at,
      source_entry_id: winner.id,
      source_publication_id: publication.id,
      source_rank: 1,
    });
    expect(entry.source_total).toBeGreaterThan(0);
    const rows = async (table: "entry_figures" | "indicator_values", id: number) =>
      (await db.selectFrom(table).selectAll().where("entry_id", "=", id).execute()).map(({ entry_id: _e, ...r }) => r);
    expect((await rows("entry_figures", carried.id)).length).toBeGreaterThan(0);
    expect(await rows("entry_figures", carried.id)).toEqual(await rows("entry_figures", winner.id));
    expect((await rows("indicator_values", carried.id)).length).toBeGreaterThan(0);
    expect(await rows("indicator_values", carried.id)).toEqual(await rows("indicator_values", winner.id));
    expect(
      await db
        .selectFrom("entry_regulations")
        .select(["type", "number", "year", "title"])
        .where("entry_id", "=", carried.id)
        .execute(),
    ).toEqual([{ type: "perda", number: "7", year: 2021, title: "Perlindungan pekerja" }]);
    const audited = await db
      .selectFrom("audit_log")
      .select(["subject", "after"])
      .where("action", "=", "entry.nominate")
      .where("entry_id", "=", carried.id)
      .executeTakeFirstOrThrow();
    expect(audited.subject).toBe(`entry:${winner.id}`);
    expect(JSON.parse(audited.after!)).toMatchObject({ sourceEntry: winner.id, publication: publication.id, rank: 1 });

    // The organisation can hold one entry per edition; the province's own category is another key.
    const args = { nationalEditionId: national.id, userId: national.committee.id };
    expect(
      await nominate(db, { ...args, categoryId: national.categories.province!.id, sourceEntryId: winner.id }),
    ).toEqual({
      ok: false,
      reason: "category_mismatch",
    });
    // Unlinking is refused while a nominee came from the edition.
    expect(
      await unlinkProvincialEdition(db, { nationalEditionId: national.id, provincialEditionId: p.id, userId: 1 }),
    ).toEqual({ ok: false, reason: "has_nominees" });
  });

  it("a re-publication is a change to review: nothing moves until accepted or withdrawn", async () => {
    const { db } = await ready;
    const p = await province([90, 80, 70]);
    await publishCategory(p, "regency_city");
    const national = await createNationalEdition({ link: [p] });
    await setNominationRule(db, { categoryId: regency(national), top: 2, userId: national.committee.id });
    const first = await nominateFrom(national, p.entries[0]!);
    const second = await nominateFrom(national, p.entries[1]!);
    const stored = async (id: number) =>
      db
        .selectFrom("entries")
        .select(["status", "source_publication_id", "source_rank", "source_total", "rejection_reason"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    const firstBefore = await stored(first.id);
    const secondBefore = await stored(second.id);
    expect((await nominationBoard(db, national.id)).changes).toEqual([]);

    // The province corrects its result: the second becomes Juara I, the first falls to third.
    await rescore(p.entries[0]!, 60);
    await publishCategory(p, "regency_city");
    const { changes } = await nominationBoard(db, national.id);
    expect(changes.map((c) => c.entryId).sort()).toEqual([first.id, second.id].sort());
    const fell = changes.find((c) => c.entryId === first.id)!;
    expect(fell).toMatchObject({
      was: { publicationId: firstBefore.source_publication_id, rank: 1, total: firstBefore.source_total },
      now: { rank: 3 },
      stillCandidate: false,
      province: p.region,
    });
    expect(fell.now!.publicationId).not.toBe(firstBefore.source_publication_id);
    expect(changes.find((c) => c.entryId === second.id)).toMatchObject({ now: { rank: 1 }, stillCandidate: true });
    // Never applied silently.
    expect(await stored(first.id)).toEqual(firstBefore);
    expect(await stored(second.id)).toEqual(secondBefore);

    const user = national.committee.id;
    expect(await reviewSourceChange(db, { entryId: first.id, decision: "accept", reason: "", userId: user })).toEqual({
      ok: false,
      reason: "not_a_candidate",
    });
    expect(
      await reviewSourceChange(db, { entryId: first.id, decision: "withdraw", reason: "  ", userId: user }),
    ).toEqual({ ok: false, reason: "reason_required" });
    expect(
      await reviewSourceChange(db, {
        entryId: first.id,
        decision: "withdraw",
        reason: "Tidak lagi Juara",
        userId: user,
      }),
    ).toEqual({ ok: true });
    expect(await stored(first.id)).toMatchObject({ status: "rejected", rejection_reason: "Tidak lagi Juara" });

    expect(await reviewSourceChange(db, { entryId: second.id, decision: "accept", reason: "", userId: user })).toEqual({
      ok: true,
    });
    const accepted = await stored(second.id);
    expect(accepted.source_rank).toBe(1);
    expect(accepted.source_publication_id).toBe(changes.find((c) => c.entryId === second.id)!.now!.publicationId);
    expect(secondBefore.source_rank).toBe(2);
    expect(accepted.source_total).toBe(changes.find((c) => c.entryId === second.id)!.now!.total);
    expect((await nominationBoard(db, national.id)).changes).toEqual([]);
    expect(await reviewSourceChange(db, { entryId: second.id, decision: "accept", reason: "", userId: user })).toEqual({
      ok: false,
      reason: "no_change",
    });
    const actions = await db
      .selectFrom("audit_log")
      .select("action")
      .where("entry_id", "in", [first.id, second.id])
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      "entry.nominate",
      "entry.nominate",
      "entry.nomination_withdraw",
      "entry.source_accept",
    ]);
  });

  it("nothing is nominated from an unlinked edition", async () => {
    const { db } = await ready;
    const p = await province([90]);
    await publishCategory(p, "regency_city");
    const national = await createNationalEdition();
    expect((await board(national)).provinces).toEqual([]);
    expect(
      await nominate(db, {
        nationalEditionId: national.id,
        categoryId: regency(national),
        sourceEntryId: p.entries[0]!.id,
        userId: national.committee.id,
      }),
    ).toEqual({ ok: false, reason: "not_linked" });
  });

  it("links one provincial edition of the same year per province", async () => {
    const { db } = await ready;
    const national = await createNationalEdition();
    const p = await createEdition({ region: "Jawa Tengah" });
    const sameProvince = await createEdition({ region: "Provinsi Jawa Tengah" });
    const later = await createNationalEdition({ year: 2024 });
    const link = (nationalEditionId: number, provincialEditionId: number) =>
      linkProvincialEdition(db, { nationalEditionId, provincialEditionId, userId: national.committee.id });

    expect(await link(p.id, sameProvince.id)).toEqual({ ok: false, reason: "not_national" });
    expect(await link(national.id, later.id)).toEqual({ ok: false, reason: "not_provincial" });
    expect(await link(later.id, p.id)).toEqual({ ok: false, reason: "other_year" });
    expect(await link(national.id, p.id)).toEqual({ ok: true });
    expect(await link(national.id, p.id)).toEqual({ ok: false, reason: "already_linked" });
    expect(await link(national.id, sameProvince.id)).toEqual({ ok: false, reason: "province_taken" });
    expect((await nominationBoard(db, national.id)).categories.map((c) => c.key)).toEqual(["province", "regency_city"]);
    expect(
      await unlinkProvincialEdition(db, { nationalEditionId: national.id, provincialEditionId: p.id, userId: 1 }),
    ).toEqual({ ok: true });
    expect(await link(national.id, sameProvince.id)).toEqual({ ok: true });
    const audited = await db
      .selectFrom("audit_log")
      .select("action")
      .where("edition_id", "=", national.id)
      .orderBy("id")
      .execute();
    expect(audited.map((a) => a.action)).toEqual(["edition.link", "edition.unlink", "edition.link"]);
  });
});
