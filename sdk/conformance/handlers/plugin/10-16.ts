// 10-16: a 2-second wait; a plugin prints each invocation's start and end, the end tied to its invocation.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { waitTwoSeconds } from "./shared/bodies.js";
import { recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => {
  // The end info has no first-invocation flag; start and end of one invocation share this process.
  let first: boolean | undefined;
  return {
    onInvocationStart: async (info) => {
      first = info.isFirstInvocation;
      emit("invocation-start", { first });
    },
    onInvocationEnd: async (info) =>
      emit("invocation-end", { first, terminal: info.status === "SUCCEEDED" || info.status === "FAILED", status: info.status }),
  };
});

export const handler = withDurableExecution(waitTwoSeconds, { plugins: [plugin] });
