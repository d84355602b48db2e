// 5-5: invoke a target that throws; the InvokeError fails the execution.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  failing: withDurableExecution(async () => {
    throw new Error("target failed");
  }),
};

export const handler = withDurableExecution(async (_event: unknown, context) => context.invoke("failing"));
