import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";

// Each run starts executions of its own, so the seeded ones other specs read stay as they are.
const run = Date.now().toString(36);

/** Starts an execution through the app's API (same origin, the session's CSRF token) and waits until it has finished. */
async function startAndFinish(request: APIRequestContext, baseURL: string, functionName: string, executionName: string, payload: unknown): Promise<string> {
  const session = (await (await request.get("/api/session")).json()) as { csrfToken: string };
  const started = await request.post(`/api/functions/${functionName}/start`, {
    headers: { origin: baseURL, "x-durable-lens-csrf": session.csrfToken },
    data: { payload: JSON.stringify(payload), executionName, mode: "async" },
  });
  expect(started.status()).toBe(200);
  const { arn } = (await started.json()) as { arn: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/executions/${encodeURIComponent(arn)}`)).json()) as { execution?: { status: string } }).execution?.status, {
      timeout: 30_000,
    })
    .toBe("SUCCEEDED");
  return arn;
}

const diffUrl = (left: string, right: string) => `/diff?${new URLSearchParams({ left, right })}`;

/** The row of the aligned tree for the operation named `name`. */
function operationRow(page: Page, name: string): Locator {
  return page.locator(`[data-testid="diff-operation"][data-name="${name}"]`);
}

test("compares two runs of image-thumbnails: the added image, the changed sizes and the results", async ({ page, request, baseURL }) => {
  const left = await startAndFinish(request, baseURL!, "image-thumbnails", `e2e-diff-left-${run}`, {
    images: [
      { name: "beach.jpg", width: 1600 },
      { name: "city.png", width: 800 },
    ],
  });
  const right = await startAndFinish(request, baseURL!, "image-thumbnails", `e2e-diff-right-${run}`, {
    images: [
      { name: "beach.jpg", width: 1600 },
      { name: "city.png", width: 100 },
      { name: "icon.png", width: 120 },
    ],
  });
  await page.goto(diffUrl(left, right));

  // Both sides, named and linked.
  await expect(page.getByTestId("diff-side-left").getByTestId("diff-side-name")).toHaveText(`e2e-diff-left-${run}`);
  await expect(page.getByTestId("diff-side-right").getByTestId("diff-side-name")).toHaveText(`e2e-diff-right-${run}`);

  // Summary: same status, a different input and result, and the input's JSON diff.
  const summary = page.getByTestId("diff-summary");
  await expect(summary).toHaveAttribute("data-changed", "true");
  await expect(summary.getByTestId("summary-status").getByTestId("summary-difference")).toHaveText("same");
  await expect(summary.getByTestId("summary-input").getByTestId("summary-difference")).toHaveText("2 changes");
  await expect(summary.getByTestId("summary-result").getByTestId("summary-difference")).toContainText("changes");
  const input = summary.locator('[data-testid="payload-diff"][data-field="input"]');
  const width = input.locator('[data-testid="json-change"][data-path="$.images[1].width"]');
  await expect(width).toHaveAttribute("data-kind", "changed");
  await expect(width.getByTestId("json-change-left")).toHaveText("800");
  await expect(width.getByTestId("json-change-right")).toHaveText("100");
  await expect(input.locator('[data-testid="json-change"][data-path="$.images[2]"]')).toHaveAttribute("data-kind", "added");
  await expect(input.getByTestId("payload-right")).toContainText("icon.png");
  await expect(summary.getByTestId("count-added")).toContainText("3 added");

  // The tree, changed only: the new image's item with its steps, the changed item with its steps, and the map around them.
  await expect(operationRow(page, "icon.png")).toHaveAttribute("data-kind", "added");
  await expect(operationRow(page, "icon.png").getByTestId("diff-badge")).toHaveText("added");
  await expect(operationRow(page, "city.png")).toHaveAttribute("data-kind", "changed");
  await expect(operationRow(page, "make-thumbnails")).toHaveAttribute("data-kind", "changed");
  await expect(operationRow(page, "beach.jpg")).toHaveCount(0);
  const names = await page.getByTestId("diff-operation").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));
  expect(names).toEqual(["make-thumbnails", "city.png", "measure", "resize", "icon.png", "measure", "resize"]);

  // The changed resize step of city.png: its result side by side.
  const cityResize = page.getByTestId("diff-operation").nth(3);
  await expect(cityResize).toHaveAttribute("data-kind", "changed");
  await expect(cityResize.getByTestId("diff-timing")).toContainText("took");
  await cityResize.getByTestId("diff-expand").click();
  const result = cityResize.locator('[data-testid="payload-diff"][data-field="result"]');
  const resized = result.locator('[data-testid="json-change"][data-path="$.width"]');
  await expect(resized.getByTestId("json-change-left")).toHaveText("200");
  await expect(resized.getByTestId("json-change-right")).toHaveText("100");
  await expect(result.getByTestId("payload-left")).toContainText('"width": 200');
  await expect(result.getByTestId("payload-right")).toContainText('"width": 100');

  // All operations: the unchanged image shows too.
  await page.getByTestId("diff-filter").getByRole("radio", { name: "All operations" }).click();
  await expect(operationRow(page, "beach.jpg")).toHaveAttribute("data-kind", "unchanged");

  // Swapping sides turns the added item into a removed one.
  await page.getByTestId("diff-swap").click();
  await expect(page.getByTestId("diff-side-left").getByTestId("diff-side-name")).toHaveText(`e2e-diff-right-${run}`);
  await expect(operationRow(page, "icon.png")).toHaveAttribute("data-kind", "removed");

  // Compare with…: the function's other executions; the seeded one replaces the left side.
  await page.getByTestId("diff-side-right").getByTestId("compare-with").click();
  const dialog = page.getByTestId("compare-dialog");
  await expect(dialog.locator(`[data-testid="compare-candidate"][data-execution-name="e2e-diff-right-${run}"]`)).toBeVisible();
  await expect(dialog.locator(`[data-testid="compare-candidate"][data-execution-name="e2e-diff-left-${run}"]`)).toHaveCount(0);
  await dialog.locator('[data-testid="compare-candidate"][data-execution-name="thumbnails-7001"]').click();
  await expect(page).toHaveURL(/\/diff\?left=.*thumbnails-7001.*&right=.*e2e-diff-left/);
  await expect(page.getByTestId("diff-side-left").getByTestId("diff-side-name")).toHaveText("thumbnails-7001");
  await expect(page.getByTestId("diff-side-right").getByTestId("diff-side-name")).toHaveText(`e2e-diff-left-${run}`);
  await expect(operationRow(page, "icon.png")).toHaveAttribute("data-kind", "removed");
});

test("says clearly what is wrong with the executions to compare", async ({ page }) => {
  await page.goto("/diff?left=arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aimage-thumbnails%3A%24LATEST%2Fdurable-execution%2Fx%2Fy");
  const missing = page.getByTestId("error-box");
  await expect(missing).toHaveAttribute("data-code", "MissingParameter");
  await expect(missing).toContainText('Missing query parameter "right"');

  await page.goto(diffUrl("not-an-arn", "arn:aws:lambda:us-east-1:123456789012:function:image-thumbnails:$LATEST/durable-execution/nope/00000000-0000-0000-0000-000000000000"));
  const errors = page.getByTestId("error-box");
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText("Could not load the left execution");
  await expect(errors.nth(0)).toContainText('Malformed durable execution ARN: "not-an-arn"');
  await expect(errors.nth(1)).toContainText("Could not load the right execution");
  await expect(errors.nth(1)).toHaveAttribute("data-code", /NotFound/);
});
