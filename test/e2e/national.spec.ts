import { expect, test } from "@playwright/test";
import {
  addEvidenceFile,
  createMember,
  createNationalEdition,
  createScoredEdition,
  createScoresheet,
  publishCategory,
  type ScoredEdition,
  type TestEdition,
  type TestEntry,
  type TestUser,
} from "./factories";
import { e2eDb, expectAccessible, signIn } from "./support";
import { nationalCompanyRubric, nationalGovernmentRubric, nationalMethod } from "../../db/seed/rubrics";
import { categoryGroup } from "../../app/domain/categories";

// The two-level flow end to end (docs/levels.md): two provinces publish their large-company
// category; the national committee links both editions and nominates their Juara I; a national
// assessor reads the evidence carried over from the province and the provincial result; the
// national stages close and the national committee publishes the national winners.

test.describe.configure({ mode: "serial" });

interface World {
  provinces: ScoredEdition[];
  national: TestEdition;
  assessor: TestUser;
  juror: TestUser;
  /** Each province's Juara I (the best entry of its only category) and its carried file. */
  winners: { entry: TestEntry; file: number }[];
}
let world: World;

test.beforeAll(async () => {
  const provinces: ScoredEdition[] = [];
  for (const region of ["Bengkulu", "Gorontalo"]) {
    const edition = await createScoredEdition({
      categories: { large: 3 },
      region,
      name: `Paritrana ${region} ${Date.now()}`,
    });
    await publishCategory(edition, "large");
    provinces.push(edition);
  }
  const winners = [];
  for (const p of provinces) {
    const entry = p.entries[0]!;
    winners.push({ entry, file: await addEvidenceFile(entry, "administration", { name: `bukti-${entry.id}.pdf` }) });
  }
  const national = await createNationalEdition({
    categories: ["large"],
    method: nationalMethod,
    rubric: (key) =>
      categoryGroup(key) === "government" ? nationalGovernmentRubric(key === "province") : nationalCompanyRubric,
  });
  world = {
    provinces,
    national,
    winners,
    assessor: await createMember(national.id, "assessor"),
    juror: await createMember(national.id, "juror"),
  };
});

/** The national entries nominated from the given provincial entries, in the same order. */
function nationalEntries(sources: TestEntry[]): TestEntry[] {
  const db = e2eDb();
  try {
    return sources.map((s) => {
      const row = db
        .prepare("select id, category_id from entries where edition_id = ? and source_entry_id = ?")
        .get(world.national.id, s.id) as { id: number; category_id: number } | undefined;
      if (!row) throw new Error(`entry ${s.id} was not nominated`);
      return { id: row.id, categoryId: row.category_id, organisation: s.organisation };
    });
  } finally {
    db.close();
  }
}

test("the national committee links two provinces and nominates their Juara I", async ({ page }) => {
  await signIn(page, world.national.committee);
  await page.goto(`/committee/${world.national.id}`);
  await page.getByRole("link", { name: "Nominasi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nominasi dari provinsi" })).toBeVisible();
  for (const p of world.provinces) {
    const select = page.getByLabel("Edisi provinsi tahun 2023");
    const value = await select.locator("option", { hasText: p.name }).getAttribute("value");
    await select.selectOption(value!);
    await page.getByRole("button", { name: "Tautkan", exact: true }).click();
    await expect(page.getByText(`Edisi ${p.name} ditautkan.`)).toBeVisible();
  }
  // Both provinces' published Juara I are candidates; nominate every candidate of the category.
  for (const w of world.winners)
    await expect(page.getByRole("cell", { name: w.entry.organisation.name })).toBeVisible();
  await page.getByRole("button", { name: "Nominasikan semua calon Perusahaan Skala Besar" }).click();
  for (const w of world.winners)
    await expect(
      page.getByRole("row", { name: new RegExp(w.entry.organisation.name) }).getByText("Dinominasikan"),
    ).toBeVisible();
  await expectAccessible(page);

  // Only the Juara I went (the rule's default), each with its provincial source recorded.
  const db = e2eDb();
  const rows = db
    .prepare("select source_entry_id, source_rank, status from entries where edition_id = ? order by source_entry_id")
    .all(world.national.id) as { source_entry_id: number; source_rank: number; status: string }[];
  db.close();
  expect(rows).toEqual(
    world.winners
      .map((w) => ({ source_entry_id: w.entry.id, source_rank: 1, status: "submitted" }))
      .sort((a, b) => a.source_entry_id - b.source_entry_id),
  );
});

test("a national assessor reads the evidence carried over from the province and the provincial result", async ({
  page,
}) => {
  const [first] = nationalEntries(world.winners.map((w) => w.entry));
  await createScoresheet(first!, world.assessor, { stage: "verification", status: "not_started" });
  await signIn(page, world.assessor);
  await page.goto(`/assess/${first!.id}`);
  await page.getByLabel("Tidak, saya tidak memiliki konflik kepentingan").check();
  await page.getByRole("button", { name: "Kirim pernyataan" }).click();
  await expect(page.getByRole("heading", { name: "Bukti dukung" })).toBeVisible();
  const carried = page.getByRole("link", { name: new RegExp(`bukti-${world.winners[0]!.entry.id}\\.pdf`) });
  await expect(carried).toBeVisible();
  await expect(page.getByText(`dari tingkat provinsi: ${world.provinces[0]!.name}`).first()).toBeVisible();
  // The file is the province's own stored file, read through the national entry.
  const response = await page.request.get(`/evidence/${world.winners[0]!.file}`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expect(page.getByRole("heading", { name: "Hasil tingkat provinsi" })).toBeVisible();
  await expectAccessible(page);
});

test("the national stages close and the committee publishes the national winners", async ({ page, browser }) => {
  const entries = nationalEntries(world.winners.map((w) => w.entry));
  // The central team has verified both nominees; the first is the stronger one.
  const second = await createMember(world.national.id, "assessor");
  for (const [i, e] of entries.entries()) {
    await createScoresheet(e, second, { stage: "verification", score: 85 - 20 * i });
    if (i > 0) await createScoresheet(e, world.assessor, { stage: "verification", score: 60 });
  }
  await signIn(page, world.national.committee);
  await page.goto(`/committee/${world.national.id}/stages`);
  await page.getByRole("button", { name: "Tutup tahap Verifikasi dan Validasi dan tetapkan daftar lolos" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ya, tutup tahap" }).click();
  await expect(page.getByText("Tahap Verifikasi dan Validasi ditutup; daftar lolos ditetapkan.")).toBeVisible();
  // The national jury interviews both.
  for (const [i, e] of entries.entries())
    await createScoresheet(e, world.juror, { stage: "interview", score: 90 - 20 * i });
  await page.goto(`/committee/${world.national.id}/stages`);
  await page.getByRole("button", { name: "Tutup tahap Wawancara dan akhiri penilaian" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ya, tutup tahap" }).click();
  await expect(page.getByText("Tahap Wawancara ditutup; penilaian selesai.")).toBeVisible();

  await page.goto(`/committee/${world.national.id}/ranking/${world.national.categories.large!.id}`);
  const firstRow = page.locator("table.ranking tbody tr").first().locator("th");
  await expect(firstRow).toContainText(world.winners[0]!.entry.organisation.name);
  await page.getByRole("button", { name: "Sahkan kategori ini" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ya, sahkan" }).click();
  await expect(page.getByText("Kategori telah disahkan.")).toBeVisible();
  await page.getByRole("button", { name: "Umumkan pemenang" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ya, umumkan" }).click();
  await expect(page.getByText(/Pemenang telah diumumkan/)).toBeVisible();

  const context = await browser.newContext();
  const anonymous = await context.newPage();
  await anonymous.goto(`/winners/${world.national.id}`);
  const section = anonymous.getByRole("region", { name: "Perusahaan Skala Besar" });
  await expect(section.getByRole("listitem").first()).toContainText(world.winners[0]!.entry.organisation.name);
  await expect(section.getByText("Juara I", { exact: true })).toBeVisible();
  await context.close();

  // The provincial records are untouched: the national publication is a snapshot of its own.
  const db = e2eDb();
  const provincial = db
    .prepare("select count(*) as n from evidence_files where id = ? and entry_id = ?")
    .get(world.winners[0]!.file, world.winners[0]!.entry.id) as { n: number };
  db.close();
  expect(provincial.n).toBe(1);
});
