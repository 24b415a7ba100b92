import type Database from "better-sqlite3";
import type { Fixtures } from "../e2e/route-table";
import { ACCOUNTS_BY_PERSONA } from "./personas";

/**
 * The route table's fixtures read from the demo edition of a server started with `seed: true`
 * (the security tests' servers each have their own database; the e2e factories write to the
 * Playwright server's database instead).
 */
export function loadFixtures(db: Database.Database): Fixtures {
  const one = <T>(sql: string, ...args: unknown[]): T => {
    const row = db.prepare(sql).get(...args) as Record<string, T> | undefined;
    const value = row ? Object.values(row)[0] : undefined;
    if (value === undefined || value === null) throw new Error(`fixture query found nothing: ${sql}`);
    return value;
  };
  const userId = (email: string) => one<number>(`select id from users where email = ?`, email);
  const account = (email: string) => ({
    id: userId(email),
    email,
    name: one<string>(`select name from users where email = ?`, email),
  });
  const entryOf = (email: string) =>
    one<number>(
      `select e.id from entries e join memberships m on m.organisation_id = e.organisation_id join users u on u.id = m.user_id where u.email = ?`,
      email,
    );
  const entryA = entryOf(ACCOUNTS_BY_PERSONA.entrantA);
  return {
    editionId: one<number>(`select min(id) from editions`),
    categoryId: one<number>(`select min(id) from categories`),
    scoredEntry: one<number>(
      `select min(id) from entries where status = 'submitted' and category_id = (select min(id) from categories)`,
    ),
    entryA,
    // The demo publishes nothing, so A has no placed entry; the security tests never fetch it.
    placedEntryA: entryA,
    // A national edition of the committee persona's, else its own edition: the nomination page
    // reads the body before it answers 404 for a provincial edition (the body tests need that).
    nationalEditionId: one<number>(
      `select coalesce((select min(m.edition_id) from memberships m join editions e on e.id = m.edition_id
         join users u on u.id = m.user_id where e.level = 'national' and m.role = 'committee' and u.email = ?),
         (select min(id) from editions))`,
      ACCOUNTS_BY_PERSONA.committee,
    ),
    entryB: entryOf(ACCOUNTS_BY_PERSONA.entrantB),
    // A message to A, or 0 (none: the demo may write A none; the security tests never open it).
    messageA: one<number>(
      `select coalesce((select min(o.id) from outbox o join users u on u.id = o.user_id where u.email = ?), 0)`,
      ACCOUNTS_BY_PERSONA.entrantA,
    ),
    evidenceA: one<number>(`select min(id) from evidence_files where entry_id = ?`, entryA),
    // The demo opens no plenary: 0 (a 404 for everyone; the security tests never need one open).
    plenaryId: one<number>(`select coalesce((select min(id) from plenaries), 0)`),
    assignedEntry: one<number>(
      `select min(entry_id) from assignments where user_id = ? and status = 'not_started'`,
      userId(ACCOUNTS_BY_PERSONA.assessor),
    ),
    accounts: {
      admin: account(ACCOUNTS_BY_PERSONA.admin),
      committee: account(ACCOUNTS_BY_PERSONA.committee),
      assessor: account(ACCOUNTS_BY_PERSONA.assessor),
      juror: account(ACCOUNTS_BY_PERSONA.juror),
      entrantA: account(ACCOUNTS_BY_PERSONA.entrantA),
      entrantB: account(ACCOUNTS_BY_PERSONA.entrantB),
    },
  };
}
