import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Db } from "../../db/client";
import { createEdition } from "../../db/queries/editions";
import { declareConflict } from "../../db/queries/conflicts";
import { createUser } from "../../db/queries/users";
import { sessions } from "~/lib/session.server";
import * as assignPage from "~/routes/committee.$editionId.assign";
import { freshDb } from "../db/support";

// Issue 10, item 6: manual assignment is posted as an entry and a person picked from lists, but a
// post can name any ids. A committee member may assign only this edition's entries of the stage,
// never to a person who declared a conflict with the entry; the refusal keeps what was chosen.

process.env.SESSION_SECRET ??= "manual-assignment-test-secret";

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>;

async function setup() {
  const { db } = await freshDb({ seed: true });
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const edition = await db.selectFrom("editions").select("id").orderBy("id").executeTakeFirstOrThrow();
  const committee = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  const assessor = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "penilai1@paritrana.test")
    .executeTakeFirstOrThrow();
  // A submitted (desk) entry of the demo edition that penilai1 is not assigned to.
  const entry = await db
    .selectFrom("entries as e")
    .select("e.id")
    .where("e.edition_id", "=", edition.id)
    .where("e.status", "=", "submitted")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("assignments as a")
            .select("a.id")
            .whereRef("a.entry_id", "=", "e.id")
            .where("a.user_id", "=", assessor.id)
            .where("a.stage_key", "=", "desk"),
        ),
      ),
    )
    .orderBy("e.id")
    .executeTakeFirstOrThrow();
  return { db, editionId: edition.id, committeeId: committee.id, assessorId: assessor.id, entryId: entry.id };
}

/** A submitted entry in a new edition of another committee member. */
async function foreignEntry(db: Db) {
  const userId = await createUser(db, { email: "panitia.lain@b.test", name: "Panitia Lain", passwordHash: null });
  const editionId = await createEdition(db, {
    name: "Edisi Lain",
    year: 2024,
    level: "provincial",
    region: "Kalimantan Timur",
    periodStart: "2024-01-01",
    periodEnd: "2024-12-31",
    registrationDeadline: null,
    deadlines: { desk: null, verification: null, interview: null },
    categories: ["large"],
    places: 3,
    userId,
  });
  const category = await db
    .selectFrom("categories")
    .select("id")
    .where("edition_id", "=", editionId)
    .executeTakeFirstOrThrow();
  const org = await db
    .insertInto("organisations")
    .values({ name: "PT Lain", kind: "company", region: "Kota Samarinda", size: "large" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const entry = await db
    .insertInto("entries")
    .values({ edition_id: editionId, category_id: category.id, organisation_id: org.id, status: "submitted" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return entry.id;
}

async function post(editionId: number, userId: number, form: Record<string, string>) {
  const session = await sessions().getSession();
  session.set("userId", userId);
  const cookie = (await sessions().commitSession(session)).split(";")[0]!;
  const request = new Request(`http://paritrana.test/committee/${editionId}/assign`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { Cookie: cookie },
  });
  try {
    return await (assignPage.action as Handler)({ request, params: { editionId: String(editionId) }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const dataOf = (res: unknown) =>
  (res as { data: { errors: Record<string, string>; values: Record<string, string> } }).data;
const statusOf = (res: unknown) =>
  res instanceof Response ? res.status : ((res as { init?: { status?: number } }).init?.status ?? 200);

async function assigned(db: Db, entryId: number, userId: number) {
  return (
    await db
      .selectFrom("assignments")
      .select("id")
      .where("entry_id", "=", entryId)
      .where("user_id", "=", userId)
      .execute()
  ).length;
}

describe("manual assignment posted by hand", () => {
  it("refuses an entry of another edition and a conflicted pair, keeping the choice; assigns a good pair", async () => {
    const { db, editionId, committeeId, assessorId, entryId } = await setup();

    const foreign = await foreignEntry(db);
    const res1 = await post(editionId, committeeId, {
      intent: "manual",
      stage: "desk",
      entryId: String(foreign),
      userId: String(assessorId),
    });
    expect(statusOf(res1)).toBe(400);
    expect(dataOf(res1).errors.entryId).toBeTruthy();
    expect(dataOf(res1).values).toMatchObject({ entryId: String(foreign), userId: String(assessorId) });
    expect(await assigned(db, foreign, assessorId)).toBe(0);

    await declareConflict(db, { userId: assessorId, entryId, hasConflict: true, kind: "employed_by" });
    const res2 = await post(editionId, committeeId, {
      intent: "manual",
      stage: "desk",
      entryId: String(entryId),
      userId: String(assessorId),
    });
    expect(statusOf(res2)).toBe(400);
    expect(dataOf(res2).errors.userId).toMatch(/konflik kepentingan/i);
    expect(dataOf(res2).values).toMatchObject({ entryId: String(entryId), userId: String(assessorId) });
    expect(await assigned(db, entryId, assessorId)).toBe(0);

    // The same post for someone free is accepted (the refusals above are about the pair); twice is refused.
    const onEntry = (
      await db.selectFrom("assignments").select("user_id").where("entry_id", "=", entryId).execute()
    ).map((a) => a.user_id);
    const free = await db
      .selectFrom("users as u")
      .innerJoin("memberships as m", "m.user_id", "u.id")
      .select("u.id")
      .where("m.edition_id", "=", editionId)
      .where("m.role", "=", "assessor")
      .where("u.id", "not in", [assessorId, ...onEntry])
      .orderBy("u.id")
      .executeTakeFirstOrThrow();
    const good = { intent: "manual", stage: "desk", entryId: String(entryId), userId: String(free.id) };
    expect(statusOf(await post(editionId, committeeId, good))).toBe(302);
    expect(await assigned(db, entryId, free.id)).toBe(1);
    const again = await post(editionId, committeeId, good);
    expect(statusOf(again)).toBe(400);
    expect(dataOf(again).errors.userId).toMatch(/sudah ditugaskan/i);
    expect(await assigned(db, entryId, free.id)).toBe(1);
  });
});
