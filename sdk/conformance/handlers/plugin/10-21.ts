// 10-21: a step "flaky" that fails once and returns "ok" on the retry; a plugin dumps each attempt hook's info.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { retryEverySecond, succeedOnSecondAttempt } from "./shared/bodies.js";
import { dumpOperation, isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationAttemptStart: async (info) => {
    if (isType(info, "STEP")) emit("attempt-start", dumpOperation(info));
  },
  onOperationAttemptEnd: async (info) => {
    if (isType(info, "STEP")) emit("attempt-end", dumpOperation(info));
  },
}));

export const handler = withDurableExecution(
  async (_event: unknown, context) => context.step("flaky", succeedOnSecondAttempt("ok"), { retryStrategy: retryEverySecond(3) }),
  { plugins: [plugin] },
);
