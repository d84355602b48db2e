// 10-5: a greeting step, with two plugins (A then B) printing the invocation start and end.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { greet } from "./shared/bodies.js";
import { recordingPlugin } from "./shared/records.js";

const invocationPlugin = (name: string) =>
  recordingPlugin(name, (emit) => ({
    onInvocationStart: async () => emit("invocation-start"),
    onInvocationEnd: async (info) => emit("invocation-end", { status: info.status }),
  }));

export const handler = withDurableExecution(greet, { plugins: [invocationPlugin("CONFPLUGIN-A"), invocationPlugin("CONFPLUGIN-B")] });
