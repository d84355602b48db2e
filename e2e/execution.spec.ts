import { expect, test, type Locator, type Page } from "@playwright/test";
import { seededArn } from "./seeded";

const executionUrl = (arn: string, query = "") => `/executions/${encodeURIComponent(arn)}${query}`;

/** The graph node whose name is exactly `name`. */
function graphNode(page: Page, name: string): Locator {
  return page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });
}

function timelineRow(page: Page, name: string): Locator {
  return page.getByTestId("timeline-row").filter({ has: page.getByTestId("timeline-row-name").getByText(name, { exact: true }) });
}

test("follows a failed step from the graph to its attempts, the timeline and the events, and back again by URL", async ({ page, request }) => {
  const arn = await seededArn(request, "payment-with-retries", "payment-2001", "FAILED");
  await page.goto(executionUrl(arn));

  // Header, and the limits a click away in it.
  const header = page.getByTestId("execution-header");
  await expect(header.getByRole("heading", { name: "payment-2001" })).toBeVisible();
  await expect(page.getByTestId("execution-status")).toHaveText("FAILED");
  await expect(header.getByTestId("error-message")).toContainText("Gateway declined payment 2001 (attempt 3)");
  await expect(page.getByTestId("health-toggle")).toContainText("3 failed attempts");
  await page.getByTestId("health-toggle").click();
  await expect(page.getByTestId("health-operations")).toContainText("1 / 3,000");
  await expect(page.getByTestId("health-failed")).toContainText("3");
  await expect(page.getByTestId("health-failed")).toContainText("1 step retried");
  await page.keyboard.press("Escape");

  // Graph: the failed step, with its attempt count.
  await expect(page.getByTestId("tab-graph")).toHaveAttribute("aria-selected", "true");
  const charge = graphNode(page, "charge-card");
  await expect(charge).toHaveAttribute("data-status", "FAILED");
  await expect(charge.getByTestId("graph-node-attempts")).toHaveText("3 attempts");

  // Inspector: the error and every attempt with its error and back-off.
  await charge.click();
  await expect(page).toHaveURL(/[?&]op=/);
  const inspector = page.getByTestId("inspector");
  await expect(page.getByTestId("inspector-name")).toHaveText("charge-card");
  await expect(page.getByTestId("inspector-status")).toHaveText("FAILED");
  await expect(inspector.getByTestId("inspector-error").getByTestId("error-message")).toContainText("(attempt 3)");
  const attempts = inspector.getByTestId("attempt");
  await expect(attempts).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(attempts.nth(i)).toHaveAttribute("data-status", "FAILED");
    await expect(attempts.nth(i).getByTestId("error-message")).toContainText(`(attempt ${i + 1})`);
  }
  await expect(attempts.nth(0).getByTestId("attempt-delay")).toContainText("Retry after 1.0 s");
  await expect(attempts.nth(1).getByTestId("attempt-delay")).toContainText("Retry after 2.0 s");
  await expect(attempts.nth(2).getByTestId("attempt-delay")).toHaveCount(0);
  const opUrl = page.url();

  // Timeline: three attempt bars with a back-off between each, one lane per invocation.
  await page.getByTestId("tab-timeline").click();
  await expect(page).toHaveURL(/tab=timeline/);
  const row = timelineRow(page, "charge-card");
  await expect(row).toHaveAttribute("aria-selected", "true");
  await expect(row.locator('[data-testid="timeline-bar"][data-kind="attempt"]')).toHaveCount(3);
  await expect(row.locator('[data-testid="timeline-bar"][data-kind="backoff"]')).toHaveCount(2);
  const lanes = page.getByTestId("invocation-lane");
  await expect(lanes).toHaveCount(3);
  await expect(page.locator('[data-testid="invocation-lane"][data-ran-selected="true"]')).toHaveCount(3);

  // Events: search narrows the table to the declines.
  await page.getByTestId("tab-events").click();
  await expect(page).toHaveURL(/tab=events/);
  const rows = page.getByTestId("event-row");
  const total = await page.getByTestId("events-count").textContent();
  expect(total).toMatch(/^\d+ events$/);
  await page.getByTestId("workspace-search").fill("stepfailed declined");
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId("events-count")).toHaveText(new RegExp(`^3 of ${total!.split(" ")[0]} events$`));
  await rows.nth(1).click();
  await expect(page).toHaveURL(/[?&]event=\d+/);
  await expect(page.getByTestId("event-inspector-type")).toHaveText("StepFailed");
  await expect(page.getByTestId("event-inspector")).toContainText("(attempt 2)");
  const eventUrl = page.url();

  // Reload restores the tab, the search and the selected event.
  await page.reload();
  await expect(page.getByTestId("tab-events")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("workspace-search")).toHaveValue("stepfailed declined");
  await expect(rows).toHaveCount(3);
  await expect(page.locator('[data-testid="event-row"][aria-selected="true"]')).toContainText("(attempt 2)");
  await expect(page.getByTestId("event-inspector-type")).toHaveText("StepFailed");

  // Back and forward step through the views.
  await page.goBack();
  await expect(page.getByTestId("event-inspector")).toHaveCount(0);
  await expect(page.getByTestId("tab-events")).toHaveAttribute("aria-selected", "true");
  await page.goBack();
  await expect(page.getByTestId("tab-timeline")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("inspector-name")).toHaveText("charge-card");
  await page.goBack();
  await expect(page.getByTestId("tab-graph")).toHaveAttribute("aria-selected", "true");
  expect(page.url()).toBe(opUrl);
  await page.goForward();
  await expect(page.getByTestId("tab-timeline")).toHaveAttribute("aria-selected", "true");

  // A deep link opens straight onto the operation in the timeline.
  await page.goto(opUrl.replace("?", "?tab=timeline&"));
  await expect(page.getByTestId("tab-timeline")).toHaveAttribute("aria-selected", "true");
  await expect(timelineRow(page, "charge-card")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("inspector-name")).toHaveText("charge-card");
  expect(eventUrl).toContain("event=");
});

test("steps through operations with j/k and searches with /", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(executionUrl(arn));
  await expect(graphNode(page, "validate-order")).toBeVisible();

  await page.keyboard.press("j");
  await expect(page.getByTestId("inspector-name")).toHaveText("order-1001");
  await page.keyboard.press("j");
  await expect(page.getByTestId("inspector-name")).toHaveText("validate-order");
  await page.keyboard.press("j");
  await expect(page.getByTestId("inspector-name")).toHaveText("reserve-inventory");
  await page.keyboard.press("k");
  await expect(page.getByTestId("inspector-name")).toHaveText("validate-order");
  await expect(graphNode(page, "validate-order")).toHaveClass(/ring-sky-500/);

  await page.keyboard.press("/");
  await expect(page.getByTestId("workspace-search")).toBeFocused();
  await page.keyboard.type("ship");
  // Typing j in the search box types, it does not step.
  await page.keyboard.type("j");
  await expect(page.getByTestId("workspace-search")).toHaveValue("shipj");
  await page.getByTestId("workspace-search").fill("ship");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("inspector-name")).toHaveText("shipping");
  // Non-matching nodes are dimmed while searching (one beside the match: the view went to it).
  await expect(graphNode(page, "pick-items")).toHaveClass(/opacity-30/);
  await page.getByTestId("workspace-search").press("Escape");
  await expect(page.getByTestId("workspace-search")).toHaveValue("");
  await expect(page).not.toHaveURL(/[?&]q=/);
});

test("shows a pending callback with its id and a countdown to its timeout", async ({ page, request }) => {
  const arn = await seededArn(request, "expense-approval", "expense-4001", "RUNNING");
  await page.goto(executionUrl(arn, "?tab=timeline"));
  const row = timelineRow(page, "manager-approval");
  await expect(row).toHaveAttribute("data-status", "STARTED");
  await expect(row.getByTestId("countdown")).toHaveText(/^in \d+ d \d+ h$/);
  await row.click();
  await expect(page.getByTestId("inspector-name")).toHaveText("manager-approval");
  await expect(page.getByTestId("callback-id")).not.toBeEmpty();
  await expect(page.getByTestId("callback-facts")).toContainText("Times out");
  await expect(page.getByTestId("callback-facts").getByRole("button", { name: /copy id/i })).toBeVisible();
});

test("links a chained invoke to the execution it started", async ({ page, request }) => {
  const arn = await seededArn(request, "invoice-generator", "invoice-5001", "SUCCEEDED");
  await page.goto(executionUrl(arn));
  const invoke = graphNode(page, "calculate-tax");
  await expect(invoke).toHaveAttribute("data-op-type", "CHAINED_INVOKE");
  await invoke.getByTestId("graph-node-invoked").click();
  await expect(page).toHaveURL(/\/executions\/arn%3A.*tax-calculator/);
  await expect(page.getByTestId("execution-status")).toHaveText("SUCCEEDED");
  await expect(graphNode(page, "apply-rate")).toBeVisible();
});
