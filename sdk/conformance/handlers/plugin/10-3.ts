// 10-3: a step that fails its first attempt and succeeds on the retry, with a plugin printing each attempt.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { retryEverySecond, succeedOnSecondAttempt } from "./shared/bodies.js";
import { isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationAttemptStart: async (info) => {
    if (isType(info, "STEP")) emit("attempt-start", { n: info.attempt, op: info.id });
  },
  onOperationAttemptEnd: async (info) => {
    if (isType(info, "STEP")) emit("attempt-end", { n: info.attempt, outcome: info.outcome, op: info.id });
  },
}));

export const handler = withDurableExecution(
  async (_event: unknown, context) => context.step(succeedOnSecondAttempt("Operation succeeded"), { retryStrategy: retryEverySecond(3) }),
  { plugins: [plugin] },
);
