// 10-12: parallel "parallel" of two constant branches, one at a time, with a plugin around each branch function.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { observeSettle, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  wrapChildContextFn: (info, fn) => {
    if (info.subType !== "ParallelBranch") return fn();
    const ids = { op: info.id, parent: info.parentId ?? "NONE" };
    emit("fn-start", ids);
    return observeSettle(fn, (outcome) => emit("fn-end", { ...ids, outcome }));
  },
}));

export const handler = withDurableExecution(
  async (_event: unknown, context) => {
    const batch = await context.parallel("parallel", [async () => "task-1", async () => "task-2"], { maxConcurrency: 1 });
    return batch.getResults();
  },
  { plugins: [plugin] },
);
