import { defineConfig, devices } from "@playwright/test";
import { execSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The browser tests run against the built app (`npm run build` first), started on a free port
// with a fresh database in a temporary folder. The values are put in the environment so that the
// worker processes, which load this file again, see the same ones.
process.env.E2E_DIR ??= mkdtempSync(join(tmpdir(), "paritrana-e2e-"));
process.env.E2E_PORT ??= execSync(
  `node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"`,
)
  .toString()
  .trim();
const dir = process.env.E2E_DIR;
const port = process.env.E2E_PORT;

export default defineConfig({
  testDir: "test/e2e",
  // E2E_OUTPUT_DIR keeps a run's traces apart from another run's (default: test-results).
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous margins: the suite must pass on a busy 2-core machine, where a long flow takes 45 s.
  // Each spec makes its own data (test/e2e/factories.ts), so any file runs alone or in any order.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    locale: "id-ID",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npx tsx app/server/main.ts",
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    env: {
      PORT: port,
      DATA_DIR: dir,
      DATABASE_URL: `file:${join(dir, "e2e.sqlite")}`,
      SESSION_SECRET: "e2e-secret-not-for-production",
      UPLOAD_MAX_MB: "2",
      NODE_ENV: "production",
      // Production seeds nothing unless asked: the browser tests also use the demo edition.
      DEMO: "1",
      PUBLIC_URL: `http://localhost:${port}`,
      // A private build (BUILD_DIR=build-e2e npx remix vite:build) is served when given.
      BUILD_DIR: process.env.BUILD_DIR ?? "build",
    },
  },
});
