import { expect, test, type Locator, type Page } from "@playwright/test";

/** The graph node whose name is exactly `name` ("ship" must not match "shipping"). */
function graphNode(page: Page, name: string): Locator {
  return page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });
}

async function openExecution(page: Page, functionName: string, executionName: string, finalStatus: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: functionName }).click();
  await expect(page).toHaveURL(new RegExp(`/functions/${functionName}$`));
  const row = page.getByTestId("execution-row").filter({ hasText: executionName });
  // Seeded executions take a few seconds to settle; the list refreshes while they run.
  await expect(row.getByTestId("status-badge")).toHaveText(finalStatus);
  await row.getByRole("link", { name: executionName }).click();
  await expect(page).toHaveURL(/\/executions\/arn%3A/);
  await expect(page.getByTestId("execution-header").getByRole("heading", { name: executionName })).toBeVisible();
}

test("browses functions, executions and the graph of a successful execution", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Durable Lens" })).toBeVisible();
  await expect(page.getByTestId("target-indicator")).toHaveText("local · us-east-1");
  const functions = page.getByTestId("function-link");
  for (const name of ["approval-flow", "order-processor", "payment-with-retries"]) {
    await expect(functions.filter({ hasText: name })).toHaveCount(1);
  }

  await openExecution(page, "order-processor", "order-1001", "SUCCEEDED");
  await expect(page.getByTestId("execution-status")).toHaveText("SUCCEEDED");
  await expect(page.getByTestId("execution-arn")).toContainText("durable-execution/order-1001/");

  for (const name of ["validate-order", "reserve-inventory", "cool-off", "shipping", "pick-items", "ship", "send-confirmation"]) {
    await expect(graphNode(page, name)).toBeVisible();
  }
  await expect(graphNode(page, "send-confirmation")).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(graphNode(page, "shipping")).toHaveAttribute("data-op-type", "CONTEXT");

  // The inspector shows the clicked operation's details.
  await graphNode(page, "validate-order").click();
  await expect(page.getByTestId("inspector-name")).toHaveText("validate-order");
  await expect(page.getByTestId("inspector")).toContainText("Attempts (1)");
  await expect(page.getByTestId("inspector-result")).toBeVisible();
});

test("shows a failed execution and the attempts of its failing step", async ({ page }) => {
  await openExecution(page, "payment-with-retries", "payment-2001", "FAILED");
  await expect(page.getByTestId("execution-status")).toHaveText("FAILED");
  const charge = graphNode(page, "charge-card");
  await expect(charge).toHaveAttribute("data-status", "FAILED");
  await expect(charge.getByTestId("graph-node-attempts")).toHaveText("3 attempts");

  await charge.click();
  const inspector = page.getByTestId("inspector");
  await expect(inspector).toContainText("Attempts (3)");
  await expect(inspector.getByTestId("attempt")).toHaveCount(3);
});

test("shows a running execution with its completed step and pending wait", async ({ page }) => {
  await openExecution(page, "approval-flow", "approval-3001", "RUNNING");
  await expect(graphNode(page, "prepare-request")).toHaveAttribute("data-status", "SUCCEEDED");
  const wait = graphNode(page, "approval-window");
  await expect(wait).toHaveAttribute("data-status", "STARTED");
  await expect(wait).toContainText("until ");
  await expect(page.getByTestId("execution-result")).toHaveText("(not finished yet)");
});

test("filters executions by status through the URL", async ({ page }) => {
  await page.goto("/functions/payment-with-retries?status=SUCCEEDED");
  await expect(page.getByText("No executions with status SUCCEEDED.")).toBeVisible();
  await page.getByRole("button", { name: "FAILED", exact: true }).click();
  await expect(page).toHaveURL(/status=SUCCEEDED&status=FAILED/);
  await expect(page.getByTestId("execution-row").filter({ hasText: "payment-2001" })).toBeVisible();
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
});
