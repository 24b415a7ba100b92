import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Db } from "../../db/client";
import { entryChecklist, portalEntry } from "../../db/queries/figures";
import { publishSnapshot } from "../../db/queries/publications";
import { currentRubric } from "../../db/queries/rubrics";
import { sessions } from "~/lib/session.server";
import * as entryPage from "~/routes/portal.entries.$entryId._index";
import * as newEdition from "~/routes/committee.new";
import { freshDb } from "../db/support";

// Issue 10, items 2 and 4: an entry could be submitted after the desk stage had closed and after
// the results were published, in one click. The route's action is posted to as a hand-made
// request would be (session cookie, form fields, with the confirmation field); the entry must
// stay a draft with the reason given, and while the window is open a post without the
// confirmation only asks for it.

process.env.SESSION_SECRET ??= "submission-window-test-secret";

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>;

/** The demo's draft entry of Mahakam Energi, made complete (every figure, a file per required criterion). */
async function setup() {
  const { db } = await freshDb({ seed: true });
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "peserta@mahakam-energi.paritrana.test")
    .executeTakeFirstOrThrow();
  const entry = await db
    .selectFrom("entries as e")
    .innerJoin("memberships as m", "m.organisation_id", "e.organisation_id")
    .select(["e.id", "e.edition_id", "e.category_id", "e.status"])
    .where("m.user_id", "=", user.id)
    .executeTakeFirstOrThrow();
  expect(entry.status).toBe("draft");
  const checklist = await entryChecklist(db, entry.id);
  for (const key of checklist.missingFigures)
    await db.insertInto("entry_figures").values({ entry_id: entry.id, key, value: 1 }).execute();
  for (const c of checklist.missingEvidence)
    await db
      .insertInto("evidence_files")
      .values({
        entry_id: entry.id,
        criterion_key: c.key,
        original_name: `${c.key}.pdf`,
        storage_name: `${c.key}-missing.pdf`,
        mime: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
        uploaded_by: user.id,
      })
      .execute();
  expect((await entryChecklist(db, entry.id)).complete).toBe(true);
  return { db, userId: user.id, entry };
}

async function post(entryId: number, userId: number, form: Record<string, string>) {
  return postTo(entryPage.action as Handler, `/portal/entries/${entryId}`, { entryId: String(entryId) }, userId, form);
}

async function postTo(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  userId: number,
  form: Record<string, string>,
) {
  const session = await sessions().getSession();
  session.set("userId", userId);
  const cookie = (await sessions().commitSession(session)).split(";")[0]!;
  const request = new Request(`http://paritrana.test${path}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { Cookie: cookie },
  });
  try {
    return await handler({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Status and data of the action's answer (`data(...)`, or a Response such as the redirect). */
function answer(res: unknown) {
  if (res instanceof Response) return { status: res.status, data: null };
  const r = res as { type?: string; data?: unknown; init?: { status?: number } | null };
  return r.type === "DataWithResponseInit"
    ? { status: r.init?.status ?? 200, data: r.data as Record<string, unknown> }
    : { status: 200, data: r as Record<string, unknown> };
}

async function statusOf(db: Db, entryId: number) {
  return (await portalEntry(db, entryId))!.status;
}

async function submits(db: Db, entryId: number) {
  const rows = await db
    .selectFrom("audit_log")
    .select("id")
    .where("entry_id", "=", entryId)
    .where("action", "=", "entry.submit")
    .execute();
  return rows.length;
}

const confirmed = { intent: "submit", confirmed: "yes" };

describe("submitting an entry by a direct post", () => {
  it("only asks for the confirmation while the window is open", async () => {
    const { db, userId, entry } = await setup();
    const asked = answer(await post(entry.id, userId, { intent: "submit" }));
    expect(asked).toEqual({ status: 200, data: { confirm: "submit" } });
    expect(await statusOf(db, entry.id)).toBe("draft");
    expect(await submits(db, entry.id)).toBe(0);
    // Confirmed, it goes through (the same entry the next tests keep from being submitted).
    const done = answer(await post(entry.id, userId, confirmed));
    expect(done.status).toBe(302);
    expect(await statusOf(db, entry.id)).toBe("submitted");
  });

  it("is refused once the desk stage has closed, with the reason; the entry stays a draft", async () => {
    const { db, userId, entry } = await setup();
    await db
      .updateTable("edition_stages")
      .set({ status: "closed" })
      .where("edition_id", "=", entry.edition_id)
      .where("key", "=", "desk")
      .execute();
    for (const form of [confirmed, { intent: "submit" }]) {
      const res = answer(await post(entry.id, userId, form));
      expect(res.status).toBe(409);
      expect(String(res.data?.message)).toContain("Tahap pertama penilaian (seleksi berkas) telah ditutup");
    }
    expect(await statusOf(db, entry.id)).toBe("draft");
    expect(await submits(db, entry.id)).toBe(0);
  });

  it("is refused once the category is published, with the reason; the entry stays a draft", async () => {
    const { db, userId, entry } = await setup();
    const rubric = (await currentRubric(db, entry.category_id))!;
    await publishSnapshot(db, {
      editionId: entry.edition_id,
      categoryId: entry.category_id,
      rubricId: rubric.id,
      inputJson: "{}",
      resultJson: JSON.stringify({ categories: [{ ranking: [], ineligible: [] }] }),
      sha256: "f".repeat(64),
      userId,
    });
    const res = answer(await post(entry.id, userId, confirmed));
    expect(res.status).toBe(409);
    expect(String(res.data?.message)).toContain("Hasil kategori ini telah diumumkan");
    expect(await statusOf(db, entry.id)).toBe("draft");
    expect(await submits(db, entry.id)).toBe(0);
  });
});

describe("the edition form", () => {
  it("refuses a registration deadline later than the desk deadline, on the registration field", async () => {
    const { db } = await setup();
    // Editions are created by the administrator (the award secretariat).
    const admin = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "admin@paritrana.test")
      .executeTakeFirstOrThrow();
    const editions = async () => (await db.selectFrom("editions").select("id").execute()).length;
    const before = await editions();
    const form = {
      name: "Edisi Uji Tenggat",
      year: "2024",
      level: "provincial",
      region: "Kalimantan Utara",
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
      registrationDeadline: "2024-04-30",
      deskDeadline: "2024-04-15",
      verificationDeadline: "2024-05-15",
      places: "3",
      mentions: "0",
      categories: "large",
    };
    const refused = answer(await postTo(newEdition.action as Handler, "/committee/new", {}, admin.id, form));
    expect(refused.status).toBe(400);
    const errors = refused.data?.errors as Record<string, string>;
    expect(errors.registrationDeadline).toContain(
      "Batas waktu pendaftaran tidak boleh lebih lambat dari batas waktu seleksi berkas",
    );
    expect(errors.deskDeadline).toBeUndefined();
    expect(await editions()).toBe(before);
    // The same day, or no desk deadline at all, is accepted (closing the desk stage ends submission).
    for (const deskDeadline of ["2024-04-30", ""]) {
      const ok = answer(
        await postTo(newEdition.action as Handler, "/committee/new", {}, admin.id, { ...form, deskDeadline }),
      );
      expect(ok.status).toBe(302);
    }
    expect(await editions()).toBe(before + 2);
  });
});
