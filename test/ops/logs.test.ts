import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http, signInCookie, startServer, type RunningServer } from "../security/server";

// Issue 13, item 5: one JSON log line per request with its id, method, route (never the URL: an
// invitation link carries its token in the path), status, time and the signed-in user, and never
// a password, token, cookie, header or body.

const PASSWORD = "paritrana2023";
const TOKEN = "tokenrahasia0123456789abcdefXYZ";
const QUERY = "kode=querysecret42";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(() => server?.stop());

interface Line {
  level?: string;
  msg?: string;
  requestId?: string;
  method?: string;
  route?: string | null;
  status?: number;
  responseTime?: number;
  userId?: number | null;
}

/** The JSON lines of standard output (the start-up banner before them is plain text). */
const logLines = () =>
  server
    .stdout()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line);

async function lineOf(requestId: string): Promise<Line> {
  await expect.poll(() => logLines().some((l) => l.requestId === requestId)).toBe(true);
  return logLines().find((l) => l.requestId === requestId)!;
}

describe("request log", () => {
  it("names the route and the user, and leaks no password, token, cookie or query string", async () => {
    const committee = server.db().prepare("SELECT id FROM users WHERE email = 'panitia@paritrana.test'").get() as {
      id: number;
    };
    const cookie = await signInCookie(server.url, "panitia@paritrana.test", PASSWORD);
    const cookieValue = cookie.split(";")[0]!.split("=").slice(1).join("=");
    expect(cookieValue.length).toBeGreaterThan(10);

    const invite = await http(server.url, `/invite/${TOKEN}?${QUERY}`, {
      headers: { Cookie: cookie, "X-Request-Id": "logs-test.invite-1" },
    });
    expect(invite.headers["x-request-id"]).toBe("logs-test.invite-1");
    const page = await http(server.url, `/committee?${QUERY}`, {
      headers: { Cookie: cookie, "X-Request-Id": "logs-test.committee-1" },
    });
    expect(page.status).toBe(200);

    const inviteLine = await lineOf("logs-test.invite-1");
    expect(inviteLine).toMatchObject({
      level: "info",
      method: "GET",
      route: "routes/invite.$token",
      status: invite.status,
      userId: committee.id,
    });
    expect(inviteLine.responseTime).toBeTypeOf("number");
    // The sign-in's own line names who signed in.
    expect(logLines().find((l) => l.route === "routes/login" && l.method === "POST")).toMatchObject({
      status: 302,
      userId: committee.id,
    });
    expect(await lineOf("logs-test.committee-1")).toMatchObject({
      method: "GET",
      route: "routes/committee._index",
      status: 200,
      userId: committee.id,
    });

    // The sign-in post has its line too, without the password it carried.
    expect(logLines().some((l) => l.method === "POST" && l.route === "routes/login" && l.status === 302)).toBe(true);
    const json = server.stdout().slice(server.stdout().indexOf("\n{"));
    for (const secret of [PASSWORD, TOKEN, "querysecret42", cookieValue]) expect(json).not.toContain(secret);
  });

  it("finds the route of paths with other ids (routes are remembered by the path's shape, digits aside)", async () => {
    // app/server/main.ts routeMatcher treats paths that differ only in digits as one: no route
    // file may have a digit in its own path.
    expect(readdirSync("app/routes").filter((name) => /\d/.test(name))).toEqual([]);
    const cookie = await signInCookie(server.url, "panitia@paritrana.test", PASSWORD);
    const cases = [
      ["/committee/1/stages", "routes/committee.$editionId.stages"],
      ["/committee/987/stages", "routes/committee.$editionId.stages"],
      ["/committee/987", "routes/committee.$editionId._index"],
    ] as const;
    for (const [n, [path, id]] of cases.entries()) {
      await http(server.url, path, { headers: { Cookie: cookie, "X-Request-Id": `logs-test.shape-${n}` } });
      expect((await lineOf(`logs-test.shape-${n}`)).route, path).toBe(id);
    }
  });

  it("makes its own request id when the incoming one is not plain", async () => {
    for (const bad of ["a".repeat(65), "two words", "id;drop", "<script>"]) {
      const res = await http(server.url, "/login", { headers: { "X-Request-Id": bad } });
      const id = String(res.headers["x-request-id"]);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await lineOf(id)).route).toBe("routes/login");
    }
  });
});

describe("logger redaction", () => {
  it("drops passwords, tokens, cookies, headers, bodies and URLs even when a caller logs them", () => {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import { logger } from "./app/server/logger.ts";
         logger().info({ password: "pw-1", token: "tk-1", cookie: "ck-1", url: "/invite/tk-2",
           headers: { cookie: "ck-2" }, body: "bd-1",
           user: { id: 7, password: "pw-2", token: "tk-3", headers: { authorization: "au-1" }, body: "bd-2", url: "/x?tk-4" } }, "careless");`,
      ],
      { env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info" }, encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: "careless", user: { id: 7 } });
    for (const secret of ["pw-", "tk-", "ck-", "bd-", "au-1"]) expect(run.stdout).not.toContain(secret);
  });

  it("refuses an unknown LOG_LEVEL", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "-e", `import { logger } from "./app/server/logger.ts"; logger();`],
      { env: { ...process.env, LOG_LEVEL: "verbose" }, encoding: "utf8" },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("LOG_LEVEL must be one of");
  });
});
