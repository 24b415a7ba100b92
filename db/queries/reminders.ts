import { sql } from "kysely";
import { inTransaction, type Db } from "../client";
import type { CategoryKey, EntryStatus, StageKey, StageStatus } from "../schema";
import { deadlineEnd } from "../../app/domain/deadlines";
import { UNSUBMITTED_STATUSES } from "../../app/domain/entry-status";
import { reminderDue, reminderKey, type MailParamsOf, type ReminderDays } from "../../app/domain/notifications";
import { ON_OWN_PANEL } from "./assignments";
import { entryWindow } from "./figures";
import { enqueueAll } from "./outbox";
import { publishedCategoryIds } from "./publications";

// Deadline reminders (docs/notifications.md), 7 days and 1 day before (reminderDue):
// - to the active members of an organisation whose entry is still a draft it may submit
//   (entryWindow): the deadline is the edition's registration deadline. A reopened entry gets
//   them while that deadline is ahead; after it, it has no deadline to name (it stays open until
//   the first stage closes, a committee's act), so it gets none;
// - to assessors and jurors with scoresheets not submitted in an OPEN stage, before that stage's
//   deadline: one message per person and stage deadline, with the count (declared conflicts and
//   entries not submitted are not counted, as on the progress page).
// Each one is written once: its dedupe key (reminderKey) names person, subject, deadline and days
// before, and the outbox's unique key holds across runs, restarts and instances. A few set-based
// reads per run, whatever the number of entries and assessors; rows already queued are filtered
// out in one read, so a run with nothing new writes nothing.

const DAY_MS = 24 * 60 * 60 * 1000;
/** Keys per `in (…)` list: far below the databases' bound-parameter limits. */
const CHUNK = 500;

type ReminderParams = MailParamsOf["reminder"];

interface Due {
  userId: number;
  editionId: number;
  params: ReminderParams;
  dedupeKey: string;
}

/** Writes every reminder due at `now` that was not written before; returns how many were written. */
export async function queueReminders(db: Db, now = new Date()): Promise<number> {
  const entries = await entryReminders(db, now);
  // Each read runs on the server's one thread (tens of ms on deadline week of a large edition):
  // requests waiting meanwhile are answered between them.
  await new Promise((next) => setImmediate(next));
  const due = [...entries, ...(await sheetReminders(db, now))];
  if (due.length === 0) return 0;
  const queued = await existingKeys(
    db,
    due.map((d) => d.dedupeKey),
  );
  const fresh = due.filter((d) => !queued.has(d.dedupeKey));
  if (fresh.length === 0) return 0;
  // enqueueAll skips a key another instance (or an overlapping run) wrote meanwhile: once is enough.
  const written = await inTransaction(db, (tx) =>
    enqueueAll(
      tx,
      fresh.map((d) => ({
        event: "reminder" as const,
        params: d.params,
        editionId: d.editionId,
        to: { userId: d.userId },
        dedupeKey: d.dedupeKey,
        now,
      })),
    ),
  );
  return written.length;
}

/**
 * The window of stored deadlines a run looks at, a day wider on each side than the reminders'
 * week: deadlines of older rows may be a bare day ("2024-03-31"), which compares as text a little
 * differently; reminderDue decides exactly.
 */
function deadlineRange(now: Date): [string, string] {
  return [new Date(now.getTime() - DAY_MS).toISOString(), new Date(now.getTime() + 8 * DAY_MS).toISOString()];
}

function daysLeft(deadline: string, now: Date): number {
  const end = deadlineEnd(deadline)!;
  return Math.max(1, Math.ceil((end.getTime() - now.getTime()) / DAY_MS));
}

/**
 * Who may be reminded, as enqueue (db/queries/outbox.ts) decides for one message: an active
 * account, not anonymised, that did not turn reminders off.
 */
const REMINDABLE = sql<boolean>`u.active = 1 and u.anonymised_at is null and u.reminders = 1`;

/** Drafts whose registration deadline is 7 or 1 days away, one reminder per active member. */
async function entryReminders(db: Db, now: Date): Promise<Due[]> {
  const [from, to] = deadlineRange(now);
  const rows = await db
    .selectFrom("entries as e")
    .innerJoin("editions as ed", "ed.id", "e.edition_id")
    .innerJoin("categories as c", "c.id", "e.category_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("memberships as m", (j) =>
      j.onRef("m.organisation_id", "=", "e.organisation_id").on("m.role", "=", "entrant").on("m.active", "=", 1),
    )
    .innerJoin("users as u", "u.id", "m.user_id")
    .select([
      "e.id as entryId",
      "e.status",
      "e.reopened_reason",
      "e.category_id",
      "c.key as categoryKey",
      "o.name as organisationName",
      "ed.id as editionId",
      "ed.name as editionName",
      "ed.registration_deadline",
      "u.id as userId",
    ])
    .select((eb) =>
      eb
        .selectFrom("edition_stages as s")
        .select("s.status")
        .whereRef("s.edition_id", "=", "e.edition_id")
        .orderBy("s.position")
        .limit(1)
        .as("first_stage_status"),
    )
    .where("e.status", "=", "draft")
    .where("ed.archived_at", "is", null)
    .where("ed.registration_deadline", ">=", from)
    .where("ed.registration_deadline", "<=", to)
    .where(REMINDABLE)
    .execute();
  if (rows.length === 0) return [];
  // Which categories are published: one read per edition with a deadline this week (a handful).
  const published = new Map<number, Set<number>>();
  for (const editionId of new Set(rows.map((r) => r.editionId)))
    published.set(editionId, await publishedCategoryIds(db, editionId));
  const due: Due[] = [];
  for (const r of rows) {
    const deadline = r.registration_deadline!;
    const daysBefore = reminderDue(deadline, now);
    if (daysBefore === null) continue;
    const window = entryWindow(
      {
        status: r.status as EntryStatus,
        registration_deadline: deadline,
        reopened_reason: r.reopened_reason,
        first_stage_status: r.first_stage_status as StageStatus | null,
        category_published: published.get(r.editionId)?.has(r.category_id) ?? false,
      },
      now,
    );
    if (!window.open) continue;
    due.push(
      reminder(r, daysBefore, now, {
        about: "entry",
        subjectId: r.entryId,
        deadline,
        extra: {
          entryId: r.entryId,
          organisationName: r.organisationName,
          categoryKey: r.categoryKey as CategoryKey,
        },
      }),
    );
  }
  return due;
}

/** Per person and open stage with a deadline 7 or 1 days away: how many sheets are not submitted. */
async function sheetReminders(db: Db, now: Date): Promise<Due[]> {
  const [from, to] = deadlineRange(now);
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("edition_stages as s", (j) =>
      j.onRef("s.edition_id", "=", "e.edition_id").onRef("s.key", "=", "a.stage_key"),
    )
    .innerJoin("editions as ed", "ed.id", "e.edition_id")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("conflict_declarations as cd", (j) =>
      // A literal 1, so that SQLite uses the partial index of declared conflicts (db/queries/progress.ts).
      j
        .onRef("cd.entry_id", "=", "a.entry_id")
        .onRef("cd.user_id", "=", "a.user_id")
        .on("cd.has_conflict", "=", sql.lit(1)),
    )
    .select(["s.id as stageId", "s.key as stage", "s.deadline", "ed.id as editionId", "ed.name as editionName"])
    .select("u.id as userId")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("s.status", "=", "open")
    .where("s.deadline", ">=", from)
    .where("s.deadline", "<=", to)
    .where("ed.archived_at", "is", null)
    .where("a.status", "!=", "submitted")
    .where("cd.id", "is", null)
    .where("e.status", "not in", UNSUBMITTED_STATUSES)
    // Only people still on the stage's panel of that edition.
    .where(ON_OWN_PANEL)
    .where(REMINDABLE)
    .groupBy(["s.id", "s.key", "s.deadline", "ed.id", "ed.name", "u.id"])
    .execute();
  const due: Due[] = [];
  for (const r of rows) {
    const deadline = r.deadline!;
    const daysBefore = reminderDue(deadline, now);
    if (daysBefore === null) continue;
    due.push(
      reminder(r, daysBefore, now, {
        about: "scoresheets",
        subjectId: `stage-${r.stageId}`,
        deadline,
        extra: { stage: r.stage as StageKey, count: Number(r.count) },
      }),
    );
  }
  return due;
}

function reminder(
  r: { userId: number; editionId: number; editionName: string },
  daysBefore: ReminderDays,
  now: Date,
  what: {
    about: ReminderParams["about"];
    subjectId: number | string;
    deadline: string;
    extra: Partial<ReminderParams>;
  },
): Due {
  return {
    userId: r.userId,
    editionId: r.editionId,
    params: {
      editionId: r.editionId,
      editionName: r.editionName,
      about: what.about,
      deadline: what.deadline,
      daysBefore,
      daysLeft: daysLeft(what.deadline, now),
      ...what.extra,
    },
    dedupeKey: reminderKey({
      userId: r.userId,
      about: what.about,
      subjectId: what.subjectId,
      deadline: what.deadline,
      daysBefore,
    }),
  };
}

/** Which of these dedupe keys are in the outbox already (one read per 500 keys). */
async function existingKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db
      .selectFrom("outbox")
      .select("dedupe_key")
      .where("dedupe_key", "in", keys.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) if (r.dedupe_key) found.add(r.dedupe_key);
  }
  return found;
}
