import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { formatNumber } from "../../app/i18n/format";
import {
  addEvidenceFile,
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
} from "./factories";
import { expectAccessible, signIn } from "./support";

// A provincial Juara I carried into the national edition (docs/levels.md), as its organisation and
// a national assessor see it: both entries on one portal page by level, the carried files read-only
// beside a national upload that supersedes them, and the provincial result on the assessor page.

async function pdf(text: string) {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
}

let province: TestEdition;
let national: TestEdition;
let winner: TestEntry;
let nominee: TestEntry;
let assessor: TestUser;
let total = "";
test.beforeAll(async () => {
  province = await createEdition({ categories: ["regency_city"] });
  winner = await createEntry(province, { category: "regency_city", quality: 0.9 });
  await addEvidenceFile(winner, "kriteria_provinsi", { name: "bukti-khusus-provinsi.pdf" });
  for (let k = 0; k < 2; k++)
    await createScoresheet(winner, await createMember(province.id, "assessor"), {
      score: 86 + k,
      createdBy: province.committee.id,
    });
  await publishCategory(province, "regency_city");
  national = await createNationalEdition({ categories: ["regency_city"], link: [province] });
  nominee = await nominateFrom(national, winner);
  assessor = await createMember(national.id, "assessor");
  await createScoresheet(nominee, assessor, { stage: "verification", status: "draft" });
  const row = await (
    await testDb()
  )
    .selectFrom("entries")
    .select("source_total")
    .where("id", "=", nominee.id)
    .executeTakeFirstOrThrow();
  total = formatNumber(row.source_total, 2);
});

test.describe.serial("a nominated entry", () => {
  test("the entrant sees its provincial and national entries by level, and where the national one came from", async ({
    page,
  }) => {
    await signIn(page, winner.organisation.member);
    const provincial = page.getByRole("region", { name: "Tingkat Provinsi" });
    const nationalLevel = page.getByRole("region", { name: "Tingkat Nasional" });
    await expect(provincial.getByText(province.name)).toBeVisible();
    await expect(nationalLevel.getByText(national.name)).toBeVisible();
    await expect(nationalLevel.getByText(`Dinominasikan dari ${province.name}, Juara I, nilai ${total}`)).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/portal/entries/${nominee.id}`);
    await expect(page.getByText(`Dinominasikan dari ${province.name}, Juara I, nilai ${total}`)).toBeVisible();
    await expect(page.getByText(/masih dapat menambah bukti dukung tingkat nasional/)).toBeVisible();
    await page.goto(`/portal/entries/${nominee.id}/figures`);
    await expect(page.getByText(/angka yang dikirim pada tingkat provinsi/)).toBeVisible();
  });

  test("carried files are read-only; a national upload supersedes those of its criterion", async ({ page }) => {
    await signIn(page, winner.organisation.member);
    await page.goto(`/portal/entries/${nominee.id}/evidence`);
    const carriedList = page.getByRole("list", { name: "Berkas dari tingkat provinsi" });
    await expect(carriedList.first()).toBeVisible();
    await expect(page.getByText(`dari tingkat provinsi: ${province.name}`).first()).toBeVisible();
    const other = page.getByRole("region", { name: "Bukti lain dari tingkat provinsi" });
    await expect(other.getByRole("link", { name: "bukti-khusus-provinsi.pdf" })).toBeVisible();
    // No replace or delete is offered on a carried file.
    await expect(page.getByRole("button", { name: /^Hapus / })).toHaveCount(0);

    const section = page.locator(".portal-criterion").filter({ has: carriedList }).first();
    await section.locator('input[type="file"]').setInputFiles({
      name: "bukti-nasional.pdf",
      mimeType: "application/pdf",
      buffer: await pdf("Bukti tingkat nasional"),
    });
    await section.getByRole("button", { name: "Unggah" }).click();
    await expect(section.getByRole("link", { name: "bukti-nasional.pdf" })).toBeVisible();
    await expect(section.getByText("diganti dengan berkas tingkat nasional").first()).toBeVisible();
    await expect(section.getByRole("button", { name: "Hapus bukti-nasional.pdf" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the national assessor reads the carried files and the provincial result", async ({ page }) => {
    await signIn(page, assessor);
    await page.goto(`/assess/${nominee.id}`);
    const panel = page.getByRole("region", { name: "Hasil tingkat provinsi" });
    await expect(panel.getByText(province.name)).toBeVisible();
    await expect(panel.getByText(total, { exact: true })).toBeVisible();
    await expect(panel.getByText(/Juara I/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Bukti lain dari tingkat provinsi" })).toBeVisible();
    await expect(page.getByText(`dari tingkat provinsi: ${province.name}`).first()).toBeVisible();
    await expectAccessible(page);
  });
});
