import { expect, test, type Page } from "@playwright/test";
import { createScoredEdition, createScoresheet, type ScoredEdition } from "./factories";
import { e2eDb, expectAccessible, signIn } from "./support";

// Issue 10, items 1, 4, 7 and 9: nothing irreversible by accident, nothing shown that has not
// happened. One edition of its own (desk stage open, six regency entries, each scored by three of
// five assessors) walked from the provisional ranking through closing every stage in the
// confirmation dialog, to a sign-off in the dialog and a publication without JavaScript.

let world: ScoredEdition;
const regency = () => world.categories.regency_city!.id;
const rankingUrl = () => `/committee/${world.id}/ranking/${regency()}`;

/** The entries of the edition now in `status`, as factories' entries. */
function entriesIn(status: string) {
  const db = e2eDb();
  const ids = (
    db.prepare("select id from entries where edition_id = ? and status = ?").all(world.id, status) as { id: number }[]
  ).map((r) => r.id);
  db.close();
  return world.entries.filter((e) => ids.includes(e.id));
}

function stageStatuses() {
  const db = e2eDb();
  const rows = db
    .prepare("select key, status from edition_stages where edition_id = ? order by position")
    .all(world.id) as { key: string; status: string }[];
  db.close();
  return Object.fromEntries(rows.map((r) => [r.key, r.status]));
}

/** Opens the close dialog of the open stage, checks its summary, confirms, and waits for the flash. */
async function closeStage(page: Page, button: string, summary: (string | RegExp)[], flash: string) {
  await page.goto(`/committee/${world.id}/stages`);
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  for (const text of summary) await expect(dialog).toContainText(text);
  await dialog.getByRole("button", { name: "Ya, tutup tahap" }).click();
  await expect(page.getByText(flash)).toBeVisible();
}

test.describe.serial("stage guard rails: provisional ranking, closing stages, sign-off and publication", () => {
  test.beforeAll(async () => {
    world = await createScoredEdition({ categories: { regency_city: 6 }, assessors: 5, jurors: 2 });
  });

  test("with the desk stage open, the ranking is provisional: no places, no sign-off, the open stage named", async ({
    page,
  }) => {
    await signIn(page, world.committee);
    await page.goto(rankingUrl());
    await expect(page.locator("table.ranking tbody tr")).toHaveCount(6);
    await expect(page.getByRole("note").filter({ hasText: "Peringkat sementara" })).toContainText(
      "tahap Seleksi Berkas, Verifikasi dan Validasi, Wawancara belum ditutup",
    );
    await expect(page.locator("table.ranking .badge")).toHaveCount(0);
    await expect(page.locator("table.ranking")).not.toContainText("Juara");
    // score() would let the best go on to the interview; only the desk stage has run.
    const reached = page.locator("table.ranking tbody tr td:nth-of-type(6)");
    await expect(reached).toHaveText(Array(6).fill("Seleksi Berkas"));
    await expect(
      page.getByText(
        "Pengesahan dan pengumuman menunggu semua tahap ditutup. Belum ditutup: Seleksi Berkas, Verifikasi dan Validasi, Wawancara.",
      ),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Sahkan kategori ini" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Umumkan pemenang" })).toHaveCount(0);
    // Three of five assessors per entry: no complete block, which the page says; the agreement is
    // judged by the one-way ICC(1,1) of the incomplete panels instead, with its Koo & Li level.
    await expect(page.getByText(/tidak ada blok lengkap/).first()).toBeVisible();
    await expect(page.getByText(/\((menurut|by) ICC\(1,1\) = /).first()).toBeVisible();
    await expectAccessible(page);
  });

  test("every stage closes through the confirmation dialog, which says what will happen; a stage without sheets cannot close", async ({
    page,
  }) => {
    await signIn(page, world.committee);
    // Desk: the demo rubric lets the best five go on; each entry has one draft sheet (not counted).
    await page.goto(`/committee/${world.id}/stages`);
    await page.getByRole("button", { name: "Tutup tahap Seleksi Berkas dan tetapkan daftar lolos" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Tahap yang sudah ditutup tidak dapat dibuka kembali");
    await expect(dialog).toContainText(
      "Pemerintah Kabupaten/Kota: 5 lolos, 1 tidak lolos; 6 lembar nilai belum dikirim dan tidak ikut dihitung",
    );
    await expectAccessible(page);
    // Cancelling changes nothing.
    await dialog.getByRole("button", { name: "Batal" }).click();
    await expect(dialog).toBeHidden();
    expect(stageStatuses().desk).toBe("open");
    await closeStage(
      page,
      "Tutup tahap Seleksi Berkas dan tetapkan daftar lolos",
      [/5 lolos, 1 tidak lolos/],
      "Tahap Seleksi Berkas ditutup; daftar lolos ditetapkan.",
    );
    expect(stageStatuses()).toEqual({ desk: "closed", verification: "open", interview: "pending" });

    // Verification: nobody is assigned yet, so the stage cannot close.
    const region = page.getByRole("region", { name: "Pemerintah Kabupaten/Kota" });
    await expect(region).toContainText("5 dari 5 peserta tahap ini belum memiliki lembar nilai");
    await expect(
      page.getByRole("button", { name: "Tutup tahap Verifikasi dan Validasi dan tetapkan daftar lolos" }),
    ).toBeDisabled();
    for (const [n, entry] of entriesIn("in_verification").entries())
      await createScoresheet(entry, world.assessors[n % 2], { stage: "verification", score: 90 - n * 5 });
    await closeStage(
      page,
      "Tutup tahap Verifikasi dan Validasi dan tetapkan daftar lolos",
      ["Pemerintah Kabupaten/Kota: 3 lolos, 2 tidak lolos", "tahap Wawancara dibuka"],
      "Tahap Verifikasi dan Validasi ditutup; daftar lolos ditetapkan.",
    );

    // Interview, the last stage: no shortlist follows, and the button and the dialog say so.
    for (const [n, entry] of entriesIn("shortlisted").entries())
      for (const juror of world.jurors) await createScoresheet(entry, juror, { stage: "interview", score: 85 - n * 5 });
    await page.goto(`/committee/${world.id}/stages`);
    await expect(page.getByRole("button", { name: /dan tetapkan daftar lolos/ })).toHaveCount(0);
    await closeStage(
      page,
      "Tutup tahap Wawancara dan akhiri penilaian",
      ["Ini tahap terakhir: tidak ada daftar lolos"],
      "Tahap Wawancara ditutup; penilaian selesai.",
    );
    expect(stageStatuses()).toEqual({ desk: "closed", verification: "closed", interview: "closed" });
  });

  test("with every stage closed: places on the ranking, sign-off in the dialog, publication without JavaScript; the winners page lists the winners only then", async ({
    page,
    browser,
  }) => {
    const visitor = await browser.newContext();
    const anonymous = await visitor.newPage();
    await anonymous.goto(`/winners/${world.id}`);
    await expect(anonymous.getByText("Pemenang edisi ini belum diumumkan.")).toBeVisible();

    await signIn(page, world.committee);
    await page.goto(rankingUrl());
    const first = page.locator("table.ranking tbody tr").first();
    await expect(first.locator(".badge")).toHaveText("Juara I");
    await expect(first.locator("td").nth(5)).toHaveText("Wawancara");
    await expect(page.getByText("Peringkat sementara")).toHaveCount(0);
    const winner = (await first.locator("th").innerText()).replace(/Juara I$/, "").trim();
    expect(winner).toBe(world.entries[0].organisation.name);

    await page.getByRole("button", { name: "Sahkan kategori ini" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Pemenang yang disahkan:");
    await expect(dialog).toContainText(`Juara I: ${winner}`);
    await dialog.getByRole("button", { name: "Ya, sahkan" }).click();
    await expect(page.getByText("Kategori telah disahkan.")).toBeVisible();

    // Without JavaScript the first press asks the server, which answers with the panel.
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await signIn(plain, world.committee);
    await plain.goto(rankingUrl());
    await plain.getByRole("button", { name: "Umumkan pemenang" }).click();
    const panel = plain.getByRole("alertdialog", { name: "Umumkan pemenang Pemerintah Kabupaten/Kota?" });
    await expect(panel).toContainText("Pengumuman tidak dapat ditarik kembali");
    await expect(panel).toContainText(`Juara I: ${winner}`);
    const published = () => {
      const db = e2eDb();
      const row = db.prepare("select count(*) as n from publications where category_id = ?").get(regency()) as {
        n: number;
      };
      db.close();
      return row.n;
    };
    expect(published()).toBe(0);
    await anonymous.reload();
    await expect(anonymous.getByText("Pemenang edisi ini belum diumumkan.")).toBeVisible();

    await panel.getByRole("button", { name: "Ya, umumkan" }).click();
    await expect(plain.getByText(/Pemenang telah diumumkan/)).toBeVisible();
    expect(published()).toBe(1);
    await noScript.close();

    await anonymous.reload();
    const section = anonymous.getByRole("region", { name: "Pemerintah Kabupaten/Kota" });
    await expect(section.getByRole("listitem").first()).toContainText(winner);
    await visitor.close();
  });
});
