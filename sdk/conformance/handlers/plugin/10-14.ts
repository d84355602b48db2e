// 10-14: step A returns "task-a", step B throws "boom" without retries; a plugin prints each step's end with its result or error.
import { retryPresets, withDurableExecution } from "@durable-lens/sdk/runtime";
import { isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationEnd: async (info) => {
    if (!isType(info, "STEP")) return;
    emit("operation-end", { op: info.id, status: info.status, result: info.result ?? "NONE", error: info.error?.message ?? "NONE" });
  },
}));

export const handler = withDurableExecution(
  async (_event: unknown, context) => {
    await context.step(async () => "task-a");
    return context.step(
      async () => {
        throw new Error("boom");
      },
      { retryStrategy: retryPresets.noRetry },
    );
  },
  { plugins: [plugin] },
);
