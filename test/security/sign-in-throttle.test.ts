import { describe, expect, it } from "vitest";
import { attemptLogin } from "../../app/lib/login.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../db/seed/demo";
import { freshDb } from "../db/support";

// Issue 9, item 9: strangers guessing from many addresses must not lock the real user out, and
// guessing must stay slow (docs/decisions/0005-sign-in-throttling.md).

const { db } = await freshDb({ seed: true });
const now = new Date("2024-02-01T08:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const guess = (email: string, address: string, when = now) =>
  attemptLogin(db, { email, password: "salah-tebak", address }, when);
const signIn = (email: string, address: string, when = now) =>
  attemptLogin(db, { email, password: DEMO_PASSWORD, address }, when);
const outcome = (r: Awaited<ReturnType<typeof attemptLogin>>) => (r.ok ? "ok" : r.reason);

describe("sign-in throttling (issue 9, item 9)", () => {
  it("ten wrong guesses from ten addresses do not keep the real user, from a new address, out", async () => {
    const account = DEMO_LOGINS.assessor;
    for (let i = 0; i < 10; i++) expect(outcome(await guess(account, `10.9.0.${i}`))).toBe("invalid");
    expect(outcome(await signIn(account, "192.0.2.10"))).toBe("ok");
    // Fifty more strangers, then the real user again from yet another address.
    for (let i = 0; i < 50; i++) await guess(account, `10.9.1.${i}`, at(1));
    expect(outcome(await signIn(account, "192.0.2.11", at(1)))).toBe("ok");
  });

  it("still slows a guesser spread over many addresses: each address that failed waits on the account", async () => {
    const account = DEMO_LOGINS.juror;
    for (let i = 0; i < 10; i++) expect(outcome(await guess(account, `10.8.0.${i}`))).toBe("invalid");
    // A new address gets its guess checked, but its next one waits, and so do the others'.
    expect(outcome(await guess(account, "10.8.0.99"))).toBe("invalid");
    expect(await guess(account, "10.8.0.99")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await guess(account, "10.8.0.3")).toMatchObject({ ok: false, reason: "throttled" });
    // Even the right password from an address that guessed wrong waits (no oracle for guessers).
    expect(await signIn(account, "10.8.0.3")).toMatchObject({ ok: false, reason: "throttled" });
    // The real user signing in meanwhile does not clear the account's count for the guessers.
    expect(outcome(await signIn(account, "192.0.2.20"))).toBe("ok");
    expect(await guess(account, "10.8.0.4")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("keeps the per-address and per-account-and-address limits", async () => {
    const account = DEMO_LOGINS.entrantCompany;
    // One address on one account: five tries, then it waits (the account is not hot: one address).
    for (let i = 0; i < 5; i++) expect(outcome(await guess(account, "10.7.0.1"))).toBe("invalid");
    expect(await guess(account, "10.7.0.1")).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 2 });
    // One address over many accounts: thirty, then it waits, even for an account it never tried.
    for (let i = 0; i < 30; i++) expect(outcome(await guess(`nobody${i}@example.test`, "10.7.0.2"))).toBe("invalid");
    expect(await guess("someone-else@example.test", "10.7.0.2")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("counts guesses sent in parallel before checking them", async () => {
    const account = DEMO_LOGINS.entrantCompanyOther;
    // A cold account from one address: the five free tries of the pair, no more.
    const first = await Promise.all(Array.from({ length: 30 }, () => guess(account, "10.6.0.1")));
    expect(first.filter((r) => outcome(r) === "invalid")).toHaveLength(5);
    expect(first.filter((r) => outcome(r) === "throttled")).toHaveLength(25);
    // Ten addresses make the account hot; then a fresh address firing thirty at once gets one checked.
    for (let i = 0; i < 10; i++) await guess(account, `10.6.1.${i}`);
    const burst = await Promise.all(Array.from({ length: 30 }, () => guess(account, "10.6.2.1")));
    expect(burst.filter((r) => outcome(r) === "invalid")).toHaveLength(1);
    expect(burst.filter((r) => outcome(r) === "throttled")).toHaveLength(29);
  });
});
