import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/client";
import { queueReminders } from "../../db/queries/reminders";
import { unsubscribePath } from "~/lib/mail/unsubscribe.server";
import * as unsubscribePage from "~/routes/unsubscribe.$token";
import { refuseCrossOrigin } from "../../app/server/security";
import { freshDb } from "../db/support";
import { daysBefore, reminderFixture, reminderRows } from "../db/reminders-fixture";
import { call, dataOf, statusOf } from "./route-calls";

// The unsubscribe link of a reminder works without signing in, so its token is all that names an
// account: a token we did not sign (forged, altered, another id) is a 404 page, never a 500, and
// changes nothing; a valid one turns off the reminders of its own account only.

const fixture = (async () => {
  const { db } = await freshDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  return { db, ...(await reminderFixture(db)) };
})();

const reminders = async (db: Db) =>
  Object.fromEntries(
    (await db.selectFrom("users").select(["id", "reminders"]).execute()).map((u) => [u.id, u.reminders]),
  );

const tokenOf = (path: string) => path.replace("/unsubscribe/", "");

describe("/unsubscribe/<token>", () => {
  it("a forged or altered token answers 404 with a page, GET or POST, and changes nothing", async () => {
    const { db, a1 } = await fixture;
    const before = await reminders(db);
    const valid = tokenOf(unsubscribePath(a1));
    const [id, signature] = valid.split(".") as [string, string];
    const flipped = signature[0] === "A" ? "B" : "A";
    const forged = [
      // Another account's id with a1's signature.
      `${Number(id) + 1}.${signature}`,
      // One character of the signature changed.
      `${id}.${flipped}${signature.slice(1)}`,
      "1.not-a-signature",
      "garbage",
      `${id}.`,
      // Signed by us, but no such account.
      tokenOf(unsubscribePath(999_999)),
    ];
    for (const token of forged) {
      const get = await call(unsubscribePage.loader, `/unsubscribe/${token}`, { token });
      expect(statusOf(get), token).toBe(404);
      expect(dataOf(get)).toEqual({ state: "invalid" });
      const post = await call(
        unsubscribePage.action,
        `/unsubscribe/${token}`,
        { token },
        {
          form: { "List-Unsubscribe": "One-Click" },
        },
      );
      expect(statusOf(post), token).toBe(404);
    }
    expect(await reminders(db)).toEqual(before);
  });

  it("a valid token: GET shows the masked address and changes nothing; the one-click POST turns off its own account's reminders only", async () => {
    const { db, a1, a2, p1 } = await fixture;
    const token = tokenOf(unsubscribePath(a1));
    const get = await call(unsubscribePage.loader, `/unsubscribe/${token}`, { token });
    expect(statusOf(get)).toBe(200);
    expect(dataOf(get)).toEqual({ state: "ask", maskedEmail: "a•••r@paritrana.test" });
    expect((await reminders(db))[a1]).toBe(1);

    // As a mail provider sends it (RFC 8058): no session, the body List-Unsubscribe=One-Click.
    const post = await call(
      unsubscribePage.action,
      `/unsubscribe/${token}`,
      { token },
      {
        form: { "List-Unsubscribe": "One-Click" },
      },
    );
    expect(statusOf(post)).toBe(200);
    expect(dataOf(post)).toMatchObject({ state: "done" });
    const after = await reminders(db);
    expect(after[a1]).toBe(0);
    expect([after[a2], after[p1]]).toEqual([1, 1]);
    const audited = await db
      .selectFrom("audit_log")
      .select(["subject", "user_id"])
      .where("action", "=", "user.reminders_off")
      .execute();
    expect(audited).toEqual([{ subject: `user:${a1}`, user_id: null }]);

    // Its reminders stop; the others' go on.
    await queueReminders(db, daysBefore(6.5));
    const to = (await reminderRows(db)).map((r) => r.user_id);
    expect(to).not.toContain(a1);
    expect(to).toContain(a2);

    // The page says so when opened again.
    expect(dataOf(await call(unsubscribePage.loader, `/unsubscribe/${token}`, { token }))).toMatchObject({
      state: "already",
    });
  });

  it("a one-click POST without Origin (a mail provider's) passes the cross-site check; a browser's from another site does not", () => {
    const run = (headers: Record<string, string>) => {
      const next = vi.fn() as unknown as NextFunction;
      const res = { status: vi.fn().mockReturnThis(), type: vi.fn().mockReturnThis(), send: vi.fn() };
      refuseCrossOrigin(
        { method: "POST", headers: { host: "award.example.go.id", ...headers } } as unknown as Request,
        res as unknown as Response,
        next,
      );
      return { next: next as unknown as ReturnType<typeof vi.fn>, res };
    };
    expect(run({}).next).toHaveBeenCalledOnce();
    const foreign = run({ origin: "https://evil.example" });
    expect(foreign.next).not.toHaveBeenCalled();
    expect(foreign.res.status).toHaveBeenCalledWith(403);
  });
});
