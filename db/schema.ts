import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { GateOp } from "../scoring/index";

/** A column the database fills in when left out (defaults). */
type Default<T> = ColumnType<T, T | undefined, T>;

export type Level = "provincial" | "national";
export type EditionStatus = "draft" | "registration" | "assessment" | "closed" | "published";
export type StageKey = "desk" | "verification" | "interview";
export type StageStatus = "pending" | "open" | "closed";
/** What a message in the outbox is about (texts: app/lib/mail/templates; who gets it: docs/notifications.md). */
export type MailEvent =
  | "invitation"
  | "organisation_invited"
  | "registration_received"
  | "registration_approved"
  | "registration_rejected"
  | "entry_submitted"
  | "entry_reopened"
  | "assignment"
  | "conflict_declared"
  | "reminder"
  | "stage_closed"
  | "results_published";
/** queued (to send, maybe again later) → sending (claimed) → sent, or failed for good. */
export type OutboxStatus = "queued" | "sending" | "sent" | "failed";
/** What a stage's panel may read of one another's submitted scoresheets after the stage closes. */
export type AssessorView = "none" | "scores" | "scores_notes";
export type CategoryKey =
  | "province"
  | "regency_city"
  | "large"
  | "medium"
  | "public_service"
  | "micro_small"
  // Extra categories of recent editions: village governments (desa) and business sectors.
  | "village"
  | "sector_finance"
  | "sector_trade_services"
  | "sector_industry"
  | "sector_agriculture"
  | "sector_education";
export type OrganisationKind = "province" | "regency" | "city" | "village" | "company" | "public_service";
/** "admin": the award secretariat (a membership without edition or organisation). */
export type Role = "admin" | "committee" | "assessor" | "juror" | "entrant";
export type EntryStatus =
  "pending" | "rejected" | "draft" | "submitted" | "in_verification" | "shortlisted" | "not_shortlisted" | "published";
export type AssignmentStatus = "not_started" | "draft" | "submitted";

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  active: Default<number>;
  created_at: Default<string>;
  /** Set when the account was anonymised (personal data removed; the row stays for the numbers). */
  anonymised_at: string | null;
  /** The language mail is written in: the last one chosen in the app ("id" | "en"). */
  locale: Default<string>;
  /** 1: deadline reminders wanted; 0: turned off (account page or the link in a reminder). */
  reminders: Default<number>;
}
export interface SessionsTable {
  id: string;
  user_id: number | null;
  data: string;
  expires_at: string;
}
export interface LoginFailuresTable {
  key: string;
  failures: number;
  last_failure_at: string;
}
export interface EditionsTable {
  id: Generated<number>;
  name: string;
  year: number;
  level: Level;
  region: string;
  status: Default<EditionStatus>;
  period_start: string;
  period_end: string;
  registration_deadline: string | null;
  created_at: Default<string>;
  /** Archived by the committee after publication: nothing changes any more; accounts may be anonymised. */
  archived_at: string | null;
  archived_by: number | null;
  /** Years personal data is kept after the edition's last publication (default 5). */
  retention_years: Default<number>;
}
export interface EditionStagesTable {
  id: Generated<number>;
  edition_id: number;
  key: StageKey;
  position: number;
  panel: "assessor" | "juror";
  status: Default<StageStatus>;
  opens_at: string | null;
  deadline: string | null;
  assessor_view: Default<AssessorView>;
  /** The plenary shows sheets with their assessors' names (1) or as "Lembar 1…" (0). */
  plenary_named: Default<number>;
}
/** One row each time a category is published; the newest row of a category is its current result. */
export interface PublicationEventsTable {
  id: Generated<number>;
  publication_id: number;
  category_id: number;
  published_by: number | null;
  published_at: string;
}
export interface CategoriesTable {
  id: Generated<number>;
  edition_id: number;
  key: CategoryKey;
  places: Default<number>;
  mentions: Default<number>;
  signed_off_at: string | null;
  signed_off_by: number | null;
  /** The snapshot hash the sign-off approved (publication must match it). */
  signed_off_sha256: string | null;
  /** Raised by every write that changes the category's scoring input (see db/queries/data-version.ts). */
  data_version: Default<number>;
  /** The data version the sign-off approved (null: not signed off, or signed off before versions existed). */
  signed_off_version: number | null;
  /** National categories: each linked province's places 1..N are nominated (1: Juara I; ties go too). */
  nominate_top: Default<number>;
  /** Zone award: the best N of each zone in the published ranking (a view; 0: none). */
  zone_places: Default<number>;
}
export interface RubricsTable {
  id: Generated<number>;
  category_id: number;
  version: number;
  method: Default<string>;
  reason: string | null;
  frozen_at: string | null;
  created_by: number | null;
  created_at: Default<string>;
  /** The earlier round's total (national: the provincial total) as a gate: the minimum it must reach. */
  prior_min_score: number | null;
  /** The earlier round's total as the last tie-break (1) or context only (0). */
  prior_tie_break: Default<number>;
}
export interface RubricStagesTable {
  id: Generated<number>;
  rubric_id: number;
  stage_key: StageKey;
  position: number;
  weight: number;
  advance_top: number | null;
  advance_min_score: number | null;
}
export interface CriteriaTable {
  id: Generated<number>;
  rubric_id: number;
  key: string;
  stage_key: StageKey;
  position: number;
  name_id: string;
  name_en: string;
  description_id: string | null;
  description_en: string | null;
  weight: number;
  type: "judged" | "indicator";
  max: number | null;
  step: number | null;
  indicator: string | null;
  evidence_required: Default<number>;
}
export interface CriterionBandsTable {
  id: Generated<number>;
  criterion_id: number;
  min: number;
  points: number;
}
export interface GatesTable {
  id: Generated<number>;
  rubric_id: number;
  key: string;
  indicator: string;
  op: GateOp;
  value: number;
}
export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  kind: OrganisationKind;
  region: string;
  npp: string | null;
  nib: string | null;
  size: "large" | "medium" | "small" | "micro" | null;
  sector: string | null;
  created_at: Default<string>;
}
export interface EntriesTable {
  id: Generated<number>;
  edition_id: number;
  category_id: number;
  organisation_id: number;
  status: Default<EntryStatus>;
  version: Default<number>;
  submitted_at: string | null;
  reopened_reason: string | null;
  /** Why the committee rejected the self-registration (status rejected), for the organisation. */
  rejection_reason: string | null;
  created_at: Default<string>;
  /** A nominated entry of a national edition: the provincial entry it was carried over from. */
  source_entry_id: number | null;
  /** The provincial publication it was nominated from, and its rank and total there (see docs/levels.md). */
  source_publication_id: number | null;
  source_rank: number | null;
  source_total: number | null;
}
export interface EntryFiguresTable {
  entry_id: number;
  key: string;
  value: number;
}
export interface EntryRegulationsTable {
  id: Generated<number>;
  entry_id: number;
  type: string;
  number: string;
  year: number;
  title: string | null;
}
export interface IndicatorValuesTable {
  entry_id: number;
  indicator: string;
  value: number;
}
export interface EvidenceFilesTable {
  id: Generated<number>;
  entry_id: number;
  criterion_key: string;
  original_name: string;
  storage_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: Default<string>;
}
export interface MembershipsTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  edition_id: number | null;
  organisation_id: number | null;
  active: Default<number>;
  created_at: Default<string>;
}
export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  kind: "organisation" | "member" | "assessor" | "juror" | "committee";
  email: string | null;
  edition_id: number | null;
  category_id: number | null;
  organisation_id: number | null;
  expires_at: string;
  used_at: string | null;
  created_by: number | null;
  created_at: Default<string>;
}
/** A known organisation invited to an edition; its own members accept (creating the entry) or decline. */
export interface OrganisationInvitationsTable {
  id: Generated<number>;
  edition_id: number;
  category_id: number;
  organisation_id: number;
  status: Default<"open" | "accepted" | "declined">;
  created_by: number | null;
  created_at: Default<string>;
  answered_by: number | null;
  answered_at: string | null;
}
export interface AssignmentsTable {
  id: Generated<number>;
  entry_id: number;
  user_id: number;
  stage_key: StageKey;
  status: Default<AssignmentStatus>;
  version: Default<number>;
  submitted_at: string | null;
  created_by: number | null;
  created_at: Default<string>;
}
export interface ConflictDeclarationsTable {
  id: Generated<number>;
  user_id: number;
  entry_id: number;
  has_conflict: number;
  kind: "employed_by" | "related_to" | "business_link" | "other" | null;
  note: string | null;
  declared_at: Default<string>;
}
export interface ScoresTable {
  id: Generated<number>;
  assignment_id: number;
  criterion_id: number;
  value: number | null;
  note: string | null;
  status: Default<"draft" | "submitted">;
  version: Default<number>;
  updated_at: Default<string>;
}
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  edition_id: number | null;
  entry_id: number | null;
  action: string;
  subject: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}
export interface PublicationsTable {
  id: Generated<number>;
  edition_id: number;
  category_id: number;
  rubric_id: number;
  input_json: string;
  result_json: string;
  sha256: string;
  published_by: number | null;
  published_at: string;
}
/** Who ranks where in a publication (one row per ranked nominee), written when it is published. */
export interface PublicationStandingsTable {
  publication_id: number;
  nominee: string;
  rank: number;
  total: number;
}
/** A national edition draws on a provincial edition of the same year (one per province). */
export interface EditionLinksTable {
  id: Generated<number>;
  national_edition_id: number;
  provincial_edition_id: number;
  linked_by: number | null;
  linked_at: string;
}
/** Installation-wide settings the administrator changes (see db/queries/settings.ts). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_by: number | null;
  updated_at: string;
}
/** Who signs an edition's certificates, in print order (position 0 first). */
export interface EditionSignatoriesTable {
  id: Generated<number>;
  edition_id: number;
  position: number;
  name: string;
  title: string;
}

/** A message to send and to show in the app (docs/notifications.md); written with its cause. */
export interface OutboxTable {
  id: Generated<number>;
  event: MailEvent;
  /** JSON of the event's facts (MailParams of app/domain/notifications.ts). */
  params: string;
  edition_id: number | null;
  user_id: number | null;
  to_address: string;
  locale: string;
  status: Default<OutboxStatus>;
  attempts: Default<number>;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  read_at: string | null;
  dedupe_key: string | null;
}

/** A plenary (rapat pleno) of one category and stage (docs/plenary.md). */
export interface PlenariesTable {
  id: Generated<number>;
  edition_id: number;
  category_id: number;
  stage_key: StageKey;
  chair_id: number;
  opened_by: number | null;
  opened_at: string;
  unsubmitted_at_open: Default<number>;
  /** Points of running total around the advance cut within which entries are discussed second. */
  margin: Default<number>;
  close_reason: string | null;
  version: Default<number>;
}
export interface PlenaryCommentsTable {
  id: Generated<number>;
  plenary_id: number;
  entry_id: number;
  user_id: number | null;
  parent_id: number | null;
  body: string;
  created_at: string;
}
export type RevisionStatus = "granted" | "revised" | "withdrawn";
export interface PlenaryRevisionsTable {
  id: Generated<number>;
  plenary_id: number;
  entry_id: number;
  assignment_id: number;
  criterion_id: number;
  user_id: number;
  status: Default<RevisionStatus>;
  granted_by: number | null;
  granted_at: string;
  old_value: number | null;
  old_note: string | null;
  new_value: number | null;
  new_note: string | null;
  revised_at: string | null;
  closed_at: string | null;
}
export type PlenaryDecision = "advance" | "exclude";
export interface PlenaryDecisionsTable {
  id: Generated<number>;
  plenary_id: number;
  entry_id: number;
  decision: PlenaryDecision;
  reason: string;
  decided_by: number | null;
  decided_at: string;
  withdrawn_by: number | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}
export interface PlenaryMinutesTable {
  id: Generated<number>;
  plenary_id: number;
  /** The meeting's date (YYYY-MM-DD) and place, as the chair gave them. */
  held_on: string;
  place: string;
  /** What the minutes print (MinutesContent of app/domain/minutes.ts), frozen when issued. */
  content_json: string;
  /** SHA-256 (hex) of content_json: printed on the PDF with its verification URL. */
  sha256: string;
  issued_by: number | null;
  issued_at: string;
  withdrawn_by: number | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}
export interface PlenaryConfirmationsTable {
  minutes_id: number;
  user_id: number;
  confirmed_at: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  editions: EditionsTable;
  edition_stages: EditionStagesTable;
  publication_events: PublicationEventsTable;
  categories: CategoriesTable;
  rubrics: RubricsTable;
  rubric_stages: RubricStagesTable;
  criteria: CriteriaTable;
  criterion_bands: CriterionBandsTable;
  gates: GatesTable;
  organisations: OrganisationsTable;
  entries: EntriesTable;
  entry_figures: EntryFiguresTable;
  entry_regulations: EntryRegulationsTable;
  indicator_values: IndicatorValuesTable;
  evidence_files: EvidenceFilesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  organisation_invitations: OrganisationInvitationsTable;
  assignments: AssignmentsTable;
  conflict_declarations: ConflictDeclarationsTable;
  scores: ScoresTable;
  audit_log: AuditLogTable;
  publications: PublicationsTable;
  edition_signatories: EditionSignatoriesTable;
  settings: SettingsTable;
  edition_links: EditionLinksTable;
  publication_standings: PublicationStandingsTable;
  outbox: OutboxTable;
  plenaries: PlenariesTable;
  plenary_comments: PlenaryCommentsTable;
  plenary_revisions: PlenaryRevisionsTable;
  plenary_decisions: PlenaryDecisionsTable;
  plenary_minutes: PlenaryMinutesTable;
  plenary_confirmations: PlenaryConfirmationsTable;
}

export type User = Selectable<UsersTable>;
export type Edition = Selectable<EditionsTable>;
export type Category = Selectable<CategoriesTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type Membership = Selectable<MembershipsTable>;
export type NewAudit = Insertable<AuditLogTable>;
