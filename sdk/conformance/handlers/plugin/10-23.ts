// 10-23: parallel "ctx", one branch at a time: "branch-a" runs a step and a 2 s wait, "branch-b" returns at once;
// a plugin dumps the start of each context operation and of each context function.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { dump, isType, recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationStart: async (info) => {
    if (isType(info, "CONTEXT")) emit("operation-start", dump(info));
  },
  wrapChildContextFn: (info, fn) => {
    if (isType(info, "CONTEXT")) {
      // The wrapper's `isReplay` is the child's replay mode (true only when a completed context
      // re-runs to rebuild its result from its children), i.e. the children-replay indicator.
      const { isReplay, ...rest } = dump(info);
      emit("fn-start", { ...rest, isReplayingChildren: isReplay });
    }
    return fn();
  },
}));

export const handler = withDurableExecution(
  async (_event: unknown, context) => {
    const batch = await context.parallel(
      "ctx",
      [
        {
          name: "branch-a",
          func: async (branch) => {
            await branch.step("inner", async () => "x");
            await branch.wait({ seconds: 2 });
            return "a-done";
          },
        },
        { name: "branch-b", func: async () => "b-done" },
      ],
      { maxConcurrency: 1 },
    );
    return batch.getResults();
  },
  { plugins: [plugin] },
);
