// An execution at Lambda's limits opens, draws and time-travels in Chromium: 3,000 operations
// (the limit), steps retrying, waits, callbacks (some timing out), a map of 500 items and payloads
// just under the 256 KB checkpoint limit, opened as a history file. Behaviour only, never timings
// (`npm run bench:ui` prints those).
import { writeFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { CHECKPOINT_PAYLOAD_BYTES, LAMBDA_MAX_OPERATIONS, generateLimitsHistory, type GeneratedEvent } from "./perf/generate-history.mjs";

const history = generateLimitsHistory();
const events: GeneratedEvent[] = history.events;

/**
 * What the graph should say about operation `id` as of event `at`, from its last event by then
 * (undefined: it had not started). An oracle of its own, for the few event types generated.
 */
function statusAt(id: string, at: number): string | undefined {
  let last: GeneratedEvent | undefined;
  for (const e of events) {
    if (e.EventId > at) break;
    if (e.Id === id) last = e;
  }
  if (!last) return undefined;
  if (last.EventType === "StepFailed") return "PENDING";
  if (last.EventType.endsWith("Started")) return "STARTED";
  if (last.EventType.endsWith("TimedOut")) return "TIMED_OUT";
  return "SUCCEEDED";
}

/** Every string `Payload` in an event (inputs, results, error payloads are objects and are skipped). */
function payloads(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === "Payload" && typeof v === "string" ? [v] : payloads(v)));
}

function node(page: Page, name: string): Locator {
  return page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });
}

/** Where the slider stands, as the EventId it reads out. */
async function sliderEvent(slider: Locator): Promise<number> {
  return Number((await slider.getAttribute("aria-valuetext"))?.replace(/^event /, ""));
}

/** Drags the slider's thumb from where it is to `fraction` of its track, through the points between. */
async function dragSliderTo(page: Page, slider: Locator, fraction: number): Promise<void> {
  const box = (await slider.boundingBox())!;
  const max = Number(await slider.getAttribute("max"));
  const value = Number(await slider.inputValue());
  const y = box.y + box.height / 2;
  // The thumb is ~16 px wide: its centre runs from 8 px in to 8 px short of the end.
  const x = (f: number) => box.x + 8 + (box.width - 16) * f;
  await page.mouse.move(x(value / max), y);
  await page.mouse.down();
  await page.mouse.move(x(fraction), y, { steps: 12 });
  await page.mouse.up();
}

/** The page shows the point the slider stands at, and the map's and first step's statuses as of it. */
async function expectConsistentAt(page: Page, slider: Locator): Promise<number> {
  const at = await sliderEvent(slider);
  await expect(page.getByTestId("time-travel-banner")).toContainText(`Viewing as of event ${at.toLocaleString("en-US")} `);
  for (const [name, id] of [["process-lines", "limits-map"], ["load-order", "limits-load-order"]] as const) {
    const status = statusAt(id, at);
    if (status) await expect(node(page, name)).toHaveAttribute("data-status", status);
    else await expect(node(page, name)).toHaveCount(0);
  }
  return at;
}

test("a 3,000-operation execution at Lambda's limits loads, renders and scrubs", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // The input is what it claims to be.
  expect(history.operations).toBe(LAMBDA_MAX_OPERATIONS);
  expect(history.bigPayloads).toBeGreaterThanOrEqual(4);
  const sizes = events.flatMap((e) => payloads(e)).map((p) => Buffer.byteLength(p, "utf8"));
  expect(Math.max(...sizes)).toBeGreaterThan(CHECKPOINT_PAYLOAD_BYTES - 2048);
  expect(Math.max(...sizes)).toBeLessThan(CHECKPOINT_PAYLOAD_BYTES);
  const file = testInfo.outputPath("limits-3000-operations.history.json");
  writeFileSync(file, JSON.stringify({ Events: events }));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles(file);

  // Loads: every event read, nothing reported as unreadable, the graph drawn.
  const latest = page.getByTestId("time-travel-latest-note");
  await expect(latest).toContainText(`${events.length.toLocaleString("en-US")} events`, { timeout: 30_000 });
  await expect(latest).toContainText(`${history.invocations} invocations`);
  await expect(page.getByTestId("history-problems")).toHaveCount(0);
  await expect(page.getByTestId("error-box")).toHaveCount(0);
  await expect(node(page, "load-order")).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(node(page, "load-order").getByTestId("graph-node-attempts")).toHaveText("3 attempts");
  await expect(node(page, "process-lines")).toHaveAttribute("data-status", "SUCCEEDED");
  // The top level's ~2,000 operations are drawn a page at a time, the rest counted on a "more" node.
  await expect(node(page, "confirm-0")).toHaveAttribute("data-status", "SUCCEEDED");
  const lastCharge = Math.max(...events.flatMap((e) => (/^limits-charge-(\d+)$/.exec(e.Id ?? "") ? [Number(e.Id!.slice("limits-charge-".length))] : [])));
  expect(lastCharge).toBeGreaterThan(500);
  await expect(node(page, `charge-${lastCharge}`)).toHaveCount(0);
  await expect(page.getByTestId("graph-more").filter({ hasText: /[\d,]+ more operations/ })).toHaveCount(1);

  // A payload just under the checkpoint limit shows in the inspector.
  await node(page, "fetch-catalog").click();
  // (a JSON tree whose list of thousands of items opens a page at a time)
  await expect(page.getByTestId("inspector-result")).toContainText('label: "catalog"');
  await expect(page.getByTestId("inspector-result")).toContainText(/show \d+ more of [\d,]+/);

  // The timeline draws the same execution.
  await page.getByTestId("tab-timeline").click();
  await expect(page.getByTestId("timeline-row").first()).toBeVisible();
  await expect(page.getByTestId("timeline-row-name").getByText("load-order", { exact: true })).toBeVisible();
  await page.getByTestId("tab-graph").click();
  await expect(node(page, "process-lines")).toBeVisible();

  // Scrubs: the slider dragged back and forth, each stop showing the statuses of its point.
  const slider = page.getByTestId("time-travel-slider");
  const stops: number[] = [];
  for (const fraction of [0.1, 0.85, 0.02, 0.5]) {
    await dragSliderTo(page, slider, fraction);
    stops.push(await expectConsistentAt(page, slider));
  }
  // The stops fall inside the map and after it, so the map's status changed on the way.
  expect(stops[0]!).toBeGreaterThan(history.marks.mapStarted);
  expect(stops[0]!).toBeLessThan(history.marks.mapSucceeded);
  expect(stops[1]!).toBeGreaterThan(history.marks.mapSucceeded);
  expect(stops[2]!).toBeLessThan(stops[0]!);

  // The keys: to the start, then invocation by invocation into load-order's retries.
  await slider.focus();
  await page.keyboard.press("Home");
  await expect(page.getByTestId("time-travel-banner")).toContainText("Viewing as of event 1 (ExecutionStarted)");
  await expect(node(page, "load-order")).toHaveCount(0);
  await page.keyboard.press("}");
  await expect(page.getByTestId("time-travel-banner")).toContainText(`Viewing as of event ${history.marks["load-order:retry-1"]} (InvocationCompleted)`);
  await expect(node(page, "load-order")).toHaveAttribute("data-status", "PENDING");
  await page.keyboard.press("}");
  await expect(page.getByTestId("time-travel-banner")).toContainText(`Viewing as of event ${history.marks["load-order:retry-2"]} (InvocationCompleted)`);
  await expect(node(page, "load-order").getByTestId("graph-node-attempts")).toHaveText("2 attempts");
  // By checkpoint: the third attempt starts, and back to the failure before it.
  await page.keyboard.press("]");
  await expect(node(page, "load-order")).toHaveAttribute("data-status", "STARTED");
  await expect(node(page, "load-order").getByTestId("graph-node-attempts")).toHaveText("3 attempts");
  await page.keyboard.press("[");
  await expect(node(page, "load-order")).toHaveAttribute("data-status", "PENDING");

  // Stays responsive under a burst: forty keys at once all count, and the views catch up.
  const from = await sliderEvent(slider);
  for (let i = 0; i < 40; i++) await page.keyboard.press(".");
  await expect(page.getByTestId("time-travel-banner")).toContainText(`Viewing as of event ${(from + 40).toLocaleString("en-US")} `);
  await expect(page.getByTestId("time-travel-banner")).not.toContainText("updating");
  await expectConsistentAt(page, slider);
  await page.keyboard.press(",");
  await expect(page.getByTestId("time-travel-banner")).toContainText(`Viewing as of event ${(from + 39).toLocaleString("en-US")} `);

  await page.keyboard.press("Escape");
  await expect(page.getByTestId("time-travel-banner")).toHaveCount(0);
  await expect(node(page, "process-lines")).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(node(page, "load-order")).toHaveAttribute("data-status", "SUCCEEDED");
});
