import { describe, expect, it } from "vitest";
import { closeAllStages, demoEdition, freshDb } from "./support";
import { editionCategories } from "../../db/queries/editions";
import { signOffCategory } from "../../db/queries/publications";
import { publishCategory } from "../../app/lib/publish.server";
import { categorySnapshot } from "../../app/lib/ranking-engine.server";
import { closeOpenStage, proposal } from "../../app/lib/stages.server";

// Issue 10, item 1: sign-off and publication wait for every stage of the edition to close,
// whoever calls them; a stage closes only once every entry it assesses has a scoresheet, and
// only when confirmed (item 4).

async function demo() {
  const { db } = await freshDb({ seed: true });
  const edition = await demoEdition(db);
  const regency = (await editionCategories(db, edition.id)).find((c) => c.key === "regency_city")!;
  const { id: userId } = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  return { db, edition, regency, userId };
}

describe("sign-off and publication while the desk stage is open", async () => {
  const { db, edition, regency, userId } = await demo();
  const snap = await categorySnapshot(db, regency);
  const sha256 = snap.ok ? snap.sha256 : "";
  const dataVersion = snap.version;

  it("signOffCategory refuses, naming every stage not closed, and stores nothing", async () => {
    expect(
      await signOffCategory(db, { editionId: edition.id, categoryId: regency.id, userId, sha256, dataVersion }),
    ).toEqual({
      ok: false,
      reason: "stages_open",
      open: ["desk", "verification", "interview"],
    });
    const row = (await editionCategories(db, edition.id)).find((c) => c.id === regency.id)!;
    expect(row.signed_off_sha256).toBeNull();
    const log = await db
      .selectFrom("audit_log")
      .select("id")
      .where("edition_id", "=", edition.id)
      .where("action", "=", "category.sign_off")
      .execute();
    expect(log).toHaveLength(0);
  });

  it("publishCategory refuses even a category whose current data was signed off", async () => {
    await db.updateTable("categories").set({ signed_off_sha256: sha256 }).where("id", "=", regency.id).execute();
    const signed = (await editionCategories(db, edition.id)).find((c) => c.id === regency.id)!;
    expect(await publishCategory(db, { editionId: edition.id, category: signed, userId })).toEqual({
      ok: false,
      reason: "stages_open",
      open: ["desk", "verification", "interview"],
    });
    expect(
      await db.selectFrom("publications").select("id").where("edition_id", "=", edition.id).execute(),
    ).toHaveLength(0);
  });

  it("both go through once every stage is closed", async () => {
    await closeAllStages(db, edition.id);
    expect(
      await signOffCategory(db, { editionId: edition.id, categoryId: regency.id, userId, sha256, dataVersion }),
    ).toEqual({
      ok: true,
    });
    const signed = (await editionCategories(db, edition.id)).find((c) => c.id === regency.id)!;
    expect(await publishCategory(db, { editionId: edition.id, category: signed, userId })).toMatchObject({ ok: true });
  });
});

describe("closing a stage", async () => {
  const { db, edition, userId } = await demo();
  const stageStatus = async () =>
    (
      await db
        .selectFrom("edition_stages")
        .select("status")
        .where("edition_id", "=", edition.id)
        .where("key", "=", "desk")
        .executeTakeFirstOrThrow()
    ).status;

  it("waits for the confirmation", async () => {
    const p = await proposal(db, edition);
    expect(p.closable).toBe(true);
    expect(
      await closeOpenStage(db, edition, { stage: "desk", fingerprint: p.fingerprint, userId, confirmed: false }),
    ).toEqual({ ok: false, reason: "unconfirmed" });
    expect(await stageStatus()).toBe("open");
  });

  it("is refused, with the count, while a submitted entry of the stage has no scoresheet", async () => {
    const entry = await db
      .selectFrom("entries")
      .select(["id", "category_id"])
      .where("edition_id", "=", edition.id)
      .where("status", "=", "submitted")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await db.deleteFrom("assignments").where("entry_id", "=", entry.id).where("stage_key", "=", "desk").execute();
    const p = await proposal(db, edition);
    expect(p.closable).toBe(false);
    expect(p.categories.find((c) => c.id === entry.category_id)).toMatchObject({ withoutSheet: 1 });
    expect(
      await closeOpenStage(db, edition, { stage: "desk", fingerprint: p.fingerprint, userId, confirmed: true }),
    ).toEqual({ ok: false, reason: "no_sheets", withoutSheet: 1 });
    expect(await stageStatus()).toBe("open");
  });
});
