import { describe, expect, it } from "vitest";
import {
  markMessageRead,
  OUTBOX_PAGE_SIZE,
  outboxCounts,
  outboxPage,
  unreadCount,
  userMessagesPage,
} from "../../db/queries/outbox-list";
import { enqueue } from "../../db/queries/outbox";
import type { MailEvent, OutboxStatus } from "../../db/schema";
import { createEdition, createUser, testDb } from "../e2e/factories";
import { freshDb } from "./support";

// Reading the outbox: an edition's messages counted and listed by status and event, a page at a
// time, and one person's own messages with the unread count.

const world = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  const edition = await createEdition({ categories: ["large"] });
  const other = await createEdition({ categories: ["large"] });
  const person = await createUser();
  const write = async (
    editionId: number,
    event: MailEvent,
    status: OutboxStatus,
    to: { userId: number } | { email: string; locale: "id" } = { email: "someone@example.test", locale: "id" },
  ) => {
    const params = { editionId, editionName: "E", categoryKey: "large", entryId: 1, kind: "assessor", path: "/x" };
    const id = await enqueue(db, { event, params: params as never, editionId, to });
    await db.updateTable("outbox").set({ status }).where("id", "=", id!).execute();
    return id!;
  };
  // 60 sent results, 3 queued (one being sent), 2 failed invitations; 4 in another edition.
  for (let i = 0; i < 60; i++) await write(edition.id, "results_published", "sent");
  const queued = [
    await write(edition.id, "results_published", "queued", { userId: person.id }),
    await write(edition.id, "invitation", "sending"),
    await write(edition.id, "invitation", "queued", { userId: person.id }),
  ];
  const failed = [await write(edition.id, "invitation", "failed"), await write(edition.id, "invitation", "failed")];
  for (let i = 0; i < 4; i++) await write(other.id, "invitation", "failed", { userId: person.id });
  return { db, edition, other, person, queued, failed };
})();

describe("an edition's outbox", () => {
  it("counts by what people see: sent, queued (with the one being sent), failed; this edition only", async () => {
    const { db, edition, other } = await world;
    expect(await outboxCounts(db, edition.id)).toEqual({ sent: 60, queued: 3, failed: 2 });
    expect(await outboxCounts(db, other.id)).toEqual({ sent: 0, queued: 0, failed: 4 });
  });

  it("filters by status and event, newest first", async () => {
    const { db, edition, queued, failed } = await world;
    const q = await outboxPage(db, edition.id, { status: "queued" });
    expect(q.rows.map((r) => r.id)).toEqual([...queued].reverse());
    const f = await outboxPage(db, edition.id, { status: "failed", event: "invitation" });
    expect([f.total, f.rows.map((r) => r.id)]).toEqual([2, [...failed].reverse()]);
    const inv = await outboxPage(db, edition.id, { event: "invitation" });
    expect(inv.total).toBe(4);
    expect(inv.rows.every((r) => r.event === "invitation")).toBe(true);
    expect((await outboxPage(db, edition.id, { status: "sent", event: "invitation" })).total).toBe(0);
  });

  it("pages 50 at a time; a page out of range shows the nearest", async () => {
    const { db, edition } = await world;
    const first = await outboxPage(db, edition.id);
    expect([first.total, first.pages, first.page, first.rows.length]).toEqual([65, 2, 1, OUTBOX_PAGE_SIZE]);
    const second = await outboxPage(db, edition.id, { page: 2 });
    expect(second.rows).toHaveLength(15);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(65);
    expect(Math.min(...first.rows.map((r) => r.id))).toBeGreaterThan(Math.max(...second.rows.map((r) => r.id)));
    expect((await outboxPage(db, edition.id, { page: 9 })).page).toBe(2);
    expect((await outboxPage(db, edition.id, { page: -1 })).page).toBe(1);
  });
});

describe("a person's own messages", () => {
  it("lists theirs from every edition, newest first, and counts the unread", async () => {
    const { db, person, queued } = await world;
    const mine = await userMessagesPage(db, person.id);
    expect(mine.total).toBe(6);
    expect(mine.rows.map((r) => r.id)).toEqual([...mine.rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(await unreadCount(db, person.id)).toBe(6);
    await markMessageRead(db, person.id, queued[0]!);
    await markMessageRead(db, person.id + 1000, queued[2]!);
    expect(await unreadCount(db, person.id)).toBe(5);
  });
});
