import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import { createDb } from "../../db/client";
import { hashPassword, verifyPassword } from "../../db/password";
import { loadRubricDefinition, currentRubric } from "../../db/queries/rubrics";
import { toScoringRubric } from "../../app/domain/rubric";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../db/seed/demo";
import { setupDatabase } from "../../db/setup";
import { attemptLogin, LIMITS } from "../../app/lib/login.server";
import { parseScoringInput } from "../../scoring/index";
import { freshDb } from "./support";

describe("migrations and pragmas", () => {
  it("creates every table, with foreign keys on and WAL", async () => {
    const { db } = await freshDb();
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "editions",
        "categories",
        "rubrics",
        "criteria",
        "organisations",
        "entries",
        "scores",
        "audit_log",
        "publications",
        "assignments",
        "conflict_declarations",
        "evidence_files",
        "memberships",
        "invitations",
        "sessions",
      ]),
    );
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    expect(fk.rows[0].foreign_keys).toBe(1);
    const wal = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
    expect(wal.rows[0].journal_mode).toBe("wal");
    await expect(db.insertInto("categories").values({ edition_id: 999, key: "large" }).execute()).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe("demo seed", () => {
  it("seeds the Kalimantan Timur edition with 10 regencies/cities, 30+ companies, a jury of nine", async () => {
    const { db } = await freshDb({ seed: true });
    const edition = await db.selectFrom("editions").selectAll().executeTakeFirstOrThrow();
    expect(edition.name).toBe("Paritrana Award 2023 — Provinsi Kalimantan Timur (tingkat provinsi)");
    expect(edition.level).toBe("provincial");
    const count = async (q: Promise<{ n: number | string | bigint }>) => Number((await q).n);
    const n = (table: "organisations", kind: string) =>
      count(
        db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("kind", "in", kind.split(",") as never)
          .where("region", "like", "%, Kalimantan Timur")
          .executeTakeFirstOrThrow(),
      );
    expect(await n("organisations", "regency,city")).toBe(10);
    expect(await n("organisations", "company,public_service")).toBeGreaterThanOrEqual(30);
    const roles = await db
      .selectFrom("memberships")
      .select(["role", (eb) => eb.fn.countAll<number>().as("n")])
      .where("edition_id", "=", edition.id)
      .groupBy("role")
      .execute();
    const byRole = Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]));
    expect(byRole).toMatchObject({ committee: 1, assessor: 5, juror: 9 });
    const submitted = await db
      .selectFrom("entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow();
    expect(Number(submitted.n)).toBeGreaterThan(10);
    const scores = await db
      .selectFrom("scores")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(scores.n)).toBeGreaterThan(0);
  });

  it("stores rubrics that read back as a valid rubric of the scoring contract", async () => {
    const { db } = await freshDb({ seed: true });
    for (const category of await db.selectFrom("categories").selectAll().execute()) {
      const rubric = await currentRubric(db, category.id);
      const definition = await loadRubricDefinition(db, rubric!.id);
      const parsed = parseScoringInput({
        rubric: toScoringRubric(definition),
        method: JSON.parse(rubric!.method),
        nominees: [],
        scores: [],
      });
      expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    }
  });

  it("setup on a database that already has data changes nothing", async () => {
    const { url, db } = await freshDb();
    await setupDatabase(url);
    const before = await db.selectFrom("users").select(["id", "email", "password_hash"]).orderBy("id").execute();
    expect(before.map((u) => u.email)).toContain(DEMO_LOGINS.committee);
    await setupDatabase(url);
    const after = await db.selectFrom("users").select(["id", "email", "password_hash"]).orderBy("id").execute();
    expect(after).toEqual(before);
  });
});

describe("passwords and sign-in throttling", () => {
  it("hashes with scrypt and verifies only the right password", async () => {
    const hash = await hashPassword("rahasia-123");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("rahasia-123", hash)).toBe(true);
    expect(await verifyPassword("rahasia-124", hash)).toBe(false);
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await hashPassword("rahasia-123")).not.toBe(hash); // salted
  });

  it("lets five tries through, then doubles the wait, capped at 15 minutes", () => {
    const wait = LIMITS.pair.waitSeconds;
    expect([0, 1, 4].map(wait)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(wait)).toEqual([2, 4, 8, 16]);
    expect(wait(40)).toBe(900);
  });

  it("counts guesses sent in parallel: of 30 at once only the first five are checked", async () => {
    const { db } = await freshDb({ seed: true });
    const now = new Date("2024-02-01T08:00:00Z");
    const tries = Array.from({ length: 30 }, () =>
      attemptLogin(db, { email: DEMO_LOGINS.committee, password: "salah", address: "10.0.0.1" }, now),
    );
    const reasons = (await Promise.all(tries)).map((r) => (r.ok ? "ok" : r.reason));
    expect(reasons.filter((r) => r === "invalid")).toHaveLength(5);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(25);
    // Even the right password waits until the pair is free again (2 s after the fifth failure).
    const right = await attemptLogin(
      db,
      { email: DEMO_LOGINS.committee, password: DEMO_PASSWORD, address: "10.0.0.1" },
      now,
    );
    expect(right).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 2 });
    const later = new Date(now.getTime() + 2000);
    expect(
      (await attemptLogin(db, { email: DEMO_LOGINS.committee, password: DEMO_PASSWORD, address: "10.0.0.1" }, later))
        .ok,
    ).toBe(true);
  });

  it("slows an account down for every address that failed on it, and an address for any account; failures are forgotten after a day", async () => {
    const { db } = await freshDb({ seed: true });
    const now = new Date("2024-02-01T08:00:00Z");
    const guess = (email: string, address: string, at = now) =>
      attemptLogin(db, { email, password: "salah", address }, at);
    // Ten addresses, one wrong guess each, on one account: each of them must now wait; a new
    // address has its first try checked (test/security/sign-in-throttle.test.ts).
    for (let i = 0; i < 10; i++)
      expect(await guess(DEMO_LOGINS.assessor, `10.1.0.${i}`)).toEqual({ ok: false, reason: "invalid" });
    expect(await guess(DEMO_LOGINS.assessor, "10.1.0.0")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await guess(DEMO_LOGINS.assessor, "10.1.0.99")).toEqual({ ok: false, reason: "invalid" });
    expect(await guess(DEMO_LOGINS.assessor, "10.1.0.99")).toMatchObject({ ok: false, reason: "throttled" });
    // Thirty accounts from one address: the next account from that address must wait.
    for (let i = 0; i < 30; i++)
      expect(await guess(`nobody${i}@example.test`, "10.2.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await guess("someone-else@example.test", "10.2.0.1")).toMatchObject({ ok: false, reason: "throttled" });
    // A day later the account may be tried again.
    const dayLater = new Date(now.getTime() + 24 * 60 * 60 * 1000 + 1);
    expect(await guess(DEMO_LOGINS.assessor, "10.1.0.99", dayLater)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("createDb", () => {
  it("opens an in-memory SQLite database", async () => {
    const db = await createDb(":memory:");
    const r = await sql<{ x: number }>`select 1 as x`.execute(db);
    expect(r.rows[0].x).toBe(1);
    await db.destroy();
  });
});
