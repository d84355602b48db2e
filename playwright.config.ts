import { defineConfig } from "@playwright/test";

// Overridable so several checkouts can run their e2e tests side by side.
const LOCAL_SERVICE_PORT = Number(process.env.E2E_SERVICE_PORT ?? 9114);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
process.env.E2E_SERVICE_PORT = String(LOCAL_SERVICE_PORT);

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's chromium; browsers are never downloaded.
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: `node sdk/dist/local/cli.js --port ${LOCAL_SERVICE_PORT} --data-dir .e2e-data --reset`,
      url: `http://127.0.0.1:${LOCAL_SERVICE_PORT}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // `next build` runs before the tests; served as `npm start` serves it.
      command: `node scripts/serve.mjs -p ${APP_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${APP_PORT}`,
      env: { DURABLE_LENS_LOCAL_ENDPOINT: `http://127.0.0.1:${LOCAL_SERVICE_PORT}`, DURABLE_LENS_HISTORY_DIR: "e2e/fixtures/test-runs" },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
