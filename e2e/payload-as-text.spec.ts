import { expect, test, type Page } from "@playwright/test";

/** Markup that would run if any view put a payload into the page as HTML. */
const IMG = `<img src=x onerror="window.__injected=(window.__injected||0)+1">`;
const SCRIPT = `<script>window.__injected=(window.__injected||0)+1</script>`;
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

/** A history whose every payload and name carries markup. */
function hostileHistory(): string {
  const events = [
    { EventId: 1, EventType: "ExecutionStarted", EventTimestamp: at(0), Id: "exec", Name: "hostile", ExecutionStartedDetails: { Input: { Payload: JSON.stringify({ note: IMG }) } } },
    { EventId: 2, EventType: "StepStarted", EventTimestamp: at(1), Id: "s1", Name: `step ${IMG}`, SubType: "Step", StepStartedDetails: {} },
    { EventId: 3, EventType: "StepSucceeded", EventTimestamp: at(2), Id: "s1", Name: `step ${IMG}`, SubType: "Step", StepSucceededDetails: { Result: { Payload: JSON.stringify({ html: SCRIPT }) }, RetryDetails: { CurrentAttempt: 1 } } },
    { EventId: 4, EventType: "InvocationCompleted", EventTimestamp: at(3), InvocationCompletedDetails: { StartTimestamp: at(0), EndTimestamp: at(3), RequestId: "r1" } },
    {
      EventId: 5,
      EventType: "ExecutionFailed",
      EventTimestamp: at(4),
      Id: "exec",
      Name: "hostile",
      ExecutionFailedDetails: { Error: { Payload: { ErrorType: `Type${SCRIPT}`, ErrorMessage: `failed ${IMG}`, StackTrace: [`at ${SCRIPT}`] } } },
    },
  ];
  return JSON.stringify(events);
}

async function injected(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as { __injected?: number }).__injected);
}

test("shows markup in payloads, names and errors as text in every view, and runs none of it", async ({ page }) => {
  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(hostileHistory()) });
  const header = page.getByTestId("execution-header");
  await expect(header).toContainText("failed <img src=x onerror=");

  // Graph node and inspector.
  const node = page.getByTestId("graph-node").filter({ hasText: "step <img" });
  await expect(node).toBeVisible();
  await node.click();
  await expect(page.getByText(SCRIPT).first()).toBeVisible();
  // Timeline and events table, with an event opened.
  await page.getByTestId("tab-timeline").click();
  await expect(page.getByText("step <img src=x").first()).toBeVisible();
  await page.getByTestId("tab-events").click();
  await expect(page.getByText("step <img src=x").first()).toBeVisible();

  expect(await injected(page)).toBeUndefined();
  // No element the markup describes exists anywhere in the document.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator("script:text('__injected')").count()).toBe(0);
});
