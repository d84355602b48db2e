import { expect, test, type Page } from "@playwright/test";
import { seededArn } from "./seeded";

const simulateUrl = (arn: string) => `/executions/${encodeURIComponent(arn)}/simulate`;

async function startWithSample(page: Page) {
  await page.getByTestId("code-sample").click();
  await expect(page.getByTestId("code-picked")).toContainText("sample function");
  await page.getByTestId("sim-start").click();
}

test("replays a sample execution with its code, checkpoint by checkpoint, to the recorded end", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(`/executions/${encodeURIComponent(arn)}`);
  await page.getByRole("link", { name: "Replay with code" }).click();
  await expect(page).toHaveURL(/\/simulate$/);
  await startWithSample(page);

  // The first checkpoint: the first step starts, as the history recorded it.
  const pause = page.getByTestId("sim-pause");
  await expect(pause.getByTestId("pause-checkpoint")).toContainText("Checkpoint call 1 · invocation 1");
  await expect(pause.getByTestId("checkpoint-update").first()).toContainText("validate-order");
  await expect(pause.getByTestId("checkpoint-update").first()).toContainText("matches the record");
  await page.getByTestId("sim-next-checkpoint").click();
  await expect(pause.getByTestId("pause-checkpoint")).toContainText("Checkpoint call 2");

  // The next invocation replays what the first one recorded.
  await page.getByTestId("sim-next-invocation").click();
  await expect(page.getByTestId("sim-invocation")).toHaveCount(2);
  await expect(page.getByTestId("sim-invocation").nth(1)).toContainText(/[1-9]\d* replayed from the log/);

  await page.getByTestId("sim-run").click();
  await expect(pause.getByTestId("pause-ended")).toContainText("SUCCEEDED");
  await expect(page.getByTestId("graph-node-pin")).toHaveCount(0);
  await expect(page.locator('[data-testid="graph-node"][data-op-type="EXECUTION"]')).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(page.getByTestId("graph-node").filter({ hasText: "validate-order" })).toHaveAttribute("data-status", "SUCCEEDED");
  // What the workflow logs outside its steps (which never run here) is captured, once.
  await expect(page.getByTestId("sim-log-line")).toHaveCount(1);
  await expect(page.getByTestId("sim-log-line")).toContainText("order shipped");
  // Compared with the recording, nothing changed.
  await page.getByTestId("sim-view-compare").click();
  await expect(page.getByTestId("execution-diff")).toBeVisible();
});

test("completes a callback the recording still waits on, then answers the step after it", async ({ page, request }) => {
  const arn = await seededArn(request, "expense-approval", "expense-4001", "RUNNING");
  await page.goto(simulateUrl(arn));
  await startWithSample(page);
  await page.getByTestId("sim-run").click();

  const pause = page.getByTestId("sim-pause");
  await expect(pause.getByTestId("pause-idle")).toBeVisible();
  const callback = pause.getByTestId("pending-work").filter({ hasText: "manager-approval" });
  await callback.getByTestId("callback-outcome-json").fill('{"approved": true}');
  await callback.getByTestId("callback-outcome-submit").click();

  // The code goes past the record: the step after the callback needs an outcome from us.
  await page.getByTestId("sim-run").click();
  await expect(pause.getByTestId("pause-outcome")).toContainText('"record-decision"');
  await pause.getByTestId("step-outcome-json").fill('{"expenseId":"4001","approved":true}');
  await pause.getByTestId("step-outcome-submit").click();
  await page.getByTestId("sim-run").click();
  await expect(pause.getByTestId("pause-ended")).toContainText("SUCCEEDED");
  await expect(pause.getByTestId("simulated-result")).toContainText('"approved": true');
});

test("pins the divergence of a changed handler on the graph, the history beside the code", async ({ page, request }) => {
  const arn = await seededArn(request, "payment-with-retries", "payment-2001", "FAILED");
  await page.goto(simulateUrl(arn));
  const changed = [
    'import { withDurableExecution } from "@aws/durable-execution-sdk-js";',
    "export const handler = withDurableExecution(async (payment, ctx) =>",
    '  ctx.step("charge-card-v2", async () => { throw new Error("declined"); }));',
  ].join("\n");
  await page.getByTestId("code-file").setInputFiles({ name: "payment-v2.mjs", mimeType: "text/javascript", buffer: Buffer.from(changed) });
  await expect(page.getByTestId("code-picked")).toContainText("payment-v2.mjs");
  await page.getByTestId("sim-start").click();
  await page.getByTestId("sim-run").click();

  const divergence = page.getByTestId("pause-diverged");
  await expect(divergence).toBeVisible();
  const name = divergence.locator('[data-testid="divergence-field"][data-field="name"]');
  await expect(name.getByTestId("divergence-expected")).toHaveText("charge-card");
  await expect(name.getByTestId("divergence-actual")).toHaveText("charge-card-v2");
  await expect(page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-pin") })).toContainText("charge-card-v2");
});

test("names a module the browser cannot load", async ({ page, request }) => {
  const arn = await seededArn(request, "payment-with-retries", "payment-2001", "FAILED");
  await page.goto(simulateUrl(arn));
  const bad = 'import _ from "lodash";\nexport const handler = () => _;';
  await page.getByTestId("code-file").setInputFiles({ name: "needs-lodash.mjs", mimeType: "text/javascript", buffer: Buffer.from(bad) });
  await page.getByTestId("sim-start").click();
  await expect(page.getByTestId("error-box")).toContainText('imports "lodash"');
});

test("replays an imported history file against the sample code", async ({ page, request }) => {
  const arn = await seededArn(request, "payment-with-retries", "payment-2001", "FAILED");
  const body = (await (await request.get(`/api/executions/${encodeURIComponent(arn)}`)).json()) as { events: unknown[] };
  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles({ name: "payment.history.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ Events: body.events })) });
  await expect(page.getByTestId("execution-header")).toBeVisible();
  await page.getByTestId("file-simulator").locator("summary").click();
  await page.getByTestId("file-simulator-function").fill("payment-with-retries");
  await startWithSample(page);
  await page.getByTestId("sim-run").click();
  await expect(page.getByTestId("pause-ended")).toContainText("FAILED");
  await expect(page.getByTestId("sim-invocation")).toHaveCount(3);
});
