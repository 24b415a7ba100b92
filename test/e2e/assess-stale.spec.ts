import { expect, test, type Page } from "@playwright/test";
import {
  createEdition,
  createEntry,
  createMember,
  createScoresheet,
  judgedCriteria,
  testDb,
  type TestUser,
} from "./factories";
import { e2eDb, expectAccessible, signIn } from "./support";

// A stale assessor tab (another tab saved meanwhile) is shown the saved scores beside its own and
// chooses: replace them with mine, or use the saved ones; autosave waits for the choice. With and
// without JavaScript. Also: the sentence about what the panel may read follows the committee's
// setting, the scrolling scoring panel is reachable by keyboard, and the site has an icon.

interface World {
  assessor: TestUser;
  /** Draft sheets (version 1) of the assessor: one per test that edits. */
  withJs: number;
  noJs: number;
  /** The desk criteria of those entries' category, in order. */
  criteria: { id: number; key: string }[];
}

let world: World;
test.beforeAll(async () => {
  const edition = await createEdition({ categories: ["large"] });
  const assessor = await createMember(edition.id, "assessor");
  const sheets: number[] = [];
  for (let i = 0; i < 2; i++) {
    const entry = await createEntry(edition, { category: "large" });
    await createScoresheet(entry, assessor, { status: "draft", score: 50, note: "Catatan awal." });
    sheets.push(entry.id);
  }
  const criteria = (await judgedCriteria(edition.categories.large!.id, "desk")).map(({ id, key }) => ({ id, key }));
  world = { assessor, withJs: sheets[0], noJs: sheets[1], criteria };
});

/** The scoring form is interactive (hydrated): autosave and the stale choice run in the page. */
const ready = (page: Page) => expect(page.locator("form.scoresheet[data-hydrated]")).toBeAttached();

function saved(entryId: number, criterionId: number) {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `select s.value, s.note, a.version from scores s join assignments a on a.id = s.assignment_id join users u on u.id = a.user_id
         where u.email = ? and a.entry_id = ? and s.criterion_id = ?`,
      )
      .get(world.assessor.email, entryId, criterionId) as { value: number; note: string | null; version: number };
  } finally {
    db.close();
  }
}

test("two tabs: the stale one sees saved beside typed, autosave stops, 'replace with mine' saves; then the other uses the saved ones", async ({
  page: tabA,
  context,
}) => {
  const url = `/assess/${world.withJs}`;
  const [first, second] = world.criteria;
  await signIn(tabA, world.assessor);
  await tabA.goto(url);
  await ready(tabA);
  const tabB = await context.newPage();
  await tabB.goto(url);
  await ready(tabB);
  await expectAccessible(tabA);

  // Every save tab B posts (explicit or autosave; with JavaScript, Remix posts to `<route>.data`).
  let postsB = 0;
  tabB.on("request", (r) => {
    if (r.method() === "POST" && [url, `${url}.data`].includes(new URL(r.url()).pathname)) postsB++;
  });

  // Tab A saves first.
  await tabA.locator(`#f-score_${first.id}`).fill("80");
  await tabA.locator(`#f-note_${first.id}`).fill("Dari tab A");
  await tabA.getByRole("button", { name: "Simpan draf" }).click();
  await expect(tabA.locator(".save-status")).toHaveText("Draf disimpan.");
  expect(saved(world.withJs, first.id)).toMatchObject({ value: 80, note: "Dari tab A", version: 2 });

  // Tab B, on the old version, edits and saves: refused, shown tab A's values beside its own.
  await tabB.locator(`#f-score_${first.id}`).fill("33");
  await tabB.locator(`#f-note_${first.id}`).fill("Dari tab B");
  await tabB.getByRole("button", { name: "Simpan draf" }).click();
  await expect(tabB.getByRole("alert").filter({ hasText: "disimpan dari tab atau perangkat lain" })).toBeVisible();
  await expect(tabB.getByTestId(`saved-${first.key}`)).toHaveText("nilai 80; catatan: Dari tab A");
  await expect(tabB.getByTestId(`mine-${first.key}`)).toHaveText("nilai 33; catatan: Dari tab B");
  await expect(tabB.getByTestId(`saved-${second.key}`)).toHaveText("nilai 50; catatan: Catatan awal.");
  await expect(tabB.locator(`#f-score_${first.id}`)).toHaveValue("33");
  const choice = tabB.getByRole("group", { name: "Mana yang dipakai?" });
  await expect(choice.getByRole("button", { name: "Ganti dengan milik saya" })).toBeVisible();
  await expect(choice.getByRole("link", { name: "Pakai yang tersimpan" })).toBeVisible();
  // Saving again on the old version would only be refused: save and submit wait for the choice.
  await expect(tabB.getByRole("button", { name: "Simpan draf" })).toBeDisabled();
  await expect(tabB.getByRole("button", { name: "Kirim", exact: true })).toBeDisabled();

  // Autosave stops: a further edit is shown beside the saved value and posts nothing.
  await tabB.locator(`#f-score_${second.id}`).fill("44");
  await expect(tabB.getByTestId(`mine-${second.key}`)).toHaveText("nilai 44; catatan: Catatan awal.");
  await expect(tabB.locator(".save-status")).toHaveText("Penyimpanan otomatis berhenti sampai Anda memilih.");
  await expectAccessible(tabB); // the comparison and the choice (and it outlasts the autosave delay)
  await expect(tabB.locator(".save-status")).toHaveText("Penyimpanan otomatis berhenti sampai Anda memilih.");
  expect(postsB).toBe(1);
  expect(saved(world.withJs, first.id)).toMatchObject({ value: 80, version: 2 });

  // "Replace with mine": saved over the version just seen.
  await choice.getByRole("button", { name: "Ganti dengan milik saya" }).click();
  await expect(tabB.locator(".save-status")).toHaveText("Draf disimpan.");
  await expect(tabB.getByRole("group", { name: "Mana yang dipakai?" })).toHaveCount(0);
  expect(postsB).toBe(2);
  expect(saved(world.withJs, first.id)).toMatchObject({ value: 33, note: "Dari tab B", version: 3 });
  expect(saved(world.withJs, second.id)).toMatchObject({ value: 44, note: "Catatan awal." });

  // Now tab A is stale: its autosave is refused and it is shown tab B's values.
  await tabA.locator(`#f-note_${first.id}`).fill("Tab A lagi");
  await expect(tabA.getByTestId(`saved-${first.key}`)).toHaveText("nilai 33; catatan: Dari tab B");
  await expect(tabA.getByTestId(`mine-${first.key}`)).toHaveText("nilai 80; catatan: Tab A lagi");
  expect(saved(world.withJs, first.id)).toMatchObject({ value: 33, version: 3 });
  // "Use the saved ones": tab B's values are loaded into the form, and the page saves again.
  await tabA.getByRole("link", { name: "Pakai yang tersimpan" }).click();
  await expect(tabA.locator(".save-status")).toHaveText("Nilai tersimpan dimuat ke formulir.");
  await expect(tabA.locator(`#f-score_${first.id}`)).toHaveValue("33");
  await expect(tabA.locator(`#f-note_${first.id}`)).toHaveValue("Dari tab B");
  await expect(tabA.locator(`#f-score_${second.id}`)).toHaveValue("44");
  await expect(tabA.getByRole("group", { name: "Mana yang dipakai?" })).toHaveCount(0);
  await expect(tabA.getByRole("button", { name: "Simpan draf" })).toBeEnabled();
  await tabA.locator(`#f-note_${first.id}`).fill("Dari tab B, diperiksa di tab A");
  await expect(tabA.locator(".save-status")).toHaveText(/^Draf tersimpan otomatis/);
  expect(saved(world.withJs, first.id)).toMatchObject({
    value: 33,
    note: "Dari tab B, diperiksa di tab A",
    version: 4,
  });
});

test("without JavaScript a stale save gets the same comparison and both choices", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const url = `/assess/${world.noJs}`;
    const [first] = world.criteria;
    const one = await context.newPage();
    await signIn(one, world.assessor);
    await one.goto(url);
    const two = await context.newPage();
    await two.goto(url);

    await one.locator(`#f-score_${first.id}`).fill("70");
    await one.getByRole("button", { name: "Simpan draf" }).click();
    await expect(one.locator(".save-status")).toHaveText("Draf disimpan.");

    // The second page was opened before that save: refused, with the comparison and the choice.
    await two.locator(`#f-score_${first.id}`).fill("25");
    await two.locator(`#f-note_${first.id}`).fill("Halaman kedua");
    await two.getByRole("button", { name: "Simpan draf" }).click();
    await expect(two.getByTestId(`saved-${first.key}`)).toHaveText("nilai 70; catatan: Catatan awal.");
    await expect(two.getByTestId(`mine-${first.key}`)).toHaveText("nilai 25; catatan: Halaman kedua");
    await expect(two.locator(`#f-score_${first.id}`)).toHaveValue("25");
    await two.getByRole("button", { name: "Ganti dengan milik saya" }).click();
    await expect(two.locator(".save-status")).toHaveText("Draf disimpan.");
    await expect(two.locator(`#f-score_${first.id}`)).toHaveValue("25");
    expect(saved(world.noJs, first.id)).toMatchObject({ value: 25, note: "Halaman kedua" });

    // The first page is stale in turn; "use the saved ones" loads the page with the saved values.
    await one.locator(`#f-score_${first.id}`).fill("71");
    await one.getByRole("button", { name: "Simpan draf" }).click();
    await expect(one.getByTestId(`saved-${first.key}`)).toHaveText("nilai 25; catatan: Halaman kedua");
    await one.getByRole("link", { name: "Pakai yang tersimpan" }).click();
    await expect(one.locator(`#f-score_${first.id}`)).toHaveValue("25");
    await expect(one.locator(`#f-note_${first.id}`)).toHaveValue("Halaman kedua");
    await expect(one.getByRole("group", { name: "Mana yang dipakai?" })).toHaveCount(0);
    expect(saved(world.noJs, first.id)).toMatchObject({ value: 25 });
  } finally {
    await context.close();
  }
});

test("a closed stage's sheet says what the committee lets the panel read; the scrolling panel is reachable by keyboard", async ({
  page,
}) => {
  const edition = await createEdition({ categories: ["large"], stages: { desk: "closed", verification: "open" } });
  const [reader, other] = [await createMember(edition.id, "assessor"), await createMember(edition.id, "assessor")];
  const entry = await createEntry(edition, { category: "large", status: "in_verification" });
  await createScoresheet(entry, other, { score: 60, note: "Catatan lembar lain." });
  await createScoresheet(entry, reader, { score: 70 });

  // A short window, so that the sticky scoring panel scrolls on its own.
  await page.setViewportSize({ width: 1280, height: 500 });
  await signIn(page, reader);
  await page.goto(`/assess/${entry.id}?stage=desk`);
  const view = page.getByTestId("panel-view");
  await expect(view).toHaveText(
    "Anda hanya melihat nilai Anda sendiri; panitia tidak membuka nilai penilai lain untuk tahap ini.",
  );
  const panel = page.getByRole("complementary", { name: "Penilaian" });
  await expect(panel).toHaveAttribute("tabindex", "0");
  expect(await panel.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  // Read-only (submitted, stage closed): nothing inside the panel takes focus but the panel itself.
  await expectAccessible(page);

  const db = await testDb();
  await db
    .updateTable("edition_stages")
    .set({ assessor_view: "scores_notes" })
    .where("edition_id", "=", edition.id)
    .where("key", "=", "desk")
    .execute();
  await page.reload();
  await expect(view).toHaveText(
    "Tahap ini sudah ditutup dan panitia membuka nilai dan catatan anggota tim lain (tanpa nama); keduanya ditampilkan di setiap kriteria.",
  );
  await expect(page.getByText("Catatan lembar lain.").first()).toBeVisible();
  await db
    .updateTable("edition_stages")
    .set({ assessor_view: "scores" })
    .where("edition_id", "=", edition.id)
    .where("key", "=", "desk")
    .execute();
  await page.reload();
  await expect(view).toHaveText(
    "Tahap ini sudah ditutup dan panitia membuka nilai anggota tim lain (tanpa nama, tanpa catatan); nilai itu ditampilkan di setiap kriteria.",
  );
});

test("the site has an icon: /favicon.ico answers with an image, and pages link to it", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/login");
  await expect(page.locator('link[rel="icon"][href="/favicon.ico"]')).toHaveCount(1);
  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header
  const svg = await page.request.get("/favicon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(missing).toEqual([]);
});
