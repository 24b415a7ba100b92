import { expect } from "vitest";
import type { Db } from "../../db/client";
import type { renderMessage } from "../../app/lib/mail/message.server";
import { testDb, type TestUser } from "../e2e/factories";
import { freshDb } from "../db/support";

// What the tests of messages share: a fresh database the e2e factories write to, the outbox rows a
// change wrote, and the checks every rendered message must pass.

export const MAIL_BASE = "https://paritrana.example.go.id";

/** A fresh SQLite file for the e2e factories (they read E2E_DATABASE), links made from MAIL_BASE. */
export async function factoryDb(): Promise<Db> {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  process.env.PUBLIC_URL = MAIL_BASE;
  return testDb();
}

/** The last outbox id now: rows written after it are the change's. */
export async function outboxMark(db: Db): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export function outboxSince(db: Db, since: number) {
  return db.selectFrom("outbox").selectAll().where("id", ">", since).orderBy("id").execute();
}

export const paramsOf = (row: { params: string }) => JSON.parse(row.params) as Record<string, unknown>;

export async function speaksEnglish(db: Db, user: TestUser) {
  await db.updateTable("users").set({ locale: "en" }).where("id", "=", user.id).execute();
}

/** Subject names the edition; every link of the text and the HTML is absolute. */
export function expectWellFormed(mail: ReturnType<typeof renderMessage>, editionName: string) {
  expect(mail.subject.endsWith(` — ${editionName}`)).toBe(true);
  const links = mail.text.match(/^\S*\/\S*$/gm) ?? [];
  expect(links.length).toBeGreaterThan(0);
  for (const l of links) expect(l.startsWith(`${MAIL_BASE}/`)).toBe(true);
  expect(mail.html).not.toMatch(/href="\//);
}
