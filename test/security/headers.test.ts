import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fixtures } from "../e2e/route-table";
import { loadFixtures } from "./demo-fixtures";
import { http, runServerToExit, signInCookie, startServer, type RunningServer } from "./server";

// Issue 9, items 6 and 8: the security headers of pages, resource routes and inline evidence, set
// in one place; HSTS behind HTTPS; absolute links made from PUBLIC_URL, never from the Host header.

function csp(headers: Record<string, string | string[] | undefined>): Map<string, string> {
  const value = String(headers["content-security-policy"] ?? "");
  return new Map(
    value
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...rest] = d.split(/\s+/);
        return [name!, rest.join(" ")];
      }),
  );
}

describe("over plain HTTP", () => {
  let server: RunningServer;
  let f: Fixtures;
  let committee: string;
  let entrantA: string;
  beforeAll(async () => {
    server = await startServer();
    f = loadFixtures(server.db());
    committee = await signInCookie(server.url, "panitia@paritrana.test");
    entrantA = await signInCookie(server.url, "peserta@mahakam-energi.paritrana.test");
  }, 120_000);
  afterAll(() => server?.stop());

  it("pages carry a strict CSP whose nonce is on every inline script", async () => {
    const res = await http(server.url, "/login");
    expect(res.status).toBe(200);
    const policy = csp(res.headers);
    const scriptSrc = policy.get("script-src") ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("default-src")).toBe("'self'");
    const scripts = [...res.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs, "every script carries the nonce").toContain(`nonce="${nonce}"`);
    // A new nonce for every response.
    const again = csp((await http(server.url, "/login")).headers).get("script-src");
    expect(again).not.toBe(scriptSrc);
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("resource routes cannot be framed and are never sniffed", async () => {
    for (const path of [
      `/committee/${f.editionId}/rubric-json/${f.categoryId}`,
      `/committee/${f.editionId}/export/${f.categoryId}?format=csv`,
      `/committee/${f.editionId}/export/${f.categoryId}?format=xlsx`,
      `/committee/${f.editionId}/certificate/${f.categoryId}/${f.scoredEntry}`,
    ]) {
      const res = await http(server.url, path, { headers: { Cookie: committee } });
      expect(res.status, path).toBe(200);
      expect(csp(res.headers).get("frame-ancestors"), path).toBe("'none'");
      expect(res.headers["x-frame-options"], path).toBe("DENY");
      expect(res.headers["x-content-type-options"], path).toBe("nosniff");
    }
  });

  it.each(["/evidence", "/Evidence", "/%65vidence"])(
    "inline evidence (%s/…) runs sandboxed and only our pages may frame it",
    async (prefix) => {
      const res = await http(server.url, `${prefix}/${f.evidenceA}`, { headers: { Cookie: entrantA } });
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      const policy = csp(res.headers);
      expect(policy.has("sandbox")).toBe(true);
      expect(policy.get("sandbox")).toBe("");
      expect(policy.get("frame-ancestors")).toBe("'self'");
      expect(policy.get("default-src")).toBe("'none'");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    },
  );

  it("an invitation link follows PUBLIC_URL even when the Host header says otherwise", async () => {
    const res = await inviteAssessor(server, committee, "evil.test", "someone.new@example.test");
    expect(res.status).toBe(200);
    expect(res.body).toContain(`${server.url}/invite/`);
    expect(res.body).not.toContain("evil.test/invite");
  });
});

/** The committee invites a new assessor (the answer shows the one-time link), with this Host header. */
function inviteAssessor(server: RunningServer, cookie: string, host: string, email: string) {
  const { editionId } = loadFixtures(server.db());
  return http(server.url, `/committee/${editionId}/people`, {
    method: "POST",
    headers: { Cookie: cookie, Host: host, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "invite", email, name: "Someone New", role: "assessor" }).toString(),
  });
}

describe("without PUBLIC_URL, outside production", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ NODE_ENV: undefined, PUBLIC_URL: undefined });
  }, 120_000);
  afterAll(() => server?.stop());

  it("links are made for this machine (http://localhost:PORT), never from the Host header", async () => {
    const committee = await signInCookie(server.url, "panitia@paritrana.test");
    const res = await inviteAssessor(server, committee, "evil.test", "someone.else@example.test");
    expect(res.status).toBe(200);
    expect(res.body).toContain(`http://localhost:${server.port}/invite/`);
    expect(res.body).not.toContain("evil.test/invite");
  });
});

describe("behind HTTPS (COOKIE_SECURE=1)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ COOKIE_SECURE: "1" });
  }, 120_000);
  afterAll(() => server?.stop());

  it("sends HSTS", async () => {
    const res = await http(server.url, "/login");
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  });
});

describe("start-up", () => {
  it("refuses to start in production without PUBLIC_URL, and says why", async () => {
    const { code, output } = await runServerToExit({ NODE_ENV: "production", PUBLIC_URL: "" });
    expect(code).not.toBe(0);
    expect(output).toContain("PUBLIC_URL");
    expect(output).not.toContain("is listening");
  });

  it("refuses a PUBLIC_URL that is not an http(s) address", async () => {
    const { code, output } = await runServerToExit({ NODE_ENV: "production", PUBLIC_URL: "javascript:alert(1)" });
    expect(code).not.toBe(0);
    expect(output).toContain("PUBLIC_URL");
  });
});
