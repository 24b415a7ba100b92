import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import * as page from "~/routes/committee.$editionId.nominations";
import {
  createEdition,
  createEntry,
  createMember,
  createNationalEdition,
  createScoresheet,
  publishCategory,
  testDb,
} from "../e2e/factories";
import { freshDb } from "../db/support";
import { call, dataOf, statusOf } from "./route-calls";

// The nomination page (issue 14): national editions only, its committee only; every refusal is a
// message in the user's language with the input kept, and no posted value makes a 500.

const world = (async () => {
  const { dir, url } = await freshDb();
  process.env.E2E_DIR = dir;
  process.env.E2E_DATABASE = url.replace(/^file:/, "");
  const db = await testDb();
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const province = await createEdition({ categories: ["regency_city"], region: "Kalimantan Timur" });
  const assessor = await createMember(province.id, "assessor");
  const winner = await createEntry(province, { category: "regency_city", quality: 0.9 });
  await createScoresheet(winner, assessor, { score: 90, createdBy: province.committee.id });
  const unpublished = await createEdition({ categories: ["regency_city"], region: "Jawa Barat" });
  const waiting = await createEntry(unpublished, { category: "regency_city" });
  const national = await createNationalEdition({ link: [province, unpublished] });
  return { db, province, winner, unpublished, waiting, national };
})();

const pathOf = (editionId: number) => `/committee/${editionId}/nominations`;

describe("the nomination page", () => {
  it("is the national edition's: 404 for a provincial edition, 403 for another committee", async () => {
    const { province, national } = await world;
    const params = (id: number) => ({ editionId: String(id) });
    expect(
      statusOf(await call(page.loader, pathOf(province.id), params(province.id), { userId: province.committee.id })),
    ).toBe(404);
    expect(
      statusOf(
        await call(page.action, pathOf(province.id), params(province.id), {
          userId: province.committee.id,
          form: { intent: "rule", categoryId: "1", top: "2" },
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(await call(page.loader, pathOf(national.id), params(national.id), { userId: province.committee.id })),
    ).toBe(403);
    const ok = await call(page.loader, pathOf(national.id), params(national.id), { userId: national.committee.id });
    expect(statusOf(ok)).toBe(200);
    const d = dataOf(ok) as Awaited<ReturnType<typeof page.loader>>;
    expect(d.links.map((l) => l.province).sort()).toEqual(["Jawa Barat", "Kalimantan Timur"]);
    expect(d.categories.map((c) => c.key)).toEqual(["province", "regency_city"]);
  });

  it("answers every refusal in words, keeps the input, and never fails on odd values", async () => {
    const { province, winner, waiting, national } = await world;
    const params = { editionId: String(national.id) };
    const post = (form: Record<string, string>) =>
      call(page.action, pathOf(national.id), params, { userId: national.committee.id, form });
    const regency = String(national.categories.regency_city!.id);

    const odd = ["", "x1", "0", "-3", "1e3", "99999999999999999999", "2147483648", "1.5", "__proto__"];
    for (const v of odd)
      for (const form of <Record<string, string>[]>[
        { intent: "link", provincialEditionId: v },
        { intent: "unlink", provincialEditionId: v },
        { intent: "rule", categoryId: v, top: v },
        { intent: "rule", categoryId: regency, top: v },
        { intent: "nominate", categoryId: v, entryId: v },
        { intent: "nominate", categoryId: regency, entryId: v },
        { intent: "nominateAll", categoryId: v },
        { intent: "accept", entryId: v },
        { intent: "withdraw", entryId: v, reason: v },
        { intent: v },
      ]) {
        const res = await post(form);
        const status = statusOf(res);
        expect(status, JSON.stringify(form)).toBeGreaterThanOrEqual(302);
        expect(status, JSON.stringify(form)).toBeLessThan(500);
      }

    const rule = await post({ intent: "rule", categoryId: regency, top: "11" });
    expect(statusOf(rule)).toBe(400);
    expect(dataOf(rule)).toMatchObject({
      intent: "rule",
      errors: { top: "Isi bilangan bulat 1 sampai 10." },
      values: { top: "11", categoryId: regency },
    });

    const notPublished = await post({ intent: "nominate", categoryId: regency, entryId: String(winner.id) });
    expect(statusOf(notPublished)).toBe(409);
    expect(dataOf(notPublished).errors).toEqual({ _form: "Hasil kategori ini di provinsi belum diumumkan." });

    await publishCategory(province, "regency_city");
    const nominated = await post({ intent: "nominate", categoryId: regency, entryId: String(winner.id) });
    expect(statusOf(nominated)).toBe(302);
    const again = await post({ intent: "nominate", categoryId: regency, entryId: String(winner.id) });
    expect(dataOf(again).errors).toEqual({ _form: "Peserta ini sudah dinominasikan." });
    const draft = await post({ intent: "nominate", categoryId: regency, entryId: String(waiting.id) });
    expect(statusOf(draft)).toBe(409);

    const unlink = await post({ intent: "unlink", provincialEditionId: String(province.id) });
    expect(dataOf(unlink).errors).toEqual({
      _form: "Tautan tidak dapat dilepas: sudah ada peserta yang dinominasikan dari edisi ini.",
    });
    const page2 = dataOf(
      await call(page.loader, pathOf(national.id), params, { userId: national.committee.id }),
    ) as Awaited<ReturnType<typeof page.loader>>;
    const entryId = page2.categories
      .find((c) => c.key === "regency_city")!
      .provinces.find((p) => p.editionId === province.id)!.candidates[0]!.nominated!.entryId;
    const withdraw = await post({ intent: "withdraw", entryId: String(entryId), reason: "   " });
    expect(statusOf(withdraw)).toBe(400);
    expect(dataOf(withdraw)).toMatchObject({
      intent: "withdraw",
      errors: { reason: "Tuliskan alasan penarikan." },
      values: { entryId: String(entryId) },
    });
    // An entry of another edition is not this page's to review.
    const foreign = await post({ intent: "withdraw", entryId: String(winner.id), reason: "x" });
    expect(statusOf(foreign)).toBe(404);
  });
});
