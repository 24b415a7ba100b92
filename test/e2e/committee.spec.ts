import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createAdmin, createEdition, createScoredEdition, type ScoredEdition } from "./factories";
import { e2eDb, signIn, expectAccessible } from "./support";

// The committee console. The first and last tests make editions of their own; the others follow
// one edition made by createScoredEdition (a desk stage shaped like the demo's) from scoring
// through closing every stage to publication, in order. No other spec's data is used or changed.

let world: ScoredEdition;
const regency = () => world.categories.regency_city!.id;

test("the administrator creates an edition on its committee, which imports a rubric; a broken one is refused with the JSON paths of its problems", async ({
  page,
}) => {
  // Editions are created by the administrator (admin.spec.ts: appointing a committee, and the
  // setting that lets committee members create them); this one ticks "make me a committee member".
  await signIn(page, await createAdmin());
  await page.goto("/committee/new");
  await page.getByLabel("Nama edisi").fill("Uji Coba Paritrana 2024");
  await page.getByLabel("Wilayah").selectOption("Kalimantan Utara");
  await page.getByLabel("Awal periode penilaian").fill("2024-01-01");
  await page.getByLabel("Akhir periode penilaian").fill("2024-12-31");
  await page.getByLabel("Perusahaan Skala Menengah").check();
  await page.getByLabel("Jadikan saya juga anggota panitia edisi ini").check();
  await page.getByRole("button", { name: "Buat edisi" }).click();
  await expect(page.getByText("Edisi telah dibuat.")).toBeVisible();
  await page
    .getByRole("link", { name: /Rubrik.*Tidak ada|Tidak ada/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Rubrik: Perusahaan Skala Menengah" })).toBeVisible();

  const broken = {
    rubric: {
      stages: [{ id: "desk", weight: 0 }],
      criteria: [
        {
          id: "administration",
          stage: "desk",
          weight: 1,
          type: "judged",
          max: -5,
          name: { id: "Administrasi", en: "Administration" },
        },
      ],
    },
    method: { ranking: "alphabetical" },
  };
  await page.getByLabel("Rubrik (JSON)").fill(JSON.stringify(broken));
  await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
  const problems = page.locator(".problems");
  await expect(problems).toContainText("rubric.stages[0].weight");
  await expect(problems).toContainText("rubric.criteria[0].max");
  await expect(problems).toContainText("method.ranking");
  await expectAccessible(page);

  const good = {
    rubric: {
      stages: [
        { id: "desk", weight: 60, advance: { top: 3 } },
        { id: "interview", weight: 40 },
      ],
      criteria: [
        {
          id: "administration",
          stage: "desk",
          weight: 2,
          type: "judged",
          max: 100,
          name: { id: "Administrasi", en: "Administration" },
        },
        {
          id: "enrolment",
          stage: "desk",
          weight: 1,
          type: "indicator",
          indicator: "coverage_pct",
          bands: [
            { min: 90, points: 100 },
            { min: 0, points: 20 },
          ],
        },
        { id: "commitment", stage: "interview", weight: 1, type: "judged", max: 10 },
      ],
      gates: [{ id: "no_arrears", indicator: "arrears_months", op: "<=", value: 0 }],
    },
    method: { aggregate: { kind: "mean" }, sensitivity: { weightDelta: 0.1 } },
  };
  await page.getByLabel("Rubrik (JSON)").fill(JSON.stringify(good));
  await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
  await expect(page.getByText("Rubrik disimpan sebagai versi baru.")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh rubrik (JSON)" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, "utf8")) as {
    rubric: { criteria: { id: string }[] };
    method: unknown;
  };
  expect(exported.rubric.criteria.map((c) => c.id)).toEqual(["administration", "enrolment", "commitment"]);
  expect(exported.method).toEqual(good.method);
});

test.describe.serial("one edition from the desk stage to publication", () => {
  test.beforeAll(async () => {
    // Eight regency entries (the category published below) and three medium companies, which go
    // on to the interview once verification closes.
    world = await createScoredEdition({ categories: { regency_city: 8, medium: 3 }, assessors: 5, jurors: 2 });
  });

  test("the live ranking comes from score(), warns of missing scoresheets and is accessible", async ({ page }) => {
    await signIn(page, world.committee);
    await page.goto(`/committee/${world.id}/ranking/${regency()}`);
    await expect(page.getByRole("heading", { level: 1, name: "Peringkat: Pemerintah Kabupaten/Kota" })).toBeVisible();
    await expect(page.getByText(/lembar nilai belum dikirim/).first()).toBeVisible();
    const rows = page.locator("table.ranking tbody tr");
    await expect(rows).toHaveCount(8);
    await expect(rows.first().locator("td").first()).toHaveText("1");
    await expect(page.getByRole("heading", { name: "Kesepakatan penilai per tahap" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Uji kepekaan" })).toBeVisible();
    await expect(page.locator("svg[role=img]")).toHaveCount(3);
    await expectAccessible(page);
  });

  test("the committee closes the desk stage and confirms the shortlist that score() derives", async ({ page }) => {
    await signIn(page, world.committee);
    await page.goto(`/committee/${world.id}/stages`);
    await expect(page.getByRole("heading", { name: "Tutup tahap Seleksi Berkas" })).toBeVisible();
    const regencyList = page.getByRole("region", { name: "Pemerintah Kabupaten/Kota" });
    // The demo rubric lets the best 5 go on (more when tied with the fifth).
    await expect(regencyList.getByText("Lolos ke tahap berikutnya").first()).toBeVisible();
    expect(await regencyList.getByText("Lolos ke tahap berikutnya").count()).toBeGreaterThanOrEqual(5);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Tutup tahap Seleksi Berkas dan tetapkan daftar lolos" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, tutup tahap" }).click();
    await expect(page.getByText("Tahap Seleksi Berkas ditutup; daftar lolos ditetapkan.")).toBeVisible();

    const db = e2eDb();
    const stages = db
      .prepare("select key, status from edition_stages where edition_id = ? order by position")
      .all(world.id);
    const statuses = db
      .prepare("select status, count(*) as n from entries where edition_id = ? group by status order by status")
      .all(world.id) as { status: string; n: number }[];
    db.close();
    expect(stages).toEqual([
      { key: "desk", status: "closed" },
      { key: "verification", status: "open" },
      { key: "interview", status: "pending" },
    ]);
    const shortlisted = statuses.find((s) => s.status === "in_verification")!.n;
    expect(shortlisted).toBeGreaterThanOrEqual(5 + 3);
    expect(statuses.find((s) => s.status === "not_shortlisted")!.n).toBe(world.entries.length - shortlisted);
    expect(statuses.find((s) => s.status === "submitted")).toBeUndefined();
  });

  test("after the desk stage closes, the committee lets its panel read one another's scores and notes, unnamed", async ({
    page,
    browser,
  }) => {
    // The best entry: assessors[0] and assessors[1] submitted; assessors[0] wrote its own note.
    const entryId = world.entries[0].id;
    const reader = world.assessors[1];
    const othersNote = "Catatan penilai 1: bukti dukung konsisten.";

    const context = await browser.newContext();
    const assessor = await context.newPage();
    await signIn(assessor, reader);
    await assessor.goto(`/assess/${entryId}`);
    await expect(assessor.getByRole("heading", { name: "Penilaian" })).toBeVisible();
    await expect(assessor.locator('[data-testid^="others-"]')).toHaveCount(0); // blind by default

    await signIn(page, world.committee);
    await page.goto(`/committee/${world.id}/stages`);
    await page
      .getByLabel("Yang boleh dilihat tim penilai tahap Seleksi Berkas")
      .selectOption({ label: "Nilai dan catatan anggota lain, tanpa nama" });
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect(page.getByText("Pengaturan tahap Seleksi Berkas disimpan.")).toBeVisible();
    await expectAccessible(page);

    // The assessor finds the sheet again under "closed stages" on their list.
    await assessor.goto("/assess");
    const closed = assessor.getByRole("region", { name: "Tahap yang sudah ditutup" });
    await closed.locator(`a[href="/assess/${entryId}?stage=desk"]`).click();
    await expect(assessor).toHaveURL(new RegExp(`/assess/${entryId}\\?stage=desk$`));
    // The URL changes before the new page has rendered: wait for the panel's scores themselves.
    const others = assessor.locator('[data-testid^="others-"]');
    await expect(others.first()).toBeVisible();
    await expect(others.first()).toContainText("Lembar 1:");
    await expect(assessor.getByText(othersNote).first()).toBeVisible();
    await expect(assessor.getByText(world.assessors[0].email)).toHaveCount(0);
    await expect(assessor.getByText(world.assessors[0].name)).toHaveCount(0);
    await context.close();
  });

  test("the committee auto-assigns assessors for the verification stage after a preview of each load", async ({
    page,
  }) => {
    await signIn(page, world.committee);
    await page.goto(`/committee/${world.id}/assign`);
    await page.getByLabel("Tahap").first().selectOption("verification");
    await page.getByLabel("Penilai per peserta").fill("2");
    await page.getByRole("button", { name: "Lihat pratinjau" }).click();
    await expect(page.getByRole("heading", { name: "Pratinjau penugasan: Verifikasi dan Validasi" })).toBeVisible();
    // One row per active assessor of the edition.
    await expect(page.locator("table.loads tbody tr")).toHaveCount(world.assessors.length);
    const inEdition =
      "from assignments a join entries e on e.id = a.entry_id where e.edition_id = ? and a.stage_key = 'verification'";
    const db = e2eDb();
    const before = (db.prepare(`select count(*) as n ${inEdition}`).get(world.id) as { n: number }).n;
    const entries = (
      db
        .prepare("select count(*) as n from entries where edition_id = ? and status = 'in_verification'")
        .get(world.id) as { n: number }
    ).n;
    db.close();
    expect(before).toBe(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: /^Terapkan \d+ penugasan$/ }).click();
    await expect(page.getByText(`${entries * 2} penugasan ditambahkan.`)).toBeVisible();
    const db2 = e2eDb();
    const perEntry = db2.prepare(`select a.entry_id, count(*) as n ${inEdition} group by a.entry_id`).all(world.id) as {
      n: number;
    }[];
    const perUser = db2.prepare(`select a.user_id, count(*) as n ${inEdition} group by a.user_id`).all(world.id) as {
      n: number;
    }[];
    const conflicted = db2
      .prepare(
        `select count(*) as n ${inEdition} and exists (select 1 from conflict_declarations c where c.entry_id = a.entry_id and c.user_id = a.user_id and c.has_conflict = 1)`,
      )
      .get(world.id) as { n: number };
    db2.close();
    expect(perEntry).toHaveLength(entries);
    expect(perEntry.every((r) => r.n === 2)).toBe(true);
    const counts = perUser.map((r) => r.n);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(conflicted.n).toBe(0);
  });

  test("after the verification stage closes, a juror scores an interview: declares no conflict, scores every criterion and submits", async ({
    page,
    browser,
  }) => {
    await signIn(page, world.committee);
    await page.goto(`/committee/${world.id}/stages`);
    await page.getByRole("button", { name: "Tutup tahap Verifikasi dan Validasi dan tetapkan daftar lolos" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, tutup tahap" }).click();
    await expect(page.getByText("Tahap Verifikasi dan Validasi ditutup; daftar lolos ditetapkan.")).toBeVisible();
    await page.getByLabel("Semua juri menilai setiap peserta").check();
    await page.getByRole("button", { name: "Tugaskan juri" }).click();
    await expect(page.getByText(/penugasan juri ditambahkan/)).toBeVisible();

    const juror = world.jurors[0];
    const db = e2eDb();
    const interview = db
      .prepare(
        "select a.entry_id as entryId from assignments a where a.user_id = ? and a.stage_key = 'interview' order by a.entry_id",
      )
      .all(juror.id) as { entryId: number }[];
    const stage = db
      .prepare("select status from edition_stages where edition_id = ? and key = 'interview'")
      .get(world.id) as { status: string };
    db.close();
    expect(stage.status).toBe("open");
    expect(interview.length).toBeGreaterThan(0);

    const context = await browser.newContext();
    const jury = await context.newPage();
    await signIn(jury, juror);
    await expect(jury.getByText("Wawancara").first()).toBeVisible();
    await jury.goto(`/assess/${interview[0].entryId}`);
    await jury.getByLabel("Tidak, saya tidak memiliki konflik kepentingan").check();
    await jury.getByRole("button", { name: "Kirim pernyataan" }).click();
    await expect(jury.getByRole("heading", { name: "Penilaian" })).toBeVisible();
    // The interview criteria of the demo rubric: leadership commitment and innovation.
    const fields = jury.locator('input[id^="f-score_"]');
    await expect(fields).toHaveCount(2);
    for (const field of await fields.all()) await field.fill("70");
    await jury.getByRole("button", { name: "Kirim", exact: true }).click();
    await expect(jury.getByRole("button", { name: "Simpan draf" })).toHaveCount(0);
    await context.close();

    const db2 = e2eDb();
    const sheet = db2
      .prepare(
        "select status, (select count(*) from scores s where s.assignment_id = a.id and s.value = 70) as n from assignments a where a.user_id = ? and a.entry_id = ? and a.stage_key = 'interview'",
      )
      .get(juror.id, interview[0].entryId) as { status: string; n: number };
    db2.close();
    expect(sheet).toEqual({ status: "submitted", n: 2 });
  });

  test("the committee signs off and publishes a category; the public page and the verification page show the winners", async ({
    page,
    browser,
  }) => {
    await signIn(page, world.committee);
    // Sign-off and publication wait for the last stage to close.
    await page.goto(`/committee/${world.id}/stages`);
    await page.getByRole("button", { name: "Tutup tahap Wawancara dan akhiri penilaian" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, tutup tahap" }).click();
    await expect(page.getByText("Tahap Wawancara ditutup; penilaian selesai.")).toBeVisible();
    await page.goto(`/committee/${world.id}/ranking/${regency()}`);
    const firstRow = page.locator("table.ranking tbody tr").first().locator("th");
    await expect(firstRow).toBeVisible();
    const winner = (await firstRow.innerText())
      .split("\n")[0]
      .replace(/Juara I$/, "")
      .trim();
    expect(winner).toBe(world.entries[0].organisation.name);
    await page.getByRole("button", { name: "Sahkan kategori ini" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, sahkan" }).click();
    await expect(page.getByText("Kategori telah disahkan.")).toBeVisible();
    await page.getByRole("button", { name: "Umumkan pemenang" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, umumkan" }).click();
    await expect(page.getByText(/Pemenang telah diumumkan/)).toBeVisible();

    const db = e2eDb();
    const pub = db.prepare("select sha256 from publications where category_id = ? order by id desc").get(regency()) as {
      sha256: string;
    };
    db.close();
    expect(pub.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Downloads: the XLSX of the ranking and score matrix, and a winner's certificate with the hash.
    await page.reload();
    const xlsxDownload = page.waitForEvent("download");
    await page.getByRole("link", { name: "Peringkat dan matriks nilai (XLSX)" }).click();
    const xlsx = readFileSync(await (await xlsxDownload).path());
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
    const pdfDownload = page.waitForEvent("download");
    await page
      .getByRole("link", {
        name: new RegExp(`Piagam penghargaan \\(PDF\\): ${winner.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      })
      .click();
    const pdf = readFileSync(await (await pdfDownload).path());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const verifyUrl = `/verify/${pub.sha256}`;
    expect(
      pdf.toString("latin1").includes(Buffer.from(verifyUrl).toString("hex").toUpperCase()) ||
        pdf.toString("latin1").includes(verifyUrl),
    ).toBe(true);

    const context = await browser.newContext();
    const anonymous = await context.newPage();
    await anonymous.goto(`/winners/${world.id}`);
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

  test("after publication the winning organisation reads its own scorecard, without any assessor's scores or notes", async ({
    browser,
  }) => {
    const db = e2eDb();
    const pub = db
      .prepare("select result_json, sha256 from publications where category_id = ? order by id desc")
      .get(regency()) as { result_json: string; sha256: string };
    const first = JSON.parse(pub.result_json).categories[0].ranking[0] as {
      nominee: string;
      rank: number;
      total: number;
    };
    const entryId = Number(first.nominee);
    const notes = (
      db
        .prepare(
          "select distinct s.note from scores s join assignments a on a.id = s.assignment_id where a.entry_id = ? and s.note is not null",
        )
        .all(entryId) as { note: string }[]
    ).map((r) => r.note);
    db.close();
    const entry = world.entries.find((e) => e.id === entryId)!;
    expect(entry).toBeTruthy();

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, entry.organisation.member);
    await expect(page).toHaveURL(/\/portal$/);
    await page.goto(`/portal/entries/${entryId}/scorecard`);
    await expect(page.getByRole("heading", { level: 1, name: /Hasil penilaian/ })).toBeVisible();
    // Total in Indonesian format (e.g. 42,75) and the rank, as stored in the publication snapshot.
    const totalText = first.total.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await expect(page.getByText(totalText).first()).toBeVisible();
    await expect(page.getByText(new RegExp(`^1 dari \\d+$`)).first()).toBeVisible();
    await expect(page.getByText(pub.sha256.slice(0, 12))).toBeVisible();
    const body = await page.locator("main").innerText();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(body).not.toContain(note);
    for (const a of world.assessors) {
      expect(body).not.toContain(a.name);
      expect(body).not.toContain(a.email);
    }
    await context.close();
  });
});

test("the committee switches between its editions from the console's header", async ({ page }) => {
  const first = await createEdition();
  const second = await createEdition({ committee: first.committee });
  await signIn(page, first.committee);
  await page.goto(`/committee/${first.id}`);
  const switcher = page.getByLabel("Edisi", { exact: true });
  await expect(switcher.locator(`option[value="${second.id}"]`)).toHaveCount(1);
  await switcher.selectOption(String(second.id));
  await page.getByRole("button", { name: "Ganti edisi" }).click();
  await expect(page).toHaveURL(new RegExp(`/committee/${second.id}$`));
  await expect(page.getByLabel("Edisi", { exact: true })).toHaveValue(String(second.id));
  await expectAccessible(page);
});
