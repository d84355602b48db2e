// 10-20: a step "greet" returning "task-a"; a plugin dumps each step operation hook's info.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { dumpOperation, isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationStart: async (info) => {
    if (isType(info, "STEP")) emit("operation-start", dumpOperation(info));
  },
  onOperationEnd: async (info) => {
    if (isType(info, "STEP")) emit("operation-end", dumpOperation(info));
  },
}));

export const handler = withDurableExecution(async (_event: unknown, context) => context.step("greet", async () => "task-a"), {
  plugins: [plugin],
});
