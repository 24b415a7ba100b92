import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { e2eDb, signIn } from "./support";

// The committee console. This spec is the only one that closes stages and publishes; it runs
// after access, assess and auth, and before portal: it never touches the `large` category's draft
// entries or the registration deadline.

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

function ids() {
  const db = e2eDb();
  try {
    const editionId = (db.prepare("select min(id) as id from editions").get() as { id: number }).id;
    const regency = (db.prepare("select id from categories where edition_id = ? and key = 'regency_city'").get(editionId) as { id: number }).id;
    return { editionId, regency };
  } finally {
    db.close();
  }
}

test.describe.configure({ mode: "serial" });

test("the live ranking comes from score(), warns of missing scoresheets and is accessible", async ({ page }) => {
  const { editionId, regency } = ids();
  await signIn(page, "committee");
  await page.goto(`/committee/${editionId}/ranking/${regency}`);
  await expect(page.getByRole("heading", { level: 1, name: "Peringkat: Pemerintah Kabupaten/Kota" })).toBeVisible();
  await expect(page.getByText(/lembar nilai belum dikirim/).first()).toBeVisible();
  const rows = page.locator("table.ranking tbody tr");
  expect(await rows.count()).toBeGreaterThan(3);
  await expect(rows.first().locator("td").first()).toHaveText("1");
  await expect(page.getByRole("heading", { name: "Kesepakatan penilai per tahap" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Uji kepekaan" })).toBeVisible();
  await expect(page.locator("svg[role=img]")).toHaveCount(3);
  await expectAccessible(page);
});

test("the committee signs off and publishes a category; the public page and the verification page show the winners", async ({ page, browser }) => {
  const { editionId, regency } = ids();
  await signIn(page, "committee");
  await page.goto(`/committee/${editionId}/ranking/${regency}`);
  const winner = (await page.locator("table.ranking tbody tr").first().locator("th").innerText()).split("\n")[0].replace(/Juara I$/, "").trim();
  await page.getByRole("button", { name: "Sahkan kategori ini" }).click();
  await expect(page.getByText("Kategori telah disahkan.")).toBeVisible();
  await page.getByRole("button", { name: "Umumkan pemenang" }).click();
  await expect(page.getByText(/Pemenang telah diumumkan/)).toBeVisible();

  const db = e2eDb();
  const pub = db.prepare("select sha256 from publications where category_id = ? order by id desc").get(regency) as { sha256: string };
  db.close();
  expect(pub.sha256).toMatch(/^[0-9a-f]{64}$/);

  const context = await browser.newContext();
  const anonymous = await context.newPage();
  await anonymous.goto(`/winners/${editionId}`);
  const section = anonymous.getByRole("region", { name: "Pemerintah Kabupaten/Kota" });
  await expect(section.getByText("Juara I", { exact: true })).toBeVisible();
  await expect(section.getByRole("listitem").first()).toContainText(winner);
  await expectAccessible(anonymous);
  await anonymous.goto(`/verify/${pub.sha256}`);
  await expect(anonymous.getByText("Kode ini sah")).toBeVisible();
  await expect(anonymous.getByText(winner)).toBeVisible();
  await anonymous.goto(`/verify/${"f".repeat(64)}`);
  await expect(anonymous.getByText("tidak cocok")).toBeVisible();
  await context.close();
});
