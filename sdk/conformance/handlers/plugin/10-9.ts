// 10-9: a 2-second wait, with a plugin printing the waits the service updated since the last invocation.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { waitTwoSeconds } from "./shared/bodies.js";
import { isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onInvocationStart: async (info) => {
    for (const op of Object.values(info.updatedOperations)) {
      if (isType(op, "WAIT")) emit("updated-on-invoke", { op: op.id, status: op.status, first: info.isFirstInvocation });
    }
  },
}));

export const handler = withDurableExecution(waitTwoSeconds, { plugins: [plugin] });
