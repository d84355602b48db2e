// 10-19: a 2-second wait, then "done-<input>"; a plugin dumps each invocation hook's info.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { dumpInvocation, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onInvocationStart: async (info) => emit("invocation-start", dumpInvocation(info)),
  onInvocationEnd: async (info) => emit("invocation-end", dumpInvocation(info)),
}));

export const handler = withDurableExecution(
  async (input: string, context) => {
    await context.wait({ seconds: 2 });
    return `done-${input}`;
  },
  { plugins: [plugin] },
);
