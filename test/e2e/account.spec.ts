import { expect, test } from "@playwright/test";
import { createEdition, createMember, testDb, type TestUser } from "./factories";
import { expectAccessible, signIn } from "./support";

// The account page (issue 15): every signed-in person chooses the language of their mail and
// whether they get deadline reminders; the top bar's language switch is remembered for mail too.

let assessor: TestUser;
test.beforeAll(async () => {
  const edition = await createEdition({ categories: ["large"] });
  assessor = await createMember(edition.id, "assessor");
});

const settingsOf = async (user: TestUser) =>
  (await testDb())
    .selectFrom("users")
    .select(["locale", "reminders"])
    .where("id", "=", user.id)
    .executeTakeFirstOrThrow();

test.describe.serial("an assessor's account", () => {
  test("turns reminders off on the account page and sees it kept", async ({ page }) => {
    await signIn(page, assessor);
    await page.getByRole("link", { name: "Akun" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Akun" })).toBeVisible();
    await expect(page.getByText(/tidak dapat dimatikan/)).toBeVisible();
    await expectAccessible(page);

    const reminders = page.getByRole("checkbox", { name: /Kirimi saya pengingat/ });
    await expect(reminders).toBeChecked();
    await reminders.uncheck();
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByRole("status")).toContainText("Pengaturan e-mail disimpan.");
    await expect.poll(async () => (await settingsOf(assessor)).reminders).toBe(0);

    await page.reload();
    await expect(page.getByRole("checkbox", { name: /Kirimi saya pengingat/ })).not.toBeChecked();
    await expect(page.getByRole("radio", { name: "Bahasa Indonesia" })).toBeChecked();
  });

  test("switching the language in the top bar is the mail's language too; the page changes it back", async ({
    page,
  }) => {
    await signIn(page, assessor);
    await page.goto("/account");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "English" })).toBeChecked();
    await expect.poll(async () => (await settingsOf(assessor)).locale).toBe("en");

    await page.getByRole("radio", { name: "Bahasa Indonesia" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText("E-mail settings saved.");
    await expect.poll(async () => settingsOf(assessor)).toEqual({ locale: "id", reminders: 0 });
    await page.reload();
    await expect(page.getByRole("radio", { name: "Bahasa Indonesia" })).toBeChecked();
    // Reminders stay off: the form saves both settings as shown.
    await expect(page.getByRole("checkbox", { name: /Send me reminders/ })).not.toBeChecked();
  });
});
