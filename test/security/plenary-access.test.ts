import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as entryPage from "~/routes/plenary.$plenaryId.entries.$entryId";
import * as listPage from "~/routes/plenary.$plenaryId._index";
import {
  createEdition,
  createEntry,
  createMember,
  createPlenary,
  createScoresheet,
  testDb,
  type TestEntry,
} from "../e2e/factories";
import { freshDb } from "../db/support";
import { call, dataOf, statusOf } from "./route-calls";

// The plenary's pages (issue 16) through their real loaders and actions with session cookies:
// entrants and other panels never see a plenary; a panel member never sees an entry they declared
// a conflict with; only the chair takes the chair's steps; odd params and bodies are 4xx, not 500.

const world = (async () => {
  process.env.RANKING_WORKER = "off"; // a test's database: rankings computed here
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const edition = await createEdition({ categories: ["large", "medium"] });
  const panel = [0, 1, 2, 3].map(() => createMember(edition.id, "assessor"));
  const [p0, p1, p2, p3] = await Promise.all(panel);
  const entries: TestEntry[] = [];
  for (let i = 0; i < 3; i++) entries.push(await createEntry(edition, { category: "large", quality: 0.8 - i / 5 }));
  // p0 scores entries 0 and 1 and declared a conflict with entry 2 (scored by the others).
  for (const [i, team] of [
    [0, [p0, p1, p2]],
    [1, [p0, p1, p2]],
    [2, [p1, p2, p3]],
  ] as const)
    for (const who of team) await createScoresheet(entries[i]!, who!, { score: 70 - 5 * i });
  await db
    .insertInto("conflict_declarations")
    .values({
      user_id: p0!.id,
      entry_id: entries[2]!.id,
      has_conflict: 1,
      kind: "employed_by",
      note: "Pernah bekerja di sana.",
    })
    .execute();
  const otherCategory = await createEntry(edition, { category: "medium" });
  const plenaryId = await createPlenary(edition, { category: "large" });
  // An assessor of another category of the same edition, and a panel of another edition.
  const mediumAssessor = await createMember(edition.id, "assessor");
  await createScoresheet(otherCategory, mediumAssessor);
  const other = await createEdition({ categories: ["large"] });
  const outsider = await createMember(other.id, "assessor");
  await createScoresheet(await createEntry(other, { category: "large" }), outsider);
  return {
    db,
    edition,
    panel: [p0!, p1!, p2!, p3!],
    entries,
    plenaryId,
    otherCategory,
    mediumAssessor,
    outsider,
    entrant: entries[0]!.organisation.member,
  };
})();

const listPath = (id: number | string) => `/plenary/${id}`;
const entryPath = (id: number | string, entry: number | string) => `/plenary/${id}/entries/${entry}`;
const params = (plenaryId: number | string, entryId?: number | string) => ({
  plenaryId: String(plenaryId),
  ...(entryId !== undefined ? { entryId: String(entryId) } : {}),
});

describe("who sees a plenary", () => {
  it("refuses entrants, assessors of another category and other editions' panels on both pages (403)", async () => {
    const { plenaryId, entries, entrant, mediumAssessor, outsider } = await world;
    for (const userId of [entrant.id, mediumAssessor.id, outsider.id]) {
      expect(statusOf(await call(listPage.loader, listPath(plenaryId), params(plenaryId), { userId }))).toBe(403);
      const e = entries[0]!.id;
      expect(statusOf(await call(entryPage.loader, entryPath(plenaryId, e), params(plenaryId, e), { userId }))).toBe(
        403,
      );
    }
    expect(statusOf(await call(listPage.loader, listPath(plenaryId), params(plenaryId)))).toBe(302);
  });

  it("leaves a panel member's conflicted entry out of their list and answers 404 for it", async () => {
    const { plenaryId, entries, panel, edition } = await world;
    const conflicted = entries[2]!.id;
    const mine = dataOf(await call(listPage.loader, listPath(plenaryId), params(plenaryId), { userId: panel[0].id }));
    const ids = (mine.rows as { entryId: number }[]).map((r) => r.entryId);
    expect(ids.sort()).toEqual([entries[0]!.id, entries[1]!.id].sort());
    const res = await call(entryPage.loader, entryPath(plenaryId, conflicted), params(plenaryId, conflicted), {
      userId: panel[0].id,
    });
    expect(statusOf(res)).toBe(404);
    // Its neighbours never lead there either.
    const neighbour = dataOf(
      await call(entryPage.loader, entryPath(plenaryId, entries[0]!.id), params(plenaryId, entries[0]!.id), {
        userId: panel[0].id,
      }),
    );
    expect(JSON.stringify([neighbour.prev, neighbour.next])).not.toContain(`"entryId":${conflicted}`);
    // The committee and the rest of the panel see it.
    for (const userId of [edition.committee.id, panel[1].id]) {
      const all = dataOf(await call(listPage.loader, listPath(plenaryId), params(plenaryId), { userId }));
      expect((all.rows as { entryId: number }[]).map((r) => r.entryId)).toContain(conflicted);
    }
    const posted = await call(entryPage.action, entryPath(plenaryId, conflicted), params(plenaryId, conflicted), {
      userId: panel[0].id,
      form: { intent: "comment", body: "Saya ingin berkomentar." },
    });
    expect(statusOf(posted)).toBe(404);
  });
});

describe("what each role may post", () => {
  it("refuses the chair's intents to a panel member and to a committee member who is not the chair (403)", async () => {
    const { plenaryId, entries, panel, edition } = await world;
    const e = entries[0]!.id;
    const committee2 = await createMember(edition.id, "committee");
    const forms: Record<string, string>[] = [
      { intent: "decide", decision: "exclude", reason: "Bukti dukung terbukti palsu." },
      { intent: "grant", assignmentId: "1", criterionKey: "regulation" },
      { intent: "withdrawGrant", revisionId: "1" },
      { intent: "withdrawDecision", decisionId: "1", reason: "Keputusan keliru dicatat." },
    ];
    for (const userId of [panel[1].id, committee2.id])
      for (const form of forms) {
        const res = await call(entryPage.action, entryPath(plenaryId, e), params(plenaryId, e), { userId, form });
        expect(statusOf(res), `${form.intent} by ${userId}`).toBe(403);
      }
    const db = await testDb();
    expect((await db.selectFrom("plenary_decisions").select("id").execute()).length).toBe(0);
  });

  it("refuses a comment from anyone outside the plenary (403) and takes one from the panel", async () => {
    const { plenaryId, entries, panel, entrant, outsider, mediumAssessor } = await world;
    const e = entries[1]!.id;
    for (const userId of [entrant.id, outsider.id, mediumAssessor.id]) {
      const res = await call(entryPage.action, entryPath(plenaryId, e), params(plenaryId, e), {
        userId,
        form: { intent: "comment", body: "Dari luar." },
      });
      expect(statusOf(res)).toBe(403);
    }
    const ok = await call(entryPage.action, entryPath(plenaryId, e), params(plenaryId, e), {
      userId: panel[2].id,
      form: { intent: "comment", body: "Skor regulasi perlu dibahas." },
    });
    expect(statusOf(ok)).toBe(302);
    const page = dataOf(
      await call(entryPage.loader, entryPath(plenaryId, e), params(plenaryId, e), { userId: panel[0].id }),
    );
    expect(page.comments).toEqual([
      expect.objectContaining({ author: panel[2].name, body: "Skor regulasi perlu dibahas." }),
    ]);
  });

  it("answers odd params and bodies with 4xx, keeping the input", async () => {
    const { plenaryId, entries, otherCategory, edition, panel } = await world;
    const chair = edition.committee.id;
    for (const bad of ["abc", "0", "-1", "1e3", "99999999999", String(plenaryId + 1000)]) {
      expect(statusOf(await call(listPage.loader, listPath(bad), params(bad), { userId: chair }))).toBe(404);
      expect(statusOf(await call(entryPage.loader, entryPath(bad, 1), params(bad, 1), { userId: chair }))).toBe(404);
    }
    for (const bad of ["x", "0", String(otherCategory.id), "99999999"])
      expect(
        statusOf(await call(entryPage.loader, entryPath(plenaryId, bad), params(plenaryId, bad), { userId: chair })),
      ).toBe(404);
    const e = entries[0]!.id;
    const bodies: Record<string, string>[] = [
      {},
      { intent: "nonsense" },
      { intent: "comment" },
      { intent: "comment", body: "   " },
      { intent: "comment", body: "x".repeat(10_000) },
      { intent: "comment", body: "Balasan", parentId: "abc" },
      { intent: "comment", body: "Balasan", parentId: "999999" },
      { intent: "decide", decision: "maybe", reason: "Alasan cukup panjang." },
      { intent: "decide", decision: "exclude", reason: "pendek" },
      { intent: "decide", decision: "exclude" },
      { intent: "withdrawDecision", decisionId: "-1", reason: "Alasan cukup panjang." },
      { intent: "withdrawDecision", decisionId: "999999", reason: "Alasan cukup panjang." },
      { intent: "grant", assignmentId: "abc", criterionKey: "" },
      { intent: "grant", assignmentId: "999999", criterionKey: "regulation" },
      { intent: "withdrawGrant", revisionId: "1.5" },
      { intent: "withdrawGrant", revisionId: "999999" },
      { intent: "revise", revisionId: "999999", value: "abc" },
      { intent: "revise", revisionId: "999999", value: "5" },
      { intent: "revise", revisionId: "__proto__", value: "1e309" },
    ];
    for (const form of bodies) {
      const res = await call(entryPage.action, entryPath(plenaryId, e), params(plenaryId, e), { userId: chair, form });
      const status = statusOf(res);
      expect(status, JSON.stringify(form).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(status, JSON.stringify(form).slice(0, 80)).toBeLessThan(500);
    }
    const short = dataOf(
      await call(entryPage.action, entryPath(plenaryId, e), params(plenaryId, e), {
        userId: chair,
        form: { intent: "decide", decision: "exclude", reason: "pendek" },
      }),
    ) as { errors: Record<string, string>; values: Record<string, string> };
    expect(short.errors.reason).toMatch(/10/);
    expect(short.values.reason).toBe("pendek");
    // A revision by someone who holds no grant: refused, never a 500.
    const revise = await call(entryPage.action, entryPath(plenaryId, e), params(plenaryId, e), {
      userId: panel[1].id,
      form: { intent: "revise", revisionId: "1", value: "3" },
    });
    expect(statusOf(revise)).toBeGreaterThanOrEqual(400);
    expect(statusOf(revise)).toBeLessThan(500);
  });

  it("lets the chair record a decision, shown marked in the list", async () => {
    const { plenaryId, entries, edition } = await world;
    const e = entries[1]!.id;
    const chair = edition.committee.id;
    const res = await call(entryPage.action, entryPath(plenaryId, e), params(plenaryId, e), {
      userId: chair,
      form: { intent: "decide", decision: "exclude", reason: "Bukti dukung terbukti palsu saat verifikasi." },
    });
    expect(statusOf(res)).toBe(302);
    const list = dataOf(await call(listPage.loader, listPath(plenaryId), params(plenaryId), { userId: chair }));
    expect((list.rows as { entryId: number; decision: string | null }[]).find((r) => r.entryId === e)!.decision).toBe(
      "exclude",
    );
  });

  it("lets the chair grant a revision that only its assessor makes, refusing a value off the scale with the input kept", async () => {
    const { db, plenaryId, entries, edition, panel } = await world;
    const e = entries[0]!.id;
    const chair = edition.committee.id;
    const sheet = await db
      .selectFrom("assignments")
      .select("id")
      .where("entry_id", "=", e)
      .where("user_id", "=", panel[1].id)
      .executeTakeFirstOrThrow();
    const criterion = await db
      .selectFrom("criteria as c")
      .innerJoin("scores as s", "s.criterion_id", "c.id")
      .select(["c.key", "c.max"])
      .where("s.assignment_id", "=", sheet.id)
      .where("c.type", "=", "judged")
      .orderBy("c.position")
      .executeTakeFirstOrThrow();
    const path = entryPath(plenaryId, e);
    const granted = await call(entryPage.action, path, params(plenaryId, e), {
      userId: chair,
      form: { intent: "grant", assignmentId: String(sheet.id), criterionKey: criterion.key },
    });
    expect(statusOf(granted)).toBe(302);
    const page = dataOf(await call(entryPage.loader, path, params(plenaryId, e), { userId: panel[1].id })) as {
      myRevisions: { id: number; criterionKey: string }[];
    };
    expect(page.myRevisions.map((r) => r.criterionKey)).toEqual([criterion.key]);
    const revisionId = String(page.myRevisions[0]!.id);
    const others = dataOf(await call(entryPage.loader, path, params(plenaryId, e), { userId: panel[0].id }));
    expect(others.myRevisions).toEqual([]);
    const byOther = await call(entryPage.action, path, params(plenaryId, e), {
      userId: panel[0].id,
      form: { intent: "revise", revisionId, value: "1" },
    });
    expect(statusOf(byOther)).toBe(404);
    const off = await call(entryPage.action, path, params(plenaryId, e), {
      userId: panel[1].id,
      form: { intent: "revise", revisionId, value: String((criterion.max ?? 10) + 1), note: "Dinaikkan." },
    });
    expect(statusOf(off)).toBe(400);
    expect(dataOf(off)).toMatchObject({
      errors: { value: expect.stringContaining("0") },
      values: { note: "Dinaikkan." },
    });
    const ok = await call(entryPage.action, path, params(plenaryId, e), {
      userId: panel[1].id,
      form: { intent: "revise", revisionId, value: "1", note: "Setelah pleno: bukti kurang." },
    });
    expect(statusOf(ok)).toBe(302);
    const after = dataOf(await call(entryPage.loader, path, params(plenaryId, e), { userId: chair })) as {
      revisions: { status: string; newValue: number | null }[];
    };
    expect(after.revisions).toEqual([expect.objectContaining({ status: "revised", newValue: 1 })]);
  });
});
