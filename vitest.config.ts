import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit and integration tests only; the browser tests in test/e2e run under Playwright.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
    pool: "forks",
    // The texts are server-only (ADR 0008); the server provides them at start, tests here.
    setupFiles: ["test/setup-texts.ts"],
  },
});
