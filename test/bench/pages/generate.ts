// The page benchmark's databases: the demo edition (as `npm start` seeds it) and, for a size N,
// a large edition beside it: one category of N submitted entries with figures and indicators,
// 40 assessors, 3 desk scoresheets per entry with a score on every judged criterion, and one
// committee user. Written through the migrations (db/setup.ts) and batched inserts in one
// transaction. Deterministic (seeded PRNG).
//
// All sheets are submitted except the first BENCH_DRAFTS sheets of the first assessor, which
// stay drafts: the score save needs one open sheet per concurrent client (a save is based on the
// sheet's version, so two clients saving one sheet would refuse each other).
import type { Insertable, Kysely } from "kysely";
import { join } from "node:path";
import { createDb, type Db } from "../../../db/client";
import { hashPassword } from "../../../db/password";
import { insertRubric } from "../../../db/queries/rubrics";
import { DEMO_EDITION, DEMO_LOGINS, DEMO_PASSWORD } from "../../../db/seed/demo";
import { companyRubric, demoMethod } from "../../../db/seed/rubrics";
import type { DB } from "../../../db/schema";
import { setupDatabase } from "../../../db/setup";
import { deriveIndicators, PROGRAMMES, type Figures } from "../../../scoring/figures";
import { mulberry32 } from "../gen";

export const BENCH_PASSWORD = DEMO_PASSWORD;
export const BENCH_DRAFTS = 50;
const ASSESSORS = 40;
const PANEL = 3;
const BATCH = 500;

/** What the driver needs to know of a generated database. */
export interface BenchData {
  url: string;
  size: number;
  editionId: number;
  /** The category whose ranking is benchmarked (the big one; in the demo, its largest). */
  categoryId: number;
  entries: number;
  committeeEmail: string;
  /** The assessor whose list and entry page are benchmarked. */
  assessorEmail: string;
}

/** A fresh PostgreSQL database next to the one in adminUrl; dropped again by dropPostgres. */
export async function createPostgres(adminUrl: string, name: string): Promise<string> {
  await dropPostgres(adminUrl, name);
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgres(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(adminUrl: string, sql: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Migrates and seeds the database at url (SQLite file or PostgreSQL), then adds the large edition
 * when size > 0. dir holds the demo's evidence uploads.
 */
export async function generate(url: string, size: number, dir: string): Promise<BenchData> {
  process.env.UPLOAD_DIR = join(dir, "uploads");
  await setupDatabase(url);
  const db = await createDb(url);
  try {
    return size > 0 ? await addLargeEdition(db, url, size) : await demoData(db, url);
  } finally {
    await db.destroy();
  }
}

async function demoData(db: Db, url: string): Promise<BenchData> {
  const edition = await db
    .selectFrom("editions")
    .select("id")
    .where("name", "=", DEMO_EDITION)
    .executeTakeFirstOrThrow();
  const biggest = await db
    .selectFrom("entries")
    .select(["category_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("edition_id", "=", edition.id)
    .groupBy("category_id")
    .orderBy("n", "desc")
    .orderBy("category_id")
    .executeTakeFirstOrThrow();
  return {
    url,
    size: 0,
    editionId: edition.id,
    categoryId: biggest.category_id,
    entries: Number(biggest.n),
    committeeEmail: DEMO_LOGINS.committee,
    assessorEmail: DEMO_LOGINS.assessor,
  };
}

async function insertBatched<T extends keyof DB>(tx: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely cannot relate a generic table to its insert type; the rows are checked at the call.
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

async function addLargeEdition(db: Db, url: string, size: number): Promise<BenchData> {
  const rand = mulberry32(size);
  const between = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo));
  const now = Date.now();
  const day = (d: number) => new Date(now + d * 86_400_000).toISOString();
  const hash = await hashPassword(BENCH_PASSWORD);
  const committeeEmail = `panitia-${size}@bench.paritrana.test`;
  const assessorEmail = (k: number) => `penilai${k + 1}-${size}@bench.paritrana.test`;

  return db.transaction().execute(async (tx) => {
    const { id: editionId } = await tx
      .insertInto("editions")
      .values({
        name: `Paritrana Award bench ${size}`,
        year: 2024,
        level: "national",
        region: "Indonesia",
        status: "assessment",
        period_start: "2024-01-01",
        period_end: "2024-12-31",
        registration_deadline: day(-1),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("edition_stages")
      .values([
        {
          edition_id: editionId,
          key: "desk",
          position: 0,
          panel: "assessor",
          status: "open",
          opens_at: day(-7),
          deadline: day(30),
        },
        {
          edition_id: editionId,
          key: "verification",
          position: 1,
          panel: "assessor",
          status: "pending",
          opens_at: null,
          deadline: day(45),
        },
        {
          edition_id: editionId,
          key: "interview",
          position: 2,
          panel: "juror",
          status: "pending",
          opens_at: null,
          deadline: day(60),
        },
      ])
      .execute();

    const emails = [committeeEmail, ...Array.from({ length: ASSESSORS }, (_, k) => assessorEmail(k))];
    await tx
      .insertInto("users")
      .values(
        emails.map((email, i) => ({
          email,
          name: i === 0 ? `Panitia bench ${size}` : `Penilai bench ${i}`,
          password_hash: hash,
        })),
      )
      .execute();
    const users = new Map(
      (await tx.selectFrom("users").select(["id", "email"]).where("email", "in", emails).execute()).map((u) => [
        u.email,
        u.id,
      ]),
    );
    const committee = users.get(committeeEmail)!;
    const assessors = Array.from({ length: ASSESSORS }, (_, k) => users.get(assessorEmail(k))!);
    await tx
      .insertInto("memberships")
      .values([
        { user_id: committee, role: "committee", edition_id: editionId, organisation_id: null },
        ...assessors.map((id) => ({
          user_id: id,
          role: "assessor" as const,
          edition_id: editionId,
          organisation_id: null,
        })),
      ])
      .execute();

    const { id: categoryId } = await tx
      .insertInto("categories")
      .values({ edition_id: editionId, key: "large", places: 3, mentions: 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rubricId = await insertRubric(tx, {
      categoryId,
      definition: companyRubric(5),
      method: demoMethod,
      userId: committee,
    });
    const judged = await tx
      .selectFrom("criteria")
      .select(["id", "max"])
      .where("rubric_id", "=", rubricId)
      .where("stage_key", "=", "desk")
      .where("type", "=", "judged")
      .orderBy("position")
      .execute();

    const pad = (i: number) => String(i + 1).padStart(5, "0");
    const orgName = (i: number) => `PT Bench ${size} Nusantara ${pad(i)}`;
    await insertBatched(
      tx,
      "organisations",
      Array.from({ length: size }, (_, i) => ({
        name: orgName(i),
        kind: "company" as const,
        region: "Kota Samarinda, Kalimantan Timur",
        size: "large" as const,
        npp: `NPP${String(30000000 + size * 10 + i).slice(-8)}`,
        nib: String(8120000000000 + size * 100000 + i),
      })),
    );
    const orgIds = (
      await tx
        .selectFrom("organisations")
        .select(["id", "name"])
        .where("name", "like", `PT Bench ${size} Nusantara %`)
        .execute()
    )
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => o.id);
    await insertBatched(
      tx,
      "entries",
      orgIds.map((organisation_id) => ({
        edition_id: editionId,
        category_id: categoryId,
        organisation_id,
        status: "submitted" as const,
        version: 1,
        submitted_at: day(-between(2, 20)),
      })),
    );
    const entryByOrg = new Map(
      (
        await tx.selectFrom("entries").select(["id", "organisation_id"]).where("category_id", "=", categoryId).execute()
      ).map((e) => [e.organisation_id, e.id]),
    );
    const entryIds = orgIds.map((o) => entryByOrg.get(o)!);

    // Figures and the indicators derived from them, as the portal would store them.
    const figureRows: { entry_id: number; key: string; value: number }[] = [];
    const indicatorRows: { entry_id: number; indicator: string; value: number }[] = [];
    for (const entryId of entryIds) {
      const workers = between(400, 6_000);
      const f: Figures = {
        workers,
        workers_registered: Math.min(workers, Math.round(workers * (0.8 + rand() * 0.25))),
      };
      for (const [i, p] of PROGRAMMES.entries()) f[`programme_${p}`] = i < 2 || rand() < 0.8 ? 1 : 0;
      f.months_arrears = rand() < 0.12 ? between(1, 3) : 0;
      f.months_on_time = Math.max(0, 12 - f.months_arrears - (rand() < 0.3 ? 1 : 0));
      f.wages_paid = workers * between(3_200_000, 6_500_000);
      f.wages_reported = Math.round(f.wages_paid * (rand() < 0.7 ? 1 : 0.9 + rand() * 0.1));
      f.accidents_reported = between(0, 12);
      for (const [key, value] of Object.entries(f))
        if (value !== undefined) figureRows.push({ entry_id: entryId, key, value });
      for (const [indicator, value] of Object.entries(deriveIndicators("company", f, 0)))
        indicatorRows.push({ entry_id: entryId, indicator, value });
    }
    await insertBatched(tx, "entry_figures", figureRows);
    await insertBatched(tx, "indicator_values", indicatorRows);

    // Three desk sheets per entry, spread evenly over the 40 assessors.
    const offsets = [0, 13, 27];
    const sheets = entryIds.flatMap((entryId, i) =>
      offsets.slice(0, PANEL).map((o) => ({ entryId, userId: assessors[(i + o) % ASSESSORS]! })),
    );
    let drafts = 0;
    const draft = new Set<string>();
    for (const s of sheets)
      if (s.userId === assessors[0] && drafts < BENCH_DRAFTS) {
        draft.add(`${s.entryId}:${s.userId}`);
        drafts++;
      }
    await insertBatched(
      tx,
      "assignments",
      sheets.map((s) => {
        const isDraft = draft.has(`${s.entryId}:${s.userId}`);
        return {
          entry_id: s.entryId,
          user_id: s.userId,
          stage_key: "desk" as const,
          status: isDraft ? ("draft" as const) : ("submitted" as const),
          version: 1,
          submitted_at: isDraft ? null : day(-1),
          created_by: committee,
        };
      }),
    );
    await insertBatched(
      tx,
      "conflict_declarations",
      sheets.map((s) => ({ user_id: s.userId, entry_id: s.entryId, has_conflict: 0, kind: null, note: null })),
    );
    const assignmentRows = await tx
      .selectFrom("assignments as a")
      .innerJoin("entries as e", "e.id", "a.entry_id")
      .select(["a.id", "a.status", "a.entry_id"])
      .where("e.category_id", "=", categoryId)
      .execute();
    const quality = new Map(entryIds.map((id) => [id, 45 + rand() * 45]));
    const scoreRows = assignmentRows.flatMap((a) =>
      judged.map((c) => {
        const value = Math.max(0, Math.min(c.max ?? 100, Math.round(quality.get(a.entry_id)! + (rand() - 0.5) * 24)));
        return {
          assignment_id: a.id,
          criterion_id: c.id,
          value,
          note:
            value >= 80
              ? "Bukti dukung lengkap dan konsisten."
              : value < 50
                ? "Bukti dukung belum memadai."
                : "Cukup baik.",
          status: a.status === "submitted" ? ("submitted" as const) : ("draft" as const),
          version: 1,
        };
      }),
    );
    await insertBatched(tx, "scores", scoreRows);
    return {
      url,
      size,
      editionId,
      categoryId,
      entries: size,
      committeeEmail,
      assessorEmail: assessorEmail(0),
    };
  });
}

/** A database name for PostgreSQL runs (kept apart from the tests' own). */
export const postgresName = (size: number) => `paritrana_bench_${size === 0 ? "demo" : size}`;
