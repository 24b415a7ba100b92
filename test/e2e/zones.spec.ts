import { expect, test } from "@playwright/test";
import { publishSnapshot } from "../../db/queries/publications";
import {
  createAdmin,
  createEntry,
  createNationalEdition,
  createOrganisation,
  testDb,
  unique,
  type TestEdition,
} from "./factories";
import { expectAccessible, signIn } from "./support";

// Issue 14: editions by level (the form offers the level's categories and stage deadlines) and
// zone awards (a view of a national category's published ranking, best per zone).

test("the new-edition form follows the level: a national edition has the province category and no desk deadline", async ({
  page,
}) => {
  await signIn(page, await createAdmin());
  await page.goto("/committee/new");
  await expect(page.locator("form[data-hydrated]")).toBeAttached();
  const desk = page.getByLabel("Batas waktu: Seleksi Berkas");
  const province = page.getByLabel("Pemerintah Provinsi", { exact: true });
  // Provincial (the default): no province category (a province does not judge itself).
  await expect(desk).toBeVisible();
  await expect(province).toHaveCount(0);
  await expect(page.getByLabel("Pemerintah Desa")).toBeVisible();

  const name = `Paritrana Award Nasional Uji ${unique()}`;
  await page.getByLabel("Nama edisi").fill(name);
  await page.getByLabel("Tingkat").selectOption({ label: "tingkat nasional" });
  await expect(desk).toHaveCount(0);
  await page.getByLabel("Wilayah").selectOption({ label: "Indonesia (tingkat nasional)" });
  await page.getByLabel("Awal periode penilaian").fill("2024-01-01");
  await page.getByLabel("Akhir periode penilaian").fill("2024-12-31");
  await page.getByLabel("Batas waktu pendaftaran").fill("2024-06-01");
  // Registration after the first (verification) stage's deadline is refused, on its field, input kept.
  await page.getByLabel("Batas waktu: Verifikasi dan Validasi").fill("2024-05-01");
  await province.check();
  await page.getByLabel("Jadikan saya juga anggota panitia edisi ini").check();
  await page.getByRole("button", { name: "Buat edisi" }).click();
  await expect(page.locator("#f-registrationDeadline-error")).toContainText(
    "tidak boleh lebih lambat dari batas waktu verifikasi dan validasi",
  );
  await expect(page.getByLabel("Nama edisi")).toHaveValue(name);
  await expect(province).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Batas waktu: Verifikasi dan Validasi").fill("2024-07-01");
  await page.getByRole("button", { name: "Buat edisi" }).click();
  await expect(page.getByText("Edisi telah dibuat.")).toBeVisible();
  const edition = await (
    await testDb()
  )
    .selectFrom("editions")
    .select(["level", "region"])
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  expect(edition).toEqual({ level: "national", region: "Indonesia" });
});

/** Publishes a hand-made ranking (entry id → rank) of the national province category. */
async function publishRanking(national: TestEdition, ranks: [number, number][]) {
  const category = national.categories.province!;
  const ranking = ranks.map(([id, rank]) => ({ nominee: String(id), rank, total: 90 - rank }));
  await publishSnapshot(await testDb(), {
    editionId: national.id,
    categoryId: category.id,
    rubricId: category.rubricId,
    inputJson: JSON.stringify({ zones: national.id }),
    resultJson: JSON.stringify({ categories: [{ id: "province", ranking, ineligible: [] }] }),
    sha256: `zones-e2e-${national.id}-${unique()}`.padEnd(64, "0"),
    userId: national.committee.id,
  });
}

test("the national committee gives a zone award; the winners page shows the best province of each zone", async ({
  page,
  browser,
}) => {
  const national = await createNationalEdition({ categories: ["province"] });
  const tag = unique();
  const entries: Record<string, number> = {};
  for (const region of ["Jawa Timur", "Jawa Barat", "Aceh", "Kalimantan Timur"]) {
    const organisation = await createOrganisation({
      kind: "province",
      name: `Pemerintah Provinsi ${region} ${tag}`,
      region,
    });
    entries[region] = (await createEntry(national, { category: "province", organisation, evidence: false })).id;
  }
  await publishRanking(national, [
    [entries["Jawa Timur"]!, 1],
    [entries["Kalimantan Timur"]!, 2],
    [entries["Jawa Barat"]!, 3],
    [entries["Aceh"]!, 4],
  ]);

  await signIn(page, national.committee);
  await page.goto(`/committee/${national.id}/ranking/${national.categories.province!.id}`);
  const zones = page.getByRole("region", { name: "Penghargaan Zona" });
  await zones.getByLabel("Peringkat terbaik per zona").selectOption("1");
  await zones.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Penghargaan zona disimpan.")).toBeVisible();
  const jawa = zones.getByRole("region", { name: "Jawa" });
  await expect(jawa).toContainText(`Pemerintah Provinsi Jawa Timur ${tag}`);
  await expect(jawa).not.toContainText("Jawa Barat");
  await expectAccessible(page);

  const anonymous = await browser.newPage();
  await anonymous.goto(`/winners/${national.id}`);
  await expect(anonymous.getByRole("heading", { name: "Penghargaan Zona" })).toBeVisible();
  await expect(anonymous.getByRole("region", { name: "Pemerintah Provinsi Terbaik Zona Sumatera" })).toContainText(
    `Terbaik 1 Pemerintah Provinsi Aceh ${tag}`,
  );
  await expect(anonymous.getByRole("region", { name: "Pemerintah Provinsi Terbaik Zona Kalimantan" })).toContainText(
    `Pemerintah Provinsi Kalimantan Timur ${tag}`,
  );
  await anonymous.close();
});
