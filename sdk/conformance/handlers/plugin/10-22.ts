// 10-22: a step "greet" returning "task-a"; a plugin dumps each step in an operation-change delta.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { dumpOperation, isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationChange: async (change) => {
    const counts = {
      executionArn: change.executionArn,
      updatedOperationsCount: Object.keys(change.updatedOperations).length,
      operationsCount: Object.keys(change.operations).length,
    };
    for (const [id, item] of Object.entries(change.updatedOperations)) {
      if (isType(item, "STEP")) emit("operation-change", { ...counts, inFullMap: id in change.operations, ...dumpOperation(item) });
    }
  },
}));

export const handler = withDurableExecution(async (_event: unknown, context) => context.step("greet", async () => "task-a"), {
  plugins: [plugin],
});
