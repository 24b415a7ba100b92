import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as outbox from "~/routes/committee.$editionId.outbox";
import * as inbox from "~/routes/messages._index";
import * as message from "~/routes/messages.$messageId";
import * as root from "~/root";
import { createEdition, createEntry, createMember, createMessage, testDb } from "../e2e/factories";
import { freshDb } from "../db/support";
import { call, cookieOf, dataOf, statusOf } from "./route-calls";

// Messages (issue 15): a message is its recipient's alone; an edition's outbox and its resend are
// that edition's committee's alone; odd query values never make a 500.

const world = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const edition = await createEdition({ categories: ["large"] });
  const other = await createEdition({ categories: ["large"] });
  const entrant = (await createEntry(edition, { status: "draft" })).organisation.member;
  const stranger = (await createEntry(edition, { status: "draft" })).organisation.member;
  const assessor = await createMember(edition.id, "assessor");
  const mine = await createMessage(edition, entrant);
  const failed = await createMessage(edition, entrant, { status: "failed", lastError: "550 no such user" });
  const otherFailed = await createMessage(other, stranger, { status: "failed" });
  return { db, edition, other, entrant, stranger, assessor, mine, failed, otherFailed };
})();

const outboxPath = (id: number, query = "") => `/committee/${id}/outbox${query}`;
type OutboxData = Awaited<ReturnType<typeof outbox.loader>>;

describe("Pesan", () => {
  it("shows a person their own message and marks it read; anyone else's is a 404", async () => {
    const { db, entrant, stranger, edition, mine, failed, otherFailed } = await world;
    const path = `/messages/${mine}`;
    const params = { messageId: String(mine) };
    for (const userId of [stranger.id, edition.committee.id])
      expect(statusOf(await call(message.loader, path, params, { userId }))).toBe(404);
    const read = (await db.selectFrom("outbox").select("read_at").where("id", "=", mine).executeTakeFirstOrThrow())
      .read_at;
    expect(read, "another's visit marks nothing read").toBeNull();

    const unread = async (path = "/messages") => {
      const req = new Request(`http://paritrana.test${path}`, { headers: { Cookie: await cookieOf(entrant.id) } });
      const res = await root.loader({ request: req, params: {}, context: {} });
      return ((await res.json()) as { viewer: { unread: number } }).viewer.unread;
    };
    expect(await unread()).toBe(2);
    // The root loader of the page that opens a message runs beside it: that one counts as read.
    expect(await unread(path)).toBe(1);
    const own = await call(message.loader, path, params, { userId: entrant.id });
    expect(statusOf(own)).toBe(200);
    expect(dataOf(own)).toMatchObject({ id: mine, sent: false, subject: expect.stringContaining(edition.name) });
    expect(await unread()).toBe(1);

    const list = dataOf(await call(inbox.loader, "/messages?page=-1", {}, { userId: entrant.id })) as Awaited<
      ReturnType<typeof inbox.loader>
    >;
    expect(list.page).toBe(1);
    expect(list.rows.map((r) => [r.id, r.unread])).toEqual([
      [failed, true],
      [mine, false],
    ]);
    const theirs = dataOf(await call(inbox.loader, "/messages", {}, { userId: stranger.id })) as typeof list;
    expect(theirs.rows.map((r) => r.id)).toEqual([otherFailed]);
    for (const bad of ["0", "x1", "999999", "1e3"])
      expect(statusOf(await call(message.loader, `/messages/${bad}`, { messageId: bad }, { userId: entrant.id }))).toBe(
        404,
      );
  });

  it("sends anonymous visitors to sign in", async () => {
    const res = await call(inbox.loader, "/messages", {});
    expect(statusOf(res)).toBe(302);
  });
});

describe("the outbox page", () => {
  it("is the edition's committee's: 403 for another edition's committee, an assessor and an entrant", async () => {
    const { edition, other, entrant, assessor, failed } = await world;
    const params = { editionId: String(edition.id) };
    for (const userId of [other.committee.id, assessor.id, entrant.id]) {
      expect(statusOf(await call(outbox.loader, outboxPath(edition.id), params, { userId }))).toBe(403);
      const post = await call(outbox.action, outboxPath(edition.id), params, {
        userId,
        form: { intent: "resend", messageId: String(failed) },
      });
      expect(statusOf(post)).toBe(403);
    }
    const { db } = await world;
    const row = await db.selectFrom("outbox").select("status").where("id", "=", failed).executeTakeFirstOrThrow();
    expect(row.status).toBe("failed");
  });

  it("lists this edition's messages only, subjects without bodies, and resends a failed one", async () => {
    const { db, edition, other, mine, failed, otherFailed } = await world;
    const params = { editionId: String(edition.id) };
    const as = { userId: edition.committee.id };
    const d = dataOf(await call(outbox.loader, outboxPath(edition.id), params, as)) as OutboxData;
    expect(d.rows.map((r) => r.id)).toEqual([failed, mine]);
    expect(d.counts).toEqual({ sent: 0, queued: 1, failed: 1 });
    expect(d.rows[0]).toMatchObject({ status: "failed", lastError: "550 no such user" });
    expect(JSON.stringify(d)).not.toContain("/winners/");
    expect(d.mailIsSent).toBe(Boolean(process.env.SMTP_URL));

    // Another edition's failed message cannot be resent from here.
    const foreign = await call(outbox.action, outboxPath(edition.id), params, {
      ...as,
      form: { intent: "resend", messageId: String(otherFailed) },
    });
    expect(statusOf(foreign)).toBe(404);
    const still = await db
      .selectFrom("outbox")
      .select("status")
      .where("id", "=", otherFailed)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe("failed");
    // Nor by its own committee from another edition's page.
    expect(
      statusOf(
        await call(outbox.action, outboxPath(edition.id), params, {
          userId: other.committee.id,
          form: { intent: "resend", messageId: String(otherFailed) },
        }),
      ),
    ).toBe(403);

    const queued = await call(outbox.action, outboxPath(edition.id), params, {
      ...as,
      form: { intent: "resend", messageId: String(mine) },
    });
    expect(statusOf(queued)).toBe(409);
    const resent = await call(outbox.action, outboxPath(edition.id, "?status=failed"), params, {
      ...as,
      form: { intent: "resend", messageId: String(failed) },
    });
    expect(statusOf(resent)).toBe(302);
    expect((resent as Response).headers.get("Location")).toBe(outboxPath(edition.id, "?status=failed"));
    const row = await db.selectFrom("outbox").selectAll().where("id", "=", failed).executeTakeFirstOrThrow();
    expect([row.status, row.attempts]).toEqual(["queued", 0]);
  });

  it("never fails on odd query values or forms", async () => {
    const { edition } = await world;
    const params = { editionId: String(edition.id) };
    const as = { userId: edition.committee.id };
    for (const q of [
      "?page=-1",
      "?page=x",
      "?page=99999999999",
      "?status=xyz",
      "?event=nope",
      "?status=&event=&page=",
    ]) {
      const res = await call(outbox.loader, outboxPath(edition.id, q), params, as);
      expect(statusOf(res), q).toBe(200);
      const d = dataOf(res) as OutboxData;
      expect(d.page, q).toBe(1);
      expect(d.filter.invalid, q).toBe(/xyz|nope/.test(q));
    }
    for (const form of <Record<string, string>[]>[
      {},
      { intent: "resend" },
      { intent: "resend", messageId: "-1" },
      { intent: "x", messageId: "1" },
    ]) {
      const status = statusOf(await call(outbox.action, outboxPath(edition.id), params, { ...as, form }));
      expect(status, JSON.stringify(form)).toBeGreaterThanOrEqual(400);
      expect(status, JSON.stringify(form)).toBeLessThan(500);
    }
    for (const bad of ["0", "x1", "99999999"])
      expect(
        statusOf(await call(outbox.loader, outboxPath(edition.id), { editionId: bad }, as)),
      ).toBeGreaterThanOrEqual(403);
  });
});
