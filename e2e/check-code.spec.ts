import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";

/**
 * Waits until a seeded execution has recorded an event of `eventType` (seeds settle a few
 * seconds after the service starts), so the check sees the state the test talks about.
 */
async function seededUntil(request: APIRequestContext, functionName: string, executionName: string, eventType: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const list = (await (await request.get(`/api/functions/${functionName}/executions?status=RUNNING&maxItems=100`)).json()) as { executions?: { arn: string; name: string }[] };
        const arn = list.executions?.find((e) => e.name === executionName)?.arn;
        if (!arn) return false;
        const detail = (await (await request.get(`/api/executions/${encodeURIComponent(arn)}`)).json()) as { events?: { EventType?: string }[] };
        return detail.events?.some((e) => e.EventType === eventType) ?? false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

function row(page: Page, executionName: string): Locator {
  return page.locator(`[data-testid="check-row"][data-name="${executionName}"]`);
}

function moduleFile(name: string, text: string) {
  return { name, mimeType: "text/javascript", buffer: Buffer.from(text) };
}

async function runCheck(page: Page): Promise<void> {
  await page.getByTestId("check-run").click();
  await expect(page.getByTestId("check-run")).toHaveText("Run check", { timeout: 30_000 });
}

/** approval-flow with its first step renamed: the same position in the code, another name. */
const RENAMED_FIRST_STEP = `import { withDurableExecution } from "@durable-lens/sdk";

export const handler = withDurableExecution(async (request, ctx) => {
  const prepared = await ctx.step("prepare-something-else", async () => ({ requestId: request.requestId }));
  await ctx.wait("approval-window", { days: 7 });
  return ctx.step("finalize", async () => ({ ...prepared, approved: true }));
});
`;

test("the executions page links to the check of its function", async ({ page }) => {
  await page.goto("/functions/approval-flow");
  await page.getByTestId("check-code-link").click();
  await expect(page).toHaveURL(/\/functions\/approval-flow\/check$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Check running executions of approval-flow against code");
});

test("approval-3001, waiting seven days, replays consistently against the sample's code and the local service's", async ({ page, request }) => {
  await seededUntil(request, "approval-flow", "approval-3001", "WaitStarted");
  await page.goto("/functions/approval-flow/check");
  await expect(page.getByTestId("code-source-sample")).toBeChecked();
  await expect(row(page, "approval-3001")).toHaveAttribute("data-verdict", "unchecked");
  await expect(page.getByTestId("check-count")).toHaveValue("10");

  await runCheck(page);
  const approval = row(page, "approval-3001");
  await expect(approval).toHaveAttribute("data-verdict", "consistent");
  await expect(approval.getByTestId("check-verdict")).toHaveText("consistent");
  await expect(approval.getByTestId("check-checkpoints")).toHaveText(/^[1-9]\d*$/);
  await expect(approval).toContainText("Replayed up to where the execution waits now");
  await expect(page.getByTestId("check-summary")).toHaveText(/^(\d+) of \1 consistent$/);
  await expect(page.getByTestId("check-summary-box")).toContainText("the sample function approval-flow");
  await expect(approval.getByTestId("check-execution-link")).toHaveAttribute("href", /^\/executions\/arn%3Aaws%3Alambda%3A/);

  // The same check with the code the local service bundles for the browser.
  await page.getByTestId("code-source-bundle").check();
  await runCheck(page);
  await expect(page.getByTestId("check-summary-box")).toContainText("the local service's code of approval-flow");
  await expect(row(page, "approval-3001")).toHaveAttribute("data-verdict", "consistent");
  await expect(page.getByTestId("check-summary")).toHaveText(/^(\d+) of \1 consistent$/);
});

test("an uploaded module that renames the first step diverges there, showing both names", async ({ page, request }) => {
  await seededUntil(request, "approval-flow", "approval-3001", "WaitStarted");
  await page.goto("/functions/approval-flow/check");
  await page.getByTestId("code-source-upload").check();
  await page.getByTestId("check-module-input").setInputFiles(moduleFile("approval-renamed.mjs", RENAMED_FIRST_STEP));
  await runCheck(page);

  const approval = row(page, "approval-3001");
  await expect(approval).toHaveAttribute("data-verdict", "diverged");
  await expect(approval.getByTestId("check-verdict")).toHaveText("diverged");
  const divergence = approval.getByTestId("check-divergence");
  await expect(divergence).toHaveAttribute("data-kind", "name");
  await expect(divergence).toContainText("renamed");
  const name = divergence.locator('[data-testid="divergence-field"][data-field="name"]');
  await expect(name).toHaveAttribute("data-differs", "true");
  await expect(name.getByTestId("divergence-expected")).toHaveText("prepare-request");
  await expect(name.getByTestId("divergence-actual")).toHaveText("prepare-something-else");
  await expect(divergence.locator('[data-testid="divergence-field"][data-field="type"]').getByTestId("divergence-actual")).toHaveText("STEP");
  await expect(approval.getByTestId("check-message")).toContainText('"prepare-request"');
  await expect(page.getByTestId("check-summary-box")).toHaveAttribute("data-passed", "false");
  await expect(page.getByTestId("check-summary")).toContainText("diverged");
  await expect(page.getByTestId("check-summary-box")).toContainText("approval-renamed.mjs");
});

test("a module the browser cannot load is refused with the reason, and a TypeScript file before any check", async ({ page }) => {
  await page.goto("/functions/approval-flow/check");
  await page.getByTestId("code-source-upload").check();
  await page
    .getByTestId("check-module-input")
    .setInputFiles(moduleFile("needs-lodash.mjs", `import { withDurableExecution } from "@durable-lens/sdk";\nimport _ from "lodash";\nexport const handler = withDurableExecution(async () => _.noop());\n`));
  await runCheck(page);
  const alert = page.getByTestId("error-box");
  await expect(alert).toContainText("Could not check against needs-lodash.mjs");
  await expect(alert).toContainText('imports "lodash", which the browser cannot resolve');

  await page.getByTestId("check-module-input").setInputFiles(moduleFile("handler.ts", "export const handler = 1;"));
  await expect(page.getByTestId("check-file-problem")).toContainText("handler.ts is TypeScript");
  await expect(page.getByTestId("check-run")).toBeDisabled();
});

test("expense-4001, waiting on a callback, replays consistently against the sample's code", async ({ page, request }) => {
  await seededUntil(request, "expense-approval", "expense-4001", "CallbackStarted");
  await page.goto("/functions/expense-approval/check");
  await runCheck(page);
  await expect(row(page, "expense-4001")).toHaveAttribute("data-verdict", "consistent");
  await expect(page.getByTestId("check-summary")).toHaveText(/^(\d+) of \1 consistent$/);
});
