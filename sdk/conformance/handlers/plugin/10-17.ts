// 10-17: a greeting step with a faulty plugin registered before a healthy one; the healthy one still hears every hook.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { greet } from "./shared/bodies.js";
import { faultyPlugin, isType, recordingPlugin } from "./shared/records.js";

const healthy = recordingPlugin("CONFPLUGIN-HEALTHY", (emit) => ({
  onInvocationStart: async (info) => emit("invocation-start", { first: info.isFirstInvocation }),
  onOperationStart: async (info) => {
    if (isType(info, "STEP")) emit("operation-start", { op: info.id });
  },
  onOperationAttemptStart: async (info) => {
    if (isType(info, "STEP")) emit("attempt-start", { op: info.id });
  },
  onOperationAttemptEnd: async (info) => {
    if (isType(info, "STEP")) emit("attempt-end", { op: info.id, outcome: info.outcome });
  },
  onOperationEnd: async (info) => {
    if (isType(info, "STEP")) emit("operation-end", { op: info.id, status: info.status });
  },
  onInvocationEnd: async (info) => emit("invocation-end", { status: info.status }),
}));

export const handler = withDurableExecution(greet, { plugins: [faultyPlugin(), healthy] });
