import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { expect, test, type Page } from "@playwright/test";

/** The local service playwright.config.ts starts (E2E_SERVICE_PORT, 9114 by default). */
const local = new LambdaClient({
  region: "us-east-1",
  endpoint: `http://127.0.0.1:${process.env.E2E_SERVICE_PORT ?? 9114}`,
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});

/** Two executions of one function with names to search for; starting by name is idempotent. */
const TRIPS = ["trip-e2e-lisbon", "trip-e2e-porto"] as const;

test.beforeAll(async () => {
  for (const name of TRIPS) {
    await local.send(
      new InvokeCommand({
        FunctionName: "travel-booking",
        InvocationType: "Event",
        DurableExecutionName: name,
        Payload: new TextEncoder().encode(JSON.stringify({ tripId: name, city: "Porto", nights: 2 })),
      }),
    );
    // Distinct start times, so "oldest first" has an order to show.
    await new Promise((r) => setTimeout(r, 50));
  }
});

const row = (page: Page, name: string) => page.getByTestId("execution-row").filter({ hasText: name });
const functionRow = (page: Page, name: string) => page.getByTestId("function-row").filter({ has: page.getByRole("link", { name, exact: true }) });

test("lists the durable functions with their running and failed counts, and shows the target", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("target-indicator")).toHaveText("local · us-east-1");
  for (const name of ["approval-flow", "order-processor", "payment-with-retries"]) {
    await expect(functionRow(page, name)).toHaveCount(1);
  }
  // approval-flow waits for days; payment-with-retries fails after its retries (the counts refresh while it runs).
  await expect(functionRow(page, "approval-flow").getByTestId("count-running")).toHaveText("1 running");
  const failed = functionRow(page, "payment-with-retries").getByTestId("count-failed");
  await expect(failed).toHaveText("1 failed", { timeout: 30_000 });

  await failed.click();
  await expect(page).toHaveURL(/\/functions\/payment-with-retries\?status=FAILED$/);
  await expect(page.getByRole("button", { name: "FAILED", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(row(page, "payment-2001")).toBeVisible();
});

test("picks a function with the keyboard, filters by status and name, and opens an execution", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("function-row").first()).toBeVisible();
  // `/` focuses the function filter; j and Enter open the first match.
  await page.keyboard.press("/");
  await expect(page.getByTestId("function-search")).toBeFocused();
  await page.keyboard.type("travel");
  await expect(page.getByTestId("function-row")).toHaveCount(1);
  await page.getByTestId("function-search").blur();
  await page.keyboard.press("j");
  await expect(functionRow(page, "travel-booking")).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/functions\/travel-booking$/);

  for (const name of TRIPS) await expect(row(page, name).getByTestId("status-badge")).toHaveText("SUCCEEDED");

  // Name search: typed after `/`, applied after a pause, kept in the URL.
  await page.keyboard.press("/");
  await page.keyboard.type("porto");
  await expect(page).toHaveURL(/[?&]name=porto(&|$)/);
  await expect(page.getByTestId("execution-row")).toHaveCount(1);
  await expect(row(page, "trip-e2e-porto")).toBeVisible();

  // Status multi-select: FAILED alone matches nothing; adding SUCCEEDED brings the row back.
  await page.getByRole("button", { name: "FAILED", exact: true }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  await expect(page.getByTestId("empty-state")).toContainText("No executions match these filters.");
  await page.getByRole("button", { name: "SUCCEEDED", exact: true }).click();
  await expect(page).toHaveURL(/status=SUCCEEDED&status=FAILED/);
  await expect(row(page, "trip-e2e-porto")).toBeVisible();

  // The URL is the whole filter: a reload shows the same list.
  await page.reload();
  await expect(page.getByTestId("name-search")).toHaveValue("porto");
  await expect(page.getByRole("button", { name: "SUCCEEDED", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("execution-row")).toHaveCount(1);

  await page.keyboard.press("j");
  await expect(row(page, "trip-e2e-porto")).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/executions\/arn%3A.*trip-e2e-porto/);
  await expect(page.getByTestId("execution-header").getByRole("heading", { name: "trip-e2e-porto" })).toBeVisible();
});

test("keeps time range and order in the URL and clears filters from the empty state", async ({ page }) => {
  await page.goto("/functions/travel-booking?name=trip-e2e");
  await expect(page.getByTestId("execution-row")).toHaveCount(2);

  await page.getByTestId("order-select").selectOption("oldest");
  await expect(page).toHaveURL(/order=oldest/);
  await expect(page.getByTestId("execution-row").first()).toContainText("trip-e2e-lisbon");
  await page.getByTestId("order-select").selectOption("newest");
  await expect(page.getByTestId("execution-row").first()).toContainText("trip-e2e-porto");

  await page.getByTestId("range-select").selectOption("1h");
  await expect(page).toHaveURL(/range=1h/);
  await expect(page.getByTestId("execution-row")).toHaveCount(2);

  // A custom range that starts tomorrow holds nothing yet.
  await page.getByTestId("range-select").selectOption("custom");
  await expect(page).toHaveURL(/from=/);
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  await page
    .getByTestId("range-from")
    .fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T00:00`);
  await expect(page.getByTestId("empty-state")).toContainText("No executions match these filters.");

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/functions\/travel-booking$/);
  await expect(page.getByTestId("name-search")).toHaveValue("");
  await expect(row(page, "trip-e2e-lisbon")).toBeVisible();
});

test("says so when a function does not exist, instead of a blank page", async ({ page }) => {
  await page.goto("/functions/no-such-function");
  const alert = page.getByTestId("error-box");
  await expect(alert).toContainText("No such durable function");
  await expect(alert).toContainText("no durable function named “no-such-function”");
  await expect(alert).toHaveAttribute("data-code", "NotFound");
});

test("explains a malformed execution ARN instead of showing a blank page", async ({ page }) => {
  await page.goto("/executions/not-an-arn");
  const alert = page.getByTestId("error-box");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Could not load this execution");
  await expect(alert).toContainText('Malformed durable execution ARN: "not-an-arn"');
});

test("answers API errors as JSON with a status and a message", async ({ request }) => {
  const bad = await request.get("/api/functions/order-processor/executions?order=sideways");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({
    status: 400,
    code: "InvalidParameter",
    message: 'Invalid query parameter "order": must be "newest" or "oldest"',
  });
  const missing = await request.get("/api/functions/no-such-function/executions");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).code).toBe("NotFound");
  const counts = await request.get("/api/functions/payment-with-retries/counts");
  expect(await counts.json()).toMatchObject({ running: { more: false }, failed: { more: false } });
});

test("follows the system theme and remembers the toggle", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveClass(/\bdark\b/);
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("data-preference", "system");
  await toggle.click(); // system → light
  await expect(toggle).toHaveAttribute("data-preference", "light");
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.getByTestId("theme-toggle").click(); // light → dark
  await expect(html).toHaveClass(/\bdark\b/);
});
