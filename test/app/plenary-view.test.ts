import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { openPlenary, plenaryFacts } from "../../db/queries/plenary";
import { recordDecision } from "../../db/queries/plenary-decisions";
import { discussionList, entrySheets } from "~/lib/plenary-view.server";
import { scoreCategory } from "~/lib/scoring-input.server";
import { createEdition, createEntry, createMember, createScoresheet, testDb, type TestEntry } from "../e2e/factories";
import { freshDb } from "../db/support";

// The plenary's two views on a real SQLite file: the discussion order (a hand-made disagreement
// first, then an entry near the cut), sheet labels unnamed and named with the viewer's own marked,
// each sheet's rank without it (from scoring's sensitivity check), and a decision marked.

const world = (async () => {
  process.env.RANKING_WORKER = "off"; // a test's database: rankings computed here
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const edition = await createEdition({ categories: ["large"] });
  const panel = [
    await createMember(edition.id, "assessor"),
    await createMember(edition.id, "assessor"),
    await createMember(edition.id, "assessor"),
  ];
  const entries: TestEntry[] = [];
  // Seven entries, the desk's rule takes five on. Entry 2's panel disagrees (20, 90, 55).
  for (let i = 0; i < 7; i++) {
    const entry = await createEntry(edition, { category: "large", quality: 0.6 });
    const scores = i === 2 ? [20, 90, 55] : [80 - 6 * i, 81 - 6 * i, 79 - 6 * i];
    for (let k = 0; k < 3; k++)
      await createScoresheet(entry, panel[k]!, { score: scores[k], createdBy: edition.committee.id });
    entries.push(entry);
  }
  const category = edition.categories.large!;
  const opened = await openPlenary(db, {
    editionId: edition.id,
    categoryId: category.id,
    stage: "desk",
    chairId: edition.committee.id,
    margin: 0,
    named: false,
    goAhead: false,
    userId: edition.committee.id,
  });
  if (!opened.ok) throw new Error(`plenary not opened: ${opened.reason}`);
  return { db, edition, panel, entries, category, plenaryId: opened.plenaryId };
})();

const facts = async (db: Db, id: number) => (await plenaryFacts(db, id))!;

describe("the discussion list", () => {
  it("puts the disagreement first, then the entries near the cut, then the rest", async () => {
    const { db, edition, entries, plenaryId } = await world;
    const chair = { userId: edition.committee.id, role: "chair" as const };
    const first = await discussionList(db, await facts(db, plenaryId), chair);
    expect(first.rows).toHaveLength(7);
    expect(first.unsubmitted).toBe(0);
    expect(first.rows[0]).toMatchObject({ entryId: entries[2]!.id, group: "disagreement", disagreement: true });
    expect(first.rows[0]!.maxSd).toBeGreaterThan(15);
    expect(first.cut).not.toBeNull();
    expect(first.agreement).not.toBeNull();
    // The first entry left out by the top-5 rule, made "near" by a margin just wide enough.
    const out = first.rows.find((r) => r.group !== "disagreement" && r.rank === 6)!;
    const margin = Math.abs(out.running! - first.cut!) + 0.01;
    await db.updateTable("plenaries").set({ margin }).where("id", "=", plenaryId).execute();
    const list = await discussionList(db, await facts(db, plenaryId), chair);
    const groups = list.rows.map((r) => r.group);
    expect(groups[0]).toBe("disagreement");
    expect(list.rows.find((r) => r.entryId === out.entryId)!.group).toBe("near_cut");
    const order = { disagreement: 0, near_cut: 1, rest: 2 };
    expect(groups.map((g) => order[g])).toEqual([...groups.map((g) => order[g])].sort());
    for (const r of list.rows.filter((x) => x.group === "near_cut"))
      expect(Math.abs(r.running! - list.cut!)).toBeLessThanOrEqual(margin);
    expect(list.rows.filter((r) => r.group === "rest").length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.sheets === 3 && r.comments === 0 && r.decision === null)).toBe(true);
  });

  it("marks a decision of the plenary on its entry", async () => {
    const { db, edition, entries, plenaryId } = await world;
    const res = await recordDecision(db, {
      plenaryId,
      entryId: entries[6]!.id,
      decision: "exclude",
      reason: "Bukti dukung terbukti tidak benar saat verifikasi.",
      userId: edition.committee.id,
    });
    expect(res.ok).toBe(true);
    const list = await discussionList(db, await facts(db, plenaryId), { userId: edition.committee.id, role: "chair" });
    const row = list.rows.find((r) => r.entryId === entries[6]!.id)!;
    expect(row.decision).toBe("exclude");
    expect(row.rank, "an excluded entry is not ranked").toBeNull();
    expect(list.rows.filter((r) => r.decision !== null)).toHaveLength(1);
  });
});

describe("an entry's sheets", () => {
  it("labels sheets Lembar 1… by assignment, marks the viewer's own, names them only when the stage says so", async () => {
    const { db, panel, entries, plenaryId } = await world;
    const entry = entries[1]!.id;
    const mine = await entrySheets(db, await facts(db, plenaryId), entry, { userId: panel[1]!.id, role: "panel" });
    expect(mine.sheets.map((s) => s.label)).toEqual([1, 2, 3].map((n) => ({ kind: "sheet", n })));
    expect(mine.sheets.map((s) => s.own)).toEqual([false, true, false]);
    expect(JSON.stringify(mine)).not.toContain(panel[0]!.name);
    expect(mine.criteria.length).toBeGreaterThan(0);
    for (const c of mine.criteria) {
      expect(mine.sheets.every((s) => typeof s.scores[c.key]?.value === "number")).toBe(true);
      expect(mine.panel[c.key]).toMatchObject({ value: expect.any(Number), sd: expect.any(Number) });
    }

    await db.updateTable("edition_stages").set({ plenary_named: 1 }).where("key", "=", "desk").execute();
    const named = await entrySheets(db, await facts(db, plenaryId), entry, { userId: 0, role: "committee" });
    expect(named.sheets.map((s) => s.label)).toEqual(panel.map((p) => ({ kind: "named", name: p.name })));
    expect(named.sheets.every((s) => !s.own)).toBe(true);
    await db.updateTable("edition_stages").set({ plenary_named: 0 }).where("key", "=", "desk").execute();
  });

  it("shows beside each sheet the rank the entry would have without it", async () => {
    const { db, panel, entries, category, plenaryId } = await world;
    const entry = entries[2]!.id;
    const view = await entrySheets(db, await facts(db, plenaryId), entry, { userId: panel[0]!.id, role: "panel" });
    const scoring = await scoreCategory(db, { id: category.id, key: "large" }, { sensitivity: true });
    const ranked = scoring!.result!.categories[0]!.ranking.find((r) => r.nominee === String(entry))!;
    expect(view.rank).toBe(ranked.rank);
    expect(ranked.rankWithout).toBeDefined();
    expect(view.sheets.map((s) => s.rankWithout)).toEqual(panel.map((p) => ranked.rankWithout![String(p.id)]));
    // Leaving out the 20 of the disagreement moves the entry up.
    expect(view.sheets[0]!.rankWithout!).toBeLessThan(view.rank!);
  });
});
