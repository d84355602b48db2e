import { expect, test, type Locator, type Page } from "@playwright/test";
import { seededArn } from "./seeded";

// Defect 7 of issue 14: one search box used to mean three things. Each tab's box now says what it
// searches, the Graph and Timeline share an operation search, the Events tab has its own, and an
// empty result says so.

const executionUrl = (arn: string, query = "") => `/executions/${encodeURIComponent(arn)}${query}`;

function graphNode(page: Page, name: string): Locator {
  return page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });
}

test("a filter typed on the Events tab filters events only and leaves the graph undimmed", async ({ page, request }) => {
  const arn = await seededArn(request, "payment-with-retries", "payment-2001", "FAILED");
  await page.goto(executionUrl(arn, "?tab=events"));
  const search = page.getByTestId("workspace-search");
  await search.fill("declined");
  // The declines are in the StepFailed events' details.
  await expect(page.getByTestId("event-row").first()).toBeVisible();
  await expect(page.getByTestId("events-count")).toHaveText(/^\d+ of \d+ events$/);

  await page.getByTestId("tab-graph").click();
  // The graph keeps its own (empty) search: nothing is dimmed, not even the step that failed with "declined".
  await expect(search).toHaveValue("");
  const charge = graphNode(page, "charge-card");
  await expect(charge).toBeVisible();
  await expect(page.locator('[data-testid="graph-node"].opacity-30')).toHaveCount(0);

  // Back on Events the filter is still there, and it survives a reload.
  await page.getByTestId("tab-events").click();
  await expect(search).toHaveValue("declined");
  await page.reload();
  await expect(page.getByTestId("workspace-search")).toHaveValue("declined");
  await page.getByTestId("tab-graph").click();
  await expect(page.getByTestId("workspace-search")).toHaveValue("");
  await expect(page.locator('[data-testid="graph-node"].opacity-30')).toHaveCount(0);
});

test("each tab's box says what it searches; the Graph and Timeline share one operation search", async ({ page, request }) => {
  const arn = await seededArn(request, "approval-flow", "approval-3001", "RUNNING");
  await page.goto(executionUrl(arn));
  const search = page.getByTestId("workspace-search");
  await expect(search).toHaveAttribute("placeholder", "Filter operations by name, type, status, id");
  await expect(search).toHaveAccessibleName("Filter operations");

  // Status is one of the things it matches: the wait still runs, the step before it is done.
  await search.fill("started");
  await expect(graphNode(page, "approval-window")).toBeVisible();
  await expect(graphNode(page, "approval-window")).not.toHaveClass(/opacity-30/);
  await expect(graphNode(page, "prepare-request")).toHaveClass(/opacity-30/);
  await expect(page.getByTestId("search-found")).toHaveText(/^\d+ operations? match$/);

  await page.getByTestId("tab-timeline").click();
  await expect(search).toHaveValue("started");
  await expect(search).toHaveAttribute("placeholder", "Filter operations by name, type, status, id");
  await expect(page.getByTestId("timeline-row").filter({ hasText: "approval-window" })).toHaveCount(1);
  await expect(page.getByTestId("timeline-row").filter({ hasText: "prepare-request" })).toHaveCount(0);

  await page.getByTestId("tab-events").click();
  await expect(search).toHaveValue("");
  await expect(search).toHaveAttribute("placeholder", /^Filter events by type, name, details/);
  await expect(search).toHaveAccessibleName("Filter events");
});

test("an empty result says so on every tab", async ({ page, request }) => {
  const arn = await seededArn(request, "payment-with-retries", "payment-2001", "FAILED");
  await page.goto(executionUrl(arn));
  const search = page.getByTestId("workspace-search");

  // "declined" is in event details, not in any operation's name, type, status or id.
  await search.fill("declined");
  await expect(page.getByTestId("search-empty")).toContainText("No operations match “declined”.");
  await expect(page.getByTestId("search-empty")).toContainText("event details are searched on the Events tab");

  await page.getByTestId("tab-timeline").click();
  await expect(page.getByTestId("timeline-no-match")).toHaveText("No operations match “declined”.");
  await expect(page.getByTestId("timeline-row")).toHaveCount(0);

  await page.getByTestId("tab-events").click();
  await search.fill("nothing-has-this-text");
  await expect(page.getByTestId("search-empty")).toHaveText("No events match “nothing-has-this-text”.");
  await expect(page.getByTestId("event-row")).toHaveCount(0);
});
