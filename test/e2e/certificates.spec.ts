import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createScoredEdition, publishCategory, type ScoredEdition } from "./factories";
import { apiAs, expectAccessible, signIn } from "./support";
import { pdfText } from "../app/pdf-text";

// Certificates of award end to end, on an edition of its own: the committee sets who signs them
// (without JavaScript, so the typed values kept after a refusal are the server's), the category
// is published (factories, through the query layer), the winner reads "Juara I" on its scorecard
// and downloads its own certificate; another entrant cannot download it, nor one of its own when
// it is not placed.

let world: ScoredEdition;
test.beforeAll(async () => {
  world = await createScoredEdition({ categories: { large: 4 }, assessors: 3, jurors: 0 });
});

test("committee sets the signatories; the winner downloads its certificate, nobody else", async ({
  browser,
  baseURL,
}) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await signIn(page, { email: world.committee.email });
  await page.goto(`/committee/${world.id}`);
  await page.getByRole("navigation").getByRole("link", { name: "Piagam" }).click();
  await expect(page.getByRole("heading", { name: "Piagam penghargaan" })).toBeVisible();
  const first = page.getByRole("group", { name: "Penanda tangan 1" });
  const second = page.getByRole("group", { name: "Penanda tangan 2" });
  await first.getByLabel("Nama", { exact: true }).fill("Dr. H. Akmal Malik, M.Si.");
  await first.getByLabel("Jabatan", { exact: true }).fill("Gubernur Kalimantan Timur");
  await second.getByLabel("Nama", { exact: true }).fill("Paweł Đặng");
  await page.getByRole("button", { name: "Simpan penanda tangan" }).click();
  // A name without its title is refused beside the field; what was typed stays.
  await expect(second.getByText("Isi jabatan penanda tangan.")).toBeVisible();
  await expect(first.getByLabel("Nama", { exact: true })).toHaveValue("Dr. H. Akmal Malik, M.Si.");
  await expect(first.getByLabel("Jabatan", { exact: true })).toHaveValue("Gubernur Kalimantan Timur");
  await expect(second.getByLabel("Nama", { exact: true })).toHaveValue("Paweł Đặng");
  await second.getByLabel("Jabatan", { exact: true }).fill("Kepala Kantor Wilayah BPJS Ketenagakerjaan Kalimantan");
  await page.getByRole("button", { name: "Simpan penanda tangan" }).click();
  await expect(page.getByText("Penanda tangan piagam telah disimpan.")).toBeVisible();
  await expect(second.getByLabel("Jabatan", { exact: true })).toHaveValue(
    "Kepala Kantor Wilayah BPJS Ketenagakerjaan Kalimantan",
  );
  await noScript.close();
  // With JavaScript too: a refusal is told beside its field, and the page passes axe with it.
  const committee = await browser.newContext();
  const settings = await committee.newPage();
  await signIn(settings, { email: world.committee.email });
  await settings.goto(`/committee/${world.id}/certificates`);
  const row = settings.getByRole("group", { name: "Penanda tangan 1" });
  await row.getByLabel("Jabatan", { exact: true }).fill("");
  await settings.getByRole("button", { name: "Simpan penanda tangan" }).click();
  await expect(row.getByText("Isi jabatan penanda tangan.")).toBeVisible();
  await expect(row.getByLabel("Nama", { exact: true })).toHaveValue("Dr. H. Akmal Malik, M.Si.");
  await expectAccessible(settings);
  await committee.close();

  await publishCategory(world, "large");
  const [winner, runnerUp, , last] = world.entries;

  // The winner: its place on the scorecard, and its certificate from there.
  const context = await browser.newContext();
  const entrant = await context.newPage();
  await signIn(entrant, { email: winner.organisation.member.email });
  await entrant.goto(`/portal/entries/${winner.id}/scorecard`);
  await expect(entrant.getByText("Juara I", { exact: true })).toBeVisible();
  await expectAccessible(entrant);
  const download = entrant.waitForEvent("download");
  await entrant.getByRole("link", { name: "Unduh piagam penghargaan (PDF)" }).click();
  const pdf = readFileSync(await (await download).path());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const { lines } = await pdfText(pdf);
  expect(lines).toContain(winner.organisation.name);
  expect(lines).toContain("Juara I");
  expect(lines).toContain("Paweł Đặng");
  expect(lines).toContain("Gubernur Kalimantan Timur");
  await context.close();

  // Another entrant (Juara II) cannot download the winner's certificate; the last has none of its own.
  const other = await apiAs(baseURL!, { email: runnerUp.organisation.member.email });
  expect((await other.get(`/portal/entries/${winner.id}/certificate`)).status()).toBe(404);
  const own = await other.get(`/portal/entries/${runnerUp.id}/certificate`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");
  await other.dispose();
  const unplaced = await apiAs(baseURL!, { email: last.organisation.member.email });
  expect((await unplaced.get(`/portal/entries/${last.id}/certificate`)).status()).toBe(404);
  await unplaced.dispose();
});
