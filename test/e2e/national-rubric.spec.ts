import { expect, test } from "@playwright/test";
import { insertRubric } from "../../db/queries/rubrics";
import { createNationalEdition, testDb } from "./factories";
import { expectAccessible, signIn } from "./support";

// Issue 14: the national rubric's use of the provincial total, in the rubric editor of a national
// category: context only by default; a minimum (typed the Indonesian way) and the last tie-break,
// refused out of 0–100 at its field, saved as a new version and said in words on the rubric page.

test("the national committee sets the minimum provincial total and the tie-break in the rubric form", async ({
  page,
}) => {
  const national = await createNationalEdition({ categories: ["regency_city"] });
  const categoryId = national.categories.regency_city!.id;
  // A rubric of the national stages (version 2) to edit.
  await insertRubric(await testDb(), {
    categoryId,
    definition: {
      stages: [{ id: "verification", weight: 1 }],
      criteria: [{ id: "q", stage: "verification", weight: 1, type: "judged", max: 100, step: 1 }],
      gates: [],
    },
    method: { aggregate: { kind: "mean" } },
    userId: national.committee.id,
  });
  await signIn(page, national.committee);
  await page.goto(`/committee/${national.id}/rubric/${categoryId}`);
  await expect(page.getByText("Nilai tingkat provinsi: hanya konteks (tidak mengubah peringkat).")).toBeVisible();

  await page.getByRole("link", { name: "Ubah rubrik dengan formulir" }).click();
  const prior = page.getByRole("group", { name: "Nilai tingkat provinsi" });
  const minimum = prior.getByLabel("Total minimum tingkat provinsi");
  const tieBreak = prior.getByLabel(/Pakai sebagai pemecah seri terakhir/);
  await expect(minimum).toHaveValue("");
  await expect(tieBreak).not.toBeChecked();

  await minimum.fill("150");
  await tieBreak.check();
  await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
  await expect(minimum).toHaveAttribute("aria-invalid", "true");
  await expect(prior.locator(".error")).toHaveText("Total minimum tingkat provinsi antara 0 dan 100.");
  await expect(tieBreak).toBeChecked();
  await expectAccessible(page);

  await minimum.fill("72,5");
  await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
  await expect(page.getByText("Rubrik disimpan sebagai versi 3.")).toBeVisible();
  await expect(
    page.getByText(
      "Nominasi dengan total tingkat provinsi di bawah 72,5 (atau tanpa total provinsi) tidak memenuhi syarat.",
    ),
  ).toBeVisible();
  await expect(page.getByText(/Total tingkat provinsi memecah seri terakhir/)).toBeVisible();
  await expect(page.getByLabel("Rubrik (JSON)")).toHaveValue(/"prior": \{\s*"minScore": 72.5,\s*"tieBreak": true\s*\}/);
});
