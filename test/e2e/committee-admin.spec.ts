import { expect, test } from "@playwright/test";
import {
  createAssignment,
  createEdition,
  createEntry,
  createMember,
  createOrganisation,
  createScoredEdition,
  createScoresheet,
  grantAdmin,
  unique,
} from "./factories";
import { e2eDb, signIn, expectAccessible } from "./support";

// Committee administration: progress with reopening, people with invitations, organisations,
// audit log. Each test makes the edition it works on (factories.ts) and signs in as that
// edition's own committee member, so it runs alone, in any order, and changes nothing others see.

/** A submitted desk scoresheet of the edition. */
function submittedSheet(edition: number) {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `select a.id, o.name as organisation, u.name as person from assignments a
           join entries e on e.id = a.entry_id
           join organisations o on o.id = e.organisation_id join users u on u.id = a.user_id
          where e.edition_id = ? and a.stage_key = 'desk' and a.status = 'submitted'
          order by a.id limit 1`,
      )
      .get(edition) as { id: number; organisation: string; person: string };
  } finally {
    db.close();
  }
}

function assignmentStatus(id: number) {
  const db = e2eDb();
  try {
    return (db.prepare("select status from assignments where id = ?").get(id) as { status: string }).status;
  } finally {
    db.close();
  }
}

test("the committee sees the progress of the desk stage and reopens a submitted scoresheet, with a required reason", async ({
  page,
}) => {
  const world = await createScoredEdition({ categories: { medium: 2 }, assessors: 3, jurors: 0 });
  const edition = world.id;
  const sheet = submittedSheet(edition);
  await signIn(page, world.committee);
  await page.goto(`/committee/${edition}`);
  await page.getByRole("navigation", { name: "Menu edisi" }).getByRole("link", { name: "Kemajuan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kemajuan penilaian" })).toBeVisible();
  await page.getByLabel("Tahap").selectOption("desk");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/stage=desk/);
  await expect(page.getByRole("heading", { name: "Per kategori" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Per penilai" })).toBeVisible();
  await expect(page.getByText(/penugasan: .* terkirim, .* draf, .* belum dimulai\./)).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("link", { name: `Buka kembali lembar nilai ${sheet.person} untuk ${sheet.organisation}` })
    .click();
  await expect(
    page.getByRole("heading", {
      level: 2,
      name: `Buka kembali lembar nilai ${sheet.person} untuk ${sheet.organisation}`,
    }),
  ).toBeVisible();
  await expectAccessible(page);
  // Without a reason: refused, with the message next to the field.
  await page.getByRole("button", { name: "Buka kembali", exact: true }).click();
  await expect(page.locator("#f-reason-error")).toHaveText("Tuliskan alasannya.");
  await expect(page.getByLabel("Alasan")).toHaveAttribute("aria-invalid", "true");
  expect(assignmentStatus(sheet.id)).toBe("submitted");

  await page.getByLabel("Alasan").fill("Nilai kriteria kedua salah ketik (uji e2e)");
  await page.getByRole("button", { name: "Buka kembali", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lembar nilai telah dibuka kembali." })).toBeVisible();
  expect(assignmentStatus(sheet.id)).toBe("draft");

  // Stale or foreign ids are a 404, never a 500.
  expect((await page.goto(`/committee/${edition}/progress?stage=desk&reopen=999999999`))!.status()).toBe(404);
  expect((await page.goto(`/committee/${edition}/progress?reopenEntry=abc`))!.status()).toBe(404);
  expect((await page.goto(`/committee/${edition}/progress?stage=nope`))!.status()).toBe(404);
});

test("the progress page lists the entries 50 a page and filters those with sheets not submitted; the links work without JavaScript", async ({
  page,
  browser,
}) => {
  // 53 medium and 2 large entries, each with a submitted sheet; three of them also have a sheet
  // not started. Names carry their number, so the page order (category, then name) is known.
  const edition = await createEdition({ categories: ["medium", "large"] });
  const [done, late] = [await createMember(edition.id, "assessor"), await createMember(edition.id, "assessor")];
  const tag = unique();
  const name = (n: number) => `PT Halaman ${String(n).padStart(2, "0")} ${tag}`;
  const behind = new Set(["medium 05", "medium 52", "large 02"]);
  for (const [category, count] of [
    ["medium", 53],
    ["large", 2],
  ] as const) {
    for (let n = 1; n <= count; n++) {
      const organisation = await createOrganisation({ name: name(category === "medium" ? n : 60 + n) });
      const entry = await createEntry(edition, { category, organisation, figures: null, evidence: false });
      await createScoresheet(entry, done, { createdBy: edition.committee.id });
      if (behind.has(`${category} ${String(n).padStart(2, "0")}`)) await createAssignment(entry, late);
    }
  }
  await signIn(page, edition.committee);
  await page.goto(`/committee/${edition.id}/progress?stage=desk`);
  const rows = page.locator("table.progress__entries tbody tr");
  const status = page.getByRole("status").filter({ hasText: /^Peserta / });
  await expect(status).toHaveText("Peserta 1–50 dari 55, halaman 1 dari 2.");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(name(1));
  await expect(rows.filter({ hasText: name(51) })).toHaveCount(0);
  // The counts per category stay whole: 55 + 3 sheets, 3 of them not started.
  await expect(page.getByText("58 penugasan: 55 terkirim, 0 draf, 3 belum dimulai.")).toBeVisible();

  const pages = page.getByRole("navigation", { name: "Halaman daftar peserta" });
  await pages.getByRole("link", { name: "Berikutnya" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page).toHaveURL(/[?&]stage=desk/);
  await expect(status).toHaveText("Peserta 51–55 dari 55, halaman 2 dari 2.");
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText(name(51));
  await expect(rows.last()).toContainText("Perusahaan Skala Besar");
  await expect(pages).toContainText("Halaman 2 dari 2");

  // Deadline day: only medium entries with a sheet not submitted.
  await page.getByLabel("Kategori").selectOption({ label: "Perusahaan Skala Menengah" });
  await page.getByLabel("Hanya peserta yang lembar nilainya belum semua terkirim").check();
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/[?&]open=1/);
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(status).toHaveText("Peserta 1–2 dari 2, halaman 1 dari 1.");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(name(5));
  await expect(rows.nth(1)).toContainText(name(52));
  await expect(pages).toHaveCount(0);
  await expectAccessible(page);

  // Reopening an entry from the filtered list comes back to the same list.
  await page.getByRole("link", { name: `Buka kembali pendaftaran ${name(52)}` }).click();
  await page.getByLabel("Alasan").fill("Dokumen pendukung perlu diganti (uji e2e)");
  await page.getByRole("button", { name: "Buka kembali", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pendaftaran telah dibuka kembali." })).toBeVisible();
  await expect(page).toHaveURL(/[?&]open=1/);
  await expect(rows.filter({ hasText: name(52) })).toContainText("Draf");
  await expect(page.getByLabel("Hanya peserta yang lembar nilainya belum semua terkirim")).toBeChecked();

  // Without JavaScript the page links are plain links.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  try {
    const plain = await noJs.newPage();
    await signIn(plain, edition.committee);
    await plain.goto(`/committee/${edition.id}/progress?stage=desk`);
    await plain
      .getByRole("navigation", { name: "Halaman daftar peserta" })
      .getByRole("link", { name: "Terakhir" })
      .click();
    await expect(plain.getByRole("status").filter({ hasText: /^Peserta / })).toHaveText(
      "Peserta 51–55 dari 55, halaman 2 dari 2.",
    );
  } finally {
    await noJs.close();
  }
});

test("the committee invites an assessor; the one-time link creates the account and leads to the assessor's page", async ({
  page,
  browser,
}) => {
  const world = await createScoredEdition({ categories: { medium: 1 }, assessors: 3, jurors: 1 });
  const edition = world.id;
  const email = `penilai.baru.${unique()}@e2e.test`;
  await signIn(page, world.committee);
  await page.goto(`/committee/${edition}/people`);
  await expect(page.getByRole("heading", { level: 1, name: "Penilai dan juri" })).toBeVisible();
  await expect(
    page
      .getByRole("row", { name: new RegExp(world.assessors[0].email.replace(/\./g, "\\.")) })
      .getByRole("cell", { name: "Aktif", exact: true }),
  ).toBeVisible();
  await expectAccessible(page);

  // Errors next to the fields, input kept.
  await page.getByLabel("Nama").fill("Sari Penilai Baru");
  await page.getByLabel("Email").fill("bukan-email");
  await page.getByRole("button", { name: "Undang" }).click();
  await expect(page.locator("#f-email-error")).toHaveText("Isi alamat email yang benar.");
  await expect(page.getByLabel("Nama")).toHaveValue("Sari Penilai Baru");

  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Undang" }).click();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  // Shown once: after reloading the page the link is gone; the invitation is listed.
  await page.goto(`/committee/${edition}/people`);
  await expect(page.getByTestId("invite-link")).toHaveCount(0);
  await expect(page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) })).toBeVisible();

  const anonymous = await browser.newContext({ locale: "id-ID" });
  try {
    const invitee = await anonymous.newPage();
    await invitee.goto(link);
    await expect(invitee.getByText(/Anda diundang sebagai Penilai/)).toBeVisible();
    await invitee.getByLabel("Nama lengkap").fill("Sari Penilai Baru");
    await invitee.getByLabel("Kata sandi", { exact: true }).fill("rahasia-sari-2024");
    await invitee.getByLabel("Ulangi kata sandi").fill("rahasia-sari-2024");
    await invitee.getByRole("button", { name: "Buat akun dan terima undangan" }).click();
    await expect(invitee).toHaveURL(/\/assess/);
    // The link works once only.
    await invitee.goto(link);
    await expect(invitee.getByText("Tautan undangan ini sudah dipakai. Silakan masuk.")).toBeVisible();
  } finally {
    await anonymous.close();
  }

  // The new assessor is listed as active; deactivating and reactivating is audited.
  await page.goto(`/committee/${edition}/people`);
  const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(row.getByRole("cell", { name: "Aktif", exact: true })).toBeVisible();
  await row.getByRole("button", { name: /Nonaktifkan/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sari Penilai Baru telah dinonaktifkan." })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Nonaktif", exact: true })).toBeVisible();
  await row.getByRole("button", { name: /Aktifkan kembali/ }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Sari Penilai Baru telah diaktifkan kembali." }),
  ).toBeVisible();
  await expect(row.getByRole("cell", { name: "Aktif", exact: true })).toBeVisible();
  // Deactivated once more, so that the audit log holds all three changes.
  await row.getByRole("button", { name: /Nonaktifkan/ }).click();
  await expect(row.getByRole("cell", { name: "Nonaktif", exact: true })).toBeVisible();
  const db = e2eDb();
  try {
    const active = db
      .prepare("select m.active from memberships m join users u on u.id = m.user_id where u.email = ?")
      .all(email) as { active: number }[];
    expect(active).toEqual([{ active: 0 }]);
    const log = db
      .prepare(
        "select action from audit_log where subject in (select 'membership:' || m.id from memberships m join users u on u.id = m.user_id where u.email = ?) order by id",
      )
      .all(email) as { action: string }[];
    expect(log.map((l) => l.action)).toEqual([
      "membership.deactivate",
      "membership.reactivate",
      "membership.deactivate",
    ]);
  } finally {
    db.close();
  }
});

test("the organisations page creates an organisation invitation link and lists pending registrations", async ({
  page,
}) => {
  const { id: edition, committee } = await createEdition({ categories: ["public_service", "medium"] });
  await signIn(page, committee);
  await page.goto(`/committee/${edition}/organisations`);
  await expect(page.getByRole("heading", { level: 1, name: "Peserta dan pendaftaran" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Undang", exact: true }).click();
  await expect(page.locator("#f-categoryId-error")).toHaveText("Pilih kategori.");
  await page.getByLabel("Kategori").selectOption({ label: "Pelayanan Publik" });
  await page.getByRole("button", { name: "Undang", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Tautan undangan: Pelayanan Publik" })).toBeVisible();
  await expect(page.getByTestId("invite-link")).toContainText("/invite/");
});

test("a known organisation is invited through its members, without a link: a member accepts on the portal and the entry is created", async ({
  page,
  browser,
}) => {
  // An organisation that took part in an earlier edition of the same province.
  // (A real province: the new-edition form offers only those.)
  const earlier = await createEdition({ categories: ["medium"], region: "Kalimantan Utara" });
  const known = await createOrganisation({ region: `Kota Uji, ${earlier.region}` });
  await createEntry(earlier, { category: "medium", organisation: known });
  const name = `Paritrana Award 2024 — ${earlier.region} (uji undangan)`;
  // Editions are created by the administrator: this committee member is one too.
  await signIn(page, await grantAdmin(earlier.committee));
  await page.goto("/committee/new");
  await page.getByLabel("Nama edisi").fill(name);
  await page.getByLabel("Wilayah").selectOption(earlier.region);
  await page.getByLabel("Awal periode penilaian").fill("2024-01-01");
  await page.getByLabel("Akhir periode penilaian").fill("2024-12-31");
  await page.getByLabel("Perusahaan Skala Menengah").check();
  await page.getByLabel("Jadikan saya juga anggota panitia edisi ini").check();
  await page.getByRole("button", { name: "Buat edisi" }).click();
  await expect(page.getByText("Edisi telah dibuat.")).toBeVisible();
  const edition = page.url().match(/\/committee\/(\d+)$/)![1];
  await page.goto(`/committee/${edition}/organisations`);

  // The organisations of the province's earlier edition are offered; an email is refused with them.
  await page.getByLabel("Kategori").selectOption({ label: "Perusahaan Skala Menengah" });
  await page
    .getByLabel("Organisasi", { exact: true })
    .selectOption({ label: `${known.name} (Kota Uji, ${earlier.region})` });
  await page.getByLabel("Email kontak (boleh dikosongkan)").fill("orang.baru@uji.test");
  await page.getByRole("button", { name: "Undang", exact: true }).click();
  await expect(page.locator("#f-email-error")).toHaveText(
    "Undangan untuk organisasi yang sudah dikenal dikirim ke anggotanya; kosongkan email.",
  );
  await page.getByLabel("Email kontak (boleh dikosongkan)").fill("");
  await page.getByRole("button", { name: "Undang", exact: true }).click();
  await expect(
    page.getByText(`Undangan dikirim ke anggota ${known.name}; mereka menerima atau menolaknya di portal.`),
  ).toBeVisible();
  await expect(page.getByTestId("invite-link")).toHaveCount(0);
  const invitations = page.getByRole("table", { name: "Undangan ke organisasi yang sudah dikenal" });
  await expect(invitations.getByRole("row", { name: known.name })).toContainText("Menunggu jawaban");
  await expectAccessible(page);

  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, known.member);
  await member.goto("/portal");
  const card = member
    .getByRole("listitem")
    .filter({ has: member.getByRole("heading", { name: `Undangan ke ${name}, Perusahaan Skala Menengah` }) });
  await expect(card).toBeVisible();
  await expectAccessible(member);
  await card.getByRole("button", { name: /^Terima/ }).click();
  await expect(member).toHaveURL(/\/portal\/entries\/\d+$/);
  await expect(member.getByText("Undangan diterima. Pendaftaran baru dibuat sebagai draf.")).toBeVisible();
  await context.close();

  await page.reload();
  await expect(invitations.getByRole("row", { name: known.name })).toContainText("Diterima");
  await expect(page.getByLabel("Organisasi", { exact: true }).locator("option", { hasText: known.name })).toHaveCount(
    0,
  );
});

test("the audit log is filtered by action and entry; a bad filter value is a field error, not an error page", async ({
  page,
}) => {
  const world = await createScoredEdition({ categories: { medium: 2 }, assessors: 3, jurors: 0 });
  const edition = world.id;
  await signIn(page, world.committee);
  // A reopened scoresheet (the form the progress page posts) puts a scoresheet.reopen in the log.
  const reopened = await page.request.post(`/committee/${edition}/progress?stage=desk`, {
    form: {
      intent: "reopenSheet",
      id: String(submittedSheet(edition).id),
      stage: "desk",
      reason: "Nilai kriteria kedua salah ketik (uji e2e)",
    },
    maxRedirects: 0,
  });
  expect([302, 303]).toContain(reopened.status());
  await page.goto(`/committee/${edition}/audit`);
  await expect(page.getByRole("heading", { level: 1, name: "Log audit" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Tindakan").selectOption("scoresheet.reopen");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/action=scoresheet\.reopen/);
  const rows = page.locator("table.audit__table tbody tr");
  // The action in words (the audit log never shows its code).
  await expect(rows.first()).toContainText("Lembar nilai dibuka kembali");
  await expect(page.getByRole("cell", { name: "Nilai kriteria kedua salah ketik (uji e2e)" })).toBeVisible();
  for (const text of await rows.allTextContents()) {
    expect(text).toContain("Lembar nilai dibuka kembali");
    expect(text).not.toContain("scoresheet.reopen");
    // The scoresheet is named by its assessor and stage, not by an assignment number.
    expect(text).not.toMatch(/Penugasan #\d/);
    expect(text).toContain("Seleksi Berkas");
  }
  await expect(rows.first()).toContainText("WIB");

  const res = await page.goto(`/committee/${edition}/audit?entry=abc&user=-1&page=0`);
  expect(res!.status()).toBe(200);
  await expect(page.locator("#audit-entry-error")).toHaveText("Pilih peserta dari daftar.");
  await expect(page.locator("#audit-user-error")).toHaveText("Pilih pengguna dari daftar.");
  await expect(page.getByText("Nomor halaman tidak valid.")).toBeVisible();
  await expectAccessible(page);
});
