import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { join } from "node:path";

export const PASSWORD = "paritrana2023";

/** Demo accounts used by the browser tests (see db/seed/demo.ts). */
export const ACCOUNTS = {
  admin: "admin@paritrana.test",
  committee: "panitia@paritrana.test",
  assessor: "penilai1@paritrana.test",
  juror: "juri1@paritrana.test",
  entrantA: "peserta@mahakam-energi.paritrana.test",
  entrantB: "peserta@borneo-sawit.paritrana.test",
} as const;
export type Persona = keyof typeof ACCOUNTS | "anonymous";

/** Read-only access to the e2e database, to look up ids for URLs. */
export function e2eDb() {
  return new Database(join(process.env.E2E_DIR!, "e2e.sqlite"), { readonly: true, fileMustExist: true });
}

/** A demo account's key, or the email of any account whose password is PASSWORD (factories.ts). */
export type Account = keyof typeof ACCOUNTS | { email: string };
const emailOf = (who: Account) => (typeof who === "string" ? ACCOUNTS[who] : who.email);

export async function signIn(page: Page, who: Account) {
  await page.goto("/login");
  await page.getByLabel(/^(Email)$/).fill(emailOf(who));
  await page.getByLabel(/Kata sandi|Password/).fill(PASSWORD);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** An API context signed in as `who` (or anonymous), that does not follow redirects. */
export async function apiAs(baseURL: string, who: Account | "anonymous"): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  if (who !== "anonymous") {
    const res = await ctx.post("/login", { form: { email: emailOf(who), password: PASSWORD }, maxRedirects: 0 });
    expect(res.status(), `sign-in of ${emailOf(who)}`).toBe(302);
  }
  return ctx;
}

/** An axe check of the page: no serious or critical violation (UX.md). */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
