import { expect, test } from "@playwright/test";
import { createEdition, createOrganisation, unique } from "./factories";
import { e2eDb, expectAccessible, signIn } from "./support";

// Issue 15, item 3: an invitation link made for an address is also sent there (an outbox message
// written with the invitation); the page that shows the link once says so. The committee can
// still copy the link.

function invitationMessages(address: string) {
  const db = e2eDb();
  try {
    return db.prepare("select event, locale from outbox where to_address = ?").all(address) as {
      event: string;
      locale: string;
    }[];
  } finally {
    db.close();
  }
}

test("the committee's organisation invitation says the link was also e-mailed to the address given", async ({
  page,
}) => {
  const { id: edition, committee } = await createEdition({ categories: ["medium"] });
  const email = `hr.${unique()}@pt-baru.test`;
  await signIn(page, committee);
  await page.goto(`/committee/${edition}/organisations`);
  await page.getByLabel("Kategori").selectOption({ label: "Perusahaan Skala Menengah" });
  await page.getByLabel("Email kontak (boleh dikosongkan)").fill(email);
  await page.getByRole("button", { name: "Undang", exact: true }).click();
  await expect(page.getByTestId("invite-link")).toContainText("/invite/");
  await expect(page.getByTestId("invite-sent-to")).toHaveText(`Tautan ini juga dikirim lewat e-mail ke ${email}.`);
  await expectAccessible(page);
  expect(invitationMessages(email)).toEqual([{ event: "invitation", locale: "id" }]);

  // Without an address the link is only shown, and nothing is sent.
  await page.goto(`/committee/${edition}/organisations`);
  await page.getByLabel("Kategori").selectOption({ label: "Perusahaan Skala Menengah" });
  await page.getByRole("button", { name: "Undang", exact: true }).click();
  await expect(page.getByTestId("invite-link")).toContainText("/invite/");
  await expect(page.getByTestId("invite-sent-to")).toHaveCount(0);
});

test("a member's invitation of a colleague says where the link was sent", async ({ page }) => {
  const organisation = await createOrganisation();
  const email = `rekan.${unique()}@e2e.test`;
  await signIn(page, organisation.member);
  await page.goto("/portal/members");
  await page.getByLabel("Email rekan (opsional)").fill(email);
  await page.getByRole("button", { name: "Buat tautan undangan" }).click();
  await expect(page.getByLabel("Tautan undangan")).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("invite-sent-to")).toHaveText(`Tautan ini juga dikirim lewat e-mail ke ${email}.`);
  expect(invitationMessages(email)).toEqual([{ event: "invitation", locale: "id" }]);
});
