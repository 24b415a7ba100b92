import { describe, expect, it } from "vitest";
import { listMyAssignments } from "../../db/queries/assignments";
import { freshDb } from "./support";

describe("an assessor's list follows their panel and active membership", () => {
  it("shows a juror no desk-stage work, and a deactivated assessor nothing", async () => {
    const { db } = await freshDb({ seed: true });
    const userId = async (email: string) =>
      (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    const assessor = await userId("penilai1@paritrana.test");
    const juror = await userId("juri1@paritrana.test");
    const before = await listMyAssignments(db, assessor);
    expect(before.length).toBeGreaterThan(0);
    expect(new Set(before.map((a) => a.stage))).toEqual(new Set(["desk"]));

    // A desk assignment given to a juror by mistake does not reach the juror's list.
    await db
      .insertInto("assignments")
      .values({ entry_id: before[0].entryId, user_id: juror, stage_key: "desk" })
      .execute();
    expect(await listMyAssignments(db, juror)).toEqual([]);

    await db.updateTable("memberships").set({ active: 0 }).where("user_id", "=", assessor).execute();
    expect(await listMyAssignments(db, assessor)).toEqual([]);
  });
});
