import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { closeStageWithShortlist } from "../../db/queries/stages";
import { setAssessorView } from "../../db/queries/panel-view";
import { createScoredEdition, demoRubric, testDb, type ScoredEdition } from "./factories";
import { signIn } from "./support";

// Issue 10, items 5 and 9b: the committee reads the audit log, the exports and the rubric editor
// in words, in its own language: no action codes, no raw JSON, no stage codes, numbers as numbers.

let world: ScoredEdition;
const category = () => world.categories.regency_city!.id;

test.beforeAll(async () => {
  world = await createScoredEdition({ categories: { regency_city: 3 }, assessors: 3 });
  // Two real writers of the log: closing the desk stage and opening the panel view.
  const db = await testDb();
  const [first, second, third] = world.entries;
  await closeStageWithShortlist(db, {
    editionId: world.id,
    stage: "desk",
    nextStage: "verification",
    advancing: [first!.id, second!.id],
    notAdvancing: [third!.id],
    userId: world.committee.id,
  });
  await setAssessorView(db, { editionId: world.id, stage: "desk", view: "scores", userId: world.committee.id });
});

const RAW_STAGE = /\b(desk|verification|interview)\b/;

test("the audit log names actions and changes in words, never codes or raw JSON", async ({ page }) => {
  await signIn(page, world.committee);
  await page.goto(`/committee/${world.id}/audit`);
  const table = page.locator(".audit__table");
  const closed = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Tahap ditutup" }) });
  await expect(closed).toBeVisible();
  await expect(closed).toContainText("Tahap Seleksi Berkas");
  await expect(closed).toContainText("Status: Dibuka → Ditutup");
  await expect(closed).toContainText("Tahap berikutnya: Verifikasi dan Validasi");
  await expect(closed).toContainText(`Lolos ke tahap berikut: ${world.entries[0]!.organisation.name}`);
  const view = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Tampilan nilai panel diubah" }) });
  await expect(view).toContainText("Nilai anggota lain, tanpa nama");
  const text = await page.locator("main").innerText();
  expect(text).not.toContain("stage.close");
  expect(text).not.toContain("stage.assessor_view");
  expect(text).not.toContain('{"');
  // The action filter offers names too.
  await expect(page.getByLabel("Tindakan").locator("option", { hasText: "Tahap ditutup" })).toHaveCount(1);

  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("rowheader", { name: "Stage closed" })).toBeVisible();
  await expect(table).toContainText("Status: Open → Closed");
  expect(await page.locator("main").innerText()).not.toContain("stage.close");
});

test("the exports name stages in the reader's language and keep numbers as numbers", async ({ page }) => {
  await signIn(page, world.committee);
  const base = `/committee/${world.id}/export/${category()}`;
  const csv = await (await page.request.get(`${base}?format=csv&kind=ranking`)).text();
  const header = csv.replace(/^\uFEFF/, "").split("\r\n")[0]!;
  expect(header).toContain("Seleksi Berkas");
  expect(header).not.toMatch(RAW_STAGE);

  await page.goto(`/committee/${world.id}/audit`);
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const xlsx = await page.request.get(`${base}?format=xlsx`);
  expect(xlsx.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Ranking")!;
  const head = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(head).toContain("Document selection");
  expect(head.join(" | ")).not.toMatch(RAW_STAGE);
  const total = sheet.getRow(2).getCell(head.indexOf("Total") + 1);
  expect(total.type).toBe(ExcelJS.ValueType.Number);
  expect(total.numFmt).toBe("0.00");
});

test("the rubric editor's criterion headings follow the UI language", async ({ page }) => {
  const first = demoRubric("regency_city").criteria[0]!;
  await signIn(page, world.committee);
  await page.goto(`/committee/${world.id}/rubric/${category()}/edit`);
  await expect(page.locator("legend", { hasText: first.name!.id }).first()).toBeVisible();
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.locator("legend", { hasText: first.name!.en }).first()).toBeVisible();
  await expect(page.locator("legend", { hasText: first.name!.id })).toHaveCount(0);
});
