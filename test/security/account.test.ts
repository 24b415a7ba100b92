import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as accountPage from "~/routes/account";
import * as langRoute from "~/routes/lang";
import { freshDb } from "../db/support";
import { reminderFixture } from "../db/reminders-fixture";
import { call, dataOf, statusOf } from "./route-calls";

// The account page changes the signed-in person's own mail settings only, audited; a value that is
// not one of the choices is refused with the input kept and nothing saved. /lang remembers the
// language of a signed-in person for their mail.

const fixture = (async () => {
  const { db } = await freshDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  return { db, ...(await reminderFixture(db)) };
})();

const settings = async (db: Db, id: number) =>
  db.selectFrom("users").select(["locale", "reminders"]).where("id", "=", id).executeTakeFirstOrThrow();

describe("/account", () => {
  it("saves the viewer's own settings, audited; another user id in the form changes nothing of theirs", async () => {
    const { db, a1, a2 } = await fixture;
    const res = await call(
      accountPage.action,
      "/account",
      {},
      { userId: a1, form: { locale: "en", userId: String(a2) } },
    );
    expect(statusOf(res)).toBe(302);
    expect(await settings(db, a1)).toEqual({ locale: "en", reminders: 0 });
    expect(await settings(db, a2)).toEqual({ locale: "id", reminders: 1 });
    const audited = await db
      .selectFrom("audit_log")
      .select(["user_id", "subject", "before", "after"])
      .where("action", "=", "user.mail_settings")
      .execute();
    expect(audited).toEqual([
      {
        user_id: a1,
        subject: `user:${a1}`,
        before: JSON.stringify({ locale: "id", reminders: true }),
        after: JSON.stringify({ locale: "en", reminders: false }),
      },
    ]);
  });

  it("refuses a language that is not offered, keeping the input and saving nothing", async () => {
    const { db, a2 } = await fixture;
    const res = await call(accountPage.action, "/account", {}, { userId: a2, form: { locale: "fr", reminders: "on" } });
    expect(statusOf(res)).toBe(400);
    expect(dataOf(res)).toMatchObject({ ok: false, values: { locale: "fr", reminders: "on" } });
    expect((dataOf(res).errors as Record<string, string>).locale).toBe("Pilih Bahasa Indonesia atau English.");
    expect(await settings(db, a2)).toEqual({ locale: "id", reminders: 1 });
  });

  it("anonymous: sent to sign in", async () => {
    const res = await call(accountPage.action, "/account", {}, { form: { locale: "en" } });
    expect(statusOf(res)).toBe(302);
    expect((res as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("/lang", () => {
  it("remembers a signed-in person's language for their mail", async () => {
    const { db, p1 } = await fixture;
    await call(langRoute.action, "/lang", {}, { userId: p1, form: { lang: "en", redirectTo: "/assess" } });
    expect((await settings(db, p1)).locale).toBe("en");
    await call(langRoute.action, "/lang", {}, { userId: p1, form: { lang: "xx", redirectTo: "/assess" } });
    expect((await settings(db, p1)).locale).toBe("en");
  });
});
