// 10-13: step A succeeds, step B fails once and succeeds on the retry; a plugin prints operation starts (with the replay flag) and ends.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { retryEverySecond, succeedOnSecondAttempt } from "./shared/bodies.js";
import { isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationStart: async (info) => {
    if (isType(info, "STEP")) emit("operation-start", { op: info.id, replay: info.isReplay });
  },
  onOperationEnd: async (info) => {
    if (isType(info, "STEP")) emit("operation-end", { op: info.id, status: info.status });
  },
}));

export const handler = withDurableExecution(
  async (_event: unknown, context) => {
    await context.step(async () => "step A done");
    return context.step(succeedOnSecondAttempt("Operation succeeded"), { retryStrategy: retryEverySecond(3) });
  },
  { plugins: [plugin] },
);
