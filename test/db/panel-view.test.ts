import { describe, expect, it } from "vitest";
import { otherScoresheets, setAssessorView } from "../../db/queries/panel-view";
import { freshDb } from "./support";

describe("what the panel reads of one another after a stage closes", async () => {
  const { db } = await freshDb({ seed: true });
  const edition = await db.selectFrom("editions").select("id").executeTakeFirstOrThrow();
  const committee = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  // A desk entry of the demo with two submitted scoresheets and one that is not submitted.
  const sheets = await db
    .selectFrom("assignments")
    .select(["id", "entry_id", "user_id", "status"])
    .where("stage_key", "=", "desk")
    .orderBy("id")
    .execute();
  const entryId = sheets.find(
    (a) => a.status === "submitted" && sheets.some((b) => b.entry_id === a.entry_id && b.status !== "submitted"),
  )!.entry_id;
  const ofEntry = sheets.filter((a) => a.entry_id === entryId);
  const [me, other] = ofEntry.filter((a) => a.status === "submitted");
  const unfinished = ofEntry.find((a) => a.status !== "submitted")!;
  const view = (userId: number) => otherScoresheets(db, { entryId, stage: "desk", userId });

  it("shows nothing while the stage is open, and the committee cannot open it early", async () => {
    expect(await view(me.user_id)).toBeNull();
    expect(
      await setAssessorView(db, { editionId: edition.id, stage: "desk", view: "scores_notes", userId: committee.id }),
    ).toBe(false);
  });

  it("after closing: nothing until the committee allows it, then the others' submitted scores, unnamed", async () => {
    await db
      .updateTable("edition_stages")
      .set({ status: "closed" })
      .where("edition_id", "=", edition.id)
      .where("key", "=", "desk")
      .execute();
    expect(await view(me.user_id)).toBeNull(); // default: own scores only

    expect(
      await setAssessorView(db, { editionId: edition.id, stage: "desk", view: "scores", userId: committee.id }),
    ).toBe(true);
    const seen = (await view(me.user_id))!;
    const otherScores = await db
      .selectFrom("scores")
      .select(["criterion_id", "value"])
      .where("assignment_id", "=", other.id)
      .orderBy("criterion_id")
      .execute();
    expect(seen.view).toBe("scores");
    expect(seen.scores).toEqual(
      otherScores.map((s) => ({ sheet: 1, criterionId: s.criterion_id, value: s.value, note: null })),
    );
    // An assessor whose own scoresheet was not submitted sees nothing.
    expect(await view(unfinished.user_id)).toBeNull();

    await setAssessorView(db, { editionId: edition.id, stage: "desk", view: "scores_notes", userId: committee.id });
    const withNotes = (await view(me.user_id))!;
    const notes = await db
      .selectFrom("scores")
      .select("note")
      .where("assignment_id", "=", other.id)
      .orderBy("criterion_id")
      .execute();
    expect(withNotes.scores.map((s) => s.note)).toEqual(notes.map((n) => n.note));

    const log = await db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("action", "=", "stage.assessor_view")
      .orderBy("id")
      .execute();
    expect(log.map((l) => [JSON.parse(l.before!).view, JSON.parse(l.after!).view])).toEqual([
      ["none", "scores"],
      ["scores", "scores_notes"],
    ]);
  });
});
