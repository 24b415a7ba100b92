// The floor the page benchmark compares the app against: a bare node:http server that, for each
// benchmarked page, does the essential work with prepared statements (better-sqlite3, or pg):
// reads the session row named by the signed cookie, the user and their memberships, the rows the
// page shows, and answers an HTML page about as large as the app's (BENCH_PAGE_BYTES, measured by
// the driver). Not a second app: no layout, no texts, no checks beyond access.
//
// Run by run.ts: node --import tsx test/bench/pages/baseline.ts (env DATABASE_URL, PORT,
// SESSION_SECRET, BENCH_PAGE_BYTES).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openSql, type Sql } from "./sql";

export const BASELINE_SCRIPT = fileURLToPath(import.meta.url);
export type PageKey = "entry" | "list" | "ranking" | "progress" | "save";
const RANKING_PAGE = 50;

const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The session id in a Remix signed cookie (base64 JSON, then "." and an HMAC-SHA256), or null. */
function sessionId(cookieHeader: string | undefined, secret: string): string | null {
  const raw = cookieHeader?.match(/(?:^|;\s*)__paritrana=([^;]*)/)?.[1];
  if (!raw) return null;
  const value = decodeURIComponent(raw);
  const dot = value.lastIndexOf(".");
  if (dot < 0) return null;
  const payload = value.slice(0, dot);
  const expected = Buffer.from(createHmac("sha256", secret).update(payload).digest("base64").replace(/=+$/, ""));
  const given = Buffer.from(value.slice(dot + 1));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const id: unknown = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  return typeof id === "string" ? id : null;
}

type Viewer = {
  id: number;
  name: string;
  memberships: { role: string; edition_id: number | null; organisation_name: string | null }[];
};

async function viewerOf(sql: Sql, req: IncomingMessage, secret: string): Promise<Viewer | null> {
  const id = sessionId(req.headers.cookie, secret);
  if (!id) return null;
  const session = await sql.get<{ data: string }>("SELECT data FROM sessions WHERE id = ? AND expires_at > ?", [
    id,
    new Date().toISOString(),
  ]);
  const userId = session ? (JSON.parse(session.data) as { userId?: number }).userId : undefined;
  if (typeof userId !== "number") return null;
  const user = await sql.get<{ id: number; name: string; active: number }>(
    "SELECT id, name, active FROM users WHERE id = ?",
    [userId],
  );
  if (!user || user.active !== 1) return null;
  const memberships = await sql.all<Viewer["memberships"][number]>(
    `SELECT m.role, m.edition_id, o.name AS organisation_name FROM memberships m
     LEFT JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ? AND m.active = 1 ORDER BY m.id`,
    [userId],
  );
  return { id: user.id, name: user.name, memberships };
}

const table = (head: string[], rows: unknown[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;

// The assessor's sheet of an entry in an open stage of their panel, without a declared conflict.
const ACCESS = `SELECT a.id, a.version, a.status, a.stage_key, s.deadline, s.status AS stage_status, e.edition_id,
    e.category_id, o.name AS organisation, o.region, ed.name AS edition
  FROM assignments a JOIN entries e ON e.id = a.entry_id JOIN organisations o ON o.id = e.organisation_id
  JOIN editions ed ON ed.id = e.edition_id
  JOIN edition_stages s ON s.edition_id = e.edition_id AND s.key = a.stage_key
  JOIN conflict_declarations cd ON cd.entry_id = a.entry_id AND cd.user_id = a.user_id AND cd.has_conflict = 0
  WHERE a.entry_id = ? AND a.user_id = ? AND s.status = 'open' ORDER BY s.position LIMIT 1`;
type Access = {
  id: number;
  version: number;
  status: string;
  stage_key: string;
  deadline: string | null;
  stage_status: string;
  edition_id: number;
  category_id: number;
  organisation: string;
  region: string;
  edition: string;
};
type Criterion = { id: number; key: string; name_id: string; max: number | null };
const CRITERIA = `SELECT c.id, c.key, c.name_id, c.max FROM criteria c
  WHERE c.rubric_id = (SELECT id FROM rubrics WHERE category_id = ? ORDER BY version DESC LIMIT 1)
    AND c.stage_key = ? AND c.type = 'judged' ORDER BY c.position`;

async function entryPage(sql: Sql, viewer: Viewer, entryId: number, a: Access, message = ""): Promise<string> {
  const [criteria, scores, figures, indicators, evidence] = await Promise.all([
    sql.all<Criterion>(CRITERIA, [a.category_id, a.stage_key]),
    sql.all<{ criterion_id: number; value: number | null; note: string | null }>(
      "SELECT criterion_id, value, note FROM scores WHERE assignment_id = ?",
      [a.id],
    ),
    sql.all("SELECT key, value FROM entry_figures WHERE entry_id = ? ORDER BY key", [entryId]),
    sql.all("SELECT indicator, value FROM indicator_values WHERE entry_id = ? ORDER BY indicator", [entryId]),
    sql.all("SELECT id, criterion_key, original_name, mime FROM evidence_files WHERE entry_id = ? ORDER BY id", [
      entryId,
    ]),
  ]);
  const byCriterion = new Map(scores.map((s) => [s.criterion_id, s]));
  const fields = criteria
    .map((c) => {
      const s = byCriterion.get(c.id);
      return `<label>${esc(c.name_id)} <input type="number" name="score_${c.id}" min="0" max="${c.max ?? 100}" value="${esc(s?.value)}"></label><textarea name="note_${c.id}">${esc(s?.note)}</textarea>`;
    })
    .join("");
  return `<h1>${esc(a.organisation)}</h1><p>${esc(a.edition)} · ${esc(a.region)} · ${esc(a.deadline)}</p>${message}
${table(
  ["key", "value"],
  figures.map((f) => [f.key, f.value]),
)}${table(
    ["indicator", "value"],
    indicators.map((i) => [i.indicator, i.value]),
  )}
${table(
  ["file", "criterion", "type"],
  evidence.map((f) => [f.original_name, f.criterion_key, f.mime]),
)}
<form method="post"><input type="hidden" name="version" value="${a.version}">${fields}<button name="intent" value="save">Simpan</button></form><p>${esc(viewer.name)}</p>`;
}

async function listPage(sql: Sql, viewer: Viewer): Promise<string> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT a.entry_id, a.status, s.deadline, o.name, o.region, c.key AS category, ed.name AS edition
     FROM assignments a JOIN entries e ON e.id = a.entry_id
     JOIN edition_stages s ON s.edition_id = e.edition_id AND s.key = a.stage_key
     JOIN organisations o ON o.id = e.organisation_id JOIN categories c ON c.id = e.category_id
     JOIN editions ed ON ed.id = e.edition_id
     LEFT JOIN conflict_declarations cd ON cd.entry_id = a.entry_id AND cd.user_id = a.user_id
     WHERE a.user_id = ? AND s.status = 'open'
       AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = a.user_id AND m.edition_id = e.edition_id
                   AND m.role = s.panel AND m.active = 1)
       AND e.status NOT IN ('pending', 'rejected', 'draft') AND (cd.has_conflict IS NULL OR cd.has_conflict = 0)
     ORDER BY ed.id, c.id, o.name, a.id`,
    [viewer.id],
  );
  return `<h1>${esc(viewer.name)}</h1>${table(
    ["entry", "organisation", "region", "category", "status", "deadline"],
    rows.map((r) => [r.entry_id, r.name, r.region, r.category, r.status, r.deadline]),
  )}`;
}

/** The ranking's floor: each entry's weighted mean of its submitted desk scores, sorted; the first page shown. */
async function rankingPage(sql: Sql, categoryId: number): Promise<string> {
  const [criteria, scores, entries] = await Promise.all([
    sql.all<{ id: number; weight: number; max: number | null }>(
      `SELECT id, weight, max FROM criteria WHERE rubric_id = (SELECT id FROM rubrics WHERE category_id = ?
       ORDER BY version DESC LIMIT 1) AND stage_key = 'desk' AND type = 'judged'`,
      [categoryId],
    ),
    sql.all<{ entry_id: number; criterion_id: number; value: number | null }>(
      `SELECT a.entry_id, s.criterion_id, s.value FROM scores s JOIN assignments a ON a.id = s.assignment_id
       JOIN entries e ON e.id = a.entry_id WHERE e.category_id = ? AND a.stage_key = 'desk' AND a.status = 'submitted'`,
      [categoryId],
    ),
    sql.all<{ id: number; name: string }>(
      "SELECT e.id, o.name FROM entries e JOIN organisations o ON o.id = e.organisation_id WHERE e.category_id = ?",
      [categoryId],
    ),
  ]);
  const weight = new Map(criteria.map((c) => [c.id, c.weight / (c.max ?? 100)]));
  const total = new Map<number, { sum: number; n: number }>();
  for (const s of scores) {
    const w = weight.get(s.criterion_id);
    if (w === undefined || s.value === null) continue;
    const t = total.get(s.entry_id) ?? { sum: 0, n: 0 };
    t.sum += w * Number(s.value);
    t.n++;
    total.set(s.entry_id, t);
  }
  const ranked = entries
    .map((e) => ({ ...e, score: (total.get(e.id)?.sum ?? 0) / Math.max(1, total.get(e.id)?.n ?? 1) }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
  return `<h1>Ranking</h1><p>${ranked.length}</p>${table(
    ["#", "entry", "score"],
    ranked.slice(0, RANKING_PAGE).map((e, i) => [i + 1, e.name, e.score.toFixed(2)]),
  )}`;
}

async function progressPage(sql: Sql, editionId: number): Promise<string> {
  const [byAssessor, byEntry] = await Promise.all([
    sql.all<Record<string, unknown>>(
      `SELECT u.name, a.status, COUNT(*) AS n FROM assignments a JOIN entries e ON e.id = a.entry_id
       JOIN users u ON u.id = a.user_id WHERE e.edition_id = ? AND a.stage_key = 'desk' GROUP BY u.name, a.status ORDER BY u.name`,
      [editionId],
    ),
    sql.all<Record<string, unknown>>(
      `SELECT o.name, a.status, COUNT(*) AS n FROM assignments a JOIN entries e ON e.id = a.entry_id
       JOIN organisations o ON o.id = e.organisation_id WHERE e.edition_id = ? AND a.stage_key = 'desk'
       GROUP BY o.name, a.status ORDER BY o.name`,
      [editionId],
    ),
  ]);
  return `<h1>Progress</h1>${table(
    ["assessor", "status", "n"],
    byAssessor.map((r) => [r.name, r.status, r.n]),
  )}${table(
    ["entry", "status", "n"],
    byEntry.map((r) => [r.name, r.status, r.n]),
  )}`;
}

/** The score save: the sheet's version checked and moved on in one update, changed scores written and audited. */
async function save(sql: Sql, viewer: Viewer, entryId: number, body: URLSearchParams): Promise<string | null> {
  return sql.transaction(async (tx) => {
    const a = await tx.get<Access>(ACCESS, [entryId, viewer.id]);
    if (!a || a.status === "submitted" || (a.deadline && a.deadline < new Date().toISOString())) return null;
    const criteria = await tx.all<Criterion>(CRITERIA, [a.category_id, a.stage_key]);
    const version = Number(body.get("version"));
    const at = new Date().toISOString();
    const moved = await tx.run(
      "UPDATE assignments SET version = version + 1, status = 'draft' WHERE id = ? AND version = ? AND status <> 'submitted'",
      [a.id, version],
    );
    if (moved !== 1) return null;
    const before = new Map(
      (
        await tx.all<{ criterion_id: number; value: number | null; note: string | null }>(
          "SELECT criterion_id, value, note FROM scores WHERE assignment_id = ?",
          [a.id],
        )
      ).map((s) => [s.criterion_id, s]),
    );
    for (const c of criteria) {
      const raw = body.get(`score_${c.id}`)?.trim() ?? "";
      const value = raw === "" ? null : Number(raw);
      const note = body.get(`note_${c.id}`)?.trim() || null;
      const old = before.get(c.id);
      if (old && Number(old.value) === value && old.note === note) continue;
      await tx.run(
        "UPDATE scores SET value = ?, note = ?, version = version + 1, updated_at = ? WHERE assignment_id = ? AND criterion_id = ?",
        [value, note, at, a.id, c.id],
      );
      await tx.run(
        "INSERT INTO audit_log (at, user_id, edition_id, entry_id, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
          at,
          viewer.id,
          a.edition_id,
          entryId,
          "score.change",
          `assignment:${a.id}/criterion:${c.key}`,
          JSON.stringify(old ?? null),
          JSON.stringify({ value, note }),
        ],
      );
    }
    return entryPage(tx, viewer, entryId, { ...a, version: a.version + 1 }, "<p>saved</p>");
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => done(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

/** Starts the baseline; resolves once it listens. */
export async function startBaseline(env: NodeJS.ProcessEnv = process.env) {
  const sql = await openSql(env.DATABASE_URL!);
  const secret = env.SESSION_SECRET!;
  const sizes = JSON.parse(env.BENCH_PAGE_BYTES ?? "{}") as Partial<Record<PageKey, number>>;
  const send = (res: ServerResponse, page: PageKey, html: string) => {
    const doc = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Paritrana</title></head><body>${html}</body></html>`;
    const missing = (sizes[page] ?? 0) - Buffer.byteLength(doc);
    // Padding to the app's size: the bytes on the wire cost the same, whatever they say.
    const body = missing > 0 ? doc + `<!--${"x".repeat(missing - 7)}-->` : doc;
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  };
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "/").split("?")[0]!;
      const viewer = await viewerOf(sql, req, secret);
      if (!viewer) return void res.writeHead(302, { Location: "/login" }).end();
      let m: RegExpMatchArray | null;
      if ((m = path.match(/^\/assess\/(\d+)$/))) {
        const entryId = Number(m[1]);
        if (req.method === "POST") {
          const html = await save(sql, viewer, entryId, new URLSearchParams(await readBody(req)));
          return html === null ? void res.writeHead(409).end() : send(res, "save", html);
        }
        const a = await sql.get<Access>(ACCESS, [entryId, viewer.id]);
        return a ? send(res, "entry", await entryPage(sql, viewer, entryId, a)) : void res.writeHead(404).end();
      }
      if (path === "/assess") return send(res, "list", await listPage(sql, viewer));
      const committee = (editionId: number) =>
        viewer.memberships.some((x) => x.role === "committee" && x.edition_id === editionId);
      if ((m = path.match(/^\/committee\/(\d+)\/ranking\/(\d+)$/)) && committee(Number(m[1])))
        return send(res, "ranking", await rankingPage(sql, Number(m[2])));
      if ((m = path.match(/^\/committee\/(\d+)\/progress$/)) && committee(Number(m[1])))
        return send(res, "progress", await progressPage(sql, Number(m[1])));
      res.writeHead(404).end();
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((ready) => server.listen(Number(env.PORT), "127.0.0.1", ready));
  console.log(`baseline is listening on http://127.0.0.1:${env.PORT}`);
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await startBaseline();
