// 10-2: a greeting step, with a plugin printing the start and end of step operations.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { greet } from "./shared/bodies.js";
import { isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationStart: async (info) => {
    if (isType(info, "STEP")) emit("operation-start", { op: info.id });
  },
  onOperationEnd: async (info) => {
    if (isType(info, "STEP")) emit("operation-end", { op: info.id, status: info.status });
  },
}));

export const handler = withDurableExecution(greet, { plugins: [plugin] });
