import { expect, test } from "@playwright/test";
import { createEdition, createEntry, createMember, type TestEdition, type TestEntry, type TestUser } from "./factories";
import { e2eDb, expectAccessible, signIn } from "./support";

// Assignment by name (issue 10, item 6): the committee assigns by picking the entrant and the
// person, previews auto-assign as entrant → people, replaces an assessor who declared a conflict
// with someone free to take the entry, and then sees the conflict resolved and, on the progress
// page, "conflict declared" for the original assessor instead of "not started".

/** The people assigned to an entry in the desk stage, by user id. */
function onEntry(entryId: number): number[] {
  const db = e2eDb();
  try {
    return (
      db
        .prepare("select user_id from assignments where entry_id = ? and stage_key = 'desk' order by user_id")
        .all(entryId) as { user_id: number }[]
    ).map((r) => r.user_id);
  } finally {
    db.close();
  }
}

let world: TestEdition & { assessors: TestUser[]; city: TestEntry; large: TestEntry[] };

test.beforeAll(async () => {
  const edition = await createEdition({ categories: ["regency_city", "large"] });
  const assessors: TestUser[] = [];
  for (let i = 0; i < 4; i++) assessors.push(await createMember(edition.id, "assessor"));
  const city = await createEntry(edition, { category: "regency_city" });
  const large = [await createEntry(edition, { category: "large" }), await createEntry(edition, { category: "large" })];
  world = { ...edition, assessors, city, large };
});

test("the committee assigns by name, previews auto-assign by name, and replaces a conflicted assessor with someone free", async ({
  page,
  browser,
}) => {
  const [first] = world.assessors as [TestUser];
  await signIn(page, world.committee);
  await page.goto(`/committee/${world.id}/assign`);
  await expect(page.getByRole("heading", { level: 1, name: "Penugasan penilai" })).toBeVisible();

  // Manual: the entrant is picked by its organisation's name, grouped by category.
  const entrySelect = page.locator("#m-entry");
  await expect(entrySelect.locator('optgroup[label="Pemerintah Kabupaten/Kota"] option')).toHaveText([
    world.city.organisation.name,
  ]);
  await expect(entrySelect.locator('optgroup[label="Perusahaan Skala Besar"] option')).toHaveCount(2);
  await entrySelect.selectOption({ label: world.city.organisation.name });
  // No person chosen: a clear error, and the entrant stays chosen.
  await page.getByRole("button", { name: "Tugaskan", exact: true }).click();
  await expect(page.locator("#m-user-error")).toHaveText("Pilih orangnya.");
  await expect(entrySelect).toHaveValue(String(world.city.id));
  await page.locator("#m-user").selectOption({ label: first.name });
  await page.getByRole("button", { name: "Tugaskan", exact: true }).click();
  await expect(page.getByText(`${first.name} ditugaskan untuk ${world.city.organisation.name}.`)).toBeVisible();
  expect(onEntry(world.city.id)).toEqual([first.id]);

  // Auto-assign preview: who gets which entrant, by name.
  await page.getByLabel("Tahap").first().selectOption("desk");
  await page.getByLabel("Penilai per peserta").fill("2");
  await page.getByRole("button", { name: "Lihat pratinjau" }).click();
  const pairs = page.locator("table.pairs");
  await expect(pairs).toBeVisible();
  const cityRow = pairs.getByRole("row").filter({ hasText: world.city.organisation.name });
  await expect(cityRow).toContainText("Pemerintah Kabupaten/Kota");
  await expect(cityRow.locator("td").last()).toHaveText(first.name);
  for (const e of world.large) {
    const row = pairs.getByRole("row").filter({ hasText: e.organisation.name });
    const names = (await row.locator("td").nth(1).textContent())!.split(", ");
    expect(names).toHaveLength(2);
    for (const n of names) expect(world.assessors.map((a) => a.name)).toContain(n);
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "Terapkan 5 penugasan" }).click();
  await expect(page.getByText("5 penugasan ditambahkan.")).toBeVisible();

  // Previewing again: nothing to assign, said in words, and no "apply" button.
  await page.getByLabel("Penilai per peserta").fill("2");
  await page.getByRole("button", { name: "Lihat pratinjau" }).click();
  await expect(
    page.getByText("Tidak ada yang perlu ditugaskan: setiap peserta sudah mendapat cukup penilai."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Terapkan/ })).toHaveCount(0);

  // The first assessor declares a conflict with the city entrant, in their own session.
  const assessorContext = await browser.newContext({ locale: "id-ID" });
  const assessorPage = await assessorContext.newPage();
  await signIn(assessorPage, first);
  await assessorPage.goto(`/assess/${world.city.id}`);
  await assessorPage.getByLabel("Ya, saya memiliki konflik kepentingan").check();
  await assessorPage.getByLabel("Hubungan keluarga dengan pimpinan atau pegawai").check();
  await assessorPage.getByLabel("Catatan").fill("Kakak saya bekerja di sana.");
  await assessorPage.getByRole("button", { name: "Kirim pernyataan" }).click();
  await expect(assessorPage.getByText("Konflik kepentingan Anda dicatat.")).toBeVisible();
  await assessorContext.close();

  // The committee sees it in words, needing a replacement; the list leaves out everyone already on the entry.
  await page.goto(`/committee/${world.id}/assign`);
  const row = page.locator("table.conflicts tbody tr").filter({ hasText: first.name });
  await expect(row).toContainText("Hubungan keluarga dengan pimpinan atau pegawai — Kakak saya bekerja di sana.");
  await expect(row).not.toContainText("related_to");
  await expect(row).toContainText("Perlu diganti");
  const assigned = onEntry(world.city.id);
  expect(assigned).toHaveLength(2);
  const free = world.assessors.filter((a) => !assigned.includes(a.id));
  const replace = row.getByLabel("Ganti (Seleksi Berkas) dengan");
  await expect(replace.locator("option")).toHaveText(["–", ...free.map((a) => a.name)]);
  await expectAccessible(page);
  const taker = free[0]!;
  await replace.selectOption({ label: taker.name });
  await row.getByLabel("Alasan").fill("Konflik kepentingan yang dinyatakan");
  await row.getByRole("button", { name: "Tugaskan ulang" }).click();
  await expect(page.getByText("Penugasan telah diganti.")).toBeVisible();
  const resolved = page.locator("table.conflicts tbody tr").filter({ hasText: first.name });
  await expect(resolved).toContainText("Selesai: sudah diganti");
  await expect(resolved).toContainText(`Seleksi Berkas: diganti oleh ${taker.name}`);
  await expect(resolved).not.toContainText("Perlu diganti");
  await expect(resolved.getByRole("button", { name: "Tugaskan ulang" })).toHaveCount(0);
  expect(onEntry(world.city.id)).toContain(taker.id);
  expect(onEntry(world.city.id)).not.toContain(first.id);

  // Progress: the original assessor shows "conflict declared", replaced by whom, and is not behind.
  await page.goto(`/committee/${world.id}/progress?stage=desk`);
  const entryRow = page.locator("table.progress__entries tbody tr").filter({ hasText: world.city.organisation.name });
  const sheet = entryRow.locator("li").filter({ hasText: `${first.name}:` });
  await expect(sheet).toContainText("Konflik kepentingan dinyatakan");
  await expect(sheet).toContainText(`diganti oleh ${taker.name}`);
  await expect(sheet).not.toContainText("Belum dimulai");
  await expect(entryRow.locator("li").filter({ hasText: `${taker.name}:` })).toContainText("Belum dimulai");
  await expect(
    page.getByText("1 lembar tidak dihitung karena penilainya menyatakan konflik kepentingan."),
  ).toBeVisible();
  await expectAccessible(page);
});
