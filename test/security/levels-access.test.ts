import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Db } from "../../db/client";
import { nominate } from "../../db/queries/nominations";
import { minimalPdf } from "../../db/seed/evidence";
import * as assessPage from "~/routes/assess.$entryId";
import * as committeeLayout from "~/routes/committee.$editionId";
import * as committeeHome from "~/routes/committee.$editionId._index";
import * as nominationsPage from "~/routes/committee.$editionId.nominations";
import * as organisationsPage from "~/routes/committee.$editionId.organisations";
import * as progressPage from "~/routes/committee.$editionId.progress";
import * as rankingPage from "~/routes/committee.$editionId.ranking.$categoryId";
import * as evidenceFile from "~/routes/evidence.$fileId";
import * as portalEvidence from "~/routes/portal.entries.$entryId.evidence";
import {
  addEvidenceFile,
  createAssignment,
  createEdition,
  createEntry,
  createMember,
  createNationalEdition,
  createScoresheet,
  nominateFrom,
  publishCategory,
  testDb,
  type TestEdition,
  type TestEntry,
  type TestUser,
} from "../e2e/factories";
import { freshDb } from "../db/support";
import { call, cookieOf, dataOf, statusOf } from "./route-calls";

// Issue 14, item 5 and the carry-over of item 2: who reads what across the two levels. The routes
// are called as the browser calls them (session cookie, form posts); the data is made by the e2e
// factories in a fresh SQLite file that the app's handle also uses, with the uploads folder of the
// files they store.

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>;

interface World {
  db: Db;
  dir: string;
  province: TestEdition;
  provincialAssessors: TestUser[];
  winner: TestEntry;
  loser: TestEntry;
  unpublished: TestEdition;
  hidden: TestEntry;
  national: TestEdition;
  nominee: TestEntry;
  assigned: TestUser;
  stranger: TestUser;
  conflicted: TestUser;
  undeclared: TestUser;
}

const world: Promise<World> = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  process.env.UPLOAD_DIR = join(dir, "uploads");
  // The app's handle is this test's database: rankings are answered here, not by a worker thread.
  process.env.RANKING_WORKER = "off";
  const db = await testDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);

  // A published provincial category: Juara I (nominated) and a lower entry (not nominated).
  const province = await createEdition({ categories: ["regency_city"] });
  const provincialAssessors = [
    await createMember(province.id, "assessor", { name: "Penilai Provinsi Rahasia Satu" }),
    await createMember(province.id, "assessor", { name: "Penilai Provinsi Rahasia Dua" }),
  ];
  const winner = await createEntry(province, { category: "regency_city", quality: 0.9 });
  const loser = await createEntry(province, { category: "regency_city", quality: 0.3 });
  for (const [entry, score] of [
    [winner, 88],
    [loser, 41],
  ] as const)
    for (const a of provincialAssessors) await createScoresheet(entry, a, { score, createdBy: province.committee.id });
  // A file of a criterion the national rubric does not have.
  await addEvidenceFile(winner, "kriteria_provinsi", { name: "bukti-khusus-provinsi.pdf" });
  await publishCategory(province, "regency_city");

  // Another province whose category is not published: nothing of it reaches the national level.
  const unpublished = await createEdition({ categories: ["regency_city"] });
  const hidden = await createEntry(unpublished, { category: "regency_city", quality: 0.95 });

  const national = await createNationalEdition({ categories: ["regency_city"], link: [province, unpublished] });
  const nominee = await nominateFrom(national, winner);
  const assigned = await createMember(national.id, "assessor");
  await createScoresheet(nominee, assigned, { stage: "verification", status: "draft" });
  const stranger = await createMember(national.id, "assessor");
  const conflicted = await createMember(national.id, "assessor");
  await createAssignment(nominee, conflicted, "verification");
  await db
    .insertInto("conflict_declarations")
    .values({ user_id: conflicted.id, entry_id: nominee.id, has_conflict: 1 })
    .execute();
  const undeclared = await createMember(national.id, "assessor");
  await createAssignment(nominee, undeclared, "verification");
  return {
    db,
    dir,
    province,
    provincialAssessors,
    winner,
    loser,
    unpublished,
    hidden,
    national,
    nominee,
    assigned,
    stranger,
    conflicted,
    undeclared,
  };
})();

async function filesOf(db: Db, entry: TestEntry) {
  return db.selectFrom("evidence_files").selectAll().where("entry_id", "=", entry.id).orderBy("id").execute();
}

/** The status of a download of an evidence file by a user. */
async function download(userId: number, fileId: number) {
  return statusOf(await call(evidenceFile.loader, `/evidence/${fileId}`, { fileId: String(fileId) }, { userId }));
}

/** The committee pages of an edition that its committee opens (loaders), and their statuses for a user. */
async function committeePages(edition: TestEdition, userId: number) {
  const editionId = String(edition.id);
  const categoryId = String(edition.categories.regency_city!.id);
  const base = `/committee/${editionId}`;
  return [
    statusOf(await call(committeeLayout.loader, base, { editionId }, { userId })),
    statusOf(await call(committeeHome.loader, base, { editionId }, { userId })),
    statusOf(await call(organisationsPage.loader, `${base}/organisations`, { editionId }, { userId })),
    statusOf(await call(progressPage.loader, `${base}/progress`, { editionId }, { userId })),
    statusOf(await call(rankingPage.loader, `${base}/ranking/${categoryId}`, { editionId, categoryId }, { userId })),
  ];
}

/** The sha256 of a stored file's bytes. */
function storedHash(dir: string, storageName: string) {
  return createHash("sha256")
    .update(readFileSync(join(dir, "uploads", storageName)))
    .digest("hex");
}

/** A multipart post to the national entry's evidence page, as the browser's upload form sends it. */
async function postFiles(userId: number, entry: TestEntry, fields: Record<string, string>, file?: Buffer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new Blob([new Uint8Array(file)], { type: "application/pdf" }), "bukti-nasional.pdf");
  const request = new Request(`http://paritrana.test/portal/entries/${entry.id}/evidence`, {
    method: "POST",
    body: form,
    headers: { Cookie: await cookieOf(userId) },
  });
  try {
    return await (portalEvidence.action as Handler)({ request, params: { entryId: String(entry.id) }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the two levels' committees", () => {
  it("the national committee opens none of the provincial edition's committee pages", async () => {
    const w = await world;
    for (const status of await committeePages(w.province, w.national.committee.id))
      expect([403, 404]).toContain(status);
    // Its own pages open (the check above is not a refusal of everything).
    expect(await committeePages(w.national, w.national.committee.id)).toEqual([200, 200, 200, 200, 200]);
  });

  it("a provincial committee opens none of the national edition's committee pages", async () => {
    const w = await world;
    for (const status of await committeePages(w.national, w.province.committee.id))
      expect([403, 404]).toContain(status);
  });

  it("an unpublished provincial category's entries never reach the national committee", async () => {
    const w = await world;
    const [file] = await filesOf(w.db, w.hidden);
    expect(await download(w.national.committee.id, file!.id)).toBe(404);
    for (const status of await committeePages(w.unpublished, w.national.committee.id))
      expect([403, 404]).toContain(status);
    const nationalId = String(w.national.id);
    // (The organisations page may offer its organisation for an invitation, as any known one.)
    for (const page of [committeeHome, progressPage, nominationsPage]) {
      const res = await call(
        page.loader,
        `/committee/${nationalId}`,
        { editionId: nationalId },
        {
          userId: w.national.committee.id,
        },
      );
      expect(statusOf(res)).toBe(200);
      expect(JSON.stringify(dataOf(res))).not.toContain(w.hidden.organisation.name);
    }
    // The nomination page does list the published province's Juara I (the check above can fail).
    const board = await call(
      nominationsPage.loader,
      `/committee/${nationalId}/nominations`,
      { editionId: nationalId },
      {
        userId: w.national.committee.id,
      },
    );
    expect(JSON.stringify(dataOf(board))).toContain(w.winner.organisation.name);
    // Nor can it be nominated, by any route to the data layer.
    const refused = await nominate(w.db, {
      nationalEditionId: w.national.id,
      categoryId: w.national.categories.regency_city!.id,
      sourceEntryId: w.hidden.id,
      userId: w.national.committee.id,
    });
    expect(refused).toEqual({ ok: false, reason: "not_published" });
  });
});

describe("files carried over to a national entry", () => {
  it("the national committee and the assigned assessor read them; nobody else of the national edition", async () => {
    const w = await world;
    const carried = await filesOf(w.db, w.winner);
    expect(carried.length).toBeGreaterThan(1);
    for (const f of carried) {
      expect(await download(w.national.committee.id, f.id)).toBe(200);
      expect(await download(w.assigned.id, f.id)).toBe(200);
      expect(await download(w.nominee.organisation.member.id, f.id)).toBe(200);
      // Not assigned, or assigned with a declared conflict: the file does not exist for them.
      expect(await download(w.stranger.id, f.id)).toBe(404);
      expect(await download(w.conflicted.id, f.id)).toBe(404);
      // Assigned but not declared yet: refused until the declaration.
      expect(await download(w.undeclared.id, f.id)).toBe(403);
    }
  });

  it("the national committee reads no file of a provincial entry that was not nominated", async () => {
    const w = await world;
    for (const f of await filesOf(w.db, w.loser)) {
      expect(await download(w.national.committee.id, f.id)).toBe(404);
      expect(await download(w.assigned.id, f.id)).toBe(404);
      // Its own committee still does.
      expect(await download(w.province.committee.id, f.id)).toBe(200);
    }
  });

  it("the entrant cannot delete or replace a carried file through the national entry; the provincial row and bytes stay", async () => {
    const w = await world;
    const member = w.nominee.organisation.member.id;
    const before = await filesOf(w.db, w.winner);
    const target = before[0]!;
    const path = `/portal/entries/${w.nominee.id}/evidence`;
    const params = { entryId: String(w.nominee.id) };
    const deleted = await call(portalEvidence.action, path, params, {
      userId: member,
      form: { intent: "delete", criterion: target.criterion_key, fileId: String(target.id), name: "x" },
    });
    expect(statusOf(deleted)).toBe(403);
    expect(String(dataOf(deleted).message)).toContain("tidak dapat dihapus atau diganti");
    const replaced = await postFiles(
      member,
      w.nominee,
      { intent: "replace", criterion: target.criterion_key, fileId: String(target.id) },
      minimalPdf(["Berkas pengganti"]),
    );
    expect(statusOf(replaced)).toBe(403);
    expect(String(dataOf(replaced).message)).toContain("tidak dapat dihapus atau diganti");

    const after = await filesOf(w.db, w.winner);
    expect(after).toEqual(before);
    for (const f of after) expect(storedHash(w.dir, f.storage_name)).toBe(f.sha256);
    // The page offers neither on a carried file (no form names it).
    const page = dataOf(await call(portalEvidence.loader, path, params, { userId: member }));
    const carried = page.carried as { id: number; standing: string }[];
    expect(carried.map((f) => f.id).sort()).toEqual(before.map((f) => f.id).sort());
    expect((page.files as { id: number }[]).some((f) => before.some((b) => b.id === f.id))).toBe(false);
  });

  it("the entrant adds a national file for a national criterion: it supersedes the carried ones in display only", async () => {
    const w = await world;
    const member = w.nominee.organisation.member.id;
    const before = await filesOf(w.db, w.winner);
    const criterion = before.find((f) => f.criterion_key !== "kriteria_provinsi")!.criterion_key;
    const uploaded = await postFiles(
      member,
      w.nominee,
      { intent: "upload", criterion },
      minimalPdf(["Bukti nasional"]),
    );
    expect(statusOf(uploaded)).toBe(200);
    const own = await filesOf(w.db, w.nominee);
    expect(own.map((f) => f.criterion_key)).toEqual([criterion]);
    expect(await filesOf(w.db, w.winner)).toEqual(before);

    const page = dataOf(
      await call(
        portalEvidence.loader,
        `/portal/entries/${w.nominee.id}/evidence`,
        { entryId: String(w.nominee.id) },
        {
          userId: member,
        },
      ),
    );
    expect(page.editable).toBe(true);
    const standing = Object.fromEntries(
      (page.carried as { criterion: string; standing: string }[]).map((f) => [f.criterion, f.standing]),
    );
    expect(standing[criterion]).toBe("superseded");
    expect(standing.kriteria_provinsi).toBe("other");
    // Its own national file is its to replace or delete; the carried rows are untouched by that too.
    const removed = await call(
      portalEvidence.action,
      `/portal/entries/${w.nominee.id}/evidence`,
      { entryId: String(w.nominee.id) },
      { userId: member, form: { intent: "delete", criterion, fileId: String(own[0]!.id), name: "x" } },
    );
    expect(statusOf(removed)).toBe(200);
    expect(await filesOf(w.db, w.nominee)).toEqual([]);
    expect(await filesOf(w.db, w.winner)).toEqual(before);
  });
});

describe("the national assessor's page of a nominee", () => {
  it("shows the carried files and the provincial result from the snapshot, without assessor names", async () => {
    const w = await world;
    const path = `/assess/${w.nominee.id}`;
    const params = { entryId: String(w.nominee.id) };
    const page = dataOf(await call(assessPage.loader, path, params, { userId: w.assigned.id }));
    expect(page.phase).toBe("score");
    const carried = (page.evidence as { id: number; carried: { edition: string } | null }[]).filter((f) => f.carried);
    expect(carried.map((f) => f.id).sort()).toEqual((await filesOf(w.db, w.winner)).map((f) => f.id).sort());
    expect(carried.every((f) => f.carried!.edition === w.province.name)).toBe(true);

    const provincial = page.provincial as { edition: string; rank: number; total: number; criteria: unknown[] };
    const { source_total } = await w.db
      .selectFrom("entries")
      .select("source_total")
      .where("id", "=", w.nominee.id)
      .executeTakeFirstOrThrow();
    expect(provincial).toMatchObject({ edition: w.province.name, rank: 1, total: source_total });
    expect(provincial.criteria.length).toBeGreaterThan(0);
    const text = JSON.stringify(page);
    for (const a of w.provincialAssessors) expect(text).not.toContain(a.name);

    // The live provincial scores change afterwards: the panel still shows the published ones.
    await w.db
      .updateTable("scores")
      .set({ value: 1 })
      .where("assignment_id", "in", (eb) =>
        eb.selectFrom("assignments").select("id").where("entry_id", "=", w.winner.id),
      )
      .execute();
    const again = dataOf(await call(assessPage.loader, path, params, { userId: w.assigned.id }));
    expect(again.provincial).toEqual(provincial);
  });
});
