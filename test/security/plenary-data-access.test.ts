import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { requirePlenary } from "~/lib/plenary-access.server";
import { createEdition, createEntry, createMember, createPlenary, createScoresheet, testDb } from "../e2e/factories";
import { freshDb } from "../db/support";
import { call, statusOf } from "./route-calls";

// The guard of every plenary page (requirePlenary): the plenary's panel and the committee of its
// edition only; a panel member never sees an entry they declared a conflict with; nothing of
// another category; no change to an archived edition.

const world = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const edition = await createEdition({ categories: ["large", "medium"] });
  const entry = await createEntry(edition, { category: "large" });
  const conflicted = await createEntry(edition, { category: "large" });
  const otherCategory = await createEntry(edition, { category: "medium" });
  const panel = await createMember(edition.id, "assessor");
  await createScoresheet(entry, panel);
  await createScoresheet(conflicted, panel);
  await db
    .updateTable("conflict_declarations")
    .set({ has_conflict: 1, kind: "employed_by" })
    .where("user_id", "=", panel.id)
    .where("entry_id", "=", conflicted.id)
    .execute();
  const elsewhere = await createMember(edition.id, "assessor");
  await createScoresheet(otherCategory, elsewhere);
  const plenaryId = await createPlenary(edition, { category: "large" });

  const other = await createEdition({ categories: ["large"] });
  const archivedPlenary = await createPlenary(other, { category: "large" });
  const archivedEntry = await createEntry(other, { category: "large" });
  await db.updateTable("editions").set({ archived_at: new Date().toISOString() }).where("id", "=", other.id).execute();
  return {
    edition,
    entry,
    conflicted,
    otherCategory,
    panel,
    elsewhere,
    plenaryId,
    other,
    archivedPlenary,
    archivedEntry,
  };
})();

/** requirePlenary as a route's loader (GET) or action (POST with `form`) calls it. */
const guard =
  (entry: boolean) =>
  ({ request, params }: { request: Request; params: Record<string, string | undefined> }) =>
    requirePlenary(request, params, { entry });

async function visit(userId: number | undefined, plenaryId: number, entryId?: number, post = false) {
  const params: Record<string, string> = { plenaryId: String(plenaryId) };
  if (entryId !== undefined) params.entryId = String(entryId);
  const path = `/plenary/${plenaryId}${entryId !== undefined ? `/entries/${entryId}` : ""}`;
  return call(guard(entryId !== undefined), path, params, { userId, ...(post ? { form: { intent: "comment" } } : {}) });
}

describe("requirePlenary", () => {
  it("lets in the chair and the panel, with their role", async () => {
    const { edition, panel, plenaryId, entry } = await world;
    const chair = (await visit(edition.committee.id, plenaryId, entry.id)) as Awaited<
      ReturnType<typeof requirePlenary>
    >;
    expect(chair).toMatchObject({ role: "chair", entryId: entry.id, plenary: { id: plenaryId } });
    const member = (await visit(panel.id, plenaryId, entry.id)) as Awaited<ReturnType<typeof requirePlenary>>;
    expect(member).toMatchObject({ role: "panel", entryId: entry.id });
  });

  it("answers 403 to an entrant, the committee of another edition and an assessor of another category", async () => {
    const { entry, other, elsewhere, plenaryId } = await world;
    for (const userId of [entry.organisation.member.id, other.committee.id, elsewhere.id]) {
      expect(statusOf(await visit(userId, plenaryId))).toBe(403);
      expect(statusOf(await visit(userId, plenaryId, entry.id))).toBe(403);
    }
  });

  it("answers 404 for an entry the panel member declared a conflict with, an entry of another category, and unknown ids", async () => {
    const { edition, panel, conflicted, otherCategory, plenaryId, archivedEntry } = await world;
    expect(statusOf(await visit(panel.id, plenaryId, conflicted.id))).toBe(404);
    // The committee sees it (the conflict is the panel member's own).
    expect(statusOf(await visit(edition.committee.id, plenaryId, conflicted.id))).toBe(200);
    for (const userId of [panel.id, edition.committee.id]) {
      expect(statusOf(await visit(userId, plenaryId, otherCategory.id))).toBe(404);
      expect(statusOf(await visit(userId, plenaryId, archivedEntry.id))).toBe(404);
      expect(statusOf(await visit(userId, plenaryId, 999_999))).toBe(404);
    }
    expect(statusOf(await visit(edition.committee.id, 999_999))).toBe(404);
    expect(
      statusOf(await call(guard(false), "/plenary/x", { plenaryId: "1e3" }, { userId: edition.committee.id })),
    ).toBe(404);
  });

  it("answers 423 to a change of an archived edition, which can still be read", async () => {
    const { other, archivedPlenary, archivedEntry } = await world;
    expect(statusOf(await visit(other.committee.id, archivedPlenary, archivedEntry.id))).toBe(200);
    expect(statusOf(await visit(other.committee.id, archivedPlenary, archivedEntry.id, true))).toBe(423);
    expect(statusOf(await visit(other.committee.id, archivedPlenary, undefined, true))).toBe(423);
  });

  it("sends anonymous visitors to sign in", async () => {
    const { plenaryId } = await world;
    expect(statusOf(await visit(undefined, plenaryId))).toBe(302);
  });
});
