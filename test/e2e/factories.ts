import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDb, type Db } from "../../db/client";
import { hashPassword } from "../../db/password";
import { insertRubric } from "../../db/queries/rubrics";
import { addMembership, createUser as insertUser } from "../../db/queries/users";
import type {
  AssignmentStatus,
  CategoryKey,
  EntryStatus,
  OrganisationKind,
  Role,
  StageKey,
  StageStatus,
} from "../../db/schema";
import { minimalPdf } from "../../db/seed/evidence";
import { companyRubric, demoMethod, governmentRubric } from "../../db/seed/rubrics";
import { categoryGroup } from "../../app/domain/categories";
import { scoreCategory } from "../../app/lib/scoring-input.server";
import { publishSnapshot } from "../../db/queries/publications";
import { enqueue } from "../../db/queries/outbox";
import { linkProvincialEdition, nominate } from "../../db/queries/nominations";
import { openPlenary, plenaryFacts, plenaryPanel } from "../../db/queries/plenary";
import { issueMinutes } from "../../db/queries/plenary-minutes";
import { stagesForLevel } from "../../app/domain/levels";
import { deriveIndicators, PROGRAMMES, type Figures } from "../../scoring/figures";
import { DEMO_PASSWORD as PASSWORD } from "../../db/seed/demo";

// Factories: each test makes the data it works on, in one call, in the database file the e2e
// server uses (as the Epic Stack's tests/db-utils.ts does). Names and emails carry a per-process
// counter and a random suffix, so tests never meet one another's rows, whatever the order or
// the number of workers. Every account's password is PASSWORD.

/** A rubric as insertRubric stores it (the type follows its home). */
type RubricDefinition = Parameters<typeof insertRubric>[1]["definition"];

let handle: Promise<Db> | undefined;
/**
 * The e2e database, read-write (WAL and a busy timeout: the server writes to it too). Tests of a
 * server started elsewhere (test/security/server.ts) point E2E_DATABASE at its file and E2E_DIR at
 * its data folder.
 */
export function testDb(): Promise<Db> {
  handle ??= createDb(`file:${process.env.E2E_DATABASE ?? join(process.env.E2E_DIR!, "e2e.sqlite")}`);
  return handle;
}

let counter = 0;
/** A short token unique to this call: counter + random suffix (parallel-safe). */
export function unique(): string {
  counter += 1;
  return `${counter}${randomBytes(3).toString("hex")}`;
}

let passwordHash: Promise<string> | undefined;
const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

export interface TestUser {
  id: number;
  email: string;
  name: string;
}

/** A user (no role yet) who signs in with PASSWORD. */
export async function createUser(opts: { name?: string; email?: string } = {}): Promise<TestUser> {
  const db = await testDb();
  const tag = unique();
  const email = (opts.email ?? `user.${tag}@e2e.test`).toLowerCase();
  const name = opts.name ?? `Pengguna Uji ${tag}`;
  passwordHash ??= hashPassword(PASSWORD);
  const id = await insertUser(db, { email, name, passwordHash: await passwordHash });
  return { id, email, name };
}

/** A user with a role in an edition (committee, assessor, juror). */
export async function createMember(
  editionId: number,
  role: Exclude<Role, "entrant">,
  opts: { name?: string } = {},
): Promise<TestUser> {
  const tag = unique();
  const user = await createUser({
    email: `${role}.${tag}@e2e.test`,
    name: opts.name ?? `${role === "juror" ? "Juri" : role === "assessor" ? "Penilai" : "Panitia"} Uji ${tag}`,
  });
  await addMembership(await testDb(), { userId: user.id, role, editionId });
  return user;
}

/** An administrator (award secretariat): creates editions and appoints their committees. */
export async function createAdmin(opts: { name?: string } = {}): Promise<TestUser> {
  const tag = unique();
  return grantAdmin(await createUser({ email: `admin.${tag}@e2e.test`, name: opts.name ?? `Sekretariat Uji ${tag}` }));
}

/** Makes a user (e.g. an edition's committee member) an administrator too. */
export async function grantAdmin(user: TestUser): Promise<TestUser> {
  await addMembership(await testDb(), { userId: user.id, role: "admin" });
  return user;
}

export interface TestEdition {
  id: number;
  name: string;
  region: string;
  committee: TestUser;
  /** Category id and its rubric (version 1) per category key. */
  categories: Partial<Record<CategoryKey, { id: number; rubricId: number }>>;
}

/** The demo rubric of a category (government or company), as the seed has it. */
export function demoRubric(category: CategoryKey): RubricDefinition {
  return categoryGroup(category) === "government"
    ? governmentRubric
    : companyRubric(category === "micro_small" ? 2 : 5);
}

/**
 * An edition in assessment with the demo's three stages (desk open unless told otherwise), its
 * categories with the demo rubrics, registration open for three weeks, and a committee member of
 * its own (or `committee`, to give one committee member several editions).
 */
export async function createEdition(
  opts: {
    name?: string;
    region?: string;
    categories?: CategoryKey[];
    stages?: Partial<Record<StageKey, StageStatus>>;
    committee?: TestUser;
    rubric?: (category: CategoryKey) => RubricDefinition;
  } = {},
): Promise<TestEdition> {
  const db = await testDb();
  const tag = unique();
  const name = opts.name ?? `Edisi Uji ${tag}`;
  const region = opts.region ?? `Provinsi Uji ${tag}`;
  const { id } = await db
    .insertInto("editions")
    .values({
      name,
      year: 2023,
      level: "provincial",
      region,
      status: "assessment",
      period_start: "2023-01-01",
      period_end: "2023-12-31",
      registration_deadline: day(21),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const stages = [
    { key: "desk", position: 0, panel: "assessor", deadline: day(30) },
    { key: "verification", position: 1, panel: "assessor", deadline: day(45) },
    { key: "interview", position: 2, panel: "juror", deadline: day(60) },
  ] as const;
  for (const s of stages) {
    const status = opts.stages?.[s.key] ?? (s.key === "desk" ? "open" : "pending");
    await db
      .insertInto("edition_stages")
      .values({ edition_id: id, ...s, status, opens_at: day(0) })
      .execute();
  }
  const committee =
    opts.committee ?? (await createUser({ email: `committee.${tag}@e2e.test`, name: `Panitia Uji ${tag}` }));
  await addMembership(db, { userId: committee.id, role: "committee", editionId: id });
  const categories: TestEdition["categories"] = {};
  for (const key of opts.categories ?? ["regency_city"]) {
    const { id: categoryId } = await db
      .insertInto("categories")
      .values({ edition_id: id, key, places: 3, mentions: key === "regency_city" ? 1 : 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rubricId = await insertRubric(db, {
      categoryId,
      definition: (opts.rubric ?? demoRubric)(key),
      method: demoMethod,
      userId: committee.id,
    });
    categories[key] = { id: categoryId, rubricId };
  }
  return { id, name, region, committee, categories };
}

/**
 * A national edition (region "Indonesia") in assessment with the national stages (the first open),
 * its categories (default: province and regency/city) with the demo rubrics, and a committee member
 * of its own. `link` links those provincial editions to it.
 */
export async function createNationalEdition(
  opts: {
    name?: string;
    year?: number;
    categories?: CategoryKey[];
    committee?: TestUser;
    link?: TestEdition[];
    /** The categories' rubric and method (default: the demo's three-stage ones). */
    rubric?: (category: CategoryKey) => RubricDefinition;
    method?: object;
  } = {},
): Promise<TestEdition> {
  const db = await testDb();
  const tag = unique();
  const name = opts.name ?? `Edisi Nasional Uji ${tag}`;
  const { id } = await db
    .insertInto("editions")
    .values({
      name,
      year: opts.year ?? 2023,
      level: "national",
      region: "Indonesia",
      status: "assessment",
      period_start: "2023-01-01",
      period_end: "2023-12-31",
      registration_deadline: day(21),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [position, s] of stagesForLevel("national").entries())
    await db
      .insertInto("edition_stages")
      .values({
        edition_id: id,
        key: s.key,
        panel: s.panel,
        position,
        status: position === 0 ? "open" : "pending",
        opens_at: day(0),
        deadline: day(30 + 15 * position),
      })
      .execute();
  const committee =
    opts.committee ?? (await createUser({ email: `committee.${tag}@e2e.test`, name: `Panitia Nasional Uji ${tag}` }));
  await addMembership(db, { userId: committee.id, role: "committee", editionId: id });
  const categories: TestEdition["categories"] = {};
  for (const key of opts.categories ?? ["province", "regency_city"]) {
    const { id: categoryId } = await db
      .insertInto("categories")
      .values({ edition_id: id, key, places: 3, mentions: 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rubricId = await insertRubric(db, {
      categoryId,
      definition: (opts.rubric ?? demoRubric)(key),
      method: opts.method ?? demoMethod,
      userId: committee.id,
    });
    categories[key] = { id: categoryId, rubricId };
  }
  const national = { id, name, region: "Indonesia", committee, categories };
  for (const provincial of opts.link ?? []) {
    const linked = await linkProvincialEdition(db, {
      nationalEditionId: id,
      provincialEditionId: provincial.id,
      userId: committee.id,
    });
    if (!linked.ok) throw new Error(`edition ${provincial.id} not linked: ${linked.reason}`);
  }
  return national;
}

/**
 * Nominates a provincial entry into the national category with the same key, as the national
 * committee does (its category must be published and the entry a candidate); the national entry.
 */
export async function nominateFrom(national: TestEdition, provincialEntry: TestEntry): Promise<TestEntry> {
  const db = await testDb();
  const { key } = await db
    .selectFrom("categories")
    .select("key")
    .where("id", "=", provincialEntry.categoryId)
    .executeTakeFirstOrThrow();
  const category = national.categories[key];
  if (!category) throw new Error(`national edition ${national.id} has no category ${key}`);
  const nominated = await nominate(db, {
    nationalEditionId: national.id,
    categoryId: category.id,
    sourceEntryId: provincialEntry.id,
    userId: national.committee.id,
  });
  if (!nominated.ok) throw new Error(`entry ${provincialEntry.id} not nominated: ${nominated.reason}`);
  return { id: nominated.entryId, categoryId: category.id, organisation: provincialEntry.organisation };
}

export interface TestOrganisation {
  id: number;
  name: string;
  /** Its first member (an entrant). */
  member: TestUser;
}

/** An organisation with one member who signs in with PASSWORD. */
export async function createOrganisation(
  opts: { name?: string; kind?: OrganisationKind; region?: string } = {},
): Promise<TestOrganisation> {
  const db = await testDb();
  const tag = unique();
  const kind = opts.kind ?? "company";
  const name = opts.name ?? (kind === "company" ? `PT Uji Sejahtera ${tag}` : `Pemerintah Kota Uji ${tag}`);
  const company = kind === "company" || kind === "public_service";
  const { id } = await db
    .insertInto("organisations")
    .values({
      name,
      kind,
      region: opts.region ?? "Kota Samarinda, Kalimantan Timur",
      size: kind === "company" ? "large" : null,
      npp: company ? `NPP${tag}` : null,
      nib: company ? `${Date.now()}${counter}` : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const member = await createUser({ email: `peserta.${tag}@e2e.test`, name: `Petugas ${name}` });
  await addMembership(db, { userId: member.id, role: "entrant", organisationId: id });
  return { id, name, member };
}

/** Plausible figures of an entrant of the group; `quality` (0–1) moves them up or down. */
export function sampleFigures(category: CategoryKey, quality = 0.5): Figures {
  if (categoryGroup(category) === "government") {
    const workforce = 100_000;
    return {
      workforce,
      pu_covered: Math.round(workforce * (0.15 + 0.35 * quality)),
      bpu_covered: Math.round(workforce * 0.1),
      employers_registered: 1_000,
      non_asn_staff: 2_000,
      non_asn_all_four: Math.round(2_000 * (0.3 + 0.7 * quality)),
      vulnerable_apbd_workers: Math.round(1_000 + 20_000 * quality),
      vulnerable_apbd_amount: Math.round(1_000 + 20_000 * quality) * 16_800 * 12,
    };
  }
  const workers = 1_000;
  const figures: Figures = {
    workers,
    workers_registered: Math.round(workers * (0.8 + 0.2 * quality)),
    months_arrears: 0,
    months_on_time: 12,
  };
  for (const p of PROGRAMMES) figures[`programme_${p}`] = 1;
  figures.wages_paid = workers * 4_000_000;
  figures.wages_reported = figures.wages_paid;
  figures.accidents_reported = 2;
  return figures;
}

export interface TestEntry {
  id: number;
  categoryId: number;
  organisation: TestOrganisation;
}

/**
 * An entry of a (new, unless given) organisation in a category of the edition, with figures and
 * their indicators (none with `figures: null`). Submitted entries get a PDF for each criterion
 * that requires evidence unless `evidence: false`.
 */
export async function createEntry(
  edition: TestEdition,
  opts: {
    category?: CategoryKey;
    organisation?: TestOrganisation;
    status?: EntryStatus;
    figures?: Figures | null;
    quality?: number;
    evidence?: boolean;
  } = {},
): Promise<TestEntry> {
  const db = await testDb();
  const category = opts.category ?? (Object.keys(edition.categories)[0] as CategoryKey);
  const cat = edition.categories[category];
  if (!cat) throw new Error(`edition ${edition.id} has no category ${category}`);
  const organisation =
    opts.organisation ??
    (await createOrganisation({ kind: categoryGroup(category) === "government" ? "city" : "company" }));
  const status = opts.status ?? "submitted";
  const { id } = await db
    .insertInto("entries")
    .values({
      edition_id: edition.id,
      category_id: cat.id,
      organisation_id: organisation.id,
      status,
      submitted_at: status === "draft" || status === "pending" ? null : day(-2),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const figures = opts.figures === undefined ? sampleFigures(category, opts.quality) : opts.figures;
  if (figures) {
    for (const [key, value] of Object.entries(figures)) {
      if (value !== undefined) await db.insertInto("entry_figures").values({ entry_id: id, key, value }).execute();
    }
    for (const [indicator, value] of Object.entries(deriveIndicators(categoryGroup(category), figures, 1))) {
      await db.insertInto("indicator_values").values({ entry_id: id, indicator, value }).execute();
    }
  }
  const entry = { id, categoryId: cat.id, organisation };
  if (status !== "draft" && status !== "pending" && opts.evidence !== false) {
    for (const key of await requiredEvidence(cat.rubricId)) await addEvidenceFile(entry, key);
  }
  return entry;
}

/** The keys of the criteria of a rubric that require evidence, in order. */
export async function requiredEvidence(rubricId: number): Promise<string[]> {
  const db = await testDb();
  const rows = await db
    .selectFrom("criteria")
    .select("key")
    .where("rubric_id", "=", rubricId)
    .where("evidence_required", "=", 1)
    .orderBy("position")
    .execute();
  return rows.map((r) => r.key);
}

/** A one-page PDF stored as the server stores uploads (file in DATA_DIR/uploads and its row). */
export async function addEvidenceFile(
  entry: TestEntry,
  criterionKey: string,
  opts: { name?: string } = {},
): Promise<number> {
  const db = await testDb();
  const bytes = minimalPdf([`Bukti dukung: ${criterionKey}`, entry.organisation.name, "Dokumen uji e2e."]);
  const dir = join(process.env.E2E_DIR!, "uploads");
  mkdirSync(dir, { recursive: true });
  const storageName = `${randomUUID()}.pdf`;
  writeFileSync(join(dir, storageName), bytes);
  const { id } = await db
    .insertInto("evidence_files")
    .values({
      entry_id: entry.id,
      criterion_key: criterionKey,
      original_name: opts.name ?? `${criterionKey}.pdf`,
      storage_name: storageName,
      mime: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploaded_by: entry.organisation.member.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The judged criteria of a category's current rubric in one stage, in order. */
export async function judgedCriteria(categoryId: number, stage: StageKey) {
  const db = await testDb();
  return db
    .selectFrom("criteria as c")
    .innerJoin("rubrics as r", "r.id", "c.rubric_id")
    .select(["c.id", "c.key", "c.max"])
    .where("r.category_id", "=", categoryId)
    .where("r.version", "=", (eb) =>
      eb
        .selectFrom("rubrics as r2")
        .select((e) => e.fn.max("r2.version").as("v"))
        .where("r2.category_id", "=", categoryId),
    )
    .where("c.stage_key", "=", stage)
    .where("c.type", "=", "judged")
    .orderBy("c.position")
    .execute();
}

/**
 * A scoresheet of `user` on an entry in one stage: the assignment, and unless it is not started,
 * a "no conflict" declaration and a score for each judged criterion (`score` points, capped at the
 * criterion's maximum) with `note`; submitted unless `status` says otherwise.
 */
export async function createScoresheet(
  entry: TestEntry,
  user: TestUser,
  opts: { stage?: StageKey; status?: AssignmentStatus; score?: number; note?: string | null; createdBy?: number } = {},
): Promise<{ assignmentId: number }> {
  const db = await testDb();
  const stage = opts.stage ?? "desk";
  const status = opts.status ?? "submitted";
  const { id: assignmentId } = await db
    .insertInto("assignments")
    .values({
      entry_id: entry.id,
      user_id: user.id,
      stage_key: stage,
      status,
      version: status === "not_started" ? 0 : 1,
      submitted_at: status === "submitted" ? day(-1) : null,
      created_by: opts.createdBy ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (status === "not_started") return { assignmentId };
  const declared = await db
    .selectFrom("conflict_declarations")
    .select("id")
    .where("user_id", "=", user.id)
    .where("entry_id", "=", entry.id)
    .executeTakeFirst();
  if (!declared)
    await db
      .insertInto("conflict_declarations")
      .values({ user_id: user.id, entry_id: entry.id, has_conflict: 0 })
      .execute();
  for (const c of await judgedCriteria(entry.categoryId, stage)) {
    await db
      .insertInto("scores")
      .values({
        assignment_id: assignmentId,
        criterion_id: c.id,
        value: Math.min(c.max ?? 100, opts.score ?? 70),
        note: opts.note === undefined ? "Bukti dukung cukup lengkap." : opts.note,
        status: status === "submitted" ? "submitted" : "draft",
      })
      .execute();
  }
  return { assignmentId };
}

/** An assignment not started yet (no declaration, no scores). */
export function createAssignment(entry: TestEntry, user: TestUser, stage: StageKey = "desk") {
  return createScoresheet(entry, user, { stage, status: "not_started" });
}

export interface ScoredEdition extends TestEdition {
  /** Every entry, category by category in the order given, the best of each category first. */
  entries: TestEntry[];
  assessors: TestUser[];
  jurors: TestUser[];
}

/**
 * Whole desk stages in one call, shaped like the demo's: for each category, that many submitted
 * entries, each with three of the `assessors` on it; the first two have submitted their scores
 * (with notes), the third has a draft, so the ranking warns of missing scoresheets. Entries are
 * of distinct quality, the first of each category best.
 */
export async function createScoredEdition(
  opts: {
    categories?: Partial<Record<CategoryKey, number>>;
    assessors?: number;
    jurors?: number;
    committee?: TestUser;
    name?: string;
    region?: string;
  } = {},
): Promise<ScoredEdition> {
  const counts = opts.categories ?? { regency_city: 8 };
  const edition = await createEdition({
    categories: Object.keys(counts) as CategoryKey[],
    committee: opts.committee,
    region: opts.region,
    name: opts.name,
  });
  const assessors: TestUser[] = [];
  for (let i = 0; i < (opts.assessors ?? 5); i++) assessors.push(await createMember(edition.id, "assessor"));
  const jurors: TestUser[] = [];
  for (let i = 0; i < (opts.jurors ?? 2); i++) jurors.push(await createMember(edition.id, "juror"));
  const entries: TestEntry[] = [];
  for (const [category, count] of Object.entries(counts) as [CategoryKey, number][]) {
    for (let n = 0; n < count; n++) {
      const quality = 1 - n / count;
      const entry = await createEntry(edition, { category, quality });
      for (let k = 0; k < 3; k++) {
        await createScoresheet(entry, assessors[(n + k) % assessors.length], {
          status: k < 2 ? "submitted" : "draft",
          score: Math.round(40 + 50 * quality) + k,
          note: k === 0 ? `Catatan penilai ${n + 1}: bukti dukung konsisten.` : "Cukup baik.",
          createdBy: edition.committee.id,
        });
      }
      entries.push(entry);
    }
  }
  return { ...edition, entries, assessors, jurors };
}

/**
 * Publishes a category of the edition as it is scored now, straight through the query layer (no
 * sign-off page): every stage of the edition is closed first, as a real publication requires.
 */
export async function publishCategory(edition: TestEdition, category: CategoryKey): Promise<{ sha256: string }> {
  const db = await testDb();
  const cat = edition.categories[category];
  if (!cat) throw new Error(`edition ${edition.id} has no category ${category}`);
  await db.updateTable("edition_stages").set({ status: "closed" }).where("edition_id", "=", edition.id).execute();
  const scoring = await scoreCategory(db, { id: cat.id, key: category });
  if (!scoring?.snapshot) throw new Error(`category ${category} of edition ${edition.id} cannot be scored`);
  const { inputJson, resultJson, sha256 } = scoring.snapshot;
  await publishSnapshot(db, {
    editionId: edition.id,
    categoryId: cat.id,
    rubricId: scoring.rubricId,
    inputJson,
    resultJson,
    sha256,
    userId: edition.committee.id,
  });
  return { sha256 };
}

/**
 * Juara I of a published category of an edition of its own: an entry of `organisation` (a company)
 * scored by two assessors, the only entry of its category.
 */
export async function createPublishedWinner(organisation: TestOrganisation): Promise<TestEntry> {
  const edition = await createEdition({ categories: ["large"] });
  const entry = await createEntry(edition, { category: "large", organisation, quality: 0.9 });
  for (let k = 0; k < 2; k++)
    await createScoresheet(entry, await createMember(edition.id, "assessor"), {
      score: 80 + k,
      createdBy: edition.committee.id,
    });
  await publishCategory(edition, "large");
  return entry;
}

/**
 * A message in the outbox to an account, as a change would have written it (a "results published"
 * of the edition's first category), then set to the status asked for: sent, or failed with an error.
 */
export async function createMessage(
  edition: TestEdition,
  to: TestUser,
  opts: { status?: "queued" | "sent" | "failed"; lastError?: string; createdAt?: Date; entryId?: number } = {},
): Promise<number> {
  const db = await testDb();
  const categoryKey = Object.keys(edition.categories)[0] as CategoryKey;
  const id = await enqueue(db, {
    event: "results_published",
    // The entry its scorecard link names (none by default: a link no test follows).
    params: { editionId: edition.id, editionName: edition.name, categoryKey, entryId: opts.entryId ?? 0 },
    editionId: edition.id,
    to: { userId: to.id },
    now: opts.createdAt,
  });
  if (id === null) throw new Error(`createMessage: ${to.email} takes no messages`);
  const status = opts.status ?? "queued";
  if (status !== "queued")
    await db
      .updateTable("outbox")
      .set({
        status,
        attempts: 1,
        sent_at: status === "sent" ? new Date().toISOString() : null,
        last_error: status === "failed" ? (opts.lastError ?? "550 5.1.1 mailbox unavailable") : null,
      })
      .where("id", "=", id)
      .execute();
  return id;
}

/**
 * Opens the plenary of a category and stage (default: the first category, desk), chaired by the
 * edition's committee member, going ahead even when sheets are not all submitted.
 */
export async function createPlenary(
  edition: TestEdition,
  opts: { category?: CategoryKey; stage?: StageKey; margin?: number; named?: boolean } = {},
): Promise<number> {
  const db = await testDb();
  const category = opts.category ?? (Object.keys(edition.categories)[0] as CategoryKey);
  const opened = await openPlenary(db, {
    editionId: edition.id,
    categoryId: edition.categories[category]!.id,
    stage: opts.stage ?? "desk",
    chairId: edition.committee.id,
    margin: opts.margin ?? 2,
    named: opts.named ?? false,
    goAhead: true,
    userId: edition.committee.id,
  });
  if (!opened.ok) throw new Error(`plenary of ${category} not opened: ${opened.reason}`);
  return opened.plenaryId;
}

/**
 * Issues the plenary's minutes as its chair would, the whole panel present (held today, "Ruang
 * Rapat"); returns the plenary's id. The content is read as the minutes page reads it.
 */
export async function createMinutes(plenaryId: number): Promise<number> {
  const db = await testDb();
  // The ranking of the test's database is computed here (askRanking), not by a server's worker.
  process.env.RANKING_WORKER = "off";
  const { minutesContent } = await import("../../app/lib/minutes.server");
  const plenary = (await plenaryFacts(db, plenaryId))!;
  const panel = await plenaryPanel(db, plenaryId);
  const heldOn = new Date().toISOString().slice(0, 10);
  const content = await minutesContent(db, plenary, {
    heldOn,
    place: "Ruang Rapat",
    present: new Set(panel.map((p) => p.userId)),
    issuedBy: plenary.chairName,
    issuedAt: new Date().toISOString(),
  });
  if (!content) throw new Error(`plenary ${plenaryId}: no ranking to record`);
  const issued = await issueMinutes(db, { plenaryId, heldOn, place: "Ruang Rapat", content, userId: plenary.chairId });
  if (!issued.ok) throw new Error(`minutes of plenary ${plenaryId} not issued: ${issued.reason}`);
  return plenaryId;
}
