import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { verifyPassword } from "../../db/password";

// Issue 13, item 7: `npm run admin:create -- EMAIL` makes the first administrator of a real
// installation. The real command runs here on a temporary database, with standard input not a
// terminal: it generates a strong password, prints it once, and stores only its hash.

const dir = mkdtempSync(join(tmpdir(), "paritrana-admin-"));
const url = `file:${join(dir, "app.sqlite")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function adminCreate(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "db/ops/admin-create.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url, PUBLIC_URL: "https://paritrana.example.go.id", NODE_ENV: "production" },
    stdio: ["pipe", "pipe", "pipe"],
    input: "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function account(email: string) {
  const db = await createDb(url);
  try {
    const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    const roles = user
      ? await db
          .selectFrom("memberships")
          .select(["role", "active", "edition_id"])
          .where("user_id", "=", user.id)
          .execute()
      : [];
    const audits = await db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("action", "like", "membership.%")
      .execute();
    return { user, roles, audits };
  } finally {
    await db.destroy();
  }
}

describe("npm run admin:create", () => {
  it("refuses an invalid e-mail and creates nothing", async () => {
    const run = adminCreate("not-an-email");
    expect(run.code).toBe(2);
    expect(run.err).toContain("Not a valid e-mail address");
    const run2 = adminCreate();
    expect(run2.code).toBe(2);
    expect(run2.err).toContain("usage: npm run admin:create -- EMAIL");
  });

  it("migrates, creates the administrator with a generated password printed once, stored as a hash", async () => {
    const run = adminCreate("Sekretariat@Example.go.id", "--name", "Sekretariat Paritrana");
    expect(run.code, run.err).toBe(0);
    const password = /Password \(shown only this once[^)]*\): (\S+)/.exec(run.out)?.[1];
    expect(password).toBeDefined();
    expect(password!.length).toBeGreaterThanOrEqual(20);
    expect(run.out.split(password!).length - 1).toBe(1);
    expect(run.out).toContain("Sign in at https://paritrana.example.go.id/login");

    const { user, roles, audits } = await account("sekretariat@example.go.id");
    expect(user?.name).toBe("Sekretariat Paritrana");
    expect(user?.password_hash).toMatch(/^scrypt\$/);
    expect(user?.password_hash).not.toContain(password!);
    expect(await verifyPassword(password!, user!.password_hash)).toBe(true);
    expect(await verifyPassword(`${password!}x`, user!.password_hash)).toBe(false);
    expect(roles).toEqual([{ role: "admin", active: 1, edition_id: null }]);
    expect(audits.some((a) => a.action === "membership.add" && a.after?.includes('"role":"admin"'))).toBe(true);
  });

  it("says so when run again, and leaves the password alone", async () => {
    const before = (await account("sekretariat@example.go.id")).user!.password_hash;
    const run = adminCreate("sekretariat@example.go.id");
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain("is already an administrator");
    expect(run.out).not.toContain("Password");
    expect((await account("sekretariat@example.go.id")).user!.password_hash).toBe(before);
  });

  it("gives an existing account the role; it keeps its own password", async () => {
    const db = await createDb(url);
    await db
      .insertInto("users")
      .values({ email: "panitia@example.go.id", name: "Panitia", password_hash: "scrypt$kept" })
      .execute();
    await db.destroy();
    const run = adminCreate("panitia@example.go.id", "--generate");
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain("is now an administrator");
    expect(run.out).not.toContain("Password");
    const { user, roles } = await account("panitia@example.go.id");
    expect(user?.password_hash).toBe("scrypt$kept");
    expect(roles).toEqual([{ role: "admin", active: 1, edition_id: null }]);
  });
});
