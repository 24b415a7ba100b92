import { expect, test, type APIRequestContext } from "@playwright/test";
import { readdirSync } from "node:fs";
import { apiAs, type Persona } from "./support";
import { createFixtures, ROUTES, type Fixtures } from "./route-table";

const PERSONAS: Persona[] = ["anonymous", "admin", "committee", "assessor", "juror", "entrantA", "entrantB"];

test("every route file has a row in the route × role table", () => {
  const files = readdirSync("app/routes").sort();
  expect(files).toEqual(ROUTES.map((r) => r.file).sort());
});

test.describe("route × role table", () => {
  let fixtures: Fixtures;
  const contexts = new Map<Persona, APIRequestContext>();

  test.beforeAll(async ({ baseURL }) => {
    fixtures = await createFixtures();
    for (const p of PERSONAS) contexts.set(p, await apiAs(baseURL!, p === "anonymous" ? p : fixtures.accounts[p]));
  });
  test.afterAll(async () => {
    for (const c of contexts.values()) await c.dispose();
  });

  for (const persona of PERSONAS) {
    test(`${persona} gets exactly what the table allows`, async () => {
      const ctx = contexts.get(persona)!;
      for (const rule of ROUTES) {
        const url = rule.url(fixtures);
        const allowed = rule.allow === "public" || (rule.allow as Persona[]).includes(persona);
        const res = await ctx.get(url, { maxRedirects: 0 });
        const where = `${persona} GET ${url} (${rule.file})`;
        if (allowed) {
          if (rule.redirects || (rule.signedInRedirects && persona !== "anonymous"))
            expect([302, 303], where).toContain(res.status());
          else expect(res.status(), where).toBe(200);
        } else if (persona === "anonymous" && rule.allow !== "public" && (rule.allow as Persona[]).length > 0) {
          expect(res.status(), where).toBe(302);
          expect(res.headers()["location"], where).toMatch(/^\/login\?redirectTo=/);
        } else {
          expect([403, 404], where).toContain(res.status());
        }
        const guarded = rule.allow !== "public" && (rule.allow as Persona[]).length > 0;
        if (persona === "anonymous" && guarded && !rule.post) {
          // A guarded page without a form: an anonymous POST is sent to sign-in too (refusePost).
          const post = await ctx.post(url, { form: { intent: "probe" }, maxRedirects: 0 });
          expect(post.status(), `anonymous POST ${url}`).toBe(302);
          expect(post.headers()["location"], `anonymous POST ${url}`).toMatch(/^\/login\?redirectTo=/);
        }
        if (rule.post && !allowed) {
          const post = await ctx.post(url, { form: { intent: "probe" }, maxRedirects: 0 });
          const wherePost = `${persona} POST ${url} (${rule.file})`;
          if (persona === "anonymous") {
            expect(post.status(), wherePost).toBe(302);
            expect(post.headers()["location"], wherePost).toMatch(/^\/login\?redirectTo=/);
          } else {
            expect([403, 404], wherePost).toContain(post.status());
          }
        }
      }
    });
  }
});

test.describe("bad ids and empty forms never produce a 500", () => {
  let fixtures: Fixtures;
  test.beforeAll(async () => {
    fixtures = await createFixtures();
  });

  for (const persona of ["committee", "assessor", "entrantA"] as const) {
    test(`${persona}: unknown and malformed ids answer 4xx`, async ({ baseURL }) => {
      const ctx = await apiAs(baseURL!, fixtures.accounts[persona]);
      for (const rule of ROUTES) {
        const url = rule.url(fixtures);
        if (!/\/\d+/.test(url)) continue;
        for (const bad of ["999999", "x1", "0", "1e3"]) {
          const badUrl = url.replace(/\/\d+/g, `/${bad}`);
          const get = await ctx.get(badUrl, { maxRedirects: 0 });
          expect(get.status(), `${persona} GET ${badUrl}`).toBeLessThan(500);
          // Public pages (verification, invitations) explain an unknown code on a page of their own.
          if (rule.allow !== "public") expect(get.status(), `${persona} GET ${badUrl}`).not.toBe(200);
          if (rule.post) {
            const post = await ctx.post(badUrl, { form: {}, maxRedirects: 0 });
            expect(post.status(), `${persona} POST ${badUrl}`).toBeLessThan(500);
          }
        }
      }
      await ctx.dispose();
    });
  }
});
