import type { Db } from "../../db/client";
import { createEdition } from "../../db/queries/editions";
import { insertOrganisation } from "../../db/queries/organisations";
import { addMembership, createUser } from "../../db/queries/users";
import { storedDeadline } from "../../app/domain/deadlines";

// A small edition for reminder tests: the registration deadline and the desk stage's deadline are
// the same day, so that one run at a given time finds both kinds of reminder.
//   org A: draft entry, members a1, a2 (active), a3 (membership inactive), a4 (reminders off)
//   org B: submitted entry, member b1
//   org D: submitted entry, member d1
//   p1: assessor with two desk sheets not submitted (entries B and D)
//   p2: assessor whose desk sheet is submitted
//   j1: juror with a sheet (entry D) in the interview stage, pending

export const DEADLINE_DAY = "2030-03-10";
/** The last moment of the deadline day (23:59:59.999 WIB). */
export const DEADLINE_END = new Date(storedDeadline(DEADLINE_DAY)!);
const DAY = 24 * 60 * 60 * 1000;
/** A moment `days` days before the end of the deadline. */
export const daysBefore = (days: number) => new Date(DEADLINE_END.getTime() - days * DAY);

export async function reminderFixture(db: Db, tag = "r", deadlineDay = DEADLINE_DAY) {
  const user = async (name: string, reminders = 1) => {
    const id = await createUser(db, {
      email: `${name}.${tag}@paritrana.test`,
      name: `User ${name}`,
      passwordHash: null,
    });
    if (!reminders) await db.updateTable("users").set({ reminders: 0 }).where("id", "=", id).execute();
    return id;
  };
  const committee = await user("panitia");
  const editionId = await createEdition(db, {
    name: `Paritrana Award 2030 — Reminders ${tag}`,
    year: 2030,
    level: "provincial",
    region: "Kalimantan Timur",
    periodStart: "2029-01-01",
    periodEnd: "2029-12-31",
    registrationDeadline: storedDeadline(deadlineDay),
    deadlines: { desk: storedDeadline(deadlineDay), verification: null, interview: storedDeadline(deadlineDay) },
    categories: ["large"],
    places: 3,
    userId: committee,
  });
  const category = await db
    .selectFrom("categories")
    .select("id")
    .where("edition_id", "=", editionId)
    .executeTakeFirstOrThrow();
  const entry = async (name: string, status: "draft" | "submitted", members: number[]) => {
    const organisationId = await insertOrganisation(db, { name, kind: "company", region: "Samarinda", size: "large" });
    for (const userId of members) await addMembership(db, { userId, role: "entrant", organisationId });
    const row = await db
      .insertInto("entries")
      .values({
        edition_id: editionId,
        category_id: category.id,
        organisation_id: organisationId,
        status,
        submitted_at: status === "submitted" ? "2030-01-01T00:00:00.000Z" : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: row.id, organisationId };
  };
  const [a1, a2, a3, a4, b1, d1] = [
    await user("a1"),
    await user("a2"),
    await user("a3"),
    await user("a4", 0),
    await user("b1"),
    await user("d1"),
  ];
  const entryA = await entry(`PT Draf ${tag}`, "draft", [a1, a2, a3, a4]);
  await db.updateTable("memberships").set({ active: 0 }).where("user_id", "=", a3).execute();
  const entryB = await entry(`PT Terkirim ${tag}`, "submitted", [b1]);
  const entryD = await entry(`PT Dikirim ${tag}`, "submitted", [d1]);
  const [p1, p2, j1] = [await user("p1"), await user("p2"), await user("j1")];
  for (const p of [p1, p2]) await addMembership(db, { userId: p, role: "assessor", editionId });
  await addMembership(db, { userId: j1, role: "juror", editionId });
  const assign = (
    userId: number,
    entryId: number,
    stage: "desk" | "interview",
    status: "draft" | "submitted" | "not_started",
  ) => db.insertInto("assignments").values({ entry_id: entryId, user_id: userId, stage_key: stage, status }).execute();
  await assign(p1, entryB.id, "desk", "draft");
  await assign(p1, entryD.id, "desk", "not_started");
  await assign(p2, entryB.id, "desk", "submitted");
  await assign(j1, entryD.id, "interview", "not_started");
  return { editionId, committee, a1, a2, a3, a4, b1, d1, p1, p2, j1, entryA, entryB, entryD };
}

/** The reminders in the outbox, as (user id, what about, days before), sorted. */
export async function reminderRows(db: Db) {
  const rows = await db
    .selectFrom("outbox")
    .select(["user_id", "params", "dedupe_key", "to_address", "locale"])
    .where("event", "=", "reminder")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, unknown> }));
}
