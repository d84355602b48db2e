import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { expect, test } from "@playwright/test";
import { seededArn } from "./seeded";

// Defect 9 of issue 14, one test per item: the header search, the callback inbox across
// functions, the child -> parent link of a chained invoke, row selection for bulk stop, the
// not-found page of an unknown function, and a function filter on names only.

/** The local service playwright.config.ts starts (E2E_SERVICE_PORT, 9114 by default). */
const local = new LambdaClient({
  region: "us-east-1",
  endpoint: `http://127.0.0.1:${process.env.E2E_SERVICE_PORT ?? 9114}`,
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});

const run = Date.now().toString(36);
const executionUrl = (arn: string, query = "") => `/executions/${encodeURIComponent(arn)}${query}`;

async function start(functionName: string, name: string, input: unknown): Promise<string> {
  const out = await local.send(
    new InvokeCommand({ FunctionName: functionName, InvocationType: "Event", DurableExecutionName: name, Payload: new TextEncoder().encode(JSON.stringify(input)) }),
  );
  return out.DurableExecutionArn!;
}

test("finds an execution from the header of any page, by name across functions or by ARN", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto("/open");
  const box = page.getByTestId("header-search");

  await box.fill("order-1001");
  await box.press("Enter");
  const results = page.getByTestId("lookup-results");
  await expect(results.getByTestId("lookup-result")).toHaveCount(1);
  await expect(results.getByTestId("lookup-result")).toContainText("order-processor");
  await expect(results.getByTestId("lookup-summary")).toHaveText(/^1 execution named like “order-1001” in the \d+ functions searched\.$/);
  await results.getByTestId("lookup-result").click();
  await expect(page).toHaveURL(executionUrl(arn));
  await expect(page.getByTestId("execution-header").getByRole("heading", { name: "order-1001" })).toBeVisible();

  // An ARN opens its execution directly, from another page.
  await page.goto("/callbacks");
  await page.getByTestId("header-search").fill(arn);
  await page.getByTestId("header-search").press("Enter");
  await expect(page).toHaveURL(executionUrl(arn));

  // A text that starts like an ARN but is not one is refused with the reason.
  await page.getByTestId("header-search").fill("arn:aws:lambda:us-east-1:123456789012:function:order-processor");
  await page.getByTestId("header-search").press("Enter");
  await expect(page.getByTestId("lookup-error")).toContainText("not a durable execution ARN");

  // A name nothing has says where it looked.
  await page.getByTestId("header-search").fill(`nobody-${run}`);
  await page.getByTestId("header-search").press("Enter");
  await expect(page.getByTestId("lookup-summary")).toHaveText(new RegExp(`^No execution named like “nobody-${run}” in the \\d+ functions searched\\.$`));
});

test("lists the waiting callbacks of every function without picking one, and counts them on the home page", async ({ page, request }) => {
  const name = `e2e-inbox-${run}`;
  await start("expense-approval", name, { expenseId: name, amount: 12, submitter: "e2e@example.com" });
  // Its callback exists before the count is read, so the count and the inbox see the same callbacks.
  await expect
    .poll(async () => {
      const body = (await (await request.get("/api/functions/expense-approval/callbacks")).json()) as { callbacks?: Array<{ executionName: string }> };
      return body.callbacks?.some((c) => c.executionName === name);
    })
    .toBe(true);

  await page.goto("/");
  const count = page.getByTestId("waiting-callbacks");
  await expect(count).toHaveText(/^\d+ callbacks? waiting →$/);
  await expect(count).not.toHaveAttribute("data-count", "0");
  const n = Number(await count.getAttribute("data-count"));
  await count.click();

  await expect(page).toHaveURL(/\/callbacks$/);
  await expect(page.getByTestId("inbox-function")).toHaveValue("");
  const mine = page.locator(`[data-testid="inbox-row"][data-execution-name="${name}"]`);
  await expect(mine).toHaveAttribute("data-function-name", "expense-approval");
  await expect(page.getByTestId("inbox-row")).toHaveCount(n);

  // Picking a function narrows the inbox to it; "all functions" widens it again.
  await page.getByTestId("inbox-function").selectOption("order-processor");
  await expect(page).toHaveURL(/\?function=order-processor$/);
  await expect(mine).toHaveCount(0);
  await page.getByTestId("inbox-function").selectOption("");
  await expect(mine).toHaveCount(1);
});

test("links a chained invoke's child back to the parent execution that invoked it", async ({ page, request }) => {
  const parentArn = await seededArn(request, "invoice-generator", "invoice-5001", "SUCCEEDED");
  const body = (await (await request.get(`/api/executions/${encodeURIComponent(parentArn)}`)).json()) as {
    events: Array<{ EventType?: string; Id?: string; ChainedInvokeStartedDetails?: { DurableExecutionArn?: string } }>;
  };
  const started = body.events.find((e) => e.EventType === "ChainedInvokeStarted");
  const childArn = started!.ChainedInvokeStartedDetails!.DurableExecutionArn!;
  expect(childArn).toContain(":function:tax-calculator:");

  await page.goto(executionUrl(childArn));
  const link = page.getByTestId("invoked-by-link");
  await expect(link).toHaveText("invoice-5001 ↗");
  await expect(page.getByTestId("invoked-by")).toContainText("invoice-generator · calculate-tax");
  await link.click();
  await expect(page).toHaveURL(executionUrl(parentArn, `?op=${started!.Id}`));
  await expect(page.getByTestId("execution-header").getByRole("heading", { name: "invoice-5001" })).toBeVisible();
  // The parent was invoked by nothing: it shows no link.
  await expect(page.getByTestId("inspector-name")).toHaveText("calculate-tax");
  await expect(page.getByTestId("invoked-by")).toHaveCount(0);
});

test("stops only the executions ticked in the list, after naming how many", async ({ page }) => {
  const prefix = `e2e-tick-${run}`;
  for (const suffix of ["a", "b", "c"]) {
    await start("approval-flow", `${prefix}-${suffix}`, { requestId: suffix, amount: 1 });
    // Distinct start times, so the newest-first order is fixed.
    await new Promise((r) => setTimeout(r, 20));
  }
  await page.goto(`/functions/approval-flow?name=${prefix}`);
  const rows = page.getByTestId("execution-row");
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Stop 0 selected…" })).toBeDisabled();
  const ticked = page.locator('[data-testid="row-select"]:checked');

  // A shift-click ticks the range from the last ticked row; the header box clears and ticks the page.
  await page.getByTestId("row-select").nth(0).click();
  await page.getByTestId("row-select").nth(2).click({ modifiers: ["Shift"] });
  await expect(ticked).toHaveCount(3);
  await expect(page.getByTestId("select-all-rows")).toBeChecked();
  await page.getByTestId("select-all-rows").uncheck();
  await expect(ticked).toHaveCount(0);
  await page.getByTestId("select-all-rows").check();
  await expect(ticked).toHaveCount(3);
  await page.getByTestId("row-select").first().uncheck();
  await expect(page.getByTestId("select-all-rows")).not.toBeChecked();

  await page.getByRole("button", { name: "Stop 2 selected…" }).click();
  const dialog = page.getByTestId("bulk-stop-dialog");
  await expect(dialog.getByRole("heading")).toHaveText("Stop 2 executions?");
  await expect(dialog.getByTestId("bulk-stop-list").getByRole("listitem")).toHaveText([`${prefix}-b`, `${prefix}-a`]);
  await dialog.getByRole("button", { name: "Stop 2 executions" }).click();
  await expect(dialog.getByTestId("bulk-stop-outcome")).toHaveText("Stopped 2 of 2 executions.");
  await dialog.getByRole("button", { name: "Close" }).first().click();

  // The unticked one still runs; the stopped ones can no longer be ticked.
  await expect(rows.getByTestId("status-badge")).toHaveText(["RUNNING", "STOPPED", "STOPPED"]);
  await expect(page.getByRole("button", { name: "Stop 0 selected…" })).toBeDisabled();
  await expect(page.getByTestId("row-select").nth(1)).toBeDisabled();
});

test("answers an unknown function with a not-found page that offers no actions", async ({ page }) => {
  const response = await page.goto("/functions/no-such-fn");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("function-not-found")).toContainText("No such durable function");
  await expect(page.getByTestId("function-not-found")).toContainText("no durable function named “no-such-fn”");
  await expect(page.getByRole("button", { name: /Start execution/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Stop/ })).toHaveCount(0);
  await expect(page.getByTestId("check-code-link")).toHaveCount(0);
  expect((await page.goto("/functions/no-such-fn/check"))?.status()).toBe(404);
  await expect(page.getByRole("button", { name: /Check/ })).toHaveCount(0);

  // A function the target has still opens.
  expect((await page.goto("/functions/order-processor"))?.status()).toBe(200);
  await expect(page.getByRole("button", { name: "Start execution…" })).toBeVisible();
});

test("filters the functions by name only, and says so", async ({ page }) => {
  await page.goto("/");
  const search = page.getByTestId("function-search");
  await expect(search).toHaveAttribute("placeholder", "Filter functions by name…");
  // order-processor's description mentions payment; its name does not.
  await search.fill("pay");
  await expect(page.getByTestId("function-link")).toHaveText(["payment-with-retries"]);
  await search.fill("chained");
  await expect(page.getByTestId("function-row")).toHaveCount(0);
  await expect(page.getByText("No function name contains “chained”")).toBeVisible();
});
