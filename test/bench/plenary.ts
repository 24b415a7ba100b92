// npm run bench — the plenary's discussion list (app/lib/plenary-view.server.ts discussionList) of
// a category of 500 entries × 3 submitted desk sheets over 40 assessors (the page benchmark's
// generated edition, test/bench/pages/generate.ts), for its chair, with the category's ranking
// (sensitivity check included) already cached: CPU per call against a bare better-sqlite3 read of
// the same rows (the sheets counted per entry, comment counts, decisions) in the same run. The
// first call, which scores the category, is shown apart. Not a test: it prints figures only.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../../db/client";
import { plenaryFacts } from "../../db/queries/plenary";
import { discussionList } from "../../app/lib/plenary-view.server";
import { generate } from "./pages/generate";

const ENTRIES = 500;
process.env.RANKING_WORKER = "off"; // the bench's own handle: answered in this thread, as in tests

const dir = mkdtempSync(join(tmpdir(), "bench-plenary-"));
const path = join(dir, "bench.sqlite");
const data = await generate(`file:${path}`, ENTRIES, dir);
const raw = new Database(path);
raw.pragma("journal_mode = WAL");
// Every sheet submitted (the generator keeps a few drafts for the save benchmark).
raw
  .prepare(
    `update assignments set status = 'submitted', submitted_at = coalesce(submitted_at, '2025-01-01T00:00:00.000Z')
   where entry_id in (select id from entries where category_id = ?)`,
  )
  .run(data.categoryId);
raw
  .prepare(
    "update scores set status = 'submitted' where assignment_id in (select a.id from assignments a join entries e on e.id = a.entry_id where e.category_id = ?)",
  )
  .run(data.categoryId);
const chair = raw
  .prepare(
    "select user_id from memberships where edition_id = ? and role = 'committee' and active = 1 order by user_id",
  )
  .pluck()
  .get(data.editionId) as number;
const plenaryId = Number(
  raw
    .prepare(
      "insert into plenaries (edition_id, category_id, stage_key, chair_id, opened_by, opened_at) values (?, ?, 'desk', ?, ?, ?)",
    )
    .run(data.editionId, data.categoryId, chair, chair, new Date().toISOString()).lastInsertRowid,
);

const db = await createDb(`file:${path}`);
const plenary = (await plenaryFacts(db, plenaryId))!;
const viewer = { userId: chair, role: "chair" as const };

const bareQ = {
  sheets: raw.prepare(
    `select e.id, o.name, count(*) as sheets, sum(case when a.status = 'submitted' then 1 else 0 end) as submitted
     from assignments a join entries e on e.id = a.entry_id
     join edition_stages s on s.edition_id = e.edition_id and s.key = a.stage_key
     join organisations o on o.id = e.organisation_id
     where e.category_id = ? and e.status in ('submitted', 'in_verification', 'shortlisted', 'not_shortlisted', 'published') and a.stage_key = 'desk'
       and exists (select 1 from memberships m where m.user_id = a.user_id and m.edition_id = e.edition_id and m.role = s.panel and m.active = 1)
     group by e.id, o.name order by e.id`,
  ),
  comments: raw.prepare("select entry_id, count(*) as n from plenary_comments where plenary_id = ? group by entry_id"),
  decisions: raw.prepare(
    "select d.id, d.entry_id, d.decision, d.reason, d.withdrawn_at from plenary_decisions d where d.plenary_id = ?",
  ),
};
function bare() {
  return [bareQ.sheets.all(data.categoryId), bareQ.comments.all(plenaryId), bareQ.decisions.all(plenaryId)];
}

async function cpuMs(run: () => unknown, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}
const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)]!;

const first = await cpuMs(() => discussionList(db, plenary, viewer), 1);
const list = await discussionList(db, plenary, viewer);
const runs = { app: [] as number[], bare: [] as number[] };
for (let round = 0; round < 7; round++) {
  runs.app.push(await cpuMs(() => discussionList(db, plenary, viewer), 10));
  runs.bare.push(await cpuMs(bare, 10));
}
const [app, base] = [median(runs.app), median(runs.bare)];
console.log(`plenary discussion list: ${list.rows.length} entries × 3 submitted sheets, 40 assessors`);
console.log(
  `  first call (scores the category with the sensitivity check) ${first.toFixed(0)} ms CPU; ` +
    `warm ranking cache ${app.toFixed(2)} ms CPU; bare reads of the same rows ${base.toFixed(2)} ms: ${(app / base).toFixed(2)}×`,
);

await db.destroy();
raw.close();
rmSync(dir, { recursive: true, force: true });
