import { describe, expect, it } from "vitest";
import { demoEdition, freshDb } from "./support";
import type { Db } from "../../db/client";
import type { Category } from "../../db/schema";
import { editionCategories } from "../../db/queries/editions";
import { publishSnapshot } from "../../db/queries/publications";
import { editionSignatories, setEditionSignatories } from "../../db/queries/signatories";
import { translator } from "../../app/i18n";
import { editionWinners } from "../../app/lib/publications.server";
import { scoreCategory } from "../../app/lib/scoring-input.server";
import { winnerCertificate } from "../../app/lib/winner-certificate.server";
import type { ScoringResult } from "../../scoring/index";
import { pdfText } from "../app/pdf-text";

/** Publishes what a category's data scores now (stages closed first, as publishing requires). */
async function publish(db: Db, category: Category, userId: number) {
  await db
    .updateTable("edition_stages")
    .set({ status: "closed" })
    .where("edition_id", "=", category.edition_id)
    .execute();
  const scoring = (await scoreCategory(db, category))!;
  const snap = scoring.snapshot!;
  await publishSnapshot(db, {
    editionId: category.edition_id,
    categoryId: category.id,
    rubricId: scoring.rubricId,
    ...snap,
    userId,
  });
  return JSON.parse(snap.resultJson) as ScoringResult;
}

describe("certificates: signatories, winners' certificates and the winners page", async () => {
  const { db } = await freshDb({ seed: true });
  const edition = await demoEdition(db);
  const categories = await editionCategories(db, edition.id);
  const committee = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "panitia@paritrana.test")
    .executeTakeFirstOrThrow();
  const t = translator("id");

  it("stores the signatories in order, replaces them as a whole and audits each change", async () => {
    expect(await editionSignatories(db, edition.id)).toEqual([
      { name: "Dr. H. Akmal Malik, M.Si.", title: "Gubernur Kalimantan Timur" },
      { name: "Rudi Hartono Sinaga", title: "Kepala Kantor Wilayah BPJS Ketenagakerjaan Kalimantan" },
    ]);
    const three = [
      { name: "Paweł Đặng", title: "Ketua Dewan Juri" },
      { name: "Dr. H. Akmal Malik, M.Si.", title: "Gubernur Kalimantan Timur" },
      { name: "Siti Rahmawati", title: "Ketua Panitia" },
    ];
    expect(await setEditionSignatories(db, { editionId: edition.id, userId: committee.id, signatories: three })).toBe(
      true,
    );
    expect(await editionSignatories(db, edition.id)).toEqual(three);
    // The same list again changes nothing and logs nothing.
    expect(await setEditionSignatories(db, { editionId: edition.id, userId: committee.id, signatories: three })).toBe(
      false,
    );
    const logged = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "edition.signatories")
      .where("edition_id", "=", edition.id)
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0].user_id).toBe(committee.id);
    expect(JSON.parse(logged[0].before!)).toHaveLength(2);
    expect(JSON.parse(logged[0].after!)).toEqual(three);
    // Another edition's signatories are its own.
    expect(await editionSignatories(db, edition.id + 1000)).toEqual([]);
  });

  it("gives a certificate only to a placed entry of a current publication (the committee may preview)", async () => {
    const category = categories.find((c) => c.key === "regency_city")!;
    const args = { edition, category, t, locale: "id" as const };
    const preview = (await scoreCategory(db, category))!.result!.categories[0].ranking;
    const first = Number(preview.find((r) => r.rank === 1)!.nominee);
    expect(await winnerCertificate(db, { ...args, entryId: first, preview: false })).toBeNull();
    const draft = (await winnerCertificate(db, { ...args, entryId: first, preview: true }))!;
    expect((await pdfText(new Uint8Array(await draft.arrayBuffer()))).lines).toContain("DRAF");

    const ranking = (await publish(db, category, committee.id)).categories[0].ranking;
    const winner = Number(ranking.find((r) => r.rank === 1)!.nominee);
    const res = (await winnerCertificate(db, { ...args, entryId: winner, preview: false }))!;
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const { lines } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(lines).toContain("Juara I");
    expect(lines).toContain("Paweł Đặng");
    expect(lines).toContain("Ketua Dewan Juri");
    expect(lines).not.toContain("DRAF");
    // Ranked beyond the places and the special mention (3 + 1): no certificate, not even for the committee.
    const unplaced = ranking.find((r) => r.rank > category.places + category.mentions);
    expect(unplaced).toBeDefined();
    for (const preview of [false, true])
      expect(await winnerCertificate(db, { ...args, entryId: Number(unplaced!.nominee), preview })).toBeNull();
  });

  it("lists the published categories in the edition's order, whatever order they were published in", async () => {
    const [a, b] = categories.filter((c) => c.key !== "regency_city");
    expect(a.id).toBeLessThan(b.id);
    await publish(db, b, committee.id);
    await publish(db, a, committee.id);
    const order = (await editionWinners(db, edition.id)).map((c) => c.category);
    const editionOrder = categories.map((c) => c.key).filter((k) => order.includes(k));
    expect(order).toEqual(editionOrder);
    expect(order.indexOf(a.key)).toBeLessThan(order.indexOf(b.key));
  });
});
