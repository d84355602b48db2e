import { expect, test, type Page } from "@playwright/test";
import { seededArn } from "./seeded";

const simulateUrl = (arn: string) => `/executions/${encodeURIComponent(arn)}/simulate`;

test.use({ viewport: { width: 1440, height: 900 } });

async function startWithSample(page: Page) {
  await page.getByTestId("code-sample").click();
  await expect(page.getByTestId("code-picked")).toContainText("sample function");
  await page.getByTestId("sim-start").click();
  await expect(page.getByTestId("sim-pause")).toBeVisible();
}

/** Starts order-1001 with its sample code and runs it to its recorded end. */
async function replayOrderToEnd(page: Page, arn: string) {
  await page.goto(simulateUrl(arn));
  await startWithSample(page);
  await page.getByTestId("sim-run").click();
  await expect(page.getByTestId("pause-ended")).toContainText("SUCCEEDED");
}

test("a handler that throws is an exception with its message and stack, not a divergence", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(simulateUrl(arn));
  // What a bundle that reads the environment does in a browser: `process` is not defined there.
  const bundled = [
    'import { withDurableExecution } from "@aws/durable-execution-sdk-js";',
    "export const handler = withDurableExecution(async (order, ctx) => {",
    "  const region = process.env.AWS_REGION;",
    '  return ctx.step("validate-order", async () => region);',
    "});",
  ].join("\n");
  await page.getByTestId("code-file").setInputFiles({ name: "order-bundle.mjs", mimeType: "text/javascript", buffer: Buffer.from(bundled) });
  await expect(page.getByTestId("code-picked")).toContainText("order-bundle.mjs");
  // The handler throws before its first checkpoint: the first pause is the crash.
  await page.getByTestId("sim-start").click();

  const crashed = page.getByTestId("pause-crashed");
  await expect(crashed).toBeVisible();
  await expect(crashed.getByTestId("crash-message")).toContainText("ReferenceError: process is not defined");
  await expect(crashed.getByTestId("crash-where")).toContainText("Thrown in invocation 1, before its code checkpointed anything");
  // The stack, with the frame in the uploaded module.
  await expect(crashed.getByTestId("crash-stack")).toContainText(/at .*blob:/);
  await expect(page.getByTestId("pause-diverged")).toHaveCount(0);
  await expect(page.getByTestId("graph-node-pin")).toHaveCount(0);
});

test("a 'fails with' what-if shows in the attempt list, the result and the comparison with the recording", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(simulateUrl(arn));
  await startWithSample(page);

  // charge-payment's first attempt failed when recorded; the what-if fails it otherwise.
  const whatIf = page.getByTestId("step-what-if");
  await whatIf.locator("summary").click();
  const option = whatIf.getByTestId("what-if-step").locator("option", { hasText: "charge-payment" });
  await whatIf.getByTestId("what-if-step").selectOption((await option.getAttribute("value"))!);
  await whatIf.getByTestId("what-if-outcome-fail").check();
  await whatIf.getByTestId("what-if-outcome-error-type").fill("CardStolen");
  await whatIf.getByTestId("what-if-outcome-error-message").fill("reported stolen");
  await whatIf.getByTestId("what-if-outcome-submit").click();
  await expect(page.getByTestId("sim-status")).toContainText("what-if");
  await page.getByTestId("sim-run").click();

  // The result: the run ends, and says which attempt the what-if answered, beside the record.
  const ended = page.getByTestId("pause-ended");
  await expect(ended).toContainText("SUCCEEDED");
  const applied = ended.getByTestId("what-if-applied");
  await expect(applied).toHaveCount(1);
  await expect(applied).toContainText("charge-payment attempt 1: failed with CardStolen: reported stolen");
  await expect(applied).toContainText("recorded: failed with");

  // The attempt list: the inspector of the step (picked on the timeline) has the what-if's failure as attempt 1.
  await page.getByTestId("sim-view-timeline").click();
  await page.getByTestId("timeline-row").filter({ has: page.getByTestId("timeline-row-name").getByText("charge-payment", { exact: true }) }).click();
  const inspector = page.getByTestId("sim-inspector");
  await expect(inspector.getByTestId("inspector-name")).toHaveText("charge-payment");
  await expect(inspector.getByTestId("attempt")).toHaveCount(2);
  await expect(inspector.getByTestId("attempt").first()).toContainText("CardStolen");
  await expect(inspector.getByTestId("attempt").first()).toContainText("reported stolen");

  // The comparison: the step differs from the recording.
  await page.getByTestId("sim-view-compare").click();
  const diff = page.getByTestId("execution-diff");
  await expect(diff).toBeVisible();
  await expect(diff).toContainText("reported stolen");
  await expect(page.getByTestId("simulated-run").getByTestId("what-if-applied")).toContainText("charge-payment");
});

test("clicking a node of the simulated graph opens the inspector", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await replayOrderToEnd(page, arn);
  await expect(page.getByTestId("inspector")).toHaveCount(0);
  await page.locator('[data-testid="graph-node"][data-op-type="EXECUTION"]').click();
  const inspector = page.getByTestId("sim-inspector").getByTestId("inspector");
  await expect(inspector).toBeVisible();
  await expect(inspector.getByTestId("inspector-name")).toHaveText("order-1001");
  await expect(inspector.getByTestId("inspector-status")).toContainText("SUCCEEDED");
  // The inspector of the simulation offers no action on the service.
  await expect(inspector.getByRole("button", { name: /send|stop|approve/i })).toHaveCount(0);
  // Closing it gives the room back.
  await inspector.getByRole("button", { name: "Close details" }).click();
  await expect(page.getByTestId("inspector")).toHaveCount(0);
});

test("the timeline tab keeps the side panel inside a 1440x900 viewport", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await replayOrderToEnd(page, arn);
  await page.getByTestId("sim-view-timeline").click();
  await expect(page.getByTestId("timeline")).toBeVisible();
  // Zoomed in, the plot is far wider than its column: it must scroll inside, not widen the page.
  for (const zoom of ["2×", "4×", "8×"]) {
    await page.getByRole("button", { name: "Zoom in" }).click();
    await expect(page.getByTestId("timeline")).toContainText(zoom);
  }
  const scroll = page.getByTestId("timeline-scroll");
  expect(await scroll.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  const main = (await page.getByTestId("sim-main").boundingBox())!;
  const side = (await page.getByTestId("sim-side").boundingBox())!;
  // Side by side, the side panel wholly inside the viewport, the page not scrolling sideways.
  expect(main.x + main.width).toBeLessThanOrEqual(side.x);
  expect(side.width).toBeGreaterThan(200);
  expect(side.x + side.width).toBeLessThanOrEqual(1440);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  const timeline = (await page.getByTestId("timeline").boundingBox())!;
  expect(timeline.x + timeline.width).toBeLessThanOrEqual(side.x);
});

test("the execution page and the simulator count the same checkpoints for one execution", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(`/executions/${encodeURIComponent(arn)}`);
  const note = page.getByTestId("time-travel-latest-note");
  await expect(note).toContainText(/\d+ checkpoints?/);
  const onExecutionPage = Number(/(\d+) checkpoints?/.exec((await note.textContent())!)![1]);

  await replayOrderToEnd(page, arn);
  await expect(page.getByTestId("fork-checkpoint")).toHaveCount(onExecutionPage);
  await expect(page.getByTestId("sim-checkpoint-count")).toHaveText(String(onExecutionPage));
});

test("a log line carries the virtual time of the history, not today's date", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  const body = (await (await request.get(`/api/executions/${encodeURIComponent(arn)}`)).json()) as { events: unknown[] };
  // The same history two years earlier: every timestamp in it moved back.
  const year = new Date().getUTCFullYear();
  const past = year - 2;
  const shifted = JSON.stringify({ Events: body.events }).replace(new RegExp(`"${year}-(\\d\\d-\\d\\dT[^"]*)"`, "g"), `"${past}-$1"`);
  expect(shifted).not.toContain(`"${year}-`);

  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles({ name: "order.history.json", mimeType: "application/json", buffer: Buffer.from(shifted) });
  await expect(page.getByTestId("execution-header")).toBeVisible();
  await page.getByTestId("file-simulator").locator("summary").click();
  await page.getByTestId("file-simulator-function").fill("order-processor");
  await startWithSample(page);
  await page.getByTestId("sim-run").click();
  await expect(page.getByTestId("pause-ended")).toContainText("SUCCEEDED");

  const line = page.getByTestId("sim-log-line").filter({ hasText: "order shipped" });
  await expect(line).toHaveCount(1);
  await expect(line.getByTestId("sim-log-time")).toHaveAttribute("datetime", new RegExp(`^${past}-`));
  // The structured line's own timestamp is the virtual one too.
  await expect(line).toContainText(`"timestamp":"${past}-`);
  await expect(line).not.toContainText(`"timestamp":"${year}-`);
});

test("the code check reports a handler that throws as the code throwing, with its stack, not as a divergence", async ({ page, request }) => {
  await seededArn(request, "approval-flow", "approval-3001", "RUNNING");
  await page.goto("/functions/approval-flow/check");
  await page.getByTestId("code-source-upload").check();
  const bundled = [
    'import { withDurableExecution } from "@durable-lens/sdk";',
    "export const handler = withDurableExecution(async (request, ctx) => {",
    "  const limit = process.env.APPROVAL_LIMIT;",
    '  return ctx.step("prepare-request", async () => ({ requestId: request.requestId, limit }));',
    "});",
  ].join("\n");
  await page.getByTestId("check-module-input").setInputFiles({ name: "approval-bundle.mjs", mimeType: "text/javascript", buffer: Buffer.from(bundled) });
  await page.getByTestId("check-run").click();
  await expect(page.getByTestId("check-run")).toHaveText("Run check", { timeout: 30_000 });

  const approval = page.locator('[data-testid="check-row"][data-name="approval-3001"]');
  await expect(approval).toHaveAttribute("data-verdict", "crashed");
  await expect(approval.getByTestId("check-verdict")).toHaveText("code threw");
  await expect(approval.getByTestId("crash-message")).toContainText("ReferenceError: process is not defined");
  await expect(approval.getByTestId("crash-stack")).toContainText(/at .*blob:/);
  await expect(approval.getByTestId("check-divergence")).toHaveCount(0);
  await expect(page.getByTestId("check-summary")).toContainText("the code threw in");
});
