import { expect, test, type Page } from "@playwright/test";

// Issue 12, item 4 (ADR 0008): the browser loads only its language's texts, once, before hydrating;
// switching language loads the other; client-side navigation then renders from them.

const hydrated = (page: Page) =>
  page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized,
  );

test("the page hydrates with its own language's texts, fetched once", async ({ page }) => {
  const texts: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/texts/")) texts.push(path);
  });
  await page.goto("/login");
  await hydrated(page);
  expect(texts).toHaveLength(1);
  expect(texts[0]).toMatch(/^\/texts\/id-[0-9a-f]{12}\.json$/);

  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await hydrated(page);
  expect(texts.at(-1)).toMatch(/^\/texts\/en-[0-9a-f]{12}\.json$/);

  // A client-side navigation (no new document) renders in English from the loaded texts.
  await page.evaluate(() => Object.assign(window, { stayed: true }));
  await page.getByRole("link", { name: "Paritrana Award" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The Paritrana Award" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(await page.locator("body").innerText()).not.toMatch(/\bnav\.|\bhome\./);
});

test("the error page has its texts in the browser too", async ({ page }) => {
  await page.goto("/tidak-ada");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kembali ke beranda" })).toBeVisible();
});
