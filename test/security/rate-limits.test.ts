import { describe, expect, it, vi } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Db } from "../../db/client";
import { createInvitation, findInvitation } from "../../db/queries/invitations";
import { translate } from "~/i18n";
import { lookupInvitationThrottled, takeRegistration } from "~/lib/throttle.server";
import * as invitePage from "~/routes/invite.$token";
import * as registerPage from "~/routes/register";
import { freshDb } from "../db/support";

// Issue 9, "Also": /register and /invite/<token> are limited per client address beyond the cost
// of scrypt (app/lib/throttle.server.ts), answered with 429 and a translated message. The routes
// are called as the server calls them, with the client address in the load context.

process.env.SESSION_SECRET ??= "rate-limits-test-secret";

const { db } = await freshDb({ seed: true });
(globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
// The routes read the clock themselves: it stands still here, so that no wait runs out mid-test.
vi.useFakeTimers({ toFake: ["Date"] });
vi.setSystemTime(new Date());
const edition = await db.selectFrom("editions").select("id").executeTakeFirstOrThrow();
const large = await db
  .selectFrom("categories")
  .select("id")
  .where("edition_id", "=", edition.id)
  .where("key", "=", "large")
  .executeTakeFirstOrThrow();

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>;
async function call(handler: Handler, path: string, address: string, form?: Record<string, string>) {
  const request = new Request(
    `http://paritrana.test${path}`,
    form ? { method: "POST", body: new URLSearchParams(form) } : {},
  );
  const params = { token: path.split("/invite/")[1] ?? "" };
  try {
    return await handler({ request, params, context: { clientAddress: address } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
function answer(res: unknown): { status: number; data: Record<string, unknown> | null } {
  if (res instanceof Response) return { status: res.status, data: null };
  const r = res as { type?: string; data?: unknown; init?: { status?: number } | null };
  return r?.type === "DataWithResponseInit"
    ? { status: r.init?.status ?? 200, data: r.data as Record<string, unknown> }
    : { status: 200, data: r as Record<string, unknown> };
}
const userCount = async (email: string) =>
  (await db.selectFrom("users").select("id").where("email", "=", email).execute()).length;

describe("/register: a few registrations per address per hour", () => {
  const company = (n: number) => ({
    editionId: String(edition.id),
    categoryId: String(large.id),
    orgName: `PT Uji Batas ${n}`,
    kind: "company",
    region: "Kota Samarinda, Kalimantan Timur",
    npp: `NPP-RL-${n}`,
    nib: `91200${n}`,
    size: "large",
    sector: "",
    name: `Pendaftar ${n}`,
    email: `daftar${n}@batas.test`,
    password: "rahasia-panjang-1",
    password2: "rahasia-panjang-1",
  });

  it("lets five valid forms from one address through, answers the sixth with 429 and keeps the form", async () => {
    // Forms refused for their content do not use up the address's registrations.
    for (let i = 0; i < 3; i++)
      expect(
        answer(await call(registerPage.action, "/register", "203.0.113.5", { ...company(90), password2: "lain" }))
          .status,
      ).toBe(400);
    for (let n = 1; n <= 5; n++)
      expect(answer(await call(registerPage.action, "/register", "203.0.113.5", company(n))).status).toBe(302);
    const refused = answer(await call(registerPage.action, "/register", "203.0.113.5", company(6)));
    expect(refused.status).toBe(429);
    expect(refused.data?.message).toBe(translate("id", "portal.register.throttled", { minutes: 60 }));
    expect(refused.data?.values).toMatchObject({
      orgName: "PT Uji Batas 6",
      email: "daftar6@batas.test",
      npp: "NPP-RL-6",
    });
    expect(refused.data?.values).not.toHaveProperty("password");
    expect(await userCount("daftar6@batas.test")).toBe(0);
    // Another address is not affected.
    expect(answer(await call(registerPage.action, "/register", "203.0.113.6", company(6))).status).toBe(302);
  });

  it("frees the address an hour after its last counted registration", async () => {
    const now = new Date("2024-03-01T08:00:00Z");
    for (let i = 0; i < 5; i++) expect((await takeRegistration(db, "198.51.100.1", now)).ok).toBe(true);
    expect(await takeRegistration(db, "198.51.100.1", new Date(now.getTime() + 59 * 60_000))).toEqual({
      ok: false,
      retryAfterSeconds: 60,
    });
    expect((await takeRegistration(db, "198.51.100.1", new Date(now.getTime() + 60 * 60_000))).ok).toBe(true);
  });

  it("counts registrations sent in parallel", async () => {
    const now = new Date("2024-03-01T08:00:00Z");
    const all = await Promise.all(Array.from({ length: 20 }, () => takeRegistration(db, "198.51.100.2", now)));
    expect(all.filter((r) => r.ok)).toHaveLength(5);
  });
});

describe("/invite/<token>: failed token lookups and forms per address", () => {
  const invite = () =>
    createInvitation(db, {
      kind: "assessor",
      editionId: edition.id,
      email: `penilai-baru-${Math.random()}@batas.test`,
    });
  const unknown = (i: number) => `/invite/tebakan-${i}-${"x".repeat(30)}`;

  it("slows an address that guesses tokens, on the page and on the form, and keeps other addresses out of it", async () => {
    const { token } = await invite();
    for (let i = 0; i < 10; i++)
      expect(answer(await call(invitePage.loader, unknown(i), "203.0.113.20"))).toMatchObject({
        status: 200,
        data: { state: "unknown" },
      });
    expect(answer(await call(invitePage.loader, unknown(10), "203.0.113.20"))).toMatchObject({
      status: 429,
      data: { state: "throttled" },
    });
    // While it waits, even a real token is not looked up for that address ...
    expect(answer(await call(invitePage.loader, `/invite/${token}`, "203.0.113.20"))).toMatchObject({
      status: 429,
      data: { state: "throttled" },
    });
    const posted = answer(
      await call(invitePage.action, `/invite/${token}`, "203.0.113.20", {
        name: "Penilai Baru",
        password: "rahasia-panjang-1",
        password2: "rahasia-panjang-1",
      }),
    );
    expect(posted.status).toBe(429);
    expect(posted.data?.message).toBe(translate("id", "portal.invite.throttled", { minutes: 1 }));
    expect((await findInvitation(db, token)).state).toBe("valid");
    // ... but it is for another address.
    expect(answer(await call(invitePage.loader, `/invite/${token}`, "203.0.113.21"))).toMatchObject({
      status: 200,
      data: { state: "valid" },
    });
  });

  it("does not count lookups of tokens that exist", async () => {
    const { token } = await invite();
    for (let i = 0; i < 30; i++)
      expect(answer(await call(invitePage.loader, `/invite/${token}`, "203.0.113.30")).status).toBe(200);
    expect(answer(await call(invitePage.loader, unknown(0), "203.0.113.30"))).toMatchObject({
      status: 200,
      data: { state: "unknown" },
    });
  });

  it("limits the forms one address sends, even with a real token", async () => {
    const { token } = await invite();
    const broken = { name: "Penilai Baru", password: "pendek", password2: "pendek" };
    for (let i = 0; i < 20; i++)
      expect(answer(await call(invitePage.action, `/invite/${token}`, "203.0.113.40", broken)).status).toBe(400);
    expect(answer(await call(invitePage.action, `/invite/${token}`, "203.0.113.40", broken)).status).toBe(429);
  });

  it("counts guesses sent in parallel before looking them up, and lets the address try again after the wait", async () => {
    const now = new Date("2024-03-01T08:00:00Z");
    const guess = (at: Date) =>
      lookupInvitationThrottled(db, "198.51.100.50", () => findInvitation(db, "tebakan"), { now: at });
    const burst = await Promise.all(Array.from({ length: 30 }, () => guess(now)));
    expect(burst.filter((r) => r.state === "unknown")).toHaveLength(10);
    expect(burst.filter((r) => r.state === "throttled")).toHaveLength(20);
    expect((await guess(new Date(now.getTime() + 2000))).state).toBe("unknown");
    expect((await guess(new Date(now.getTime() + 2000))).state).toBe("throttled");
  });
});
