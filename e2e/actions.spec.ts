import { expect, test, type Page } from "@playwright/test";
import { startThroughApi } from "./start-execution";

// Each run starts its own executions of the sample functions, so the seeded ones the other specs
// read (expense-4001 waiting, approval-3001 running) stay as they are.
const run = Date.now().toString(36);

const executionUrl = (arn: string, query = "") => `/executions/${encodeURIComponent(arn)}${query}`;

async function startFromDialog(page: Page, payload: string, executionName: string): Promise<void> {
  const dialog = page.getByTestId("start-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Payload (JSON)").fill(payload);
  await dialog.getByLabel("Execution name").fill(executionName);
  await dialog.getByRole("button", { name: "Start", exact: true }).click();
  await expect(dialog.getByTestId("start-outcome")).toContainText(`Started ${executionName}`);
}

test("starts an expense approval from the list, then completes its callback from the inbox with a JSON result", async ({ page }) => {
  const name = `e2e-approve-${run}`;
  await page.goto("/functions/expense-approval");
  await page.getByRole("button", { name: "Start execution…" }).click();
  await startFromDialog(page, JSON.stringify({ expenseId: "e2e-1", amount: 42, submitter: "e2e@example.com" }), name);
  await page.getByTestId("start-dialog").getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("execution-row").filter({ hasText: name })).toBeVisible();

  await page.getByRole("link", { name: "Pending callbacks →" }).click();
  await expect(page).toHaveURL(/\/callbacks\?function=expense-approval/);
  const row = page.locator(`[data-testid="inbox-row"][data-execution-name="${name}"]`);
  await expect(row).toHaveAttribute("data-callback-name", "manager-approval");
  await expect(row.getByTestId("timeout-countdown")).toHaveText(/^in 2 d 23 h/);
  await expect(row.getByTestId("heartbeat-countdown")).toHaveText("no heartbeat timeout");

  await row.getByRole("button", { name: "Respond" }).click();
  const result = row.getByLabel("Result (JSON)");
  await result.fill('{"approved": tru}');
  await expect(row.getByTestId("field-problem")).toContainText("Not valid JSON: line 1, column 14");
  await expect(row.getByRole("button", { name: "Send success" })).toBeDisabled();
  await result.fill('{"approved":true}');
  await expect(row.getByTestId("snippet-text")).toContainText("aws lambda send-durable-execution-callback-success");
  await expect(row.getByTestId("snippet-text")).toContainText(`--result '{"approved":true}'`);
  await row.getByRole("tab", { name: "@aws-sdk/client-lambda" }).click();
  await expect(row.getByTestId("snippet-text")).toContainText("SendDurableExecutionCallbackSuccessCommand");
  await row.getByRole("button", { name: "Send success" }).click();

  const answered = page.getByTestId("inbox-answered");
  await expect(answered).toContainText(`Completed manager-approval of ${name}`);
  await expect(row).toHaveCount(0);
  await answered.getByRole("link", { name }).click();
  await expect(page.getByTestId("execution-status")).toHaveText("SUCCEEDED");
  await page.getByTestId("execution-result-toggle").click();
  await expect(page.getByTestId("execution-result")).toContainText("approved");
  await expect(page.getByTestId("execution-result")).toContainText("true");
});

test("fails a waiting callback from the inspector and shows the execution's error", async ({ page, baseURL }) => {
  const name = `e2e-reject-${run}`;
  const arn = await startThroughApi(page.request, baseURL!, "expense-approval", name, { expenseId: "e2e-2", amount: 9000, submitter: "e2e@example.com" });
  await page.goto(executionUrl(arn, "?tab=timeline"));
  await expect(page.getByTestId("pending-callbacks")).toContainText("manager-approval");
  await page.getByTestId("pending-callbacks").getByRole("button", { name: /manager-approval/ }).click();
  await expect(page.getByTestId("inspector-name")).toHaveText("manager-approval");

  const actions = page.getByTestId("callback-actions");
  await actions.getByRole("tab", { name: "Fail" }).click();
  await actions.getByLabel("Error type").fill("Rejected");
  await actions.getByLabel("Error message").fill("Over budget");
  await actions.getByRole("button", { name: "Send failure" }).click();
  await expect(page.getByTestId("callback-action-outcome")).toContainText("Callback failed");

  await expect(page.getByTestId("execution-status")).toHaveText("FAILED");
  await expect(page.getByTestId("execution-header").getByTestId("error-message")).toContainText("Over budget");
});

test("stops a running execution from its page, then starts it again with the same input", async ({ page }) => {
  const name = `e2e-stop-${run}`;
  await page.goto("/functions/approval-flow");
  await page.getByRole("button", { name: "Start execution…" }).click();
  await startFromDialog(page, '{"requestId":"e2e-3","amount":5}', name);
  await page.getByTestId("start-dialog").getByTestId("started-execution-link").click();
  await expect(page.getByTestId("execution-status")).toHaveText("RUNNING");

  const dialog = page.getByTestId("stop-dialog");
  await page.getByRole("button", { name: "Stop execution…" }).click();
  await expect(dialog).toBeVisible();
  // Escape closes the dialog and stops nothing, though the page uses Escape for its own shortcut.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("execution-status")).toHaveText("RUNNING");
  await page.getByRole("button", { name: "Stop execution…" }).click();
  await expect(dialog.getByTestId("stop-meaning")).toContainText("cannot be resumed or undone");
  await dialog.getByLabel("Error message").fill("Stopped by the e2e test");
  await dialog.getByRole("button", { name: "Stop execution" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("execution-status")).toHaveText("STOPPED");
  await expect(page.getByTestId("execution-header").getByTestId("error-message")).toContainText("Stopped by the e2e test");
  await expect(page.getByRole("button", { name: "Stop execution…" })).toHaveCount(0);

  await page.getByRole("button", { name: "Start again with this input…" }).click();
  await expect(page.getByTestId("start-dialog").getByLabel("Payload (JSON)")).toHaveValue('{"requestId":"e2e-3","amount":5}');
  await startFromDialog(page, '{"requestId":"e2e-3","amount":5}', `${name}-again`);
  await page.getByTestId("start-dialog").getByTestId("started-execution-link").click();
  await expect(page.getByTestId("execution-header").getByRole("heading", { name: `${name}-again` })).toBeVisible();
  await expect(page.getByTestId("execution-status")).toHaveText("RUNNING");
  await page.getByTestId("execution-input-toggle").click();
  await expect(page.getByTestId("execution-input")).toContainText("e2e-3");
  await page.getByRole("button", { name: "Stop execution…" }).click();
  await page.getByTestId("stop-dialog").getByRole("button", { name: "Stop execution" }).click();
  await expect(page.getByTestId("execution-status")).toHaveText("STOPPED");
});

test("refuses mutations from other origins and without the session's CSRF token", async ({ request, baseURL }) => {
  const body = { callbackId: "bm90LWEtY2FsbGJhY2s=" };
  const tokenless = await request.post("/api/callbacks/heartbeat", { headers: { origin: baseURL! }, data: body });
  expect(tokenless.status()).toBe(403);
  expect(await tokenless.json()).toMatchObject({ code: "CsrfTokenMissing" });
  const session = (await (await request.get("/api/session")).json()) as { csrfToken: string };
  const crossOrigin = await request.post("/api/callbacks/heartbeat", { headers: { origin: "https://evil.example", "x-durable-lens-csrf": session.csrfToken }, data: body });
  expect(crossOrigin.status()).toBe(403);
  expect(await crossOrigin.json()).toMatchObject({ code: "CrossOriginRefused" });
  const unknown = await request.post("/api/callbacks/heartbeat", { headers: { origin: baseURL!, "x-durable-lens-csrf": session.csrfToken }, data: body });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ code: "CallbackNotFound" });
});

test("hides every action when the server says it is read-only, and keeps the inbox's commands", async ({ page }) => {
  // The server's own refusal in read-only mode is covered by the route tests; this checks what the page offers.
  await page.route("**/api/session", (route) => route.fulfill({ json: { readOnly: true } }));
  await page.goto("/functions/expense-approval");
  await expect(page.getByRole("link", { name: "Pending callbacks →" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start execution…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Stop \d+ selected/ })).toHaveCount(0);
  await expect(page.getByTestId("row-select")).toHaveCount(0);

  await page.getByRole("link", { name: "Pending callbacks →" }).click();
  await expect(page.getByTestId("read-only-note")).toContainText("Read-only mode");
  const row = page.locator('[data-testid="inbox-row"][data-execution-name="expense-4001"]');
  await expect(row.getByRole("button", { name: "Respond" })).toHaveCount(0);
  await row.getByRole("button", { name: "Show commands" }).click();
  await expect(row.getByTestId("snippet-text")).toContainText("aws lambda send-durable-execution-callback-success");
  await expect(row.getByTestId("callback-responder")).toHaveCount(0);

  await row.getByTestId("inbox-execution-link").click();
  await expect(page.getByTestId("inspector-name")).toHaveText("manager-approval");
  await expect(page.getByTestId("read-only-note")).toBeVisible();
  await expect(page.getByTestId("callback-actions")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Stop execution…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start again with this input…" })).toHaveCount(0);
});
