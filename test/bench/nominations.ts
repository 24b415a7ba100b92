// npm run bench — the national committee's nomination board (db/queries/nominations.ts
// nominationBoard, read on every view of /committee/<edition>/nominations) at national scale: a
// national edition linked to 38 provincial editions, 5 categories each, every category published
// with ~300 ranked entries (the real score() output, with sensitivity), two provinces republished
// after nomination, and a few dozen nominees. Timed interleaved against two bare better-sqlite3
// baselines reading the same database: "standings" reads the current publications' stored first
// places (the board's unavoidable work under the default rule), "parse" JSON.parses the whole
// snapshots (what the board would cost without stored standings), "rows" reads the same small rows
// (categories, links, events, nominees) and nothing of the publications (the floor). A page should stay under ~50 ms CPU. Not a test: it prints figures, it
// asserts nothing.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROVINCES } from "../../app/domain/levels";
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { nominationBoard } from "../../db/queries/nominations";
import { score, type ScoringResult } from "../../scoring/index";
import { standingsOf } from "../../app/domain/publications";
import { buildInput } from "./gen";

const KEYS = ["regency_city", "large", "medium", "public_service", "micro_small"] as const;
const PER_CATEGORY = 300;
const REPUBLISHED = 2; // provinces whose regency_city category is republished after nomination
const NOMINATING = 20; // provinces whose Juara I of regency_city and large are nominated

/** One scoring run per template (nominee ids "nom-00000"…), reused with each category's entry ids. */
function template(seed: number) {
  const input = buildInput(
    { perCategory: PER_CATEGORY, deskAssessors: 5, categories: ["nom"], sensitivity: true },
    seed,
  );
  const result = score(input);
  const top = Number(result.categories[0]!.ranking[0]!.nominee.slice(4));
  return { input: JSON.stringify(input), result: JSON.stringify(result), top };
}
const withIds = (json: string, ids: number[]) =>
  json.replace(/"nom-(\d{5})"/g, (_, n: string) => `"${ids[Number(n)]}"`);

const dir = mkdtempSync(join(tmpdir(), "bench-nominations-"));
const path = join(dir, "bench.sqlite");
const db = await createDb(`file:${path}`);
await migrateToLatest(db);
const raw = new Database(path);
raw.pragma("journal_mode = WAL");

const setupStart = performance.now();
const first = template(20240817);
const again = template(20250101);
const at = "2025-06-01T00:00:00.000Z";
const q = {
  edition: raw.prepare(
    "insert into editions (name, year, level, region, status, period_start, period_end) values (?, 2025, ?, ?, 'published', '2025-01-01', '2025-12-31')",
  ),
  category: raw.prepare("insert into categories (edition_id, key, nominate_top) values (?, ?, ?)"),
  rubric: raw.prepare("insert into rubrics (category_id, version) values (?, 1)"),
  organisation: raw.prepare("insert into organisations (name, kind, region) values (?, ?, ?)"),
  entry: raw.prepare(
    "insert into entries (edition_id, category_id, organisation_id, status, submitted_at, source_entry_id, source_publication_id, source_rank, source_total) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  ),
  publication: raw.prepare(
    "insert into publications (edition_id, category_id, rubric_id, input_json, result_json, sha256, published_at) values (?, ?, ?, ?, ?, ?, ?)",
  ),
  standing: raw.prepare("insert into publication_standings (publication_id, nominee, rank, total) values (?, ?, ?, ?)"),
  event: raw.prepare("insert into publication_events (publication_id, category_id, published_at) values (?, ?, ?)"),
  link: raw.prepare(
    "insert into edition_links (national_edition_id, provincial_edition_id, linked_at) values (?, ?, ?)",
  ),
};
const id = (r: Database.RunResult) => Number(r.lastInsertRowid);
const publish = (edition: number, category: number, rubric: number, t: typeof first, ids: number[]) => {
  const input = withIds(t.input, ids);
  const result = withIds(t.result, ids);
  const sha = createHash("sha256").update(input).update("\n").update(result).digest("hex");
  const p = id(q.publication.run(edition, category, rubric, input, result, sha, at));
  for (const s of standingsOf(JSON.parse(result) as ScoringResult)) q.standing.run(p, s.nominee, s.rank, s.total);
  q.event.run(p, category, at);
  return p;
};

let nationalId = 0;
let nominees = 0;
raw.transaction(() => {
  nationalId = id(q.edition.run("Paritrana Award 2025", "national", "Indonesia"));
  const national = new Map(KEYS.map((k, i) => [k, id(q.category.run(nationalId, k, i === 0 ? 3 : 1))]));
  PROVINCES.forEach((province, p) => {
    const edition = id(q.edition.run(`Paritrana Award 2025 — ${province}`, "provincial", province));
    q.link.run(nationalId, edition, at);
    for (const key of KEYS) {
      const category = id(q.category.run(edition, key, 1));
      const rubric = id(q.rubric.run(category));
      const ids = Array.from({ length: PER_CATEGORY }, (_, n) => {
        const org = id(
          q.organisation.run(`${key} ${province} ${n}`, key === "regency_city" ? "regency" : "company", province),
        );
        return id(q.entry.run(edition, category, org, "published", at, null, null, null, null));
      });
      const publication = publish(edition, category, rubric, first, ids);
      if (p < NOMINATING && (key === "regency_city" || key === "large")) {
        const source = ids[first.top]!;
        const org = raw.prepare("select organisation_id from entries where id = ?").pluck().get(source) as number;
        q.entry.run(nationalId, national.get(key), org, "submitted", at, source, publication, 1, 90);
        nominees += 1;
      }
      if (p < REPUBLISHED && key === "regency_city") publish(edition, category, rubric, again, ids);
    }
  });
})();
const setupSeconds = (performance.now() - setupStart) / 1000;

// The baselines read the same tables with plain prepared statements.
const b = {
  categories: raw.prepare("select id, key, nominate_top from categories where edition_id = ?"),
  links: raw.prepare(
    "select ed.id, ed.name, ed.region from edition_links l join editions ed on ed.id = l.provincial_edition_id where l.national_edition_id = ?",
  ),
  provincial: raw.prepare(
    "select c.id, c.edition_id, c.key from categories c join edition_links l on l.provincial_edition_id = c.edition_id where l.national_edition_id = ?",
  ),
  nominated: raw.prepare(
    "select e.id, e.status, e.source_entry_id, e.source_publication_id, s.category_id, o.name from entries e join entries s on s.id = e.source_entry_id join organisations o on o.id = e.organisation_id where e.edition_id = ?",
  ),
  events: raw.prepare(
    "select ev.category_id, max(ev.id) as id, ev.publication_id from publication_events ev join categories c on c.id = ev.category_id join edition_links l on l.provincial_edition_id = c.edition_id where l.national_edition_id = ? group by ev.category_id",
  ),
  result: raw.prepare("select result_json from publications where id = ?").pluck(),
  standings: raw.prepare(
    "select nominee, rank, total from publication_standings where publication_id = ? and rank <= 1",
  ),
};
function smallRows(): { publication_id: number }[] {
  b.categories.all(nationalId);
  b.links.all(nationalId);
  b.provincial.all(nationalId);
  b.nominated.all(nationalId);
  return b.events.all(nationalId) as { publication_id: number }[];
}
function bareParse(): number {
  let checksum = 0;
  for (const e of smallRows())
    checksum += Number(
      (JSON.parse(b.result.get(e.publication_id) as string) as { categories: { ranking: { nominee: string }[] }[] })
        .categories[0]!.ranking[0]!.nominee,
    );
  return checksum;
}
function bareStandings(): number {
  let checksum = 0;
  for (const e of smallRows())
    checksum += Number((b.standings.all(e.publication_id) as { nominee: string }[])[0]!.nominee);
  return checksum;
}
function bareRows(): number {
  return smallRows().length;
}

async function cpuMs(run: () => unknown, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}
const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)]!;

const firstView = await cpuMs(() => nominationBoard(db, nationalId), 1);
const board = await nominationBoard(db, nationalId);
const runs = { app: [] as number[], parse: [] as number[], standings: [] as number[], rows: [] as number[] };
// Each sample lasts ≥ ~100 ms; rounds interleaved so that all three see the same machine.
const reps = (ms: number) => Math.max(1, Math.ceil(100 / Math.max(ms, 0.01)));
const n = {
  app: reps(await cpuMs(() => nominationBoard(db, nationalId), 1)),
  parse: reps(await cpuMs(bareParse, 1)),
  standings: reps(await cpuMs(bareStandings, 1)),
  rows: reps(await cpuMs(bareRows, 1)),
};
for (let round = 0; round < 7; round++) {
  runs.app.push(await cpuMs(() => nominationBoard(db, nationalId), n.app));
  runs.parse.push(await cpuMs(bareParse, n.parse));
  runs.standings.push(await cpuMs(bareStandings, n.standings));
  runs.rows.push(await cpuMs(bareRows, n.rows));
}
const mb = (
  (raw
    .prepare(
      "select sum(length(p.result_json)) from publications p join (select max(id) as id from publication_events group by category_id) cur join publication_events ev on ev.id = cur.id and ev.publication_id = p.id",
    )
    .pluck()
    .get() as number) / 1e6
).toFixed(1);
const [app, parse, standings, rows] = [median(runs.app), median(runs.parse), median(runs.standings), median(runs.rows)];
const candidates = board.categories.reduce((s, c) => s + c.provinces.reduce((t, p) => t + p.candidates.length, 0), 0);
console.log(
  `nomination board: ${PROVINCES.length} provinces × ${KEYS.length} categories × ${PER_CATEGORY} ranked, ` +
    `${nominees} nominees, ${REPUBLISHED} republished (~${mb} MB of result_json; setup ${setupSeconds.toFixed(0)} s)`,
);
console.log(`  board shows ${candidates} candidates and ${board.changes.length} changes to review`);
console.log(
  `  nominationBoard ${app.toFixed(1)} ms CPU per view (first view: ${firstView.toFixed(1)} ms; target < 50 ms); ` +
    `bare read of the stored first places ${standings.toFixed(1)} ms: ${(app / standings).toFixed(2)}×; ` +
    `of the whole snapshots ${parse.toFixed(1)} ms: ${(app / parse).toFixed(3)}×; ` +
    `bare small rows only (no snapshot) ${rows.toFixed(2)} ms: ${(app / rows).toFixed(1)}×`,
);
await db.destroy();
raw.close();
rmSync(dir, { recursive: true, force: true });
