import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { confirmationStatus } from "../../db/queries/plenary-minutes";
import * as minutesPage from "~/routes/plenary.$plenaryId.minutes";
import * as minutesPdf from "~/routes/plenary.$plenaryId.minutes[.]pdf";
import { createEdition, createEntry, createMember, createPlenary, createScoresheet, testDb } from "../e2e/factories";
import { freshDb } from "../db/support";
import { call, statusOf } from "./route-calls";
import { pdfText } from "../app/pdf-text";

// The plenary's minutes (issue 16) through their real loaders and actions with session cookies:
// entrants and other categories' assessors never read them or their PDF; only the chair issues
// and withdraws them (another committee member gets 403); only the panel confirms.

const world = (async () => {
  process.env.RANKING_WORKER = "off"; // a test's database: rankings computed here
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const edition = await createEdition({ categories: ["large", "medium"] });
  const panel = await Promise.all([0, 1, 2].map(() => createMember(edition.id, "assessor")));
  const entries = [
    await createEntry(edition, { category: "large" }),
    await createEntry(edition, { category: "large" }),
  ];
  for (const entry of entries) for (const who of panel) await createScoresheet(entry, who);
  const plenaryId = await createPlenary(edition, { category: "large" });
  const mediumAssessor = await createMember(edition.id, "assessor");
  await createScoresheet(await createEntry(edition, { category: "medium" }), mediumAssessor);
  const otherCommittee = await createMember(edition.id, "committee");
  return {
    db,
    edition,
    panel,
    plenaryId,
    mediumAssessor,
    otherCommittee,
    entries,
    entrant: entries[0]!.organisation.member,
  };
})();

const path = (id: number) => `/plenary/${id}/minutes`;
const params = (id: number) => ({ plenaryId: String(id) });

describe("the plenary's minutes", () => {
  it("are issued and withdrawn by the chair only, confirmed by the panel only, read by nobody outside", async () => {
    const { db, edition, panel, plenaryId, mediumAssessor, otherCommittee, entrant } = await world;
    const post = (userId: number, form: Record<string, string>) =>
      call(minutesPage.action, path(plenaryId), params(plenaryId), { userId, form });
    const issueForm = { intent: "issue", heldOn: "2026-12-01", place: "Ruang Rapat", present: String(panel[0]!.id) };

    // Another committee member of the edition reads, but neither issues nor withdraws.
    expect(
      statusOf(await call(minutesPage.loader, path(plenaryId), params(plenaryId), { userId: otherCommittee.id })),
    ).toBe(200);
    expect(statusOf(await post(otherCommittee.id, issueForm))).toBe(403);
    expect(statusOf(await post(panel[0]!.id, issueForm))).toBe(403);
    expect((await confirmationStatus(db, plenaryId)).minutes).toBeNull();

    expect(statusOf(await post(edition.committee.id, issueForm))).toBe(302);
    const minutes = (await confirmationStatus(db, plenaryId)).minutes!;
    expect(minutes).not.toBeNull();

    // Entrants and assessors of another category: 403 on the page and on the PDF.
    for (const userId of [entrant.id, mediumAssessor.id]) {
      expect(statusOf(await call(minutesPage.loader, path(plenaryId), params(plenaryId), { userId }))).toBe(403);
      expect(statusOf(await call(minutesPdf.loader, `${path(plenaryId)}.pdf`, params(plenaryId), { userId }))).toBe(
        403,
      );
      expect(statusOf(await post(userId, { intent: "confirm", minutesId: String(minutes.id) }))).toBe(403);
    }
    const pdf = (await call(minutesPdf.loader, `${path(plenaryId)}.pdf?lang=en`, params(plenaryId), {
      userId: panel[1]!.id,
    })) as Response;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdf.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="minutes-large-desk-2026-12-01\.pdf"$/,
    );

    // Someone not on the panel cannot confirm (a committee member neither); a panel member can, once.
    const confirm = { intent: "confirm", minutesId: String(minutes.id) };
    expect(statusOf(await post(otherCommittee.id, confirm))).toBe(403);
    expect(statusOf(await post(panel[1]!.id, confirm))).toBe(302);
    expect(statusOf(await post(panel[1]!.id, confirm))).toBe(409);
    const status = await confirmationStatus(db, plenaryId);
    expect(status.panel.filter((p) => p.confirmedAt).map((p) => p.userId)).toEqual([panel[1]!.id]);

    const withdraw = { intent: "withdraw", minutesId: String(minutes.id), reason: "Tempat rapat salah ditulis." };
    expect(statusOf(await post(otherCommittee.id, withdraw))).toBe(403);
    expect(statusOf(await post(panel[0]!.id, withdraw))).toBe(403);
    expect((await confirmationStatus(db, plenaryId)).minutes?.id).toBe(minutes.id);
    expect(statusOf(await post(edition.committee.id, { ...withdraw, reason: "pendek" }))).toBe(400);
    expect(statusOf(await post(edition.committee.id, withdraw))).toBe(302);
    expect((await confirmationStatus(db, plenaryId)).minutes).toBeNull();
    // A confirmation posted against the withdrawn minutes is refused, not applied elsewhere.
    expect(statusOf(await post(panel[2]!.id, confirm))).toBe(409);
  });

  it("leave out of a panel member's copy the entries they declared a conflict with", async () => {
    const { db, edition, plenaryId, entries } = await world;
    // On the panel through a sheet of the second entry; a declared conflict with the first.
    const conflicted = await createMember(edition.id, "assessor");
    await createScoresheet(entries[1]!, conflicted);
    await db
      .insertInto("conflict_declarations")
      .values({ user_id: conflicted.id, entry_id: entries[0]!.id, has_conflict: 1, kind: "employed_by" })
      .execute();
    if (!(await confirmationStatus(db, plenaryId)).minutes) {
      const issue = { intent: "issue", heldOn: "2026-12-01", place: "Ruang Rapat", present: String(conflicted.id) };
      const res = await call(minutesPage.action, path(plenaryId), params(plenaryId), {
        userId: edition.committee.id,
        form: issue,
      });
      expect(statusOf(res)).toBe(302);
    }
    const textFor = async (userId: number) => {
      const res = (await call(minutesPdf.loader, `${path(plenaryId)}.pdf`, params(plenaryId), { userId })) as Response;
      expect(res.status).toBe(200);
      return (await pdfText(new Uint8Array(await res.arrayBuffer()))).lines.join(" ");
    };
    const own = await textFor(conflicted.id);
    expect(own).not.toContain(entries[0]!.organisation.name);
    expect(own).toContain(entries[1]!.organisation.name);
    expect(own).toContain("konflik kepentingan");
    // The committee's copy is the whole record.
    const whole = await textFor(edition.committee.id);
    expect(whole).toContain(entries[0]!.organisation.name);
    expect(whole).not.toContain("konflik kepentingan");
  });

  it("answer 4xx, never 500, to odd ids and empty forms", async () => {
    const { edition, plenaryId } = await world;
    for (const bad of ["0", "x1", "999999"])
      expect(
        statusOf(
          await call(
            minutesPage.loader,
            `/plenary/${bad}/minutes`,
            { plenaryId: bad },
            { userId: edition.committee.id },
          ),
        ),
      ).toBe(404);
    for (const form of [
      {},
      { intent: "issue" },
      { intent: "withdraw" },
      { intent: "confirm", minutesId: "x" },
    ] as Record<string, string>[])
      expect(
        statusOf(
          await call(minutesPage.action, path(plenaryId), params(plenaryId), { userId: edition.committee.id, form }),
        ),
      ).toBe(400);
  });
});
