// 10-8: a greeting step, with a plugin printing each step in an operation-change delta.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { greet } from "./shared/bodies.js";
import { isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationChange: async (change) => {
    for (const [id, info] of Object.entries(change.updatedOperations)) {
      if (isType(info, "STEP")) emit("operation-change", { op: info.id, status: info.status, in_full_map: id in change.operations });
    }
  },
}));

export const handler = withDurableExecution(greet, { plugins: [plugin] });
