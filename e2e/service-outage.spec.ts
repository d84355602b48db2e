// The app survives its durable service going away: a pair of its own (a local service and the
// built app on free ports, so the shared pair other specs use stays up), the service SIGKILLed under an open page and started again on the same data
// directory, all in one document: no reload.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { seededArn } from "./seeded";
import { freePort, spawnApp, spawnService, waitForUrl, type Spawned } from "./spawned";

// Chosen in beforeAll; the service comes back on the same port after each kill.
let SERVICE_PORT = 0;
let SERVICE = "";
let APP = "";

let dataDir: string;
let service: Spawned | undefined;
let app: Spawned | undefined;

async function startService(reset: boolean): Promise<void> {
  service = spawnService(SERVICE_PORT, dataDir, { reset });
  await waitForUrl(`${SERVICE}/health`, service);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  dataDir = mkdtempSync(join(tmpdir(), "durable-lens-outage-"));
  const appPort = await freePort();
  SERVICE_PORT = await freePort();
  SERVICE = `http://127.0.0.1:${SERVICE_PORT}`;
  APP = `http://127.0.0.1:${appPort}`;
  app = spawnApp(appPort, { DURABLE_LENS_LOCAL_ENDPOINT: SERVICE });
  await Promise.all([startService(true), waitForUrl(`${APP}/open`, app)]);
});

test.afterAll(async () => {
  await Promise.all([service?.kill("SIGKILL"), app?.kill()]);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with the status of the next answer to an API call whose path starts with `path`. */
function nextAnswer(page: Page, path: string): Promise<number> {
  return page.waitForResponse((r) => new URL(r.url()).pathname.startsWith(path), { timeout: 20_000 }).then((r) => r.status());
}

test("keeps the page, shows a banner naming the service while it is gone, and recovers without a reload", async ({ browser }) => {
  test.setTimeout(90_000);
  const api = await playwrightRequest.newContext({ baseURL: APP });
  const arn = await seededArn(api, "expense-approval", "expense-4001", "RUNNING");
  await api.dispose();

  const context = await browser.newContext({ baseURL: APP });
  const page = await context.newPage();
  const banner = page.getByTestId("service-status-banner");
  const node = (name: string) => page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });

  // A running execution: the page asks for it again every two seconds.
  await page.goto(`/executions/${encodeURIComponent(arn)}`);
  await expect(node("manager-approval")).toHaveAttribute("data-status", "STARTED");
  await expect(node("file-expense")).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(banner).toHaveCount(0);
  // Survives only as long as this document does: a reload would wipe it.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const executionPath = `/api/executions/${encodeURIComponent(arn)}`;
  await service!.kill("SIGKILL");
  // The page's own refresh fails, and is tried again: the page keeps what it showed meanwhile.
  expect(await nextAnswer(page, executionPath)).toBe(503);
  expect(await nextAnswer(page, executionPath)).toBe(503);
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute("data-state", "service-down");
  await expect(banner).toContainText(`The durable service at ${SERVICE} is not answering — retrying`);
  await expect(page.getByTestId("service-status-detail")).toContainText(`not reachable at ${SERVICE}`);
  await expect(node("manager-approval")).toHaveAttribute("data-status", "STARTED");
  await expect(node("file-expense")).toBeVisible();
  await expect(page.getByTestId("error-box")).toHaveCount(0);

  // A page first opened during the outage waits for its data under the same banner, no error.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Functions" }).click();
  await expect(page).toHaveURL(`${APP}/`);
  expect(await nextAnswer(page, "/api/functions")).toBe(503);
  await expect(banner).toBeVisible();
  await expect(page.getByTestId("function-row")).toHaveCount(0);
  await expect(page.getByTestId("error-box")).toHaveCount(0);

  // Back on the same data directory: the banner goes and the list arrives, by itself.
  await startService(false);
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("function-row").filter({ hasText: "expense-approval" })).toBeVisible();
  await expect(page.getByTestId("error-box")).toHaveCount(0);

  // The execution is still there, and its page refreshes from the service again.
  await page.goBack();
  await expect(node("manager-approval")).toHaveAttribute("data-status", "STARTED");
  expect(await nextAnswer(page, executionPath)).toBe(200);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await context.close();
});
