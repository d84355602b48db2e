import { expect, type APIRequestContext } from "@playwright/test";

/**
 * Starts an execution through the app's own API, as the page does: same origin and the session's
 * CSRF token. Returns its ARN.
 *
 * @example const arn = await startThroughApi(request, baseURL!, "order-processor", "o-1", { orderId: "1", items: ["a"] });
 */
export async function startThroughApi(request: APIRequestContext, baseURL: string, functionName: string, executionName: string, payload: unknown): Promise<string> {
  const session = (await (await request.get("/api/session")).json()) as { csrfToken: string };
  const response = await request.post(`/api/functions/${functionName}/start`, {
    headers: { origin: baseURL, "x-durable-lens-csrf": session.csrfToken },
    data: { payload: JSON.stringify(payload), executionName, mode: "async" },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { arn: string }).arn;
}
