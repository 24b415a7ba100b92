import { expect, test, type Page } from "@playwright/test";
import { setSetting } from "../../db/queries/settings";
import { createAdmin, createEdition, createUser, testDb, unique, type TestUser } from "./factories";
import { expectAccessible, signIn } from "./support";

// The administrator (award secretariat, issue 13 item 7) creates editions and appoints their
// committees; committee members create editions only when the administrator allows it.

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function fillEdition(page: Page, name: string) {
  await page.getByLabel("Nama edisi").fill(name);
  await page.getByLabel("Wilayah").selectOption("Kalimantan Utara");
  await page.getByLabel("Awal periode penilaian").fill("2027-01-01");
  await page.getByLabel("Akhir periode penilaian").fill("2027-12-31");
  await page.getByLabel("Perusahaan Skala Besar").check();
}

test("the administrator creates an edition and appoints an existing user as its committee, who then runs it", async ({
  page,
}) => {
  const admin = await createAdmin();
  const member: TestUser = await createUser();
  const name = `Edisi Sekretariat ${unique()}`;

  await signIn(page, admin);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Administrasi penghargaan" })).toBeVisible();
  await page.getByRole("link", { name: "Buat edisi baru" }).click();
  await fillEdition(page, name);
  await page.getByRole("button", { name: "Buat edisi" }).click();
  await expect(page.getByText("Edisi telah dibuat. Sekarang angkat panitianya.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Edisi ini belum punya panitia.")).toBeVisible();

  // An existing account is appointed at once.
  await page.getByLabel("Email").fill(member.email);
  await page.getByRole("button", { name: "Angkat" }).click();
  await expect(page.getByText(`${member.email} kini menjadi panitia edisi ini.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(member.name) })).toBeVisible();
  // An unknown e-mail gets a one-time committee invitation link.
  const stranger = `panitia.baru.${unique()}@e2e.test`;
  await page.getByLabel("Email").fill(stranger);
  await page.getByRole("button", { name: "Angkat" }).click();
  await expect(page.getByTestId("invite-link")).toContainText("/invite/");
  await expect(page.getByRole("row", { name: new RegExp(stranger) })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Kembali ke semua edisi" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(member.name);
  await expectAccessible(page);

  await signOut(page);
  await signIn(page, member);
  await expect(page).toHaveURL(/\/committee$/);
  // The committee home offers no new edition while the administrator does not allow it.
  await expect(page.getByRole("heading", { level: 1, name: "Beranda panitia" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Buat edisi baru" })).toHaveCount(0);
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/committee\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ringkasan edisi" })).toBeVisible();
  await expect(page.locator(".committee__edition")).toHaveText(name);
});

test.describe("when the administrator lets committee members create editions", () => {
  test.afterEach(async () => {
    // The setting is installation-wide: the next spec finds it off again, pass or fail.
    await setSetting(await testDb(), "committee_may_create_editions", false, { userId: null });
  });

  test("a committee member creates an edition and is its committee", async ({ page }) => {
    const admin = await createAdmin();
    const { committee } = await createEdition();

    await signIn(page, committee);
    const refused = await page.goto("/committee/new");
    expect(refused?.status()).toBe(403);
    await signOut(page);

    await signIn(page, admin);
    const allow = page.getByRole("checkbox", { name: "Panitia boleh membuat edisi baru sendiri" });
    await expect(allow).not.toBeChecked();
    await allow.check();
    await page.getByRole("button", { name: "Simpan pengaturan" }).click();
    await expect(page.getByText("Pengaturan telah disimpan.")).toBeVisible();
    await expect(allow).toBeChecked();
    await signOut(page);

    const name = `Edisi Panitia ${unique()}`;
    await signIn(page, committee);
    await page.getByRole("link", { name: "Buat edisi baru" }).click();
    await fillEdition(page, name);
    // Only the administrator chooses whether to join: a committee member always does.
    await expect(page.getByLabel("Jadikan saya juga anggota panitia edisi ini")).toHaveCount(0);
    await page.getByRole("button", { name: "Buat edisi" }).click();
    await expect(page.getByText("Edisi telah dibuat. Anda tercatat sebagai panitianya.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Ringkasan edisi" })).toBeVisible();
    // Its second edition: the console's switcher has the new one chosen.
    await expect(page.locator("#edition-switch option:checked")).toHaveText(name);
  });
});
