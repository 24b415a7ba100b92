import { describe, expect, it } from "vitest";
import { addComment, commentCounts, commentsOf } from "../../db/queries/plenary-comments";
import { auditOf, plenaryFixture, submittedSheets } from "./plenary-fixture";

describe("the plenary's comments", () => {
  it("thread on one entry, oldest first, counted per entry; the audit names no text", async () => {
    const { db, edition, committee, category, open } = await plenaryFixture();
    const plenaryId = await open();
    const sheets = await submittedSheets(db, category.id);
    const first = sheets[0]!;
    const otherEntry = sheets.find((s) => s.entryId !== first.entryId)!.entryId;
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
    const say = (entryId: number, body: string, parentId: number | null, userId: number, minute: number) =>
      addComment(db, { plenaryId, entryId, userId, parentId, body, now: at(minute) });

    const root = await say(first.entryId, "  Mengapa nilai kriteria pertama berbeda jauh?  ", null, first.userId, 1);
    if (!root.ok) throw new Error(root.reason);
    const reply = await say(first.entryId, "Bukti pelatihan tidak lengkap.", root.id, committee.id, 2);
    if (!reply.ok) throw new Error(reply.reason);
    const elsewhere = await say(otherEntry, "Catatan lain.", null, committee.id, 3);
    if (!elsewhere.ok) throw new Error(elsewhere.reason);
    // A reply names a comment of the same entry only.
    expect(await say(otherEntry, "Balasan salah tempat.", root.id, committee.id, 4)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await say(first.entryId, "Balasan ke komentar yang tidak ada.", 999_999, committee.id, 5)).toEqual({
      ok: false,
      reason: "not_found",
    });

    expect(await commentsOf(db, plenaryId, first.entryId)).toEqual([
      {
        id: root.id,
        parentId: null,
        userId: first.userId,
        author: expect.any(String),
        body: "Mengapa nilai kriteria pertama berbeda jauh?",
        createdAt: at(1).toISOString(),
      },
      {
        id: reply.id,
        parentId: root.id,
        userId: committee.id,
        author: committee.name,
        body: "Bukti pelatihan tidak lengkap.",
        createdAt: at(2).toISOString(),
      },
    ]);
    expect(await commentCounts(db, plenaryId)).toEqual(
      new Map([
        [first.entryId, 2],
        [otherEntry, 1],
      ]),
    );
    const audits = await auditOf(db, "plenary.comment");
    expect(audits).toHaveLength(3);
    expect(audits[1]).toMatchObject({ user_id: committee.id, edition_id: edition.id, entry_id: first.entryId });
    expect(JSON.parse(audits[1]!.after!)).toEqual({ parent: root.id });
    for (const a of audits) expect(`${a.before} ${a.after} ${a.reason}`).not.toMatch(/Bukti|Mengapa|Catatan/);
  });

  it("are refused on an entry of another category, and after the stage closed", async () => {
    const { db, edition, committee, category, open } = await plenaryFixture();
    const plenaryId = await open();
    const [sheet] = await submittedSheets(db, category.id);
    const other = await db
      .selectFrom("entries")
      .select("id")
      .where("edition_id", "=", edition.id)
      .where("category_id", "!=", category.id)
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow();
    const say = (entryId: number) =>
      addComment(db, { plenaryId, entryId, userId: committee.id, parentId: null, body: "Catatan." });
    expect(await say(other.id)).toEqual({ ok: false, reason: "not_found" });
    // Minutes issued do not stop the discussion; a closed stage does.
    await db
      .insertInto("plenary_minutes")
      .values({
        plenary_id: plenaryId,
        held_on: "2026-12-01",
        place: "Samarinda",
        content_json: "{}",
        sha256: "c".repeat(64),
        issued_by: committee.id,
        issued_at: new Date().toISOString(),
      })
      .execute();
    expect((await say(sheet!.entryId)).ok).toBe(true);
    await db
      .updateTable("edition_stages")
      .set({ status: "closed" })
      .where("edition_id", "=", edition.id)
      .where("key", "=", "desk")
      .execute();
    expect(await say(sheet!.entryId)).toEqual({ ok: false, reason: "stage_closed" });
    expect(await commentsOf(db, plenaryId, sheet!.entryId)).toHaveLength(1);
  });
});
