import type { Db } from "../client";
import { personDue, retentionDueDate, retentionPassed } from "../../app/domain/personal-data";
import { anonymiseUser } from "../queries/anonymise";
import { lastPublications } from "../queries/archive";
import { editionIdsByPerson } from "../queries/personal-data";

// What `npm run retention` reports and, with --apply, does (UU 27/2022): the editions whose
// personal data is past its retention (retention_years after the last publication), and the
// people whose every edition is past it. Only people whose editions are all archived are
// anonymised; the others are listed with what to do first.

export interface RetentionEdition {
  id: number;
  name: string;
  lastPublishedAt: string | null;
  dueDate: string | null;
  archivedAt: string | null;
}

export interface RetentionPerson {
  id: number;
  name: string;
  email: string;
  editionIds: number[];
  /** Editions of the person not archived yet: they must be archived before anonymising. */
  notArchived: number[];
}

export async function retentionReport(db: Db, now = new Date()) {
  const [editions, last] = await Promise.all([
    db.selectFrom("editions").select(["id", "name", "retention_years", "archived_at"]).orderBy("id").execute(),
    lastPublications(db),
  ]);
  const all: RetentionEdition[] = editions.map((e) => {
    const lastPublishedAt = last.get(e.id) ?? null;
    return {
      id: e.id,
      name: e.name,
      lastPublishedAt,
      dueDate: retentionDueDate(lastPublishedAt, Number(e.retention_years)),
      archivedAt: e.archived_at,
    };
  });
  const byId = new Map(all.map((e) => [e.id, e]));
  const byPerson = await editionIdsByPerson(db);
  const users = await db
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("anonymised_at", "is", null)
    .orderBy("id")
    .execute();
  const people: RetentionPerson[] = [];
  for (const u of users) {
    const editionIds = byPerson.get(u.id) ?? [];
    const theirs = editionIds.map((id) => byId.get(id)!);
    if (!personDue(theirs, now)) continue;
    people.push({ ...u, editionIds, notArchived: theirs.filter((e) => !e.archivedAt).map((e) => e.id) });
  }
  return { editions: all.filter((e) => retentionPassed(e.dueDate, now)), people };
}

export type RetentionReport = Awaited<ReturnType<typeof retentionReport>>;

/** Anonymises every due person whose editions are all archived; what happened to each. */
export async function applyRetention(db: Db, report: RetentionReport, now = new Date()) {
  const done: { id: number; label: string }[] = [];
  const refused: { id: number; reason: string }[] = [];
  for (const p of report.people.filter((x) => x.notArchived.length === 0)) {
    const res = await anonymiseUser(db, { userId: p.id, byUserId: null, now });
    if (res.ok) done.push({ id: p.id, label: res.label });
    else refused.push({ id: p.id, reason: res.reason });
  }
  return { done, refused };
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "–");

/** The report in words, for the operator. */
export function retentionText(report: RetentionReport, applied?: Awaited<ReturnType<typeof applyRetention>>) {
  const lines: string[] = [];
  lines.push(`Editions past their personal-data retention: ${report.editions.length}`);
  for (const e of report.editions)
    lines.push(
      `  #${e.id} ${e.name}: last publication ${day(e.lastPublishedAt)}, due ${day(e.dueDate)}, ` +
        (e.archivedAt ? `archived ${day(e.archivedAt)}` : "NOT archived (the committee archives it on its overview)"),
    );
  lines.push(
    "",
    `People whose data is due (every edition they took part in is past retention): ${report.people.length}`,
  );
  for (const p of report.people)
    lines.push(
      `  #${p.id} ${p.name} <${p.email}>, editions ${p.editionIds.map((id) => `#${id}`).join(", ")}: ` +
        (p.notArchived.length === 0
          ? "ready to anonymise"
          : `archive edition ${p.notArchived.map((id) => `#${id}`).join(", ")} first`),
    );
  const ready = report.people.filter((p) => p.notArchived.length === 0).length;
  if (!applied) {
    if (ready > 0) lines.push("", `Run \`npm run retention -- --apply\` to anonymise the ${ready} ready.`);
  } else {
    lines.push("", `Anonymised: ${applied.done.length}`);
    for (const d of applied.done) lines.push(`  #${d.id} → ${d.label}`);
    for (const r of applied.refused) lines.push(`  #${r.id} refused: ${r.reason}`);
  }
  return lines.join("\n");
}
