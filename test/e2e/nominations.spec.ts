import { expect, test } from "@playwright/test";
import { raiseVersionOfAssignment } from "../../db/queries/data-version";
import {
  createEdition,
  createEntry,
  createMember,
  createNationalEdition,
  createScoresheet,
  publishCategory,
  testDb,
  unique,
  type TestEdition,
  type TestEntry,
} from "./factories";
import { expectAccessible, signIn } from "./support";

// Issue 14: the national committee links a province, nominates its published Juara I (two tied:
// both go), and reviews the province's re-publication before anything changes.

/** A provincial edition of 2023 whose regency/city entries get the given scores from two assessors. */
async function province(region: string, scores: number[]) {
  const edition = await createEdition({ categories: ["regency_city"], region, name: `Edisi ${region} ${unique()}` });
  const assessors = [await createMember(edition.id, "assessor"), await createMember(edition.id, "assessor")];
  const entries: TestEntry[] = [];
  for (const score of scores) {
    const entry = await createEntry(edition, { category: "regency_city", quality: score / 100 });
    for (const a of assessors) await createScoresheet(entry, a, { score, createdBy: edition.committee.id });
    entries.push(entry);
  }
  return { edition, entries };
}

async function rescore(entry: TestEntry, value: number) {
  const db = await testDb();
  for (const { id } of await db.selectFrom("assignments").select("id").where("entry_id", "=", entry.id).execute()) {
    await db.updateTable("scores").set({ value }).where("assignment_id", "=", id).execute();
    await raiseVersionOfAssignment(db, id);
  }
}

test("the national committee nominates a province's published Juara I and reviews its re-publication", async ({
  page,
}) => {
  const sulut = await province("Sulawesi Utara", [88, 88, 60]);
  await publishCategory(sulut.edition, "regency_city");
  const gorontalo = await province("Gorontalo", [70]);
  const national: TestEdition = await createNationalEdition({ link: [gorontalo.edition] });

  // A provincial committee has no nomination page.
  await signIn(page, sulut.edition.committee);
  await page.goto(`/committee/${sulut.edition.id}`);
  await expect(page.getByRole("link", { name: "Penugasan" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Nominasi" })).toHaveCount(0);
  expect((await page.goto(`/committee/${sulut.edition.id}/nominations`))?.status()).toBe(404);

  await page.context().clearCookies();
  await signIn(page, national.committee);
  await page.goto(`/committee/${national.id}`);
  await page.getByRole("link", { name: "Nominasi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nominasi dari provinsi" })).toBeVisible();
  const regency = page.getByRole("region", { name: "Pemerintah Kabupaten/Kota" });
  await expect(regency.getByText("Belum diumumkan.")).toBeVisible();

  await page.getByLabel("Edisi provinsi tahun 2023").selectOption({ label: `Sulawesi Utara — ${sulut.edition.name}` });
  await page.getByRole("button", { name: "Tautkan" }).click();
  await expect(page.getByText(`Edisi ${sulut.edition.name} ditautkan.`)).toBeVisible();
  for (const e of sulut.entries.slice(0, 2))
    await expect(regency.getByRole("button", { name: `Nominasikan ${e.organisation.name}` })).toBeVisible();
  await expect(regency.getByRole("row", { name: new RegExp(sulut.entries[2]!.organisation.name) })).toHaveCount(0);

  // A rule out of range is refused next to its field, the typed value kept.
  await regency.getByLabel("Peringkat yang dinominasikan: 1 sampai").fill("11");
  await regency.getByRole("button", { name: "Simpan aturan" }).click();
  await expect(page.getByText("Isi bilangan bulat 1 sampai 10.")).toBeVisible();
  await expect(regency.getByLabel("Peringkat yang dinominasikan: 1 sampai")).toHaveValue("11");

  await regency.getByRole("button", { name: "Nominasikan semua calon Pemerintah Kabupaten/Kota" }).click();
  await expect(page.getByText("2 peserta dinominasikan untuk Pemerintah Kabupaten/Kota.")).toBeVisible();
  await expect(regency.getByText("Dinominasikan", { exact: true })).toHaveCount(2);
  await expectAccessible(page);

  // The province corrects its result: the first falls behind; nothing changes until reviewed.
  await rescore(sulut.entries[0]!, 50);
  await publishCategory(sulut.edition, "regency_city");
  await page.reload();
  const changes = page.getByRole("region", { name: "Perubahan untuk ditinjau" });
  const fallen = sulut.entries[0]!.organisation.name;
  await expect(changes.getByRole("row", { name: new RegExp(fallen) })).toContainText("Peringkat 1");
  await expect(changes.getByRole("row", { name: new RegExp(fallen) })).toContainText(
    "Tidak lagi memenuhi aturan nominasi",
  );
  await changes.getByRole("button", { name: `Terima perubahan ${sulut.entries[1]!.organisation.name}` }).click();
  await expect(page.getByText(`Perubahan ${sulut.entries[1]!.organisation.name} diterima.`)).toBeVisible();

  await changes.getByRole("button", { name: "Tarik nominasi" }).click();
  await expect(page.getByText("Tuliskan alasan penarikan.")).toBeVisible();
  await changes.getByLabel(`Alasan penarikan nominasi ${fallen}`).fill("Hasil provinsi dikoreksi");
  await changes.getByRole("button", { name: "Tarik nominasi" }).click();
  await expect(page.getByText(`Nominasi ${fallen} ditarik.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Perubahan untuk ditinjau" })).toHaveCount(0);
  // The board follows the current publication: the fallen entrant is no candidate any more.
  await expect(regency.getByText("Dinominasikan", { exact: true })).toHaveCount(1);
});
