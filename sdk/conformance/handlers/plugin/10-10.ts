// 10-10: a 2-second wait, with a plugin printing the start and end of wait operations.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { waitTwoSeconds } from "./shared/bodies.js";
import { isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationStart: async (info) => {
    if (isType(info, "WAIT")) emit("operation-start", { op: info.id, type: info.type.toUpperCase() });
  },
  onOperationEnd: async (info) => {
    if (isType(info, "WAIT")) emit("operation-end", { op: info.id, type: info.type.toUpperCase(), status: info.status });
  },
}));

export const handler = withDurableExecution(waitTwoSeconds, { plugins: [plugin] });
