// npm run bench — the reminder scheduler (db/queries/reminders.ts queueReminders, run by the server
// at start and every 15 minutes on the request thread) on deadline week of a large edition: 1,000
// organisations with a draft (2 members each) before the registration deadline, and a second
// edition's open desk stage with 1,500 entries, 3 sheets each, spread over 50 assessors, none
// submitted. Timed against a bare better-sqlite3 baseline doing the same reads (the drafts with their
// members, the sheets counted per assessor, the outbox's dedupe keys). "first run" writes every
// reminder; "steady" is every later run of that week (nothing new to write).
// Then the committee's outbox page (counts, one page of 50 with its subjects in the reader's
// language) over 40,000 messages of that edition, first and last page, against a bare read of the
// same counts and rows. Not a test: it prints figures, it asserts nothing.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { queueReminders } from "../../db/queries/reminders";
import { outboxCounts, outboxPage } from "../../db/queries/outbox-list";
import { messageSubject } from "../../app/lib/messages.server";

const DRAFTS = 1000;
const ENTRIES = 1500;
const ASSESSORS = 50;
const PER_ENTRY = 3;

const dir = mkdtempSync(join(tmpdir(), "bench-notifications-"));
const path = join(dir, "bench.sqlite");
const db = await createDb(`file:${path}`);
await migrateToLatest(db);
const raw = new Database(path);
raw.pragma("journal_mode = WAL");

const now = new Date("2025-03-26T03:00:00.000Z");
const deadline = "2025-03-31T16:59:59.999Z"; // five days on: the 7-day reminder is due
const id = (r: Database.RunResult) => Number(r.lastInsertRowid);
const q = {
  edition: raw.prepare(
    "insert into editions (name, year, level, region, status, period_start, period_end, registration_deadline) values (?, 2025, 'provincial', 'Kalimantan Timur', ?, '2024-01-01', '2024-12-31', ?)",
  ),
  stage: raw.prepare(
    "insert into edition_stages (edition_id, key, position, panel, status, deadline) values (?, ?, ?, ?, ?, ?)",
  ),
  category: raw.prepare("insert into categories (edition_id, key) values (?, 'large')"),
  organisation: raw.prepare("insert into organisations (name, kind, region) values (?, 'company', 'Kalimantan Timur')"),
  entry: raw.prepare("insert into entries (edition_id, category_id, organisation_id, status) values (?, ?, ?, ?)"),
  user: raw.prepare("insert into users (email, name) values (?, ?)"),
  membership: raw.prepare("insert into memberships (user_id, role, edition_id, organisation_id) values (?, ?, ?, ?)"),
  assignment: raw.prepare("insert into assignments (entry_id, user_id, stage_key) values (?, ?, 'desk')"),
};
raw.transaction(() => {
  const open = id(q.edition.run("Paritrana Award 2025 — pendaftaran", "registration", deadline));
  q.stage.run(open, "desk", 1, "assessor", "pending", "2025-05-01T16:59:59.999Z");
  const openCategory = id(q.category.run(open));
  for (let i = 0; i < DRAFTS; i++) {
    const org = id(q.organisation.run(`PT Draf ${i}`));
    q.entry.run(open, openCategory, org, "draft");
    for (let m = 0; m < 2; m++)
      q.membership.run(id(q.user.run(`draf${i}.${m}@x.test`, `Draf ${i}.${m}`)), "entrant", null, org);
  }
  const assessing = id(q.edition.run("Paritrana Award 2025 — penilaian", "assessment", "2025-02-01T16:59:59.999Z"));
  q.stage.run(assessing, "desk", 1, "assessor", "open", deadline);
  const category = id(q.category.run(assessing));
  const assessors = Array.from({ length: ASSESSORS }, (_, a) => {
    const user = id(q.user.run(`penilai${a}@x.test`, `Penilai ${a}`));
    q.membership.run(user, "assessor", assessing, null);
    return user;
  });
  for (let i = 0; i < ENTRIES; i++) {
    const entry = id(q.entry.run(assessing, category, id(q.organisation.run(`PT Nilai ${i}`)), "submitted"));
    for (let k = 0; k < PER_ENTRY; k++) q.assignment.run(entry, assessors[(i * PER_ENTRY + k) % ASSESSORS]!);
  }
})();

// The baseline: the same reads with plain prepared statements.
const b = {
  drafts: raw.prepare(
    `select e.id, e.status, e.reopened_reason, e.category_id, c.key, o.name, ed.id as edition, ed.name as edition_name,
       ed.registration_deadline, u.id as user, u.email, u.locale,
       (select s.status from edition_stages s where s.edition_id = e.edition_id order by s.position limit 1) as first_stage
     from entries e join editions ed on ed.id = e.edition_id join categories c on c.id = e.category_id
     join organisations o on o.id = e.organisation_id
     join memberships m on m.organisation_id = e.organisation_id and m.role = 'entrant' and m.active = 1
     join users u on u.id = m.user_id
     where e.status = 'draft' and ed.archived_at is null and ed.registration_deadline between ? and ?
       and u.active = 1 and u.anonymised_at is null and u.reminders = 1`,
  ),
  sheets: raw.prepare(
    `select s.id, s.key, s.deadline, ed.id, ed.name, u.id as user, u.email, u.locale, count(*) as n
     from assignments a join entries e on e.id = a.entry_id
     join edition_stages s on s.edition_id = e.edition_id and s.key = a.stage_key
     join editions ed on ed.id = e.edition_id join users u on u.id = a.user_id
     left join conflict_declarations cd on cd.entry_id = a.entry_id and cd.user_id = a.user_id and cd.has_conflict = 1
     where s.status = 'open' and s.deadline between ? and ? and a.status != 'submitted' and cd.id is null
       and e.status not in ('draft', 'registered', 'rejected')
       and exists (select 1 from memberships m where m.user_id = a.user_id and m.edition_id = e.edition_id and m.role = s.panel and m.active = 1)
       and u.active = 1 and u.anonymised_at is null and u.reminders = 1
     group by s.id, s.key, s.deadline, ed.id, ed.name, u.id, u.email, u.locale`,
  ),
  keys: raw.prepare("select dedupe_key from outbox where dedupe_key in (select value from json_each(?))").pluck(),
};
const from = new Date(now.getTime() - 86_400_000).toISOString();
const to = new Date(now.getTime() + 8 * 86_400_000).toISOString();
function bare(): number {
  const drafts = b.drafts.all(from, to) as { id: number; user: number }[];
  const sheets = b.sheets.all(from, to) as { id: number; user: number }[];
  const keys = [
    ...drafts.map((d) => `reminder:entry:${d.id}:${deadline}:7:${d.user}`),
    ...sheets.map((s) => `reminder:scoresheets:stage-${s.id}:${deadline}:7:${s.user}`),
  ];
  return (b.keys.all(JSON.stringify(keys)) as string[]).length;
}

async function cpuMs(run: () => unknown, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}
const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)]!;

let written = 0;
const firstRun = await cpuMs(async () => (written = await queueReminders(db, now)), 1);
const runs = { app: [] as number[], bare: [] as number[] };
for (let round = 0; round < 7; round++) {
  runs.app.push(await cpuMs(() => queueReminders(db, now), 3));
  runs.bare.push(await cpuMs(bare, 3));
}
const [app, base] = [median(runs.app), median(runs.bare)];
// The run yields between its two reads: what one block of the thread costs is the larger of them.
const draftsRead = await cpuMs(() => b.drafts.all(from, to), 5);
const sheetsRead = await cpuMs(() => b.sheets.all(from, to), 5);
console.log(
  `reminders: ${DRAFTS} drafts × 2 members, ${ENTRIES} entries × ${PER_ENTRY} sheets over ${ASSESSORS} assessors`,
);
console.log(
  `  first run ${firstRun.toFixed(0)} ms CPU (wrote ${written} reminders); every later run ${app.toFixed(1)} ms CPU; ` +
    `bare reads of the same rows ${base.toFixed(1)} ms: ${(app / base).toFixed(2)}×`,
);
console.log(
  `  of which, bare: the drafts with their members ${draftsRead.toFixed(1)} ms, the sheets per assessor ${sheetsRead.toFixed(1)} ms`,
);

// The outbox page of the assessing edition, with 40,000 messages (receipts with 20 figures and 10
// files, results, reminders), 1% failed.
const MESSAGES = 40_000;
const assessingId = raw.prepare("select id from editions where status = 'assessment'").pluck().get() as number;
const receipt = JSON.stringify({
  editionId: assessingId,
  editionName: "Paritrana Award 2025 — penilaian",
  entryId: 1,
  organisationName: "PT Nilai 1",
  categoryKey: "large",
  submittedAt: now.toISOString(),
  figures: Array.from({ length: 20 }, (_, i) => ({ key: `figure_${i}`, value: i * 1000 })),
  files: Array.from({ length: 10 }, (_, i) => ({
    criterion: `c${i}`,
    name: `bukti-${i}.pdf`,
    bytes: 200_000,
    sha256: "ab".repeat(32),
  })),
});
const results = JSON.stringify({
  editionId: assessingId,
  editionName: "Paritrana Award 2025 — penilaian",
  categoryKey: "large",
  entryId: 1,
});
const insertMessage = raw.prepare(
  "insert into outbox (event, params, edition_id, user_id, to_address, locale, status, attempts, next_attempt_at, created_at, last_error) values (?, ?, ?, null, ?, ?, ?, 1, ?, ?, ?)",
);
raw.transaction(() => {
  for (let i = 0; i < MESSAGES; i++) {
    const failed = i % 100 === 0;
    insertMessage.run(
      i % 2 ? "entry_submitted" : "results_published",
      i % 2 ? receipt : results,
      assessingId,
      `orang${i}@x.test`,
      i % 3 ? "id" : "en",
      failed ? "failed" : "sent",
      now.toISOString(),
      now.toISOString(),
      failed ? "550 5.1.1 No such user" : null,
    );
  }
})();
const lastPage = Math.ceil(MESSAGES / 50);
async function outboxView(page: number) {
  const [counts, list] = await Promise.all([outboxCounts(db, assessingId), outboxPage(db, assessingId, { page })]);
  return [counts, list.rows.map((r) => messageSubject(r))];
}
const bareOutbox = {
  counts: raw.prepare("select status, count(*) as n from outbox where edition_id = ? group by status"),
  total: raw.prepare("select count(*) from outbox where edition_id = ?").pluck(),
  rows: raw.prepare(
    "select id, event, params, to_address, locale, status, attempts, last_error, created_at, sent_at, user_id from outbox where edition_id = ? order by id desc limit 50 offset ?",
  ),
};
function bareOutboxView(page: number) {
  bareOutbox.counts.all(assessingId);
  bareOutbox.total.get(assessingId);
  return bareOutbox.rows.all(assessingId, (page - 1) * 50).length;
}
const pageRuns = { first: [] as number[], last: [] as number[], bareFirst: [] as number[], bareLast: [] as number[] };
for (let round = 0; round < 7; round++) {
  pageRuns.first.push(await cpuMs(() => outboxView(1), 5));
  pageRuns.bareFirst.push(await cpuMs(() => bareOutboxView(1), 5));
  pageRuns.last.push(await cpuMs(() => outboxView(lastPage), 5));
  pageRuns.bareLast.push(await cpuMs(() => bareOutboxView(lastPage), 5));
}
const [first, bareFirst, last, bareLast] = [pageRuns.first, pageRuns.bareFirst, pageRuns.last, pageRuns.bareLast].map(
  median,
) as [number, number, number, number];
console.log(
  `outbox page over ${MESSAGES} messages of one edition: first page ${first.toFixed(1)} ms CPU ` +
    `(bare read of the same counts and rows ${bareFirst.toFixed(1)} ms: ${(first / bareFirst).toFixed(2)}×); ` +
    `last page ${last.toFixed(1)} ms (bare ${bareLast.toFixed(1)} ms: ${(last / bareLast).toFixed(2)}×)`,
);
await db.destroy();
raw.close();
rmSync(dir, { recursive: true, force: true });
