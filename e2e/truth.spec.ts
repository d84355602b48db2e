import { fileURLToPath } from "node:url";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { closeGroup } from "./graph-actions";

// Histories recorded from our runtime (sdk/fixtures/histories, see its README).
const fixture = (name: string) => fileURLToPath(new URL(`../sdk/fixtures/histories/${name}.history.json`, import.meta.url));

async function open(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles(fixture(name));
  await expect(page.getByTestId("execution-header")).toContainText("SUCCEEDED");
}

const node = (page: Page, name: string): Locator => page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });

async function showTab(page: Page, tab: "graph" | "timeline" | "events"): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
}

/** The value of one of the operation's facts (a dt/dd pair in the inspector's first list). */
const fact = (page: Page, label: string): Locator => page.getByTestId("inspector").locator("dl").first().locator(`dt:text-is("${label}") + dd`);

test("defect 1: work a finished execution left open reads as never finished in every view, and as running at a past point", async ({ page }) => {
  // promise.race of a step and an hour's wait: the step wins, the execution succeeds, the wait never fires.
  await open(page, "ours-promise-race");
  const wait = node(page, "race-timeout");
  await expect(wait).toHaveAttribute("data-status", "STARTED");
  await expect(wait).toHaveAttribute("data-abandoned", "true");
  await expect(wait).toContainText("ABANDONED");
  await expect(wait.getByTestId("graph-node-summary")).toContainText("never finished: the execution ended at");
  await expect(wait).not.toContainText(/running|STARTED|until/);
  await expect(page.locator('[data-testid="graph-node"][data-abandoned="true"]')).toHaveCount(1);

  // The inspector: no "running" duration, no countdown to a wait that will never fire.
  await wait.click();
  const inspector = page.getByTestId("inspector");
  await expect(page.getByTestId("inspector-status")).toHaveText("ABANDONED");
  await expect(page.getByTestId("inspector-abandoned")).toContainText("Never finished: the execution ended at");
  await expect(fact(page, "Duration")).toHaveText("never finished");
  await expect(fact(page, "Ended")).toHaveText("never");
  await expect(inspector).not.toContainText("running");
  await expect(page.getByTestId("wait-schedule")).not.toContainText("Ends");

  // The timeline says the same, on the row and on its cut-off bar.
  await showTab(page, "timeline");
  const row = page.locator('[data-testid="timeline-row"][data-abandoned="true"]');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("timeline-row-name")).toHaveText("race-timeout");
  await expect(row.getByTestId("timeline-row-abandoned")).toHaveText("abandoned");
  await expect(row).not.toContainText("running");
  await expect(row.locator('[data-testid="timeline-bar"][data-cut-off="true"]')).toHaveAttribute("title", /^wait · never finished: the execution ended at .* · /);

  // The events view: the wait's event names its operation's standing.
  await showTab(page, "events");
  await page.locator('[data-testid="event-row"]').filter({ hasText: "WaitStarted" }).click();
  const standing = page.getByTestId("event-operation-standing");
  await expect(standing).toHaveAttribute("data-abandoned", "true");
  await expect(standing).toContainText("never finished: the execution ended at");
  await expect(page.getByTestId("event-inspector")).not.toContainText("running");

  // The health strip counts it.
  await expect(page.getByTestId("health-abandoned")).toContainText("1 operation never finished");

  // At a point before the execution ended the same wait was simply going.
  await showTab(page, "graph");
  await page.locator("body").press(",");
  await expect(page.getByTestId("time-travel-banner")).toContainText("Viewing as of event 7");
  await expect(page.getByTestId("time-travel-pending")).toContainText("race-timeout");
  await expect(wait).not.toHaveAttribute("data-abandoned", "true");
  await expect(wait).toContainText("STARTED");
  await expect(wait.getByTestId("graph-node-summary")).toContainText("until");
  await wait.click();
  await expect(page.getByTestId("inspector-status")).toHaveText("STARTED");
  await expect(fact(page, "Duration")).toHaveText("running");
  await expect(page.getByTestId("inspector-abandoned")).toHaveCount(0);

  // Forward to the last event: the execution has ended, so nothing is pending any more.
  await page.locator("body").press(".");
  await expect(page.getByTestId("time-travel-banner")).toContainText("Viewing as of event 8");
  await expect(page.getByTestId("time-travel-pending")).toHaveCount(0);
  const left = page.getByTestId("time-travel-abandoned");
  await expect(left).toContainText("the execution had ended; never finished:");
  await expect(left.getByRole("button")).toHaveText(["race-timeout"]);
  await expect(wait).toHaveAttribute("data-abandoned", "true");
});

test("defect 1: a map's items left behind count as abandoned in the closed group", async ({ page }) => {
  // minSuccessful 2 of 6: four items are still started when the map, and then the execution, succeed.
  await open(page, "ours-map-min-successful");
  const map = page.locator('[data-testid="graph-node"][data-op-type="CONTEXT"]').filter({ has: page.getByTestId("graph-node-name").getByText("resize-images", { exact: true }) });
  await closeGroup(map);
  const counts = map.getByTestId("group-status-counts");
  await expect(counts).toContainText("4 abandoned");
  await expect(counts).toContainText("2 succeeded");
  await expect(counts).not.toContainText("started");
});

test("defect 2: a retry scheduled in a succeeded execution reads as the retry that never ran", async ({ page }) => {
  // promise.any: flaky-primary fails and schedules attempt 2; backup wins and the execution succeeds.
  await open(page, "ours-promise-any-steps");
  const flaky = node(page, "flaky-primary");
  await expect(flaky).toHaveAttribute("data-status", "PENDING");
  await expect(flaky).toHaveAttribute("data-abandoned", "true");
  await expect(flaky.getByTestId("graph-node-summary")).toHaveText("the execution ended before retry 2");
  await expect(flaky).not.toContainText(/retry scheduled|PENDING/);

  await flaky.click();
  await expect(page.getByTestId("inspector-status")).toHaveText("ABANDONED");
  await expect(page.getByTestId("attempt-delay")).toContainText("the execution ended before retry 2");
  await expect(page.getByTestId("attempt-delay")).not.toContainText("due");
  await expect(page.getByTestId("attempt-never-ran")).toContainText("Attempt 2 never ran: the execution ended before retry 2");

  await showTab(page, "timeline");
  const row = page.locator('[data-testid="timeline-row"]').filter({ has: page.getByTestId("timeline-row-name").getByText("flaky-primary", { exact: true }) });
  await expect(row.locator('[data-testid="timeline-bar"][data-kind="backoff"]')).toHaveAttribute("title", /^back-off after attempt 1 · the execution ended before retry 2 · /);
});

test("defect 5: SDK-internal operations are named by their role, distinctly", async ({ page }) => {
  const names = page.getByTestId("graph-node-name");
  // The same code recorded by our runtime and by the official SDK.
  for (const recorder of ["ours", "official"]) {
    await open(page, `${recorder}-wait-for-callback`);
    await expect(node(page, "manager-approval · callback")).toHaveAttribute("data-op-type", "CALLBACK");
    await expect(node(page, "manager-approval · submitter")).toHaveAttribute("data-op-type", "STEP");
    await expect(names.filter({ hasText: "(unnamed" })).toHaveCount(0);
  }

  // The four contexts ctx.promise.all/allSettled/any/race create, each told apart by what it joins.
  await open(page, "ours-promise-combinators");
  const contexts = page.locator('[data-testid="graph-node"][data-op-type="CONTEXT"]').getByTestId("graph-node-name");
  await expect(contexts).toHaveText(["combinator of all-a, all-b", "combinator of settle-ok, settle-bad", "combinator of any-a, any-b", "combinator of race-a, wait 5 s"]);
  await expect(node(page, "wait 5 s")).toHaveAttribute("data-op-type", "WAIT");
  await expect(names.filter({ hasText: "(unnamed" })).toHaveCount(0);
});
