// Notifications: which messages exist, what each carries, when a reminder is due, how often a
// message is retried and which failures are final (docs/notifications.md). Pure: the outbox is
// db/queries/outbox.ts, the texts app/lib/mail/templates, the sending app/lib/mail/sender.server.ts.
import type { CategoryKey, InvitationsTable, MailEvent, OutboxStatus, StageKey } from "../../db/schema";
import type { ConflictKind } from "./conflicts";
import { deadlineEnd } from "./deadlines";

export type { MailEvent, OutboxStatus };

export const MAIL_EVENTS = [
  "invitation",
  "organisation_invited",
  "registration_received",
  "registration_approved",
  "registration_rejected",
  "entry_submitted",
  "entry_reopened",
  "assignment",
  "conflict_declared",
  "reminder",
  "stage_closed",
  "results_published",
] as const satisfies readonly MailEvent[];

/** Only reminders can be turned off (account page, or the link in each reminder). */
export function canTurnOff(event: MailEvent): boolean {
  return event === "reminder";
}

/** The facts every message about an edition carries (its name goes in the subject). */
interface EditionFacts {
  editionId: number;
  editionName: string;
}

/**
 * The facts of each event, stored as JSON with the message; the text is written from them in the
 * recipient's language when the message is sent or shown. Links are paths (made absolute from
 * PUBLIC_URL when written). Never a fact about someone other than the recipient that the recipient
 * may not see.
 */
export interface MailParamsOf {
  /**
   * A one-time link. The raw token lives only here until the message is sent (invitations store
   * its hash), then `path` is removed (paramsAfterSending).
   */
  invitation: Partial<EditionFacts> & {
    kind: InvitationsTable["kind"];
    path?: string;
    expiresAt: string;
    organisationName?: string | null;
    categoryKey?: CategoryKey | null;
    inviterName?: string | null;
  };
  /** A known organisation invited to an edition (to its members; they answer on the portal). */
  organisation_invited: EditionFacts & { organisationName: string; categoryKey: CategoryKey };
  registration_received: EditionFacts & { organisationName: string; categoryKey: CategoryKey };
  registration_approved: EditionFacts & { organisationName: string; categoryKey: CategoryKey; entryId: number };
  registration_rejected: EditionFacts & { organisationName: string; categoryKey: CategoryKey; reason: string };
  /** The receipt: what was submitted, when, with each file's SHA-256. */
  entry_submitted: EditionFacts & {
    entryId: number;
    organisationName: string;
    categoryKey: CategoryKey;
    submittedAt: string;
    figures: { key: string; value: number | string | null }[];
    /** Each file with its criterion (key and name); `carried`: a provincial file a nominee submits with. */
    files: {
      criterion: string;
      criterionName?: { id: string; en: string };
      name: string;
      bytes: number;
      sha256: string;
      carried?: boolean;
    }[];
  };
  entry_reopened: EditionFacts & {
    entryId: number;
    organisationName: string;
    categoryKey: CategoryKey;
    reason: string;
  };
  /** New entries to assess in a stage (one message per person and batch); a stage not open yet opens later. */
  assignment: EditionFacts & { stage: StageKey; count: number; deadline: string | null; stageOpen: boolean };
  /** To the committee: someone declared a conflict (with whom, and the kind). */
  conflict_declared: EditionFacts & {
    assessorName: string;
    organisationName: string;
    categoryKey: CategoryKey;
    kind: ConflictKind;
    entryId: number;
  };
  /** A deadline 7 or 1 days away: an entry still in draft, or scoresheets not submitted. */
  reminder: EditionFacts & {
    about: "entry" | "scoresheets";
    deadline: string;
    daysBefore: ReminderDays;
    /** Whole days left when it was written (1: less than a day). */
    daysLeft: number;
    /** entry: its id, organisation and category; scoresheets: how many are not submitted, and the stage. */
    entryId?: number;
    organisationName?: string;
    categoryKey?: CategoryKey;
    stage?: StageKey;
    count?: number;
  };
  /** To the next stage's panel: the stage before closed, theirs is open. */
  stage_closed: EditionFacts & { stage: StageKey; nextStage: StageKey; deadline: string | null };
  /** To an entrant: its category's results are public. */
  results_published: EditionFacts & { categoryKey: CategoryKey; entryId: number };
}

export type MailParams<E extends MailEvent = MailEvent> = MailParamsOf[E];

/**
 * The facts a sent message keeps (its stored JSON), or null when they stay as they are: an
 * invitation's one-time link is a credential, needed only until the mail server has taken it.
 */
export function paramsAfterSending(event: MailEvent, params: string): string | null {
  if (event !== "invitation") return null;
  const { path: _sent, ...kept } = JSON.parse(params) as MailParamsOf["invitation"];
  return JSON.stringify(kept);
}

/** The days before a deadline a reminder goes out. */
export const REMINDER_DAYS = [7, 1] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Which reminder is due for a deadline at `now`: 1 within the last day, 7 within the last week,
 * null otherwise (or once it has passed). A scheduler that first runs two days before a deadline
 * sends the 7-day one then; one that first runs in the last day sends only the 1-day one.
 */
export function reminderDue(deadline: string | null | undefined, now: Date): ReminderDays | null {
  const end = deadlineEnd(deadline);
  if (!end) return null;
  const left = end.getTime() - now.getTime();
  if (left <= 0) return null;
  if (left <= DAY_MS) return 1;
  if (left <= 7 * DAY_MS) return 7;
  return null;
}

/** What makes a reminder unique: one per person, deadline, subject and days before. */
export function reminderKey(args: {
  userId: number;
  about: "entry" | "scoresheets";
  subjectId: number | string;
  deadline: string;
  daysBefore: ReminderDays;
}): string {
  return `reminder:${args.about}:${args.subjectId}:${args.deadline}:${args.daysBefore}:${args.userId}`;
}

/** How many times a message is tried before it is given up as failed. */
export const MAX_ATTEMPTS = 8;

/** The wait before try number `attempts + 1`: 1, 2, 4… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 60 * 1000 * 2 ** Math.max(0, attempts - 1));
}

/** How an SMTP attempt failed, as far as the sender can tell. */
export interface SendFailure {
  /** The server's reply code (421, 451, 550…), when the server answered. */
  responseCode?: number;
  /** nodemailer's error code (EENVELOPE, ECONNECTION, ETIMEDOUT…). */
  code?: string;
}

/**
 * Whether trying again cannot help: the server refused for good (5xx) or the address is not one.
 * A 4xx reply, a connection or time-out error is worth another try.
 */
export function isPermanentFailure(f: SendFailure): boolean {
  if (f.responseCode !== undefined) return f.responseCode >= 500 && f.responseCode < 600;
  return f.code === "EENVELOPE";
}
