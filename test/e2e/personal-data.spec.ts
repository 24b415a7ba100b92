import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createScoredEdition, publishCategory, type ScoredEdition } from "./factories";
import { signIn } from "./support";

// Personal data (UU 27/2022) end to end, on an edition of its own whose only category is published
// (factories): the committee sets the retention and archives the edition, downloads what is stored
// about an assessor, anonymises them, and the people page then shows the label instead of the name.

let world: ScoredEdition;
test.beforeAll(async () => {
  world = await createScoredEdition({ categories: { large: 3 }, assessors: 3, jurors: 0 });
  await publishCategory(world, "large");
});

test("committee archives a published edition, exports an assessor's data and anonymises them", async ({ page }) => {
  const assessor = world.assessors[0]!;
  await signIn(page, { email: world.committee.email });
  await page.goto(`/committee/${world.id}`);
  await expect(page.getByRole("heading", { name: "Arsip dan masa simpan data pribadi" })).toBeVisible();

  // Retention: a value out of range is refused beside the field and kept; then 7 years.
  const years = page.getByLabel("Masa simpan data pribadi (tahun)");
  await years.fill("45");
  await page.getByRole("button", { name: "Simpan masa simpan" }).click();
  await expect(page.getByText("Isi bilangan bulat 1 sampai 30.")).toBeVisible();
  await expect(years).toHaveValue("45");
  await years.fill("7");
  await page.getByRole("button", { name: "Simpan masa simpan" }).click();
  await expect(page.getByText("Masa simpan disimpan: 7 tahun.")).toBeVisible();
  await expect(page.getByText("Jatuh tempo penghapusan")).toBeVisible();

  await page.getByRole("button", { name: "Arsipkan edisi" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ya, arsipkan" }).click();
  await expect(page.getByText("Edisi telah diarsipkan.")).toBeVisible();
  await expect(page.getByText(/^Diarsipkan \d+ \S+ \d{4}$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Arsipkan edisi" })).toHaveCount(0);

  await page.goto(`/committee/${world.id}/people`);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: assessor.name }) });
  const downloading = page.waitForEvent("download");
  await row.getByRole("link", { name: /Unduh data pribadi/ }).click();
  const download = await downloading;
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
    account: { email: string; name: string };
    assignments: unknown[];
  };
  expect(exported.account).toMatchObject({ email: assessor.email, name: assessor.name });
  expect(exported.assignments.length).toBeGreaterThan(0);

  await row.getByRole("button", { name: "Anonimkan akun" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ya, anonimkan" }).click();
  const done = page.getByText(/^Akun dianonimkan menjadi Penilai \d+\.$/);
  await expect(done).toBeVisible();
  const label = (await done.textContent())!.match(/Penilai \d+/)![0];
  const anonymised = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  await expect(anonymised.getByText("Dianonimkan")).toBeVisible();
  await expect(page.getByText(assessor.name)).toHaveCount(0);
  await expect(page.getByText(assessor.email)).toHaveCount(0);
});
