import { expect, test, type Page } from "@playwright/test";
import { createAssignment, createEdition, createEntry, createMember, judgedCriteria, type TestUser } from "./factories";
import { apiAs, e2eDb, signIn, expectAccessible } from "./support";

// The assessor and jury workspace, on an edition of its own (factories.ts): a new assessor with
// not-started desk assignments in two categories, one entry per test. It never closes a stage.

interface Picked {
  assessor: TestUser;
  juror: TestUser;
  committee: TestUser;
  entrant: TestUser;
  /** Left untouched: the list shows it as not started. */
  listed: number;
  /** Scored end to end (declare, draft, stale tab, submit). */
  scoring: number;
  /** Declared as a conflict. */
  conflict: number;
  /** Used without JavaScript. */
  noJs: number;
  /** PDF evidence of the scoring entry, and of the conflict entry. */
  scoringPdf: number;
  conflictPdf: number;
  /** An entry not assigned to the assessor, with a file. */
  unassigned: number;
  unassignedFile: number;
  /** The scoring entry's desk criteria, in order (id and key). */
  criteria: { id: number; key: string }[];
}

async function makeWorld(): Promise<Picked> {
  const edition = await createEdition({ categories: ["regency_city", "large"] });
  const assessor = await createMember(edition.id, "assessor");
  const juror = await createMember(edition.id, "juror");
  const entry = (category: "regency_city" | "large", quality = 0.5) => createEntry(edition, { category, quality });
  const [listed, scoring, conflict, noJs, unassigned] = [
    await entry("regency_city"),
    await entry("large", 0.9),
    await entry("large", 0.6),
    await entry("large", 0.3),
    await entry("large"),
  ];
  for (const e of [listed, scoring, conflict, noJs]) await createAssignment(e, assessor);
  const pdf = async (entryId: number) => {
    const db = e2eDb();
    try {
      return (
        db
          .prepare("select min(id) as id from evidence_files where entry_id = ? and mime = 'application/pdf'")
          .get(entryId) as { id: number }
      ).id;
    } finally {
      db.close();
    }
  };
  const criteria = (await judgedCriteria(scoring.categoryId, "desk")).map(({ id, key }) => ({ id, key }));
  return {
    assessor,
    juror,
    committee: edition.committee,
    entrant: unassigned.organisation.member,
    listed: listed.id,
    scoring: scoring.id,
    conflict: conflict.id,
    noJs: noJs.id,
    scoringPdf: await pdf(scoring.id),
    conflictPdf: await pdf(conflict.id),
    unassigned: unassigned.id,
    unassignedFile: await pdf(unassigned.id),
    criteria,
  };
}

/** The scoring form is interactive (hydrated): autosave, leave warnings and stale handling are on. */
const ready = (page: Page) => expect(page.locator("form.scoresheet[data-hydrated]")).toBeAttached();

function savedScore(assessorEmail: string, entryId: number, criterionId: number) {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `select s.value, s.note, a.version, a.status from scores s join assignments a on a.id = s.assignment_id join users u on u.id = a.user_id
         where u.email = ? and a.entry_id = ? and s.criterion_id = ?`,
      )
      .get(assessorEmail, entryId, criterionId) as
      { value: number; note: string | null; version: number; status: string } | undefined;
  } finally {
    db.close();
  }
}

let ids: Picked;
test.beforeAll(async () => {
  ids = await makeWorld();
});

test("my assignments: grouped by category, with progress and an Indonesian deadline; accessible", async ({ page }) => {
  await signIn(page, ids.assessor);
  await page.goto("/assess");
  await expect(page.getByRole("heading", { level: 1, name: "Beranda penilai" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Penugasan saya" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(2);
  const row = page.locator(`tr[data-entry="${ids.listed}"]`);
  await expect(row.getByText("Belum dimulai")).toBeVisible();
  await expect(row.getByText("Konflik kepentingan belum dinyatakan")).toBeVisible();
  await expect(row.locator("td").nth(2)).toHaveText(
    /^\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/,
  );
  await expectAccessible(page);
});

test("declare no conflict, read the PDF, save a draft, reload, and submit; a stale second tab is refused and keeps its input", async ({
  page,
  context,
}) => {
  const url = `/assess/${ids.scoring}`;
  await signIn(page, ids.assessor);
  await page.goto("/assess");
  await page.locator(`tr[data-entry="${ids.scoring}"]`).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));

  // Conflict of interest first: no evidence and no form before the declaration.
  await expect(page.getByRole("heading", { name: "Pernyataan konflik kepentingan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bukti dukung" })).toHaveCount(0);
  expect((await page.request.get(`/evidence/${ids.scoringPdf}`, { maxRedirects: 0 })).status()).toBe(403);
  await expectAccessible(page);
  // Submitting without an answer: the error is next to the question.
  await page.getByRole("button", { name: "Kirim pernyataan" }).click();
  await expect(page.locator("#f-conflict-error")).toHaveText("Pilih salah satu jawaban.");
  await page.getByLabel("Tidak, saya tidak memiliki konflik kepentingan").check();
  await page.getByRole("button", { name: "Kirim pernyataan" }).click();
  await expect(page.getByText("Pernyataan tidak ada konflik kepentingan dicatat.")).toBeVisible();

  // The evidence opens: a PDF shown in the page, served inline as a PDF.
  await expect(page.getByRole("heading", { level: 2, name: "Bukti dukung" })).toBeVisible();
  await ready(page);
  const frame = page.locator("iframe.evidence-frame");
  await expect(frame).toHaveAttribute("src", `/evidence/${ids.scoringPdf}`);
  const pdf = await page.request.get(`/evidence/${ids.scoringPdf}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^inline/);
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(page.getByRole("link", { name: "Buka di tab baru" }).first()).toHaveAttribute(
    "href",
    /^\/evidence\/\d+$/,
  );
  // Figures in Indonesian format and indicators with their bands.
  await expect(page.getByRole("heading", { name: "Data organisasi" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Indikator dan rentang nilai" })).toBeVisible();
  await expect(page.getByText("(rentang peserta)").first()).toBeVisible();
  await expectAccessible(page);

  // A second tab opens the same scoresheet (same version) before the first one saves.
  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByRole("heading", { name: "Penilaian" })).toBeVisible();
  await ready(second);

  // First tab: a draft, saved and found again after a reload.
  const [first, ...rest] = ids.criteria;
  await page.locator(`#f-score_${first.id}`).fill("80");
  await page.locator(`#f-note_${first.id}`).fill("Perda lengkap dan berlaku.");
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page.locator(".save-status")).toHaveText(/^(Draf disimpan\.|Draf tersimpan otomatis)/);
  expect(savedScore(ids.assessor.email, ids.scoring, first.id)).toMatchObject({
    value: 80,
    note: "Perda lengkap dan berlaku.",
    status: "draft",
  });
  await page.reload();
  await ready(page);
  await expect(page.locator(`#f-score_${first.id}`)).toHaveValue("80");
  await expect(page.locator(`#f-note_${first.id}`)).toHaveValue("Perda lengkap dan berlaku.");
  // With JavaScript, drafts also save as you go (debounced).
  await page.locator(`#f-note_${first.id}`).fill("Perda lengkap, diperiksa.");
  await expect(page.locator(".save-status")).toHaveText(/^Draf tersimpan otomatis/);
  expect(savedScore(ids.assessor.email, ids.scoring, first.id)).toMatchObject({
    value: 80,
    note: "Perda lengkap, diperiksa.",
    status: "draft",
  });

  // Second tab, still on the old version: its save is refused, its input stays, and it is shown
  // what was saved meanwhile. Nothing is overwritten.
  await second.locator(`#f-score_${first.id}`).fill("33");
  await second.locator(`#f-note_${first.id}`).fill("Dari tab kedua");
  await second.getByRole("button", { name: "Simpan draf" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "disimpan dari tab atau perangkat lain" })).toBeVisible();
  await expect(second.locator(`#f-score_${first.id}`)).toHaveValue("33");
  await expect(second.locator(`#f-note_${first.id}`)).toHaveValue("Dari tab kedua");
  await expect(second.getByTestId(`saved-${first.key}`)).toHaveText("nilai 80; catatan: Perda lengkap, diperiksa.");
  expect(savedScore(ids.assessor.email, ids.scoring, first.id)).toMatchObject({ value: 80 });
  // With unsaved input, leaving through an in-app link asks first (and staying keeps the input).
  // The keyboard is used on purpose: a mouse click right after Playwright scrolls the link into
  // view can be routed by Chromium to the PDF viewer frame that was under the pointer before.
  await second.getByRole("link", { name: /Kembali ke penugasan saya/ }).focus();
  await second.keyboard.press("Enter");
  await expect(second.getByRole("alertdialog")).toContainText("Ada perubahan yang belum disimpan");
  await second.getByRole("button", { name: "Tetap di halaman ini" }).click();
  await expect(second).toHaveURL(new RegExp(`${url}$`));
  await expect(second.locator(`#f-score_${first.id}`)).toHaveValue("33");
  await second.close();

  // First tab: submit needs every criterion scored, and a note at either end of the scale.
  await page.locator(`#f-score_${first.id}`).fill("100");
  await page.locator(`#f-note_${first.id}`).fill("");
  await page.getByRole("button", { name: "Kirim", exact: true }).click();
  await expect(page.locator(`#f-note_${first.id}-error`)).toHaveText("Catatan wajib bila nilai 0 atau nilai maksimum.");
  for (const c of rest)
    await expect(page.locator(`#f-score_${c.id}-error`)).toHaveText("Beri nilai kriteria ini sebelum mengirim.");
  await expect(page.locator(`#f-score_${first.id}`)).toHaveValue("100");
  await page.locator(`#f-note_${first.id}`).fill("Sangat lengkap.");
  for (const c of rest) await page.locator(`#f-score_${c.id}`).fill("75");
  await page.getByRole("button", { name: "Kirim", exact: true }).click();
  await expect(page.getByText("Nilai Anda telah dikirim.")).toBeVisible();
  await expect(page.getByText(/Nilai Anda dikirim pada/)).toBeVisible();
  await expect(page.locator(`#f-score_${first.id}`)).toBeDisabled();
  await expect(page.getByRole("button", { name: "Simpan draf" })).toHaveCount(0);
  expect(savedScore(ids.assessor.email, ids.scoring, first.id)).toMatchObject({
    value: 100,
    note: "Sangat lengkap.",
    status: "submitted",
  });

  // Read-only: a save posted anyway is refused.
  const late = await page.request.post(url, {
    form: { intent: "save", version: "99", [`score_${first.id}`]: "10" },
    maxRedirects: 0,
  });
  expect(late.status()).toBe(409);
  await page.goto("/assess");
  await expect(page.locator(`tr[data-entry="${ids.scoring}"]`).getByText("Terkirim")).toBeVisible();
});

test("a declared conflict takes the entry off the list and closes it and its files", async ({ page }) => {
  await signIn(page, ids.assessor);
  await page.goto(`/assess/${ids.conflict}`);
  await page.getByLabel("Ya, saya memiliki konflik kepentingan").check();
  await page.getByRole("button", { name: "Kirim pernyataan" }).click();
  // Kind and note are required with a conflict.
  await expect(page.locator("#f-kind-error")).toHaveText("Pilih jenis konflik.");
  await expect(page.locator("#f-note-error")).toHaveText("Jelaskan konflik Anda secara singkat.");
  await page.getByLabel("Hubungan bisnis").check();
  await page.getByLabel("Catatan").fill("Perusahaan saya pemasok organisasi ini.");
  await page.getByRole("button", { name: "Kirim pernyataan" }).click();
  await expect(page).toHaveURL(/\/assess$/);
  await expect(page.getByText("Konflik kepentingan Anda dicatat.")).toBeVisible();
  await expect(page.locator(`tr[data-entry="${ids.conflict}"]`)).toHaveCount(0);
  const entry = await page.goto(`/assess/${ids.conflict}`);
  expect(entry?.status()).toBe(404);
  expect((await page.request.get(`/evidence/${ids.conflictPdf}`, { maxRedirects: 0 })).status()).toBe(404);
});

test("without JavaScript the conflict declaration and the draft still work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await signIn(page, ids.assessor);
    await page.goto(`/assess/${ids.noJs}`);
    await page.getByLabel("Tidak, saya tidak memiliki konflik kepentingan").check();
    await page.getByRole("button", { name: "Kirim pernyataan" }).click();
    await expect(page.getByRole("heading", { name: "Penilaian" })).toBeVisible();
    const db = e2eDb();
    const [c] = db
      .prepare(
        `select c.id from criteria c join rubrics r on r.id = c.rubric_id join entries e on e.category_id = r.category_id
         where e.id = ? and c.stage_key = 'desk' and c.type = 'judged' order by r.version desc, c.position limit 1`,
      )
      .all(ids.noJs) as { id: number }[];
    db.close();
    await page.locator(`#f-score_${c.id}`).fill("64");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await expect(page.locator(".save-status")).toHaveText("Draf disimpan.");
    await expect(page.locator(`#f-score_${c.id}`)).toHaveValue("64");
    // An out-of-scale value: refused with the error next to the field, the input kept.
    await page.locator(`#f-score_${c.id}`).fill("150");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await expect(page.locator(`#f-score_${c.id}-error`)).toHaveText(
      "Isi angka dari 0 sampai nilai maksimum, sesuai kelipatan kriteria ini.",
    );
    await expect(page.locator(`#f-score_${c.id}`)).toHaveValue("150");
    expect(savedScore(ids.assessor.email, ids.noJs, c.id)).toMatchObject({ value: 64 });
  } finally {
    await context.close();
  }
});

test("an assessor not assigned to an entry gets 404 on its page and its files; others get 403/404", async ({
  baseURL,
}) => {
  const assessor = await apiAs(baseURL!, ids.assessor);
  expect((await assessor.get(`/assess/${ids.unassigned}`)).status()).toBe(404);
  expect(
    (await assessor.post(`/assess/${ids.unassigned}`, { form: { intent: "declare", conflict: "no" } })).status(),
  ).toBe(404);
  expect((await assessor.get(`/evidence/${ids.unassignedFile}`)).status()).toBe(404);
  // A juror of the same edition is not assigned to the assessor's entry.
  const juror = await apiAs(baseURL!, ids.juror);
  expect((await juror.get(`/assess/${ids.scoring}`)).status()).toBe(404);
  expect((await juror.get(`/evidence/${ids.scoringPdf}`)).status()).toBe(404);
  // Committee and entrants: no assess routes at all.
  for (const who of [ids.committee, ids.entrant]) {
    const ctx = await apiAs(baseURL!, who);
    expect([403, 404]).toContain((await ctx.get(`/assess/${ids.scoring}`)).status());
    expect([403, 404]).toContain(
      (await ctx.post(`/assess/${ids.scoring}`, { form: { intent: "save", version: "0" } })).status(),
    );
    expect([403, 404]).toContain((await ctx.get("/assess")).status());
    await ctx.dispose();
  }
  await assessor.dispose();
  await juror.dispose();
});
