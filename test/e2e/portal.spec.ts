import { expect, test } from "@playwright/test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import {
  addEvidenceFile,
  createAssignment,
  createEdition,
  createEntry,
  createMember,
  createOrganisation,
  unique,
  type TestEdition,
  type TestEntry,
} from "./factories";
import { apiAs, e2eDb, signIn, expectAccessible } from "./support";

// The entrant portal end to end, on an edition of its own with registration open (factories.ts):
// organisation A (a large company with a draft entry that has evidence for its first criterion)
// fills its figures, uploads evidence, submits; organisation B can see none of it. The steps of A
// share one entry and run in order. The e2e server runs with UPLOAD_MAX_MB=2.

async function pdf(text: string) {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
}
// A Windows executable (MZ/PE header) renamed to .pdf.
function exe() {
  const b = Buffer.alloc(4096);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  b.writeUInt16LE(0x14c, 0x84);
  return b;
}

let edition: TestEdition;
let a: TestEntry;
let b: TestEntry;
/** Ids of A's entry and of its first evidence file. */
const f = { entryA: 0, evidenceA: 0 };
test.beforeAll(async () => {
  edition = await createEdition({ categories: ["large", "medium"] });
  a = await createEntry(edition, {
    category: "large",
    status: "draft",
    organisation: await createOrganisation({ name: `PT Mahakam Uji ${unique()}` }),
  });
  b = await createEntry(edition, { category: "large", status: "draft" });
  f.entryA = a.id;
  f.evidenceA = await addEvidenceFile(a, "administration");
});
const entrantA = () => a.organisation.member;

test.describe.serial("organisation A completes and submits its entry", () => {
  test("the portal home and the status page list what is missing, and are accessible", async ({ page }) => {
    await signIn(page, entrantA());
    await expect(page).toHaveURL(/\/portal$/);
    await expectAccessible(page);
    await page.getByRole("link", { name: a.organisation.name }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/entries/${f.entryA}$`));
    await expect(page.getByRole("heading", { level: 2, name: "Status pendaftaran" })).toBeVisible();
    await expect(page.locator(".portal-steps [aria-current=step]")).toContainText("Draf");
    // One required criterion (extra protection) still has no evidence.
    await expect(page.locator(".portal-checklist")).toContainText("Perlindungan tambahan dan K3");
    await expectAccessible(page);
  });

  test("figures: an impossible figure is refused next to its field, the rest of the input is kept", async ({
    page,
  }) => {
    await signIn(page, entrantA());
    await page.goto(`/portal/entries/${f.entryA}/figures`);
    await expectAccessible(page);
    await page.getByLabel("Jumlah pekerja").fill("1.200");
    await page.getByLabel("Pekerja terdaftar BPJS Ketenagakerjaan").fill("1300");
    await page.getByLabel("Bulan iuran dibayar tepat waktu").fill("12");
    await page.getByLabel("Bulan tunggakan iuran").fill("0");
    await page.getByLabel("Upah yang dilaporkan (Rp per bulan)").fill("6.000.000.000");
    await page.getByLabel("Upah yang dibayarkan (Rp per bulan)").fill("6.000.000.000");
    await page.getByLabel("Kecelakaan kerja yang dilaporkan").fill("3");
    await page.getByRole("checkbox", { name: /JKP/ }).check();
    await page.getByRole("button", { name: "Simpan" }).click();

    await expect(page.locator("#f-workers_registered-error")).toHaveText(
      "Pekerja terdaftar tidak boleh lebih dari jumlah pekerja.",
    );
    await expect(page.getByLabel("Pekerja terdaftar BPJS Ketenagakerjaan")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Jumlah pekerja")).toHaveValue("1.200");
    await expect(page.getByLabel("Upah yang dilaporkan (Rp per bulan)")).toHaveValue("6.000.000.000");
    await expect(page.getByLabel("Kecelakaan kerja yang dilaporkan")).toHaveValue("3");
    await expect(page.getByRole("checkbox", { name: /JKP/ })).toBeChecked();

    await page.getByLabel("Pekerja terdaftar BPJS Ketenagakerjaan").fill("1140");
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByRole("status").first()).toContainText("Data isian tersimpan");
    // Derived, never typed: 1140 / 1200 = 95% → the "≥ 95 → 85 points" band.
    const coverage = page.locator(".portal-indicators tr", { hasText: "Pekerja terdaftar" });
    await expect(coverage).toContainText("95%");
    await expect(coverage).toContainText("≥ 95% → 85 poin");
    await expect(page.locator(".portal-indicators tr", { hasText: "Program yang diikuti" })).toContainText(
      "≥ 5 → 100 poin",
    );
    const gate = page.locator(".portal-indicators tr", { hasText: "Syarat kelayakan" });
    await expect(gate).toContainText("terpenuhi");
    await expect(gate).not.toContainText("tidak terpenuhi");
  });

  test("a save based on an older version is refused with a message, the input kept", async ({ browser }) => {
    const one = await browser.newPage();
    const two = await browser.newPage();
    await signIn(one, entrantA());
    await signIn(two, entrantA());
    for (const p of [one, two]) await p.goto(`/portal/entries/${f.entryA}/figures`);
    await one.getByLabel("Kecelakaan kerja yang dilaporkan").fill("4");
    await one.getByRole("button", { name: "Simpan" }).click();
    await expect(one.getByRole("status").first()).toContainText("Data isian tersimpan");

    await two.getByLabel("Kecelakaan kerja yang dilaporkan").fill("9");
    await two.getByRole("button", { name: "Simpan" }).click();
    await expect(two.getByRole("alert")).toContainText("telah diubah");
    await expect(two.getByLabel("Kecelakaan kerja yang dilaporkan")).toHaveValue("9");
    await one.reload();
    await expect(one.getByLabel("Kecelakaan kerja yang dilaporkan")).toHaveValue("4");
    await one.close();
    await two.close();
  });

  test("evidence: a PDF is accepted; a renamed .exe and a too-large file are refused with reasons", async ({
    page,
  }) => {
    await signIn(page, entrantA());
    await page.goto(`/portal/entries/${f.entryA}/evidence`);
    await expectAccessible(page);
    const input = page.getByLabel("Pilih berkas untuk Perlindungan tambahan dan K3");
    const upload = page.locator("form", { has: input }).getByRole("button", { name: "Unggah" });

    await input.setInputFiles({
      name: "Program K3 2023.pdf",
      mimeType: "application/pdf",
      buffer: await pdf("Program K3 PT Mahakam"),
    });
    await upload.click();
    await expect(page.locator(".portal-outcomes")).toContainText("Program K3 2023.pdf: diunggah.");
    const section = page.getByRole("region", { name: /Perlindungan tambahan dan K3/ });
    await expect(section.getByRole("link", { name: "Program K3 2023.pdf" })).toBeVisible();

    await input.setInputFiles({ name: "laporan.pdf", mimeType: "application/pdf", buffer: exe() });
    await upload.click();
    await expect(section.locator(".portal-outcomes")).toContainText(
      "laporan.pdf: ditolak: isi berkas bukan PDF, JPEG, PNG, XLSX atau DOCX.",
    );

    const big = Buffer.concat([await pdf("besar"), Buffer.alloc(3 * 1024 * 1024, 32)]);
    await input.setInputFiles({ name: "besar.pdf", mimeType: "application/pdf", buffer: big });
    await upload.click();
    await expect(page.locator(".portal-outcomes")).toContainText("besar.pdf: ditolak: lebih besar dari 2 MB.");

    // Only the accepted file is listed.
    await expect(section.locator(".portal-files > li")).toHaveCount(1);
    await expect(page.getByRole("link", { name: "laporan.pdf" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "besar.pdf" })).toHaveCount(0);

    // Replace it with a revised version (same place in the list, new name and bytes).
    await section.getByLabel("Berkas pengganti untuk Program K3 2023.pdf").setInputFiles({
      name: "Program K3 2023 revisi.pdf",
      mimeType: "application/pdf",
      buffer: await pdf("Program K3 (revisi)"),
    });
    await section.getByRole("button", { name: "Ganti", exact: true }).click();
    await expect(page.locator(".portal-outcomes")).toContainText(
      "Program K3 2023 revisi.pdf: menggantikan berkas sebelumnya.",
    );
    await expect(section.locator(".portal-files > li")).toHaveCount(1);

    // A file uploaded under another criterion by mistake is deleted again.
    const other = page.getByRole("region", { name: /Pekerja terdaftar/ });
    await other
      .getByLabel("Pilih berkas untuk Pekerja terdaftar")
      .setInputFiles({ name: "salah.pdf", mimeType: "application/pdf", buffer: await pdf("salah") });
    await other.getByRole("button", { name: "Unggah" }).click();
    await expect(other.getByRole("link", { name: "salah.pdf" })).toBeVisible();
    await other.getByRole("button", { name: "Hapus salah.pdf" }).click();
    await expect(page.locator(".portal-outcomes")).toContainText("salah.pdf: dihapus.");
    await expect(other.getByRole("link", { name: "salah.pdf" })).toHaveCount(0);

    // The accepted file downloads as a PDF, shown inline, never sniffed.
    const href = await section.getByRole("link", { name: "Program K3 2023 revisi.pdf" }).getAttribute("href");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-disposition"]).toContain("inline;");
    expect(res.headers()["content-disposition"]).toContain("filename*=UTF-8''Program%20K3%202023%20revisi.pdf");
    expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("refused uploads left nothing behind: every stored file has its row, no temporary files", async () => {
    const dir = join(process.env.E2E_DIR!, "uploads");
    const db = e2eDb();
    const rows = new Set(
      (db.prepare("select storage_name from evidence_files").all() as { storage_name: string }[]).map(
        (r) => r.storage_name,
      ),
    );
    db.close();
    const onDisk = readdirSync(dir).filter((n) => n !== "tmp");
    expect(onDisk.filter((n) => !rows.has(n))).toEqual([]);
    expect(onDisk.length).toBe(rows.size);
    expect(readdirSync(join(dir, "tmp"))).toEqual([]);
  });

  test("submitting locks the entry", async ({ page, baseURL }) => {
    await signIn(page, entrantA());
    await page.goto(`/portal/entries/${f.entryA}`);
    await expect(page.locator(".portal-checklist")).not.toContainText("masih kurang");
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, kirim pendaftaran" }).click();
    await expect(page.getByText("Pendaftaran telah dikirim dan kini terkunci.")).toBeVisible();
    await expect(page.locator(".badge").first()).toHaveText("Terkirim");
    await expect(page.getByRole("button", { name: "Kirim pendaftaran" })).toHaveCount(0);

    await page.goto(`/portal/entries/${f.entryA}/figures`);
    await expect(
      page.getByText("Pendaftaran ini tidak dapat diubah lagi; data ditampilkan untuk dibaca saja."),
    ).toBeVisible();
    await expect(page.getByLabel("Jumlah pekerja")).toBeDisabled();
    await page.goto(`/portal/entries/${f.entryA}/evidence`);
    await expect(page.getByRole("button", { name: "Unggah" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Hapus" })).toHaveCount(0);

    // Even a hand-made POST changes nothing any more.
    const api = await apiAs(baseURL!, entrantA());
    const save = await api.post(`/portal/entries/${f.entryA}/figures`, { form: { version: "99", workers: "1" } });
    expect(save.status()).toBe(409);
    const del = await api.post(`/portal/entries/${f.entryA}/evidence`, {
      form: { intent: "delete", fileId: String(f.evidenceA) },
    });
    expect(del.status()).toBe(409);
    await api.dispose();
  });

  test("the status page reads well on a phone", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await context.newPage();
    await signIn(page, entrantA());
    await page.goto(`/portal/entries/${f.entryA}`);
    await expect(page.locator(".portal-steps [aria-current=step]")).toContainText("Terkirim");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await context.close();
  });
});

test("organisation B gets 404 on A's entry pages and files, whatever the URL", async ({ baseURL }) => {
  const other = await apiAs(baseURL!, b.organisation.member);
  const files = e2eDb();
  const fileIds = (
    files.prepare("select id from evidence_files where entry_id = ?").all(f.entryA) as { id: number }[]
  ).map((r) => r.id);
  files.close();
  expect(fileIds.length).toBeGreaterThan(0);
  for (const url of [
    `/portal/entries/${f.entryA}`,
    `/portal/entries/${f.entryA}/figures`,
    `/portal/entries/${f.entryA}/evidence`,
    `/portal/entries/${f.entryA}/scorecard`,
    ...fileIds.map((id) => `/evidence/${id}`),
  ]) {
    const res = await other.get(url, { maxRedirects: 0 });
    expect([403, 404], url).toContain(res.status());
  }
  const post = await other.post(`/portal/entries/${f.entryA}/figures`, { form: { version: "1", workers: "1" } });
  expect(post.status()).toBe(404);
  const invite = await other.post("/portal/members", { form: { organisationId: String(await orgOf(f.entryA)) } });
  expect(invite.status()).toBe(404);
  // B's own home lists only B.
  const home = await other.get("/portal");
  expect(await home.text()).not.toContain(a.organisation.name);
  await other.dispose();
});

async function orgOf(entryId: number) {
  const db = e2eDb();
  const row = db.prepare("select organisation_id from entries where id = ?").get(entryId) as {
    organisation_id: number;
  };
  db.close();
  return row.organisation_id;
}

test("evidence of a submitted entry: the committee reads it, an assessor who has not declared gets 403", async ({
  baseURL,
}) => {
  // A file of a submitted entry assigned to an assessor who has not declared on it (yet).
  const submitted = await createEntry(edition, { category: "large" });
  const assessor = await createMember(edition.id, "assessor");
  await createAssignment(submitted, assessor);
  const file = { id: await addEvidenceFile(submitted, "administration") };
  const committee = await apiAs(baseURL!, edition.committee);
  const res = await committee.get(`/evidence/${file.id}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const panel = await apiAs(baseURL!, assessor);
  expect((await panel.get(`/evidence/${file.id}`)).status()).toBe(403);
  const member = await apiAs(baseURL!, entrantA());
  expect((await member.get(`/evidence/${file.id}`)).status()).toBe(404);
  for (const c of [committee, panel, member]) await c.dispose();
});

test("a member invites a colleague with a one-time link; the colleague joins organisation A only", async ({
  page,
  browser,
}) => {
  await signIn(page, entrantA());
  await page.goto("/portal/members");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Buat tautan undangan" }).click();
  const link = await page.getByLabel("Tautan undangan").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto(link);
  await expect(guest.getByText(`Anda diundang bergabung dengan ${a.organisation.name}.`)).toBeVisible();
  await expectAccessible(guest);
  await guest.getByLabel("Nama lengkap").fill("Rina Kusuma");
  await guest.getByLabel("Email").fill(`rina.${unique()}@mahakam-uji.test`);
  await guest.getByLabel("Kata sandi", { exact: true }).fill("rahasia-rina-2024");
  await guest.getByLabel("Ulangi kata sandi").fill("rahasia-rina-2024");
  await guest.getByRole("button", { name: "Buat akun dan terima undangan" }).click();
  await expect(guest).toHaveURL(/\/portal$/);
  await expect(guest.getByRole("link", { name: a.organisation.name })).toBeVisible();
  await expect(guest.getByText(b.organisation.name)).toHaveCount(0);

  // The link works once.
  const again = await browser.newContext();
  const late = await again.newPage();
  await late.goto(link);
  await expect(late.getByText("Tautan undangan ini sudah dipakai.")).toBeVisible();
  await context.close();
  await again.close();
});

test("an organisation registers itself and waits for the committee's approval", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/register");
  await expectAccessible(page);
  const stamp = unique();
  // Other tests' editions may be open for registration too: pick this spec's by id.
  await page.getByLabel("Edisi").selectOption(String(edition.id));
  await page.getByLabel("Kategori").selectOption(String(edition.categories.medium!.id));
  await page.getByLabel("Nama organisasi").fill("PT Sungai Kunjang Sejahtera");
  await page.getByLabel("Jenis organisasi").selectOption("company");
  await page.getByLabel("Wilayah", { exact: true }).fill("Kota Samarinda, Kalimantan Timur");
  await page.getByLabel(/^NPP/).fill(`NPP${stamp}`);
  // A NIB is digits only: the clock and a random tail keep it unique.
  await page.getByLabel(/^NIB/).fill(`${Date.now()}${Math.floor(Math.random() * 1000)}`);
  await page.getByLabel("Nama lengkap").fill("Agus Setiawan");
  await page.getByLabel("Email").fill(`agus.${stamp}@sungai-kunjang.test`);
  await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia-agus-2024");
  await page.getByLabel("Ulangi kata sandi").fill("beda-sandi-2024");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page.locator("#f-password2-error")).toHaveText("Kedua kata sandi tidak sama.");
  await expect(page.getByLabel("Nama organisasi")).toHaveValue("PT Sungai Kunjang Sejahtera");

  await page.getByLabel("Kata sandi", { exact: true }).fill("rahasia-agus-2024");
  await page.getByLabel("Ulangi kata sandi").fill("rahasia-agus-2024");
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/portal\/entries\/\d+$/);
  await expect(page.getByText("Pendaftaran diterima dan menunggu persetujuan panitia.")).toBeVisible();
  await expect(page.locator(".badge").first()).toHaveText("Menunggu persetujuan");
  await context.close();
});
