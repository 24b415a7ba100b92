import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { linkedEditions, nominationBoard } from "../../db/queries/nominations";
import { currentPublication } from "../../db/queries/publications";
import { NATIONAL_EDITION, NATIONAL_LOGINS } from "../../db/seed/national";
import { PROVINCIAL_DEMOS, provincialDemoName } from "../../db/seed/provinces";
import { setupDatabase } from "../../db/setup";

// Issue 14: the demo shows the two-level flow. `npm start` on an empty database seeds, besides
// Kalimantan Timur 2023 (in assessment), three published provincial editions and the national
// edition 2023 in its verification stage, whose nominees are the provinces' Juara I read from
// their current publications. The README's demo table names every login the start-up banner prints.

const dir = mkdtempSync(join(tmpdir(), "paritrana-demo-levels-"));
process.env.UPLOAD_DIR = join(dir, "uploads");
let db: Db;
let banner: string;

beforeAll(async () => {
  const url = `file:${join(dir, "demo.sqlite")}`;
  banner = await setupDatabase(url, { env: { DEMO: "1" } });
  db = await createDb(url);
});
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function nationalEdition() {
  return db.selectFrom("editions").selectAll().where("name", "=", NATIONAL_EDITION).executeTakeFirstOrThrow();
}

describe("the demo's two levels", () => {
  it("seeds a national edition in its verification stage, linked to the three published provinces and to Kalimantan Timur", async () => {
    const national = await nationalEdition();
    expect(national).toMatchObject({ level: "national", region: "Indonesia", year: 2023 });
    const stages = await db
      .selectFrom("edition_stages")
      .select(["key", "status", "panel"])
      .where("edition_id", "=", national.id)
      .orderBy("position")
      .execute();
    expect(stages).toEqual([
      { key: "verification", status: "open", panel: "assessor" },
      { key: "interview", status: "pending", panel: "juror" },
    ]);
    const linked = await linkedEditions(db, national.id);
    expect(linked.map((l) => l.province).sort()).toEqual(
      ["Kalimantan Timur", ...PROVINCIAL_DEMOS.map((p) => p.province)].sort(),
    );
    const provincial = await db
      .selectFrom("editions")
      .select(["name", "status"])
      .where("level", "=", "provincial")
      .orderBy("id")
      .execute();
    expect(provincial[0]).toEqual({
      name: "Paritrana Award 2023 — Provinsi Kalimantan Timur (tingkat provinsi)",
      status: "assessment",
    });
    expect(provincial.slice(1)).toEqual(
      PROVINCIAL_DEMOS.map((p) => ({ name: provincialDemoName(p.province), status: "published" })),
    );
  });

  it("nominates every published province's Juara I from its current publication (ties take all); Kalimantan Timur waits", async () => {
    const national = await nationalEdition();
    const board = await nominationBoard(db, national.id);
    expect(board.changes).toEqual([]);
    const nominating = board.categories.filter((c) => c.key !== "province");
    expect(nominating.map((c) => c.key).sort()).toEqual(["large", "medium", "regency_city"]);
    for (const c of nominating) {
      const kaltim = c.provinces.find((p) => p.province === "Kalimantan Timur");
      expect(kaltim, c.key).toMatchObject({ publicationId: null, candidates: [] });
      for (const p of c.provinces.filter((x) => x !== kaltim)) {
        expect(p.publicationId, `${c.key} ${p.province}`).not.toBeNull();
        expect(p.candidates.length).toBeGreaterThan(0);
        for (const x of p.candidates) {
          expect(x.rank).toBe(1);
          expect(x.nominated, `${x.organisation}`).toMatchObject({ status: "submitted" });
        }
      }
    }
    // Jawa Barat's medium category: two companies share Juara I, and both are nominated.
    const tie = nominating.find((c) => c.key === "medium")!.provinces.find((p) => p.province === "Jawa Barat")!;
    expect(tie.candidates.map((x) => x.organisation).sort()).toEqual([
      "CV Kujang Konveksi",
      "PT Sumedang Pangan Sejahtera",
    ]);

    // Every nominee's source publication is the current one of its provincial category, and its
    // rank and total are those the snapshot holds.
    const nominees = await db
      .selectFrom("entries as e")
      .innerJoin("entries as s", "s.id", "e.source_entry_id")
      .select(["e.id", "e.status", "e.source_publication_id", "e.source_rank", "e.source_total", "s.category_id"])
      .where("e.edition_id", "=", national.id)
      .execute();
    expect(nominees).toHaveLength(PROVINCIAL_DEMOS.length * 3 + 1);
    for (const n of nominees) {
      const current = await currentPublication(db, n.category_id);
      expect(n.source_publication_id).toBe(current!.id);
      const pub = await db
        .selectFrom("publications")
        .select("result_json")
        .where("id", "=", current!.id)
        .executeTakeFirstOrThrow();
      const ranking = JSON.parse(pub.result_json).categories[0].ranking as { rank: number; total: number }[];
      expect(ranking.filter((r) => r.rank === 1).map((r) => r.total)).toContain(n.source_total);
      expect(n.source_rank).toBe(1);
      expect(n.status).toBe("submitted");
    }
  });

  it("the README's entrant with both levels has a provincial Juara I entry with evidence and its national nomination", async () => {
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    const email = /Peserta with a provincial and a national entry \| `([^`]+)`/.exec(readme)?.[1];
    expect(email).toBeDefined();
    const entries = await db
      .selectFrom("users as u")
      .innerJoin("memberships as m", "m.user_id", "u.id")
      .innerJoin("entries as e", "e.organisation_id", "m.organisation_id")
      .innerJoin("editions as ed", "ed.id", "e.edition_id")
      .select(["e.id", "e.source_entry_id", "ed.level"])
      .where("u.email", "=", email!)
      .orderBy("e.id")
      .execute();
    expect(entries.map((e) => e.level)).toEqual(["provincial", "national"]);
    expect(entries[1].source_entry_id).toBe(entries[0].id);
    const files = await db.selectFrom("evidence_files").select("id").where("entry_id", "=", entries[0].id).execute();
    expect(files.length).toBeGreaterThan(0);
  });

  it("gives the verification team work: the provinces invited directly, sheets submitted, and some of verifikator1's not started", async () => {
    const national = await nationalEdition();
    const provinces = await db
      .selectFrom("entries as e")
      .innerJoin("categories as c", "c.id", "e.category_id")
      .innerJoin("organisations as o", "o.id", "e.organisation_id")
      .select(["o.kind", "o.region", "e.status", "e.source_entry_id"])
      .where("e.edition_id", "=", national.id)
      .where("c.key", "=", "province")
      .execute();
    expect(provinces.length).toBeGreaterThanOrEqual(4);
    for (const p of provinces)
      expect(p).toMatchObject({ kind: "province", status: "submitted", source_entry_id: null });
    const sheets = await db
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["u.email", "a.status", "a.stage_key"])
      .where("e.edition_id", "=", national.id)
      .execute();
    expect(new Set(sheets.map((s) => s.stage_key))).toEqual(new Set(["verification"]));
    expect(sheets.some((s) => s.status === "submitted")).toBe(true);
    expect(sheets.some((s) => s.email === NATIONAL_LOGINS.verifier && s.status === "not_started")).toBe(true);
  });

  it("the README's demo table names every login the start-up banner prints", () => {
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Demo edition"), readme.indexOf("## A real installation"));
    const logins = [...banner.matchAll(/:\s+(\S+@\S+)/g)].map((m) => m[1]);
    expect(logins).toEqual(expect.arrayContaining([NATIONAL_LOGINS.committee, NATIONAL_LOGINS.juror]));
    for (const login of logins) expect(table, login).toContain(`\`${login}\``);
    // "(verifikator1..3@paritrana.test)": the table names the first and the last of the range.
    for (const [, prefix, first, last, domain] of banner.matchAll(/\((\S+?)(\d+)\.\.(\d+)(@\S+)\)/g)) {
      expect(table).toContain(`\`${prefix}${first}${domain}\``);
      expect(table).toContain(`\`${prefix}${last}${domain}\``);
    }
  });
});
