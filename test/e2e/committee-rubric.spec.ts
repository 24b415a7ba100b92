import { expect, test } from "@playwright/test";
import { createEdition, createScoredEdition, grantAdmin } from "./factories";
import { e2eDb, signIn, expectAccessible } from "./support";

// The committee's rubric form editor, on categories of editions the tests make themselves (no
// entries, no scores), never on the demo edition's: the first test exports the demo company rubric
// from a factory-made category and imports it as the starting point.

test("the committee edits a rubric in the form: an invalid weight is shown at its field with the input kept; a fixed save with a new band stores a new version", async ({
  page,
  context,
}) => {
  // An edition whose large-company category has the demo company rubric, to export from.
  const source = await createEdition({ categories: ["large"] });
  // Editions are created by the administrator: this committee member is one too.
  await signIn(page, await grantAdmin(source.committee));

  // A new edition with one category, and the demo company rubric imported into it (version 1).
  await page.goto("/committee/new");
  await page.getByLabel("Nama edisi").fill("Uji Formulir Rubrik 2022");
  await page.getByLabel("Tahun").fill("2022");
  await page.getByLabel("Wilayah").selectOption("Kalimantan Selatan");
  await page.getByLabel("Awal periode penilaian").fill("2022-01-01");
  await page.getByLabel("Akhir periode penilaian").fill("2022-12-31");
  await page.getByLabel("Perusahaan Skala Menengah").check();
  await page.getByLabel("Jadikan saya juga anggota panitia edisi ini").check();
  await page.getByRole("button", { name: "Buat edisi" }).click();
  await expect(page.getByText("Edisi telah dibuat.")).toBeVisible();
  await page
    .getByRole("link", { name: /Tidak ada/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Rubrik: Perusahaan Skala Menengah" })).toBeVisible();
  const categoryUrl = page.url();
  const [, editionId, categoryId] = /\/committee\/(\d+)\/rubric\/(\d+)$/.exec(categoryUrl)!.map(Number);
  expect(editionId).not.toBe(source.id);

  const demoJson = await (
    await page.request.get(`/committee/${source.id}/rubric-json/${source.categories.large!.id}`)
  ).text();
  await page.getByLabel("Rubrik (JSON)").fill(demoJson);
  await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
  await expect(page.getByText("Rubrik disimpan sebagai versi baru.")).toBeVisible();

  // The form editor.
  await page.getByRole("link", { name: "Ubah rubrik dengan formulir" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ubah rubrik: Perusahaan Skala Menengah" })).toBeVisible();
  await expectAccessible(page);

  const admin = page.getByRole("group", { name: /\(administration,/ });
  const extra = page.getByRole("group", { name: /\(extra_protection,/ });
  const enrolment = page.getByRole("group", { name: /\(enrolment,/ });
  await expect(admin.getByLabel("Bobot", { exact: true })).toHaveValue("20");
  await admin.getByLabel("Bobot", { exact: true }).fill("0");
  await admin.getByLabel("Nama (Inggris)").fill("Membership administration (edited)");
  await extra.getByLabel("Bobot", { exact: true }).fill("25");
  await enrolment.getByLabel("Minimum, baris 6").fill("50");
  await enrolment.getByLabel("Poin, baris 6").fill("35");
  await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();

  // Refused: the error is next to that weight, listed in the summary, and everything typed is kept.
  const weight = admin.getByLabel("Bobot", { exact: true });
  await expect(weight).toHaveAttribute("aria-invalid", "true");
  await expect(admin.locator(".error")).toHaveText("Isi dengan angka lebih dari 0.");
  await expect(page.getByRole("alert")).toContainText("Rubrik belum dapat disimpan. Perbaiki 1 isian berikut:");
  await expect(
    page.getByRole("alert").getByRole("link", { name: /Tertib administrasi kepesertaan.*Bobot/ }),
  ).toBeVisible();
  await expect(weight).toHaveValue("0");
  await expect(admin.getByLabel("Nama (Inggris)")).toHaveValue("Membership administration (edited)");
  await expect(extra.getByLabel("Bobot", { exact: true })).toHaveValue("25");
  await expect(enrolment.getByLabel("Minimum, baris 6")).toHaveValue("50");
  await expect(enrolment.getByLabel("Poin, baris 6")).toHaveValue("35");
  await expect(enrolment.getByLabel("Minimum, baris 7")).toHaveValue("");
  await expectAccessible(page);
  let db = e2eDb();
  expect(
    (db.prepare("select max(version) as v from rubrics where category_id = ?").get(categoryId) as { v: number }).v,
  ).toBe(1);
  db.close();

  // Fixed, and one more band added in the next empty row.
  await weight.fill("30");
  await enrolment.getByLabel("Minimum, baris 7").fill("25");
  await enrolment.getByLabel("Poin, baris 7").fill("30");
  await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
  await expect(page.getByText("Rubrik disimpan sebagai versi 2.")).toBeVisible();
  await expect(page).toHaveURL(categoryUrl);
  await expect(page.locator("table.data tbody tr").first().locator("td").first()).toHaveText("2");

  db = e2eDb();
  try {
    const rubric = db
      .prepare("select id, version, method from rubrics where category_id = ? order by version desc limit 1")
      .get(categoryId) as { id: number; version: number; method: string };
    expect(rubric.version).toBe(2);
    const crit = (key: string) =>
      db.prepare("select id, weight, name_en from criteria where rubric_id = ? and key = ?").get(rubric.id, key) as {
        id: number;
        weight: number;
        name_en: string;
      };
    expect(crit("administration")).toMatchObject({ weight: 30, name_en: "Membership administration (edited)" });
    expect(crit("extra_protection").weight).toBe(25);
    const bands = db
      .prepare("select min, points from criterion_bands where criterion_id = ? order by min desc")
      .all(crit("enrolment").id);
    expect(bands).toEqual([
      { min: 100, points: 100 },
      { min: 95, points: 85 },
      { min: 90, points: 70 },
      { min: 75, points: 50 },
      { min: 50, points: 35 },
      { min: 25, points: 30 },
      { min: 0, points: 20 },
    ]);
    // The method JSON is carried over from version 1; the change is audited.
    const v1 = db.prepare("select method from rubrics where category_id = ? and version = 1").get(categoryId) as {
      method: string;
    };
    expect(JSON.parse(rubric.method)).toEqual(JSON.parse(v1.method));
    const audit = db
      .prepare("select action from audit_log where edition_id = ? and subject = ? order by id")
      .all(editionId, `category:${categoryId}`);
    expect(audit).toEqual([{ action: "rubric.import" }, { action: "rubric.edit" }]);
  } finally {
    db.close();
  }

  // A stale form (based on version 2 while version 3 was saved in another tab) is refused, input kept.
  await page.goto(`${categoryUrl}/edit`);
  const other = await context.newPage();
  await other.goto(`${categoryUrl}/edit`);
  await other
    .getByRole("group", { name: /\(innovation,/ })
    .getByLabel("Bobot", { exact: true })
    .fill("45");
  await other.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
  await expect(other.getByText("Rubrik disimpan sebagai versi 3.")).toBeVisible();
  await other.close();
  await page
    .getByRole("group", { name: /\(commitment,/ })
    .getByLabel("Bobot", { exact: true })
    .fill("55");
  await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
  await expect(page.getByRole("alert")).toContainText("Versi 3 rubrik ini disimpan orang lain");
  await expect(page.getByRole("group", { name: /\(commitment,/ }).getByLabel("Bobot", { exact: true })).toHaveValue(
    "55",
  );
  db = e2eDb();
  expect(
    (db.prepare("select max(version) as v from rubrics where category_id = ?").get(categoryId) as { v: number }).v,
  ).toBe(3);
  db.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a frozen rubric needs a reason (nothing is stored without one); a criterion is added and a gate removed in a plain form post", async ({
    page,
  }) => {
    // A category with scores (frozen rubric), and one of the same committee without any, whose
    // version 1 is the demo company rubric (with its arrears gate).
    const scored = await createScoredEdition({ categories: { regency_city: 1 }, assessors: 3, jurors: 0 });
    const mine = await createEdition({ categories: ["large"], committee: scored.committee });
    const regency = scored.categories.regency_city!.id;
    const [mineEdition, categoryId, versions] = [mine.id, mine.categories.large!.id, 1];
    await signIn(page, scored.committee);

    // The scored category's rubric is frozen. Saving without a reason is refused.
    await page.goto(`/committee/${scored.id}/rubric/${regency}/edit`);
    await expect(page.getByRole("note")).toContainText("rubrik dibekukan");
    await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
    await expect(page.getByLabel("Alasan")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#f-reason-error")).toHaveText("Rubrik dibekukan; tuliskan alasan perubahan.");
    const check = e2eDb();
    expect(
      (check.prepare("select count(*) as n from rubrics where category_id = ?").get(regency) as { n: number }).n,
    ).toBe(versions);
    check.close();

    // The new edition's category: a new criterion (first with a bad weight), and the gate removed.
    await page.goto(`/committee/${mineEdition}/rubric/${categoryId}/edit`);
    const added = page.getByRole("group", { name: "Kriteria baru" });
    await added.getByLabel("Kode kriteria").fill("k3_committee");
    await added.getByLabel("Nama (Bahasa Indonesia)").fill("Komite K3");
    await added.getByLabel("Nama (Inggris)").fill("Safety committee");
    await added.getByLabel("Bobot").fill("lima");
    await added.getByLabel("Bukti dukung wajib").check();
    await page.getByRole("group", { name: "Syarat 1" }).getByLabel("Hapus syarat ini").check();
    await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
    await expect(added.getByLabel("Bobot")).toHaveAttribute("aria-invalid", "true");
    await expect(added.locator("#f-added-weight-error")).toHaveText("Isi dengan angka (mis. 12 atau 0,5).");
    await expect(added.getByLabel("Kode kriteria")).toHaveValue("k3_committee");
    await expect(added.getByLabel("Bukti dukung wajib")).toBeChecked();
    await expect(page.getByRole("group", { name: "Syarat 1" }).getByLabel("Hapus syarat ini")).toBeChecked();
    await added.getByLabel("Bobot").fill("5");
    await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
    await expect(page.getByText("Rubrik disimpan sebagai versi 2.")).toBeVisible();

    const after = e2eDb();
    try {
      const rubric = after
        .prepare("select id from rubrics where category_id = ? order by version desc limit 1")
        .get(categoryId) as { id: number };
      const keys = (
        after
          .prepare("select key from criteria where rubric_id = ? and stage_key = 'desk' order by position")
          .all(rubric.id) as { key: string }[]
      ).map((r) => r.key);
      expect(keys.at(-1)).toBe("k3_committee");
      expect(
        after
          .prepare(
            "select weight, type, max, evidence_required, name_en from criteria where rubric_id = ? and key = 'k3_committee'",
          )
          .get(rubric.id),
      ).toEqual({ weight: 5, type: "judged", max: 100, evidence_required: 1, name_en: "Safety committee" });
      expect(
        (after.prepare("select count(*) as n from gates where rubric_id = ?").get(rubric.id) as { n: number }).n,
      ).toBe(0);
    } finally {
      after.close();
    }
  });
});
