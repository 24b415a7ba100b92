import { expect, test } from "@playwright/test";
import { ACCOUNTS, PASSWORD, signIn, expectAccessible } from "./support";

test("the sign-in page is accessible and in Bahasa Indonesia by default", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Masuk" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expectAccessible(page);
});

const homes = [
  ["committee", "/committee", "Beranda panitia"],
  ["assessor", "/assess", "Beranda penilai"],
  ["juror", "/assess", "Beranda penilai"],
  ["entrantA", "/portal", "Portal peserta"],
] as const;

for (const [who, path, heading] of homes) {
  test(`${who} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, who);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
  });
}

test("a wrong password is refused with a message and the email kept", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS.assessor);
  await page.getByLabel("Kata sandi").fill("not-the-password");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email atau kata sandi salah.");
  await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.assessor);
  await expect(page).toHaveURL(/\/login/);
});

test("a malformed email gets a message next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("bukan-email");
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator("#f-email-error")).toHaveText("Masukkan alamat email yang valid.");
  await expect(page.getByLabel("Email")).toHaveValue("bukan-email");
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "committee");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/committee");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcommittee/);
});

test("the language switch changes the page and is remembered", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "The Paritrana Award" })).toBeVisible();
  await page.getByRole("button", { name: "ID" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Penghargaan Paritrana" })).toBeVisible();
});

test("unknown URLs get a translated 404 page", async ({ page }) => {
  const res = await page.goto("/tidak-ada");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
});
