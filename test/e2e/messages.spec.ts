import { expect, test, type Page } from "@playwright/test";
import { addEvidenceFile, createEdition, createEntry, createMessage, type TestEdition } from "./factories";
import { e2eDb, expectAccessible, signIn } from "./support";

// Messages (issue 15, item 4): an entrant submits and finds its receipt under "Pesan"; the
// committee sees the same message on its outbox page, queued (the e2e server has no SMTP_URL);
// a failed message is sent again with "Kirim ulang". Both pages read well at 768 px.

/** A draft of the edition with every figure and a PDF for each criterion that requires evidence. */
async function completeDraft(edition: TestEdition) {
  const entry = await createEntry(edition, { category: "large", status: "draft" });
  const db = e2eDb();
  const required = db
    .prepare("select key from criteria where rubric_id = ? and evidence_required = 1 and stage_key != 'interview'")
    .all(edition.categories.large!.rubricId) as { key: string }[];
  db.close();
  for (const c of required) await addEvidenceFile(entry, c.key);
  return entry;
}

/** Nothing on the page is wider than a 768 px window (no sideways scrolling of the page). */
async function expectFitsTablet(page: Page) {
  await page.setViewportSize({ width: 768, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the entrant finds its receipt in Pesan; the committee sees it queued in the outbox", async ({
  page,
  browser,
}) => {
  const edition = await createEdition({ categories: ["large"] });
  const entry = await completeDraft(edition);
  const member = entry.organisation.member;
  const subject = `Tanda terima pengiriman — ${edition.name}`;

  await signIn(page, member);
  await page.goto(`/portal/entries/${entry.id}`);
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await page
    .getByRole("dialog", { name: "Kirim pendaftaran ini?" })
    .getByRole("button", { name: "Ya, kirim pendaftaran" })
    .click();
  await expect(page.getByText("Pendaftaran telah dikirim dan kini terkunci.")).toBeVisible();

  // The top bar counts the unread message; the list marks it.
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  await nav.getByRole("link", { name: "Pesan 1 belum dibaca" }).click();
  await expect(page.getByRole("heading", { name: "Pesan", level: 1 })).toBeVisible();
  const item = page.locator(".messages__item").filter({ hasText: subject });
  await expect(item).toContainText("Belum dibaca");
  await expect(item).toContainText("Belum dikirim ke e-mail");
  await expectAccessible(page);
  await expectFitsTablet(page);

  // Opening it shows the receipt (what was sent, each file's SHA-256) and marks it read.
  await item.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { name: subject, level: 1 })).toBeVisible();
  await expect(page.locator(".mail-blocks")).toContainText(entry.organisation.name);
  await expect(page.locator(".mail-blocks")).toContainText(/SHA-256 [0-9a-f]{64}/);
  await expect(nav.getByRole("link", { name: "Pesan", exact: true })).toBeVisible();
  await expectAccessible(page);
  await expectFitsTablet(page);
  await page.getByRole("link", { name: "Kembali ke semua pesan" }).click();
  await expect(page.locator(".messages__item").filter({ hasText: subject })).not.toContainText("Belum dibaca");

  // The committee of the edition sees it on the outbox page: queued, to the member's address.
  const context = await browser.newContext();
  const committee = await context.newPage();
  await signIn(committee, edition.committee);
  await committee.goto(`/committee/${edition.id}`);
  await committee.getByRole("navigation", { name: "Menu edisi" }).getByRole("link", { name: "Kotak keluar" }).click();
  await expect(committee.getByRole("heading", { name: "Kotak keluar", level: 1 })).toBeVisible();
  await expect(committee.getByText("Server ini tidak mengirim e-mail (SMTP_URL belum diatur)")).toBeVisible();
  const row = committee.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText(member.email);
  await expect(row).toContainText("Dalam antrean");
  await expect(row).toContainText("Tanda terima pengiriman berkas");
  await expect(row.getByRole("button", { name: "Kirim ulang" })).toHaveCount(0);
  await expectAccessible(committee);
  await expectFitsTablet(committee);
  await context.close();
});

test("the committee resends a failed message, which is queued again", async ({ page }) => {
  const edition = await createEdition({ categories: ["large"] });
  const member = (await createEntry(edition, { category: "large", status: "draft" })).organisation.member;
  await createMessage(edition, member, { status: "sent" });
  await createMessage(edition, member, { status: "failed", lastError: "550 5.1.1 <x@e2e.test>: mailbox unavailable" });

  await signIn(page, edition.committee);
  await page.goto(`/committee/${edition.id}/outbox`);
  const counts = page.getByRole("list", { name: "Jumlah pesan menurut status" });
  await expect(counts).toContainText("Terkirim: 1");
  await expect(counts).toContainText("Gagal: 1");

  // Only the failed ones, with the reason.
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Gagal" });
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/status=failed/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Kesalahan terakhir: 550 5.1.1 <x@e2e.test>: mailbox unavailable");

  await rows.getByRole("button", { name: "Kirim ulang" }).click();
  await expect(page.getByText("Pesan dimasukkan kembali ke antrean.")).toBeVisible();
  // Back on the failed list, now empty; the message waits in the queue.
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText("Belum ada pesan.")).toBeVisible();
  await expect(counts).toContainText("Gagal: 0");
  await page.getByRole("link", { name: "Dalam antrean: 1" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("Dalam antrean");
  await expect(page.locator("tbody tr").getByRole("button", { name: "Kirim ulang" })).toHaveCount(0);
});
