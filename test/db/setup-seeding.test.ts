import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { DEMO_LOGINS } from "../../db/seed/demo";
import { demoWanted, setupDatabase } from "../../db/setup";

// Issue 13, item 7: a real installation is not the demo. The demo edition (accounts with a
// published password) is seeded into an empty database only when asked: DEMO=1, or DEMO unset
// outside production; DEMO=0 never. Production without DEMO=1 seeds nothing and says how to
// create the first administrator.

const dir = mkdtempSync(join(tmpdir(), "paritrana-setup-"));
process.env.UPLOAD_DIR = join(dir, "uploads");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Runs the start-up setup on a new empty database with the given environment. */
async function setUp(env: Record<string, string | undefined>) {
  const url = `file:${join(dir, `db${++n}.sqlite`)}`;
  const banner = await setupDatabase(url, { env });
  const db = await createDb(url);
  try {
    const users = await db.selectFrom("users").select("email").execute();
    const admins = await db.selectFrom("memberships").select("user_id").where("role", "=", "admin").execute();
    return { banner, emails: users.map((u) => u.email), admins: admins.length };
  } finally {
    await db.destroy();
  }
}

describe("when the demo is seeded", () => {
  it("follows DEMO first, then NODE_ENV", () => {
    expect(demoWanted({ DEMO: "1", NODE_ENV: "production" })).toBe(true);
    expect(demoWanted({ DEMO: "1" })).toBe(true);
    expect(demoWanted({ DEMO: "0" })).toBe(false);
    expect(demoWanted({ DEMO: "0", NODE_ENV: "development" })).toBe(false);
    expect(demoWanted({ NODE_ENV: "production" })).toBe(false);
    expect(demoWanted({ NODE_ENV: "production", DEMO: "" })).toBe(false);
    expect(demoWanted({})).toBe(true);
    expect(demoWanted({ NODE_ENV: "development" })).toBe(true);
    expect(demoWanted({ NODE_ENV: "test" })).toBe(true);
  });

  it("production without DEMO=1 seeds nothing and tells how to create the first administrator", async () => {
    const { banner, emails } = await setUp({ NODE_ENV: "production", PUBLIC_URL: "https://paritrana.example.go.id/" });
    expect(emails).toEqual([]);
    expect(banner).toContain("npm run admin:create -- EMAIL");
    expect(banner).toContain("Open https://paritrana.example.go.id/login");
    expect(banner).not.toContain("Demo sign-in");
    expect(banner).not.toContain("paritrana2023");
  });

  it("DEMO=0 never seeds, even in development", async () => {
    const { emails, banner } = await setUp({ DEMO: "0", NODE_ENV: "development" });
    expect(emails).toEqual([]);
    expect(banner).toContain("npm run admin:create -- EMAIL");
  });

  it("DEMO=1 seeds in production, with the demo administrator in the sign-in table", async () => {
    const { emails, admins, banner } = await setUp({ DEMO: "1", NODE_ENV: "production", PORT: "4123" });
    expect(emails).toContain(DEMO_LOGINS.committee);
    expect(emails).toContain(DEMO_LOGINS.admin);
    expect(admins).toBe(1);
    expect(banner).toContain("Open http://localhost:4123/login");
    expect(banner).toContain("Demo sign-in");
    expect(banner).toContain(DEMO_LOGINS.admin);
    // The demo has its administrator: no advice to create one.
    expect(banner).not.toContain("admin:create");
  });

  it("outside production with DEMO unset, an empty database gets the demo", async () => {
    const { emails } = await setUp({ NODE_ENV: "development" });
    expect(emails).toContain(DEMO_LOGINS.committee);
  });

  it("a database that has data is never seeded, whatever DEMO says", async () => {
    const url = `file:${join(dir, "kept.sqlite")}`;
    await setupDatabase(url, { env: { NODE_ENV: "production" } });
    const db = await createDb(url);
    try {
      await db.insertInto("users").values({ email: "sekretariat@example.go.id", name: "Sekretariat" }).execute();
      const banner = await setupDatabase(url, { env: { DEMO: "1" } });
      const users = await db.selectFrom("users").select("email").execute();
      expect(users.map((u) => u.email)).toEqual(["sekretariat@example.go.id"]);
      expect(banner).not.toContain("Demo sign-in");
    } finally {
      await db.destroy();
    }
  });
});
