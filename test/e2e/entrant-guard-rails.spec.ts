import { expect, test } from "@playwright/test";
import { addEvidenceFile, createEdition, createEntry, type TestEdition, type TestEntry } from "./factories";
import { e2eDb, expectAccessible, signIn } from "./support";

// Issue 10, items 2, 4 and 9b, as entrants meet them: submitting asks first (a dialog with what is
// sent, or the server-asked panel without JavaScript); a draft whose edition's desk stage has
// closed says it was not submitted in time, with the reason, and offers no submit button; an
// upload whose only file is refused says "Berkas ditolak", with the reason beside its criterion.

/** The criteria of the entry's rubric that take evidence, required ones flagged, in order. */
function evidenceCriteria(edition: TestEdition) {
  const db = e2eDb();
  const rows = db
    .prepare(
      "select key, name_id, evidence_required from criteria where rubric_id = ? and stage_key != 'interview' order by position",
    )
    .all(edition.categories.large!.rubricId) as { key: string; name_id: string; evidence_required: number }[];
  db.close();
  return rows;
}

/** A draft of the edition with every figure and a PDF for each criterion that requires evidence. */
async function completeDraft(edition: TestEdition): Promise<TestEntry> {
  const entry = await createEntry(edition, { category: "large", status: "draft" });
  for (const c of evidenceCriteria(edition)) if (c.evidence_required) await addEvidenceFile(entry, c.key);
  return entry;
}

test("an entrant submits through the confirmation dialog, which says what is sent", async ({ page }) => {
  const edition = await createEdition({ categories: ["large"] });
  const entry = await completeDraft(edition);
  const required = evidenceCriteria(edition).filter((c) => c.evidence_required);
  await signIn(page, entry.organisation.member);
  await page.goto(`/portal/entries/${entry.id}`);

  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  const dialog = page.getByRole("dialog", { name: "Kirim pendaftaran ini?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Data isian: (\d+) dari \1 angka diisi\./);
  await expect(dialog).toContainText(`Bukti dukung (${required.length} berkas):`);
  for (const c of required) await expect(dialog).toContainText(`${c.name_id}: 1 berkas`);
  await expect(dialog).toContainText(
    "Setelah dikirim, pendaftaran tidak dapat diubah lagi kecuali panitia membukanya kembali.",
  );
  await expectAccessible(page);

  // Cancelling sends nothing.
  await dialog.getByRole("button", { name: "Batal" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".portal-steps [aria-current=step]")).toContainText("Draf");

  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await dialog.getByRole("button", { name: "Ya, kirim pendaftaran" }).click();
  await expect(page.getByText("Pendaftaran telah dikirim dan kini terkunci.")).toBeVisible();
  await expect(page.locator(".portal-steps [aria-current=step]")).toContainText("Terkirim");
  await expect(page.getByRole("button", { name: "Kirim pendaftaran" })).toHaveCount(0);
});

test("without JavaScript, submitting goes through the confirmation panel the server asks for", async ({ browser }) => {
  const edition = await createEdition({ categories: ["large"] });
  const entry = await completeDraft(edition);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, entry.organisation.member);
  await page.goto(`/portal/entries/${entry.id}`);
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  const panel = page.getByRole("alertdialog", { name: "Kirim pendaftaran ini?" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("kecuali panitia membukanya kembali");
  // Nothing has been sent yet.
  await expect(page.locator(".portal-steps [aria-current=step]")).toContainText("Draf");
  await panel.getByRole("button", { name: "Ya, kirim pendaftaran" }).click();
  await expect(page.getByText("Pendaftaran telah dikirim dan kini terkunci.")).toBeVisible();
  await expect(page.locator(".portal-steps [aria-current=step]")).toContainText("Terkirim");
  await context.close();
});

test("a draft whose edition's desk stage has closed was not submitted in time, and cannot be", async ({ page }) => {
  const edition = await createEdition({ categories: ["large"], stages: { desk: "closed", verification: "open" } });
  const entry = await completeDraft(edition);
  await signIn(page, entry.organisation.member);
  const card = page.locator(".card", { has: page.getByRole("link", { name: entry.organisation.name }) });
  await expect(card.locator(".badge")).toHaveText("Tidak dikirim tepat waktu");

  await page.goto(`/portal/entries/${entry.id}`);
  await expect(page.locator(".badge").first()).toHaveText("Tidak dikirim tepat waktu");
  await expect(page.locator(".alert--warn")).toContainText(
    "Tahap pertama penilaian (seleksi berkas) telah ditutup; pendaftaran tidak dapat diubah atau dikirim lagi.",
  );
  await expect(page.getByRole("button", { name: "Kirim pendaftaran" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Hasil penilaian|Lihat hasil penilaian/ })).toHaveCount(0);
  await expectAccessible(page);

  // The figures and evidence pages are read-only and say why.
  await page.goto(`/portal/entries/${entry.id}/evidence`);
  await expect(page.locator(".alert--warn")).toContainText("Tahap pertama penilaian (seleksi berkas) telah ditutup");
  await expect(page.getByRole("button", { name: "Unggah" })).toHaveCount(0);
});

test("the evidence page says 'Berkas ditolak' for a refused only file, with the reason beside its criterion", async ({
  page,
}) => {
  const edition = await createEdition({ categories: ["large"] });
  const entry = await createEntry(edition, { category: "large", status: "draft" });
  const criterion = evidenceCriteria(edition)[0]!;
  await signIn(page, entry.organisation.member);
  await page.goto(`/portal/entries/${entry.id}/evidence`);
  const section = page.getByRole("region", { name: criterion.name_id });
  await section.getByLabel(`Pilih berkas untuk ${criterion.name_id}`).setInputFiles({
    name: "catatan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("bukan sebuah PDF, hanya teks biasa"),
  });
  await section.getByRole("button", { name: "Unggah" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    `Berkas ditolak; alasannya tertulis di bagian ${criterion.name_id}.`,
  );
  await expect(page.getByRole("alert")).not.toContainText("Sebagian");
  await expect(section.locator(".portal-outcomes")).toContainText(
    "catatan.pdf: ditolak: isi berkas bukan PDF, JPEG, PNG, XLSX atau DOCX.",
  );
  await expect(section.getByRole("link", { name: "catatan.pdf" })).toHaveCount(0);
});
