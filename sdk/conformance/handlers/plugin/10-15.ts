// 10-15: a step that always fails, 2 attempts in all; a plugin prints each attempt and the step's end.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { retryEverySecond } from "./shared/bodies.js";
import { isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationAttemptStart: async (info) => {
    if (isType(info, "STEP")) emit("attempt-start", { n: info.attempt, op: info.id });
  },
  onOperationAttemptEnd: async (info) => {
    if (isType(info, "STEP")) emit("attempt-end", { n: info.attempt, outcome: info.outcome, op: info.id });
  },
  onOperationEnd: async (info) => {
    if (isType(info, "STEP")) emit("operation-end", { op: info.id, status: info.status });
  },
}));

export const handler = withDurableExecution(
  async (_event: unknown, context) =>
    context.step(
      async () => {
        throw new Error("always fails");
      },
      { retryStrategy: retryEverySecond(2) },
    ),
  { plugins: [plugin] },
);
