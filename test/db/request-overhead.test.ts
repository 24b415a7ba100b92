import { Kysely, SqliteDialect } from "kysely";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { openSqlite, type Db } from "../../db/client";
import type { DB } from "../../db/schema";
import { saveScoresheet, scoresheetCriteria, type ScoresheetCriterion } from "../../db/queries/scores";
import { getViewer } from "~/lib/guards.server";
import { runInRequestScope } from "~/lib/request-scope.server";
import { flash, getSession, sessions } from "~/lib/session.server";
import * as root from "~/root";
import * as assessEntry from "~/routes/assess.$entryId";
import { freshDb } from "./support";

// Issue 12, item 1: a page reads the session, the user and the memberships once per request
// (shared by the root loader and the route's guard), and a score save takes a handful of SQL
// statements whatever the number of criteria. Statements are counted with Kysely's log on a
// second handle of the same database file.

process.env.SESSION_SECRET ??= "request-overhead-test-secret";

let db: Db;
let counted: Db;
const statements: string[] = [];
let penilai1: number;

/** The SQL statements fn runs on the counted handle. */
async function count(fn: () => Promise<unknown>) {
  statements.length = 0;
  await fn();
  return [...statements];
}
const reads = (sqls: string[], table: string) => sqls.filter((q) => q.includes(`from "${table}"`)).length;

beforeAll(async () => {
  const fresh = await freshDb({ seed: true });
  db = fresh.db;
  counted = new Kysely<DB>({
    dialect: new SqliteDialect({ database: openSqlite(fresh.url) }),
    log: (event) => {
      if (event.level === "query") statements.push(event.query.sql);
    },
  });
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(counted);
  penilai1 = (
    await db.selectFrom("users").select("id").where("email", "=", "penilai1@paritrana.test").executeTakeFirstOrThrow()
  ).id;
  return () => counted.destroy();
});

/** A not-started desk assignment of penilai1 (a different one each call). */
let taken = 0;
async function assignment() {
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .select(["a.id", "a.entry_id", "e.category_id"])
    .where("a.user_id", "=", penilai1)
    .where("a.status", "=", "not_started")
    .where("a.stage_key", "=", "desk")
    .orderBy("a.id")
    .execute();
  const a = rows[taken++];
  expect(a).toBeDefined();
  return a;
}

/** Makes the desk sheet of the assignment's category 12 judged criteria long (adds to the current rubric). */
async function twelveCriteria(a: { id: number; category_id: number }) {
  const rubric = await db
    .selectFrom("rubrics")
    .select("id")
    .where("category_id", "=", a.category_id)
    .orderBy("version", "desc")
    .executeTakeFirstOrThrow();
  const have = (await scoresheetCriteria(db, a.id)).length;
  for (let i = have; i < 12; i++) {
    await db
      .insertInto("criteria")
      .values({
        rubric_id: rubric.id,
        key: `extra_${i}`,
        stage_key: "desk",
        position: 100 + i,
        name_id: `Kriteria tambahan ${i}`,
        name_en: `Extra criterion ${i}`,
        weight: 1,
        type: "judged",
        max: 100,
        step: 1,
      })
      .execute();
  }
  const criteria = await scoresheetCriteria(db, a.id);
  expect(criteria).toHaveLength(12);
  return criteria;
}

const sheet = (criteria: ScoresheetCriterion[], value: (i: number) => number) =>
  criteria.map((c, i) => ({ criterionId: c.id, value: Math.min(value(i), c.max), note: `catatan ${i}` }));

describe("a score save in a handful of statements", () => {
  it("saves and submits a 12-criterion sheet in at most 8 statements each, one audit row per changed score", async () => {
    const a = await assignment();
    const criteria = await twelveCriteria(a);
    const save = await count(async () => {
      const read = await scoresheetCriteria(counted, a.id);
      const res = await saveScoresheet(counted, {
        assignmentId: a.id,
        userId: penilai1,
        baseVersion: 0,
        scores: sheet(read, (i) => 50 + i),
        criteria: read,
      });
      expect(res).toEqual({ ok: true, version: 1, status: "draft", changed: 12 });
    });
    expect(save.length, save.join("\n")).toBeLessThanOrEqual(8);

    // Three scores changed, then submitted: the others keep their version, all become submitted.
    const submit = await count(async () => {
      const res = await saveScoresheet(counted, {
        assignmentId: a.id,
        userId: penilai1,
        baseVersion: 1,
        scores: sheet(criteria, (i) => (i < 3 ? 60 + i : 50 + i)),
        submit: true,
        criteria,
      });
      expect(res).toEqual({ ok: true, version: 2, status: "submitted", changed: 3 });
    });
    expect(submit.length, submit.join("\n")).toBeLessThanOrEqual(8);

    const scores = await db
      .selectFrom("scores")
      .select(["criterion_id", "value", "note", "status", "version"])
      .where("assignment_id", "=", a.id)
      .orderBy("criterion_id")
      .execute();
    expect(scores).toHaveLength(12);
    expect(new Set(scores.map((s) => s.status))).toEqual(new Set(["submitted"]));
    const byCriterion = new Map(scores.map((s) => [s.criterion_id, s]));
    criteria.forEach((c, i) =>
      expect(byCriterion.get(c.id)).toMatchObject({
        value: Math.min(i < 3 ? 60 + i : 50 + i, c.max),
        note: `catatan ${i}`,
        version: i < 3 ? 2 : 1,
      }),
    );

    const log = await db
      .selectFrom("audit_log")
      .select(["action", "subject", "before", "after"])
      .where("entry_id", "=", a.entry_id)
      .orderBy("id")
      .execute();
    expect(log.map((l) => l.action)).toEqual([
      ...Array(12).fill("score.change"),
      "scoresheet.save",
      ...Array(3).fill("score.change"),
      "scoresheet.submit",
    ]);
    expect(log[13]).toEqual({
      action: "score.change",
      subject: `assignment:${a.id}/criterion:${criteria[0].key}`,
      before: JSON.stringify({ value: Math.min(50, criteria[0].max), note: "catatan 0" }),
      after: JSON.stringify({ value: Math.min(60, criteria[0].max), note: "catatan 0" }),
    });
    expect(log[16].after).toBe(JSON.stringify({ version: 2, status: "submitted", changed: 3 }));
  });

  it("reads a sheet's criteria in one statement", async () => {
    const a = await assignment();
    expect(await count(() => scoresheetCriteria(counted, a.id))).toHaveLength(1);
  });
});

describe("session, user and memberships read once per request", () => {
  let entryId: number;
  let cookie: string;
  const get = () => new Request(`http://localhost/assess/${entryId}`, { headers: { Cookie: cookie } });
  const args = (request: Request) => ({ request, params: { entryId: String(entryId) }, context: {} });
  const page = () =>
    Promise.all([
      root.loader(args(get()) as LoaderFunctionArgs),
      assessEntry.loader(args(get()) as LoaderFunctionArgs),
    ]);

  beforeAll(async () => {
    entryId = (await assignment()).entry_id;
    const session = await sessions().getSession();
    session.set("userId", penilai1);
    cookie = (await sessions().commitSession(session)).split(";")[0];
  });

  it("the root loader and the guarded route loader share one read of each within a request", async () => {
    const scoped = await count(() => runInRequestScope(page));
    expect([reads(scoped, "sessions"), reads(scoped, "users"), reads(scoped, "memberships")]).toEqual([1, 1, 1]);
    // Without a scope (tests, the dev server) nothing is shared, as before.
    const unscoped = await count(page);
    expect(reads(unscoped, "sessions")).toBeGreaterThan(1);
  });

  it("the loaders after an action in the same request read what the action wrote", async () => {
    const post = new Request(`http://localhost/assess/${entryId}`, { method: "POST", headers: { Cookie: cookie } });
    const membership = await db
      .selectFrom("memberships")
      .select(["id", "role"])
      .where("user_id", "=", penilai1)
      .where("active", "=", 1)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await runInRequestScope(async () => {
      // The action: the guard reads the viewer, then a membership ends and a message is flashed.
      const before = await getViewer(post);
      expect(before?.memberships.map((m) => m.id)).toContain(membership.id);
      expect((await getSession(post)).get("flash")).toBeUndefined();
      await db.updateTable("memberships").set({ active: 0 }).where("id", "=", membership.id).execute();
      // The loaders run with a GET request: they read afresh what the action's guard read.
      expect((await getViewer(get()))?.memberships.map((m) => m.id)).not.toContain(membership.id);
      // A session written (here a flash) is read afresh too.
      await flash(post, "Tersimpan");
      const data = (await (await root.loader(args(get()) as LoaderFunctionArgs)).json()) as { flash: string | null };
      expect(data.flash).toBe("Tersimpan");
    });
    await db.updateTable("memberships").set({ active: 1 }).where("id", "=", membership.id).execute();
  });
});
