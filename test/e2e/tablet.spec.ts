import { expect, test, type Page } from "@playwright/test";
import { governmentRubric } from "../../db/seed/rubrics";
import type { RubricDefinition } from "../../app/domain/rubric";
import { createAssignment, createEdition, createEntry, createMember, judgedCriteria } from "./factories";
import { e2eDb, signIn } from "./support";

// Issue 16, item 5: a juror scores an interview on a tablet (768 × 1024, touch) without a keyboard:
// every score is set with the − and + buttons only, the page body never scrolls sideways, and what
// is saved and submitted is what was tapped. The edition is its own: the interview stage open, one
// shortlisted entry, a juror assigned to it. Its "Inovasi" criterion is scored 0–10 in steps of
// 0.5, so a tapped half point shows the Indonesian way ("9,5") and is saved as 9.5.

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

const rubric = (): RubricDefinition => ({
  ...governmentRubric,
  criteria: governmentRubric.criteria.map((c) =>
    c.id === "innovation" && c.type === "judged" ? { ...c, max: 10, step: 0.5 } : c,
  ),
});

async function noSidewaysScroll(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
}

type SavedScore = { key: string; value: number | null; note: string | null; status: string };
function savedScores(jurorId: number, entryId: number): SavedScore[] {
  const db = e2eDb();
  try {
    return db
      .prepare(
        `select c.key, s.value, s.note, s.status from scores s
           join criteria c on c.id = s.criterion_id
           join assignments a on a.id = s.assignment_id
          where a.user_id = ? and a.entry_id = ? and a.stage_key = 'interview'
          order by c.position`,
      )
      .all(jurorId, entryId) as SavedScore[];
  } finally {
    db.close();
  }
}

test("a juror scores an interview on a tablet with the − and + buttons only, saves and submits", async ({ page }) => {
  const edition = await createEdition({
    stages: { desk: "closed", verification: "closed", interview: "open" },
    rubric,
  });
  const entry = await createEntry(edition, { status: "shortlisted", quality: 0.8 });
  const juror = await createMember(edition.id, "juror");
  await createAssignment(entry, juror, "interview");
  const [commitment, innovation] = await judgedCriteria(entry.categoryId, "interview");
  expect([commitment?.key, innovation?.key]).toEqual(["commitment", "innovation"]);

  await signIn(page, juror);
  await page.goto(`/assess/${entry.id}`);
  await page.getByLabel("Tidak, saya tidak memiliki konflik kepentingan").tap();
  await page.getByRole("button", { name: "Kirim pernyataan" }).tap();
  await expect(page.getByRole("heading", { name: "Penilaian" })).toBeVisible();
  await noSidewaysScroll(page);

  const plus = (name: string) => page.getByRole("button", { name: `Tambah ${name}`, exact: true });
  const minus = (name: string) => page.getByRole("button", { name: `Kurangi ${name}`, exact: true });
  const commitmentField = page.locator(`#f-score_${commitment!.id}`);
  const innovationField = page.locator(`#f-score_${innovation!.id}`);

  // Leadership commitment (0–100, step 1): + from empty starts at 0; three taps up, one down.
  for (let i = 0; i < 3; i++) await plus("Komitmen pimpinan").tap();
  await expect(commitmentField).toHaveValue("2");
  await minus("Komitmen pimpinan").tap();
  await expect(commitmentField).toHaveValue("1");

  // Innovation (0–10, step 0.5): − from empty starts at the top; down half a point, back up, and
  // once more up, which stays at the top of the scale.
  await minus("Inovasi").tap();
  await expect(innovationField).toHaveValue("10");
  await minus("Inovasi").tap();
  await expect(innovationField).toHaveValue("9,5");
  await plus("Inovasi").tap();
  await plus("Inovasi").tap();
  await expect(innovationField).toHaveValue("10");

  // Taps count as edits: the draft saves itself in the background.
  await expect(page.getByRole("status").filter({ hasText: "Draf tersimpan otomatis" })).toBeVisible();
  expect(savedScores(juror.id, entry.id).map((s) => [s.key, s.value])).toEqual([
    ["commitment", 1],
    ["innovation", 10],
  ]);

  // A score at the top of the scale needs a note on submit (typed on the tablet's own keyboard).
  await minus("Inovasi").tap();
  await expect(innovationField).toHaveValue("9,5");
  await page.locator(`#f-note_${innovation!.id}`).fill("Inovasi berjalan dan berkelanjutan di semua unit.");
  await page.getByRole("button", { name: "Simpan draf" }).tap();
  await expect(page.getByRole("status").filter({ hasText: "Draf disimpan." })).toBeVisible();
  expect(savedScores(juror.id, entry.id)).toEqual([
    { key: "commitment", value: 1, note: null, status: "draft" },
    { key: "innovation", value: 9.5, note: "Inovasi berjalan dan berkelanjutan di semua unit.", status: "draft" },
  ]);

  await plus("Inovasi").tap();
  await expect(innovationField).toHaveValue("10");
  await page.getByRole("button", { name: "Kirim", exact: true }).tap();
  await expect(page.getByRole("button", { name: "Simpan draf" })).toHaveCount(0);
  await expect(commitmentField).toBeDisabled();
  await expect(innovationField).toHaveValue("10");
  expect(savedScores(juror.id, entry.id)).toEqual([
    { key: "commitment", value: 1, note: null, status: "submitted" },
    { key: "innovation", value: 10, note: "Inovasi berjalan dan berkelanjutan di semua unit.", status: "submitted" },
  ]);
  await noSidewaysScroll(page);
});
