import {
  addEvidenceFile,
  createAdmin,
  createEntry,
  createMessage,
  createPublishedWinner,
  createNationalEdition,
  createPlenary,
  createMinutes,
  createScoredEdition,
  type TestUser,
} from "./factories";
import type { Persona } from "./support";

/**
 * The one table of routes × roles. Every file in app/routes has a row (access.spec.ts checks
 * that), with a sample URL built from the ids of createFixtures() and the personas that may use it.
 * Anyone not in `allow` gets 403 or 404; anonymous visitors of a guarded route are redirected to
 * the sign-in page; `public` routes are open to everyone.
 */
export interface RouteRule {
  /** The route file in app/routes, e.g. "committee._index.tsx". */
  file: string;
  url: (f: Fixtures) => string;
  /** Who may GET it (200, or a redirect when `redirects`). "public": everyone. */
  allow: Persona[] | "public";
  /** The route has an action: POSTs by others must be refused too. */
  post?: boolean;
  /** A GET by an allowed persona answers with a redirect (e.g. /home). */
  redirects?: boolean;
  /** Signed-in users are sent on (e.g. from /login to their home). */
  signedInRedirects?: boolean;
  /** Resource routes (files, exports) answer with something other than a page. */
  resource?: boolean;
}

export interface Fixtures {
  editionId: number;
  categoryId: number;
  /** Draft entry of organisation A (entrantA's) and of organisation B (entrantB's). */
  entryA: number;
  entryB: number;
  /** An entry assigned to the assessor in the desk stage. */
  assignedEntry: number;
  /** An evidence file of organisation A's draft entry. */
  evidenceA: number;
  /** A submitted, scored entry of the category `categoryId` (committee certificate preview). */
  scoredEntry: number;
  /** Organisation A's entry placed Juara I in a published category of another edition. */
  placedEntryA: number;
  /** A national edition with the same committee member (pages of national editions only). */
  nationalEditionId: number;
  /** A message to entrantA (its "Pesan"; nobody else may read it). */
  messageA: number;
  /** The plenary of the scored category's desk stage (its panel: the assessor; chaired by the committee). */
  plenaryId: number;
  /** The account behind each signed-in persona. */
  accounts: Record<Exclude<Persona, "anonymous">, TestUser>;
}

/** A world of its own for the table: a scored edition, its panel, two organisations with drafts. */
export async function createFixtures(): Promise<Fixtures> {
  const world = await createScoredEdition({ categories: { large: 4 }, assessors: 3, jurors: 1 });
  const [a, b] = [await createEntry(world, { status: "draft" }), await createEntry(world, { status: "draft" })];
  return {
    editionId: world.id,
    categoryId: world.categories.large!.id,
    entryA: a.id,
    entryB: b.id,
    assignedEntry: world.entries[0].id,
    evidenceA: await addEvidenceFile(a, "administration"),
    scoredEntry: world.entries[0].id,
    placedEntryA: (await createPublishedWinner(a.organisation)).id,
    nationalEditionId: (await createNationalEdition({ committee: world.committee })).id,
    messageA: await createMessage(world, a.organisation.member),
    // With current minutes, so that their PDF can be downloaded.
    plenaryId: await createMinutes(await createPlenary(world)),
    accounts: {
      admin: await createAdmin(),
      committee: world.committee,
      assessor: world.assessors[0],
      juror: world.jurors[0],
      entrantA: a.organisation.member,
      entrantB: b.organisation.member,
    },
  };
}

const admin: Persona[] = ["admin"];
const committee: Persona[] = ["committee"];
const panel: Persona[] = ["assessor", "juror"];
const entrants: Persona[] = ["entrantA", "entrantB"];
const everyoneSignedIn: Persona[] = ["admin", "committee", "assessor", "juror", "entrantA", "entrantB"];

export const ROUTES: RouteRule[] = [
  { file: "_index.tsx", url: () => "/", allow: "public" },
  { file: "login.tsx", url: () => "/login", allow: "public", signedInRedirects: true },
  { file: "lang.tsx", url: () => "/lang", allow: "public", redirects: true },
  { file: "logout.tsx", url: () => "/logout", allow: "public", redirects: true },
  { file: "texts.$file.tsx", url: () => "/texts/id.json", allow: "public", resource: true },
  { file: "$.tsx", url: () => "/no-such-page", allow: [], resource: true },
  { file: "home.tsx", url: () => "/home", allow: everyoneSignedIn, redirects: true },
  { file: "winners.$editionId.tsx", url: (f) => `/winners/${f.editionId}`, allow: "public" },
  { file: "committee._index.tsx", url: () => "/committee", allow: committee },
  // Committee console (one edition).
  { file: "committee.$editionId.tsx", url: (f) => `/committee/${f.editionId}`, allow: committee },
  {
    file: "committee.$editionId._index.tsx",
    // ?index: a POST to /committee/<id> would go to the layout route (committee.$editionId.tsx).
    url: (f) => `/committee/${f.editionId}?index`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.ranking.$categoryId.tsx",
    url: (f) => `/committee/${f.editionId}/ranking/${f.categoryId}`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.stages.tsx",
    url: (f) => `/committee/${f.editionId}/stages`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.assign.tsx",
    url: (f) => `/committee/${f.editionId}/assign?preview=1&stage=desk&k=3`,
    allow: committee,
    post: true,
  },
  // Editions are created by the administrator (committee members only when the setting allows it).
  { file: "committee.new.tsx", url: () => "/committee/new", allow: admin, post: true },
  {
    file: "committee.$editionId.progress.tsx",
    url: (f) => `/committee/${f.editionId}/progress`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.people.tsx",
    url: (f) => `/committee/${f.editionId}/people`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.organisations.tsx",
    url: (f) => `/committee/${f.editionId}/organisations`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.nominations.tsx",
    url: (f) => `/committee/${f.nationalEditionId}/nominations`,
    allow: committee,
    post: true,
  },
  { file: "committee.$editionId.audit.tsx", url: (f) => `/committee/${f.editionId}/audit`, allow: committee },
  // The edition's plenaries (its committee only): opening one per category and its settings.
  {
    file: "committee.$editionId.plenary.tsx",
    url: (f) => `/committee/${f.editionId}/plenary`,
    allow: committee,
    post: true,
  },
  // The plenary's pages: its committee (chair) and its panel; entrants and other panels never.
  {
    file: "plenary.$plenaryId._index.tsx",
    url: (f) => `/plenary/${f.plenaryId}`,
    allow: ["committee", "assessor"],
  },
  {
    file: "plenary.$plenaryId.entries.$entryId.tsx",
    url: (f) => `/plenary/${f.plenaryId}/entries/${f.scoredEntry}`,
    allow: ["committee", "assessor"],
    post: true,
  },
  // The minutes (berita acara): read by the plenary's committee and panel, issued by its chair,
  // confirmed by its panel; their PDF likewise.
  {
    file: "plenary.$plenaryId.minutes.tsx",
    url: (f) => `/plenary/${f.plenaryId}/minutes`,
    allow: ["committee", "assessor"],
    post: true,
  },
  {
    file: "plenary.$plenaryId.minutes[.]pdf.tsx",
    url: (f) => `/plenary/${f.plenaryId}/minutes.pdf`,
    allow: ["committee", "assessor"],
    resource: true,
  },
  // The edition's outbox (its committee only); its form resends a failed message.
  {
    file: "committee.$editionId.outbox.tsx",
    url: (f) => `/committee/${f.editionId}/outbox`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.certificates.tsx",
    url: (f) => `/committee/${f.editionId}/certificates`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.rubric.$categoryId.tsx",
    url: (f) => `/committee/${f.editionId}/rubric/${f.categoryId}`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.rubric.$categoryId_.edit.tsx",
    url: (f) => `/committee/${f.editionId}/rubric/${f.categoryId}/edit`,
    allow: committee,
    post: true,
  },
  {
    file: "committee.$editionId.rubric-json.$categoryId.tsx",
    url: (f) => `/committee/${f.editionId}/rubric-json/${f.categoryId}`,
    allow: committee,
    resource: true,
  },
  {
    file: "committee.$editionId.export.$categoryId.tsx",
    url: (f) => `/committee/${f.editionId}/export/${f.categoryId}?format=xlsx`,
    allow: committee,
    resource: true,
  },
  {
    file: "committee.$editionId.certificate.$categoryId.$entryId.tsx",
    url: (f) => `/committee/${f.editionId}/certificate/${f.categoryId}/${f.scoredEntry}`,
    allow: committee,
    resource: true,
  },
  { file: "verify.$hash.tsx", url: () => `/verify/${"0".repeat(64)}`, allow: "public" },
  { file: "assess._index.tsx", url: () => "/assess", allow: panel },
  // Assessor workspace: only the assigned assessor may open or post to the entry.
  { file: "assess.$entryId.tsx", url: (f) => `/assess/${f.assignedEntry}`, allow: ["assessor"], post: true },
  // The entrant home; its form answers committees' invitations to the viewer's own organisations.
  { file: "portal._index.tsx", url: () => "/portal", allow: entrants, post: true },
  // Entrant portal: organisation A's entry pages are A's alone (B gets 404, other roles 403).
  {
    file: "portal.entries.$entryId._index.tsx",
    url: (f) => `/portal/entries/${f.entryA}`,
    allow: ["entrantA"],
    post: true,
  },
  {
    file: "portal.entries.$entryId.figures.tsx",
    url: (f) => `/portal/entries/${f.entryA}/figures`,
    allow: ["entrantA"],
    post: true,
  },
  {
    file: "portal.entries.$entryId.evidence.tsx",
    url: (f) => `/portal/entries/${f.entryA}/evidence`,
    allow: ["entrantA"],
    post: true,
  },
  {
    file: "portal.entries.$entryId.scorecard.tsx",
    url: (f) => `/portal/entries/${f.entryA}/scorecard`,
    allow: ["entrantA"],
  },
  // The certificate of award of A's placed entry (another edition, published): only A.
  {
    file: "portal.entries.$entryId.certificate.tsx",
    url: (f) => `/portal/entries/${f.placedEntryA}/certificate`,
    allow: ["entrantA"],
    resource: true,
  },
  { file: "portal.members.tsx", url: () => "/portal/members", allow: entrants, post: true },
  // "Pesan": everyone signed in reads their own messages; a message is its recipient's alone.
  { file: "messages._index.tsx", url: () => "/messages", allow: everyoneSignedIn },
  { file: "messages.$messageId.tsx", url: (f) => `/messages/${f.messageA}`, allow: ["entrantA"] },
  // Evidence download (all roles that may see the entry; A's file while A's entry is a draft: only A).
  { file: "evidence.$fileId.tsx", url: (f) => `/evidence/${f.evidenceA}`, allow: ["entrantA"], resource: true },
  // Everyone signed in sets their own mail language and reminders.
  { file: "account.tsx", url: () => "/account", allow: everyoneSignedIn, post: true },
  // The unsubscribe link of a reminder: a token we did not sign is a 404 for everyone.
  { file: "unsubscribe.$token.tsx", url: () => "/unsubscribe/1.forged-token", allow: [] },
  // Getting in (public): an unknown invitation link answers with an explanation.
  { file: "invite.$token.tsx", url: () => "/invite/no-such-token", allow: "public" },
  { file: "register.tsx", url: () => "/register", allow: "public" },
  // The administrator (award secretariat): all editions, their committees, the settings.
  { file: "admin._index.tsx", url: () => "/admin", allow: admin, post: true },
  { file: "admin.editions.$editionId.tsx", url: (f) => `/admin/editions/${f.editionId}`, allow: admin, post: true },
  // Personal data (UU 27/2022): the committee exports the people of its edition; the administrator
  // finds, exports and anonymises anyone.
  {
    file: "committee.$editionId.people.$userId.data.tsx",
    url: (f) => `/committee/${f.editionId}/people/${f.accounts.assessor.id}/data`,
    allow: committee,
    resource: true,
  },
  { file: "admin.people.tsx", url: () => "/admin/people", allow: admin, post: true },
  {
    file: "admin.people_.$userId.data.tsx",
    url: (f) => `/admin/people/${f.accounts.assessor.id}/data`,
    allow: admin,
    resource: true,
  },
];
