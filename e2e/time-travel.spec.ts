import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { seededArn } from "./seeded";

interface HistoryEvent {
  EventId: number;
  EventType: string;
  EventTimestamp: string;
  Id?: string;
}

/** The execution's events as the page reads them, to know which EventId each step lands on. */
async function historyOf(request: APIRequestContext, arn: string): Promise<HistoryEvent[]> {
  const response = await request.get(`/api/executions/${encodeURIComponent(arn)}`);
  return ((await response.json()) as { events: HistoryEvent[] }).events;
}

const executionUrl = (arn: string, query = "") => `/executions/${encodeURIComponent(arn)}${query}`;

function graphNode(page: Page, name: string): Locator {
  return page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });
}

/** The banner's claim, checked against the event the page should be showing. */
async function expectViewingEvent(page: Page, event: HistoryEvent) {
  await expect(page.getByTestId("time-travel-banner")).toContainText(`Viewing as of event ${event.EventId} (${event.EventType})`);
  await expect(page).toHaveURL(new RegExp(`[?&]at=${event.EventId}(&|$)`));
}

test("scrubs a failed payment back to before its first attempt and forward again, by slider and keyboard", async ({ page, request }) => {
  const arn = await seededArn(request, "payment-with-retries", "payment-2001", "FAILED");
  const events = await historyOf(request, arn);
  const completed = events.filter((e) => e.EventType === "InvocationCompleted");
  expect(events.slice(0, 3).map((e) => e.EventType)).toEqual(["ExecutionStarted", "StepStarted", "StepFailed"]);
  expect(completed).toHaveLength(3);

  await page.goto(executionUrl(arn));
  const charge = graphNode(page, "charge-card");
  const banner = page.getByTestId("time-travel-banner");
  await expect(charge).toHaveAttribute("data-status", "FAILED");
  await expect(page.getByTestId("time-travel-latest-note")).toContainText(`${events.length} events`);
  await expect(page.getByTestId("time-travel-latest-note")).toContainText("3 invocations");
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("execution-actions")).toBeVisible();

  // The slider, from the keyboard: Home is the first event, before the step existed.
  const slider = page.getByTestId("time-travel-slider");
  await slider.focus();
  await page.keyboard.press("Home");
  await expectViewingEvent(page, events[0]!);
  await expect(banner).toContainText("invocation 1 of 3");
  await expect(charge).toHaveCount(0);
  await expect(graphNode(page, "payment-2001")).toHaveAttribute("data-status", "STARTED");
  // A past state offers no actions.
  await expect(page.getByTestId("execution-actions")).toHaveCount(0);

  await page.keyboard.press("ArrowRight");
  await expectViewingEvent(page, events[1]!);
  await expect(charge).toHaveAttribute("data-status", "STARTED");

  // The page's keys work with the slider focused: "." is one event on, the failed first attempt, waiting to retry.
  await page.keyboard.press(".");
  await expectViewingEvent(page, events[2]!);
  await expect(charge).toHaveAttribute("data-status", "PENDING");
  await expect(page.getByTestId("time-travel-pending")).toContainText("charge-card");
  // The limits, one click away in the header, are those of the point shown.
  await page.getByTestId("health-toggle").click();
  await expect(page.getByTestId("health-failed")).toContainText("no step retried");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("health-failed")).toHaveCount(0);

  // "}" is the end of the next invocation; the inspector shows the step as it was then.
  await page.keyboard.press("}");
  await expectViewingEvent(page, completed[0]!);
  await page.keyboard.press("}");
  await expectViewingEvent(page, completed[1]!);
  await expect(banner).toContainText("invocation 2 of 3");
  await charge.click();
  await expect(page.getByTestId("inspector-status")).toHaveText("PENDING");
  await expect(page.getByTestId("inspector").getByTestId("attempt")).toHaveCount(2);
  await page.keyboard.press("{");
  await expectViewingEvent(page, completed[0]!);
  await expect(page.getByTestId("inspector").getByTestId("attempt")).toHaveCount(1);

  // The buttons do the same as the keys. A checkpoint back from the first attempt's end is the
  // attempt's start (a call of its own, even within one millisecond: the same step), one more the
  // execution's start, which the service wrote.
  await page.getByTestId("tt-event-back").click();
  await expectViewingEvent(page, events[2]!);
  await page.getByTestId("tt-checkpoint-back").click();
  await expectViewingEvent(page, events[1]!);
  await page.getByTestId("tt-checkpoint-back").click();
  await expectViewingEvent(page, events[0]!);
  await expect(charge).toHaveCount(0);
  await expect(page.getByTestId("selection-missing")).toContainText("had not happened yet at this point");
  await page.getByTestId("tt-invocation-forward").click();
  await expectViewingEvent(page, completed[0]!);
  await expect(page.getByTestId("inspector-status")).toHaveText("PENDING");

  // A link to this point opens onto it.
  const deepLink = page.url();
  await page.goto(deepLink);
  await expectViewingEvent(page, completed[0]!);
  await expect(charge).toHaveAttribute("data-status", "PENDING");
  await expect(page.getByTestId("inspector-status")).toHaveText("PENDING");

  // Back to latest: the execution as it stands, and the actions again.
  await page.getByTestId("time-travel-latest").click();
  await expect(banner).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]at=/);
  await expect(charge).toHaveAttribute("data-status", "FAILED");
  await expect(page.getByTestId("inspector-status")).toHaveText("FAILED");
  await expect(page.getByTestId("execution-actions")).toBeVisible();

  // Entering and leaving are steps of the browser's history.
  await page.goBack();
  await expectViewingEvent(page, completed[0]!);
  await page.goForward();
  await expect(banner).toHaveCount(0);

  // "," travels back from the latest view; Escape leaves again (and then clears the selection).
  await page.locator("body").press(",");
  await expectViewingEvent(page, events.at(-2)!);
  await page.keyboard.press("Escape");
  await expect(banner).toHaveCount(0);
  await expect(charge).toHaveAttribute("data-status", "FAILED");
  await expect(page.getByTestId("inspector")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("inspector")).toHaveCount(0);
  await expect(page.getByTestId("shortcut-hints")).toContainText("one invocation");
});

test("plays a history from its start to its end", async ({ page, request }) => {
  const arn = await seededArn(request, "payment-with-retries", "payment-2001", "FAILED");
  const events = await historyOf(request, arn);
  // Playback's timer runs on a clock the test moves, so no state can pass unseen on a busy machine.
  await page.clock.install();
  await page.goto(executionUrl(arn));
  const charge = graphNode(page, "charge-card");
  await expect(charge).toHaveAttribute("data-status", "FAILED");
  await page.clock.pauseAt(Date.now() + 5_000);
  const banner = page.getByTestId("time-travel-banner");

  await page.locator("body").press("p");
  await expect(page.getByTestId("tt-play")).toHaveAttribute("data-playing", "true");
  // Playing starts over, then moves one event per tick (two events a second) and stops on the last.
  await expect(banner).toContainText(`Viewing as of event ${events[0]!.EventId} (${events[0]!.EventType})`);
  await expect(charge).toHaveCount(0);
  const statuses: (string | null)[] = [null];
  for (const event of events.slice(1)) {
    await page.clock.runFor(500);
    await expect(banner).toContainText(`Viewing as of event ${event.EventId} (${event.EventType})`);
    statuses.push((await charge.count()) === 0 ? null : await charge.getAttribute("data-status"));
  }
  await page.clock.runFor(500);
  await expect(page.getByTestId("tt-play")).toHaveAttribute("data-playing", "false");
  await expectViewingEvent(page, events.at(-1)!);
  await expect(charge).toHaveAttribute("data-status", "FAILED");
  // Every state of the step went by, in order: absent, started, pending a retry, ..., failed.
  const seen = statuses.filter((s, i) => s !== statuses[i - 1]);
  expect(seen.slice(0, 3)).toEqual([null, "STARTED", "PENDING"]);
  expect(seen.at(-1)).toBe("FAILED");
});

test("hides a waiting callback's answer form in a past view, and counts its timeout from that point", async ({ page, request }) => {
  const arn = await seededArn(request, "expense-approval", "expense-4001", "RUNNING");
  const events = await historyOf(request, arn);
  const started = events.find((e) => e.EventType === "CallbackStarted")!;

  await page.goto(executionUrl(arn, `?op=${encodeURIComponent(started.Id!)}`));
  await expect(page.getByTestId("inspector-name")).toHaveText("manager-approval");
  await expect(page.getByTestId("callback-actions")).toBeVisible();
  await expect(page.getByTestId("execution-actions")).toBeVisible();

  await page.goto(executionUrl(arn, `?op=${encodeURIComponent(started.Id!)}&at=${started.EventId}`));
  await expectViewingEvent(page, started);
  await expect(page.getByTestId("inspector-status")).toHaveText("STARTED");
  await expect(page.getByTestId("callback-facts").getByTestId("due-as-of")).toContainText("after this point");
  await expect(page.getByTestId("callback-actions")).toHaveCount(0);
  await expect(page.getByTestId("execution-actions")).toHaveCount(0);

  await page.getByTestId("time-travel-latest").click();
  await expect(page.getByTestId("callback-actions")).toBeVisible();
  await expect(page.getByTestId("execution-actions")).toBeVisible();
});

test("travels through a history opened from a file", async ({ page }) => {
  const file = fileURLToPath(new URL("../../shared/fixtures/histories/step-with-retry.history.json", import.meta.url));
  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles(file);
  const step = page.locator('[data-testid="graph-node"][data-op-type="STEP"]');
  await expect(step).toHaveAttribute("data-status", "SUCCEEDED");

  // Back two invocations from the end: the second run's end, the step waiting for its third attempt.
  await page.locator("body").press("{");
  await expect(page.getByTestId("time-travel-banner")).toContainText("Viewing as of event 10 (InvocationCompleted)");
  await expect(step).toHaveAttribute("data-status", "SUCCEEDED");
  await page.keyboard.press("{");
  await expect(page.getByTestId("time-travel-banner")).toContainText("Viewing as of event 7 (InvocationCompleted)");
  await expect(page.getByTestId("time-travel-banner")).toContainText("invocation 2 of 3");
  await expect(step).toHaveAttribute("data-status", "PENDING");
  await page.keyboard.press("[");
  await expect(page.getByTestId("time-travel-banner")).toContainText("Viewing as of event 6 (StepFailed)");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("time-travel-banner")).toHaveCount(0);
  await expect(step).toHaveAttribute("data-status", "SUCCEEDED");

  // Keys pressed faster than the page renders each count: five events back from the last (11) is 6.
  for (let i = 0; i < 5; i++) await page.keyboard.press(",");
  await expect(page.getByTestId("time-travel-banner")).toContainText("Viewing as of event 6 (StepFailed)");
  await expect(page).toHaveURL(/[?&]at=6(&|$)/);
  await expect(step).toHaveAttribute("data-status", "PENDING");
});
