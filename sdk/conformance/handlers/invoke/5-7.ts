// 5-7: invoke a target with a payload close to the 256 KB asynchronous-invocation limit.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  measure: withDurableExecution(async (event: { data: string }) => ({ receivedBytes: event.data.length })),
};

export const handler = withDurableExecution(async (_event: unknown, context) =>
  context.invoke("measure", { data: "x".repeat(240 * 1024) }),
);
