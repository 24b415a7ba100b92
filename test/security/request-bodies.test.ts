import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS_BY_PERSONA } from "./personas";
import { ROUTES, type Fixtures } from "../e2e/route-table";
import { loadFixtures } from "./demo-fixtures";
import { http, signInCookie, startServer, type RunningServer } from "./server";

// Issue 9, item 2: whatever body a client sends to an action, the answer is a refusal with its
// status (400 malformed, 413 too large, 415 not a form, 403 from another site), never a 500, and
// the server logs no stack trace. Walks every route with an action, as anonymous and as a persona
// allowed to post to it.

const BODIES: { name: string; type?: string; body: string; expect: number }[] = [
  { name: "text/plain", type: "text/plain", body: "email=a@b.c&password=x", expect: 415 },
  { name: "JSON", type: "application/json", body: '{"email":"a@b.c","password":"x"}', expect: 415 },
  { name: "no Content-Type", body: "email=a", expect: 415 },
  {
    name: "broken multipart",
    type: "multipart/form-data; boundary=XYZ",
    body: '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
    expect: 400,
  },
  { name: "multipart without boundary", type: "multipart/form-data", body: "--\r\n", expect: 400 },
];

/** Routes that answer a post, with the URL and who may post (public routes: anyone). */
function actionRoutes(f: Fixtures) {
  const publicActions = new Set(["login.tsx", "lang.tsx", "register.tsx", "invite.$token.tsx"]);
  return ROUTES.filter((r) => r.post || publicActions.has(r.file)).map((r) => ({
    file: r.file,
    url: r.file === "invite.$token.tsx" ? "/invite/no-such-token" : r.url(f),
    persona: r.allow === "public" ? ("anonymous" as const) : r.allow[0]!,
  }));
}

let server: RunningServer;
let fixtures: Fixtures;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  fixtures = loadFixtures(server.db());
  for (const [persona, email] of Object.entries(ACCOUNTS_BY_PERSONA))
    cookies[persona] = await signInCookie(server.url, email);
}, 120_000);
afterAll(() => server?.stop());
// Whatever a test sent, the server logged no failure.
afterEach(() => expect(server.stderr()).not.toMatch(/\n\s+at |Error:/));

describe("bodies that are not forms", () => {
  it("every action answers 400/415, never 500, as the persona allowed to post", async () => {
    const seen: string[] = [];
    for (const route of actionRoutes(fixtures)) {
      for (const b of BODIES) {
        const headers: Record<string, string> = b.type ? { "Content-Type": b.type } : {};
        if (route.persona !== "anonymous") headers.Cookie = cookies[route.persona]!;
        const res = await http(server.url, route.url, {
          method: "POST",
          headers,
          body: b.body,
        });
        const expected = [b.expect];
        if (!expected.includes(res.status)) seen.push(`${route.file} ${b.name}: ${res.status}`);
      }
    }
    expect(seen).toEqual([]);
  });

  it("anonymous posts to guarded actions are sent to sign-in before any body is read", async () => {
    const guarded = actionRoutes(fixtures).filter((r) => r.persona !== "anonymous");
    for (const route of guarded) {
      const res = await http(server.url, route.url, {
        method: "POST",
        headers: { "Content-Type": "text/plain" },
        body: "x",
      });
      expect([302, 303], `${route.file}`).toContain(res.status);
      expect(String(res.headers.location)).toMatch(/^\/login/);
    }
  });

  it("a form larger than any form of the app is refused with 413 by every action", async () => {
    const big = "email=" + "a".repeat(600 * 1024);
    const seen: string[] = [];
    for (const route of actionRoutes(fixtures)) {
      const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
      if (route.persona !== "anonymous") headers.Cookie = cookies[route.persona]!;
      const declared = await http(server.url, route.url, { method: "POST", headers, body: big });
      // The same without a Content-Length (chunked): counted while it is read.
      const chunked = await http(server.url, route.url, {
        method: "POST",
        headers: { ...headers, "Transfer-Encoding": "chunked" },
        body: big,
      });
      if (declared.status !== 413 || chunked.status !== 413)
        seen.push(`${route.file}: ${declared.status}, chunked ${chunked.status}`);
    }
    expect(seen).toEqual([]);
  });

  it("a real form still works (sign-in with a wrong password answers 401 with the page)", async () => {
    const res = await http(server.url, "/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "nobody@example.test", password: "wrong" }).toString(),
    });
    expect(res.status).toBe(401);
    expect(res.body).toContain("<form");
  });
});

describe("posts from another site", () => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  it.each([
    ["another site", "http://evil.test"],
    ["an opaque origin", "null"],
    ["a malformed origin", "::not a url::"],
  ])("from %s: 403, not 500", async (_name, origin) => {
    for (const path of ["/login", "/lang", `/committee/${fixtures.editionId}/people`]) {
      const res = await http(server.url, path, {
        method: "POST",
        headers: { ...form, Origin: origin, Cookie: cookies.committee! },
        body: "lang=en",
      });
      expect(res.status, `${path}`).toBe(403);
    }
  });

  it("from this site: goes through", async () => {
    const res = await http(server.url, "/lang", {
      method: "POST",
      headers: { ...form, Origin: server.url },
      body: "lang=en&redirectTo=/login",
    });
    expect(res.status).toBe(302);
  });
});
