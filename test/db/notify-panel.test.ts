import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { addAssignments, reassign } from "../../db/queries/assignment-plans";
import { declareConflict } from "../../db/queries/conflicts";
import { editionCategories, getEdition } from "../../db/queries/editions";
import { closeStageWithShortlist } from "../../db/queries/stages";
import { checkManualPair, plan } from "../../app/lib/assign.server";
import { publishCategory } from "../../app/lib/publish.server";
import { closeOpenStage, proposal } from "../../app/lib/stages.server";
import { renderMessage } from "../../app/lib/mail/message.server";
import {
  createAssignment,
  createEdition,
  createEntry,
  createMember,
  createScoredEdition,
  createUser,
  type TestEntry,
  type TestUser,
} from "../e2e/factories";
import { firstSubmittedSheet, signOffAndPublishNow } from "./support";
import {
  expectWellFormed,
  factoryDb,
  MAIL_BASE,
  outboxMark,
  outboxSince,
  paramsOf,
  speaksEnglish as speaksEnglishIn,
} from "../mail/outbox-support";

// Issue 15, item 3: the panel's and the committee's changes write their messages in the same
// transaction (db/queries/panel-mail.ts): new entries to assess (one message per person and batch),
// a declared conflict to the committee, the next stage opened to its panel, results published to
// the entrants. Exactly the expected rows, none on a refused change, none to an inactive member;
// each rendered in its recipient's language with the edition in the subject and absolute links.

const BASE = MAIL_BASE;
const ready = factoryDb();

let db: Db;
beforeAll(async () => {
  db = await ready;
});

const mark = () => outboxMark(db);
const rowsSince = (since: number) => outboxSince(db, since);
const speaksEnglish = (user: TestUser) => speaksEnglishIn(db, user);

async function deactivateMembership(user: TestUser, editionId: number | null, organisationId: number | null = null) {
  let q = db.updateTable("memberships").set({ active: 0 }).where("user_id", "=", user.id);
  q = editionId === null ? q.where("organisation_id", "=", organisationId) : q.where("edition_id", "=", editionId);
  await q.execute();
}

describe("assignment", () => {
  it("an applied auto-assign plan writes one message per person with their count of new entries", async () => {
    await ready;
    const edition = await createEdition();
    const entries: TestEntry[] = [];
    for (let i = 0; i < 3; i++) entries.push(await createEntry(edition, { quality: 0.3 + i / 10 }));
    const people: TestUser[] = [];
    for (let i = 0; i < 3; i++) people.push(await createMember(edition.id, "assessor"));
    await speaksEnglish(people[0]!);
    // One pair exists already: the plan does not count it, nor does the message.
    await createAssignment(entries[0]!, people[0]!);

    const p = await plan(db, edition.id, { stage: "desk", k: 2, cap: undefined });
    expect(p.result.pairs.length).toBe(5);
    const expected = new Map<number, number>();
    for (const x of p.result.pairs) expected.set(x.person, (expected.get(x.person) ?? 0) + 1);

    const since = await mark();
    await addAssignments(db, {
      editionId: edition.id,
      stage: "desk",
      createdBy: edition.committee.id,
      action: "assignment.auto",
      pairs: p.result.pairs.map((x) => ({ entryId: x.entry, userId: x.person })),
    });
    const rows = await rowsSince(since);
    expect(rows.every((r) => r.event === "assignment" && r.edition_id === edition.id)).toBe(true);
    expect(new Map(rows.map((r) => [r.user_id, paramsOf(r).count]))).toEqual(expected);
    expect(rows).toHaveLength(expected.size);
    const stage = await db
      .selectFrom("edition_stages")
      .select("deadline")
      .where("edition_id", "=", edition.id)
      .where("key", "=", "desk")
      .executeTakeFirstOrThrow();
    for (const r of rows)
      expect(paramsOf(r)).toMatchObject({
        editionId: edition.id,
        editionName: edition.name,
        stage: "desk",
        deadline: stage.deadline,
        stageOpen: true,
      });

    // Her language, her count, the link to /assess; no entrant named.
    const mine = rows.find((r) => r.user_id === people[0]!.id)!;
    expect(mine.locale).toBe("en");
    const mail = renderMessage(mine);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`New entries to assess: Document selection — ${edition.name}`);
    expect(mail.text).toContain(`${BASE}/assess\n`);
    for (const e of entries) expect(mail.text).not.toContain(e.organisation.name);
    const other = renderMessage(rows.find((r) => r.user_id !== people[0]!.id)!);
    expect(other.subject).toBe(`Entri baru untuk dinilai: Seleksi Berkas — ${edition.name}`);

    // The same plan again adds nothing, and says nothing.
    const again = await mark();
    await addAssignments(db, {
      editionId: edition.id,
      stage: "desk",
      createdBy: edition.committee.id,
      action: "assignment.auto",
      pairs: p.result.pairs.map((x) => ({ entryId: x.entry, userId: x.person })),
    });
    expect(await rowsSince(again)).toEqual([]);
  });

  it("a manual pair writes one message of one entry; a stage not open yet says so; no message to an inactive member", async () => {
    const edition = await createEdition();
    const entry = await createEntry(edition);
    const assessor = await createMember(edition.id, "assessor");
    const gone = await createMember(edition.id, "assessor");
    const juror = await createMember(edition.id, "juror");
    const pair = { stage: "desk" as const, entryId: entry.id, userId: assessor.id };
    expect(await checkManualPair(db, edition.id, pair)).toBeNull();

    const since = await mark();
    await addAssignments(db, {
      editionId: edition.id,
      stage: "desk",
      createdBy: edition.committee.id,
      action: "assignment.manual",
      pairs: [{ entryId: entry.id, userId: assessor.id }],
    });
    const rows = await rowsSince(since);
    expect(rows.map((r) => [r.user_id, r.event, paramsOf(r).count])).toEqual([[assessor.id, "assignment", 1]]);
    expect(renderMessage(rows[0]!).text).toContain("1 entri baru pada tahap Seleksi Berkas");

    // A member whose place on the panel ended is written no message (the assignment itself stands).
    await deactivateMembership(gone, edition.id);
    const inactive = await mark();
    await addAssignments(db, {
      editionId: edition.id,
      stage: "desk",
      createdBy: edition.committee.id,
      action: "assignment.manual",
      pairs: [{ entryId: entry.id, userId: gone.id }],
    });
    expect(await rowsSince(inactive)).toEqual([]);

    // Jurors assigned to the interview while it is still pending: told it opens later.
    const jurors = await mark();
    await addAssignments(db, {
      editionId: edition.id,
      stage: "interview",
      createdBy: edition.committee.id,
      action: "assignment.jurors",
      pairs: [{ entryId: entry.id, userId: juror.id }],
    });
    const jurorRows = await rowsSince(jurors);
    expect(jurorRows.map((r) => [r.user_id, paramsOf(r).stage, paramsOf(r).stageOpen])).toEqual([
      [juror.id, "interview", false],
    ]);
    expect(renderMessage(jurorRows[0]!).text).toContain("Tahap ini belum dibuka");
  });

  it("a reassignment tells the new person; a refused one writes nothing", async () => {
    const edition = await createEdition();
    const entry = await createEntry(edition);
    const [a, b, c] = [
      await createMember(edition.id, "assessor"),
      await createMember(edition.id, "assessor"),
      await createMember(edition.id, "assessor"),
    ];
    const { assignmentId } = await createAssignment(entry, a!);
    await createAssignment(entry, b!);

    const refused = await mark();
    expect(
      await reassign(db, {
        editionId: edition.id,
        assignmentId,
        toUserId: b!.id,
        userId: edition.committee.id,
        reason: "Konflik kepentingan",
      }),
    ).toEqual({ ok: false, reason: "duplicate" });
    expect(await rowsSince(refused)).toEqual([]);

    const since = await mark();
    expect(
      await reassign(db, {
        editionId: edition.id,
        assignmentId,
        toUserId: c!.id,
        userId: edition.committee.id,
        reason: "Konflik kepentingan",
      }),
    ).toEqual({ ok: true });
    const rows = await rowsSince(since);
    expect(rows.map((r) => [r.user_id, r.event, paramsOf(r).count, paramsOf(r).stage])).toEqual([
      [c!.id, "assignment", 1, "desk"],
    ]);
  });
});

describe("conflict declared", () => {
  it("tells each active member of the edition's committee who, with whom, of which kind; nothing for 'none' or a second declaration", async () => {
    const edition = await createEdition();
    const entry = await createEntry(edition);
    const assessor = await createMember(edition.id, "assessor");
    const other = await createMember(edition.id, "assessor");
    const english = await createMember(edition.id, "committee");
    await speaksEnglish(english);
    const former = await createMember(edition.id, "committee");
    await deactivateMembership(former, edition.id);
    // A committee member of another edition hears nothing of this one.
    const elsewhere = await createEdition();

    const none = await mark();
    expect(await declareConflict(db, { userId: other.id, entryId: entry.id, hasConflict: false })).toMatchObject({
      ok: true,
    });
    expect(await rowsSince(none)).toEqual([]);

    const since = await mark();
    expect(
      await declareConflict(db, {
        userId: assessor.id,
        entryId: entry.id,
        hasConflict: true,
        kind: "business_link",
        note: "Saudara saya direktur di sana",
      }),
    ).toMatchObject({ ok: true });
    const rows = await rowsSince(since);
    expect(rows.map((r) => r.user_id).sort()).toEqual([edition.committee.id, english.id].sort());
    expect(rows.map((r) => r.user_id)).not.toContain(elsewhere.committee.id);
    for (const r of rows) {
      expect(r.event).toBe("conflict_declared");
      expect(paramsOf(r)).toEqual({
        editionId: edition.id,
        editionName: edition.name,
        assessorName: assessor.name,
        organisationName: entry.organisation.name,
        categoryKey: "regency_city",
        kind: "business_link",
        entryId: entry.id,
      });
    }
    const mail = renderMessage(rows.find((r) => r.user_id === english.id)!);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`Conflict of interest declared — ${edition.name}`);
    expect(mail.text).toContain(`Assessor: ${assessor.name}`);
    expect(mail.text).toContain(`Entrant: ${entry.organisation.name}`);
    expect(mail.text).toContain("Kind of conflict: Business link");
    expect(mail.text).toContain(`${BASE}/committee/${edition.id}/assign\n`);
    // The note is the committee's to read on the page, not to travel by mail.
    expect(mail.text).not.toContain("Saudara saya");

    const twice = await mark();
    expect(
      await declareConflict(db, { userId: assessor.id, entryId: entry.id, hasConflict: true, kind: "other" }),
    ).toEqual({ ok: false, reason: "already_declared" });
    expect(await rowsSince(twice)).toEqual([]);
  });
});

describe("stage closed", () => {
  it("tells the next stage's active panel, with its deadline; nothing when refused or when the last stage closes", async () => {
    const edition = await createScoredEdition({ categories: { regency_city: 4 }, assessors: 3, jurors: 2 });
    const [english, kept, former] = edition.assessors as [TestUser, TestUser, TestUser];
    await speaksEnglish(english);
    await deactivateMembership(former, edition.id);
    const full = (await getEdition(db, edition.id))!;

    const p = await proposal(db, full);
    expect(p.open?.key).toBe("desk");
    const refused = await mark();
    expect(
      await closeOpenStage(db, full, {
        stage: "desk",
        fingerprint: p.fingerprint,
        userId: edition.committee.id,
        confirmed: false,
      }),
    ).toEqual({ ok: false, reason: "unconfirmed" });
    expect(await rowsSince(refused)).toEqual([]);

    const since = await mark();
    expect(
      await closeOpenStage(db, full, {
        stage: "desk",
        fingerprint: p.fingerprint,
        userId: edition.committee.id,
        confirmed: true,
      }),
    ).toEqual({ ok: true, stage: "desk", last: false });
    const rows = await rowsSince(since);
    const deadline = (
      await db
        .selectFrom("edition_stages")
        .select("deadline")
        .where("edition_id", "=", edition.id)
        .where("key", "=", "verification")
        .executeTakeFirstOrThrow()
    ).deadline;
    expect(rows.map((r) => r.user_id).sort()).toEqual([english.id, kept.id].sort());
    for (const r of rows) {
      expect(r.event).toBe("stage_closed");
      expect(paramsOf(r)).toEqual({
        editionId: edition.id,
        editionName: edition.name,
        stage: "desk",
        nextStage: "verification",
        deadline,
      });
    }
    const mail = renderMessage(rows.find((r) => r.user_id === english.id)!);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`The Verification and validation stage is open — ${edition.name}`);
    expect(mail.text).toContain(`${BASE}/assess\n`);

    // Verification closes: the interview is the jurors'.
    const toJury = await mark();
    await closeStageWithShortlist(db, {
      editionId: edition.id,
      stage: "verification",
      nextStage: "interview",
      advancing: [],
      notAdvancing: [],
      userId: edition.committee.id,
    });
    expect((await rowsSince(toJury)).map((r) => r.user_id).sort()).toEqual(edition.jurors.map((j) => j.id).sort());

    const last = await mark();
    await closeStageWithShortlist(db, {
      editionId: edition.id,
      stage: "interview",
      nextStage: null,
      advancing: [],
      notAdvancing: [],
      userId: edition.committee.id,
    });
    expect(await rowsSince(last)).toEqual([]);
  });
});

describe("results published", () => {
  it("tells the active members of every ranked entrant once per publication; nothing when refused or published again unchanged", async () => {
    const edition = await createScoredEdition({ categories: { regency_city: 3 }, assessors: 3 });
    await db.updateTable("edition_stages").set({ status: "closed" }).where("edition_id", "=", edition.id).execute();
    const [first, second, third] = edition.entries as [
      (typeof edition.entries)[0],
      (typeof edition.entries)[0],
      (typeof edition.entries)[0],
    ];
    // A second member of the first entrant (in English), a former member of the second.
    const colleague = await createUser();
    await db
      .insertInto("memberships")
      .values({ user_id: colleague.id, role: "entrant", organisation_id: first.organisation.id })
      .execute();
    await speaksEnglish(colleague);
    await deactivateMembership(second.organisation.member, null, second.organisation.id);
    // A draft entrant of the category is not ranked and hears nothing.
    const draft = await createEntry(edition, { status: "draft" });
    const category = (await editionCategories(db, edition.id)).find((c) => c.key === "regency_city")!;

    const refused = await mark();
    expect(await publishCategory(db, { editionId: edition.id, category, userId: edition.committee.id })).toEqual({
      ok: false,
      reason: "not_signed_off",
    });
    expect(await rowsSince(refused)).toEqual([]);

    const since = await mark();
    expect(await signOffAndPublishNow(db, edition.id, category, edition.committee.id)).toMatchObject({ ok: true });
    const rows = await rowsSince(since);
    const pairs = rows.map((r) => [r.user_id, paramsOf(r).entryId]);
    expect(pairs.sort()).toEqual(
      [
        [first.organisation.member.id, first.id],
        [colleague.id, first.id],
        [third.organisation.member.id, third.id],
      ].sort(),
    );
    expect(rows.map((r) => r.user_id)).not.toContain(draft.organisation.member.id);
    for (const r of rows) {
      expect(r.event).toBe("results_published");
      expect(paramsOf(r)).toMatchObject({
        editionId: edition.id,
        editionName: edition.name,
        categoryKey: "regency_city",
      });
    }
    const mail = renderMessage(rows.find((r) => r.user_id === colleague.id)!);
    expectWellFormed(mail, edition.name);
    expect(mail.subject).toBe(`Results published: Regency/city government — ${edition.name}`);
    expect(mail.text).toContain(`${BASE}/winners/${edition.id}\n`);
    expect(mail.text).toContain(`${BASE}/portal/entries/${first.id}/scorecard\n`);
    expect(renderMessage(rows.find((r) => r.user_id === first.organisation.member.id)!).subject).toMatch(
      /^Hasil diumumkan: /,
    );

    // Published again as it is: nothing new is public, nothing is sent.
    const same = await mark();
    const signed = (await editionCategories(db, edition.id)).find((c) => c.id === category.id)!;
    expect(
      await publishCategory(db, { editionId: edition.id, category: signed, userId: edition.committee.id }),
    ).toMatchObject({ ok: true });
    expect(await rowsSince(same)).toEqual([]);

    // A corrected score makes a new result: once signed off and published, the entrants hear again.
    const { setFirstScore } = await firstSubmittedSheet(db, category.id);
    await setFirstScore(11);
    const republished = await mark();
    expect(await signOffAndPublishNow(db, edition.id, category, edition.committee.id)).toMatchObject({ ok: true });
    expect(await rowsSince(republished)).toHaveLength(3);
  });
});
