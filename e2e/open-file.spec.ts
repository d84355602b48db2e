import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";

// Relative to the checkout, which has ../shared beside it.
const FIXTURES = fileURLToPath(new URL("../../shared/fixtures/histories", import.meta.url));
const fixturePath = (name: string) => `${FIXTURES}/${name}`;
const fixture = (name: string) => readFileSync(fixturePath(name), "utf8");

function json(name: string, text: string) {
  return { name, mimeType: "application/json", buffer: Buffer.from(text) };
}

/** Fails the test if the page asks the server about executions: an opened file is read offline. */
function recordApiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    // The header asks which target the server uses, the page for the test runs folder's listing; neither is about the file.
    if (path.startsWith("/api/") && path !== "/api/target" && path !== "/api/history-files") calls.push(path);
  });
  return calls;
}

test("opens a recorded history from the file picker and shows its execution, offline", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Open history file" }).click();
  await expect(page).toHaveURL(/\/open$/);
  const calls = recordApiCalls(page);
  await expect(page.getByTestId("drop-zone")).toContainText("Drop a history file here");

  const text = fixture("step-with-retry.history.json");
  const count = (JSON.parse(text) as unknown[]).length;
  await page.getByTestId("history-file-input").setInputFiles(fixturePath("step-with-retry.history.json"));

  await expect(page.getByTestId("file-summary")).toContainText(`step-with-retry.history.json · ${count} events`);
  const header = page.getByTestId("execution-header");
  await expect(header.getByRole("heading", { name: "step-with-retry.history.json" })).toBeVisible();
  await expect(header).toContainText("SUCCEEDED");
  await expect(page.getByTestId("graph-node").first()).toBeVisible();
  expect(calls).toEqual([]);
});

test("opens a { Events } file dropped onto the page", async ({ page }) => {
  await page.goto("/open");
  const events = JSON.parse(fixture("map-basic.history.json")) as unknown[];
  const body = JSON.stringify({ Events: events });
  // A real drop carries a DataTransfer with the file; build one in the page and drop it.
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "exported.json", { type: "application/json" }));
    return dt;
  }, body);
  // The page listens for drops once it has hydrated: drag until it shows it is ready, then drop.
  await expect(async () => {
    await page.getByTestId("drop-zone").dispatchEvent("dragenter", { dataTransfer });
    await expect(page.getByText("Drop the history file to open it")).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });

  await expect(page.getByTestId("file-summary")).toContainText(`exported.json · ${events.length} events`);
  await expect(page.getByTestId("graph-node").filter({ hasText: "map-item-0" }).first()).toBeVisible();
});

test("names what is wrong with a file that is not JSON", async ({ page }) => {
  await page.goto("/open");
  const text = fixture("hello-world.history.json").replace('"EventId": 2,', '"EventId": 2');
  await page.getByTestId("history-file-input").setInputFiles(json("broken.json", text));

  const alert = page.getByTestId("error-box");
  await expect(alert).toContainText("broken.json cannot be opened");
  await expect(alert).toContainText(/The file is not valid JSON: expected ',' or '}' after a property value, found '"' at line \d+, column \d+ \(position \d+\)\./);
  // The comma is missing after `"EventId": 2`; the mistake shows where the next property begins.
  await expect(page.getByTestId("file-problems")).toContainText('"EventTimestamp"');
  await expect(page.getByTestId("execution-header")).toHaveCount(0);
});

test("names the events that cannot be read and can show the rest", async ({ page }) => {
  await page.goto("/open");
  const events = JSON.parse(fixture("step-basic.history.json")) as Record<string, unknown>[];
  delete events[2]!.EventType;
  await page.getByTestId("history-file-input").setInputFiles(json("missing-type.json", JSON.stringify(events)));

  const alert = page.getByTestId("error-box");
  await expect(alert).toContainText(`1 of ${events.length} events could not be read.`);
  await expect(page.getByTestId("file-problems")).toContainText(`event ${String(events[2]!.EventId)}: no EventType`);

  await alert.getByRole("button", { name: /Show the \d+ readable events anyway/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "could not be read and are missing below" })).toBeVisible();
  await expect(page.getByTestId("execution-header")).toBeVisible();
});

test("explains a JSON file that is not a history", async ({ page }) => {
  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles(json("execution.json", JSON.stringify({ DurableExecutionArn: "arn", Status: "SUCCEEDED" })));
  await expect(page.getByTestId("error-box")).toContainText('The file holds an object without an "Events" array (its keys: "DurableExecutionArn", "Status").');

  // Choosing a good file afterwards replaces the error.
  await page.getByTestId("history-file-input").setInputFiles(fixturePath("wait.history.json"));
  await expect(page.getByTestId("error-box")).toHaveCount(0);
  await expect(page.getByTestId("execution-header")).toBeVisible();
});

test("offers the histories the test runners wrote and opens the failing run", async ({ page }) => {
  // The server reads DURABLE_LENS_HISTORY_DIR=e2e/fixtures/test-runs (playwright.config.ts).
  await page.goto("/open");
  const runs = page.getByTestId("test-run-files");
  await expect(runs).toContainText("Runs from your tests");
  await expect(runs.getByTestId("test-run-file")).toHaveCount(2);
  const failing = runs.getByTestId("test-run-file").filter({ hasText: "_payment-with-retries_FAILED_" });
  await expect(failing.getByTestId("status-badge")).toHaveText(/failed/i);
  await failing.click();

  await expect(page.getByTestId("file-summary")).toContainText(/_payment-with-retries_FAILED_\w+\.json · \d+ events/);
  await expect(page.getByTestId("execution-header")).toContainText("FAILED");
  await expect(page.getByTestId("graph-node").filter({ hasText: "charge-card" }).first()).toBeVisible();

  await page.getByRole("button", { name: "Runs from your tests…" }).click();
  await expect(runs.getByTestId("test-run-file")).toHaveCount(2);
});
