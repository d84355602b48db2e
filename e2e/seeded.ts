import { expect, type APIRequestContext } from "@playwright/test";

/** The ARN of a seeded execution, once it has reached `status` (seeds take a few seconds to settle). */
export async function seededArn(request: APIRequestContext, functionName: string, executionName: string, status: string): Promise<string> {
  let arn = "";
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/functions/${functionName}/executions?maxItems=50`);
        const body = (await response.json()) as { executions?: Array<{ arn: string; name: string; status: string }> };
        const found = body.executions?.find((e) => e.name === executionName);
        arn = found?.arn ?? "";
        return found?.status;
      },
      { timeout: 30_000 },
    )
    .toBe(status);
  return arn;
}
