// 10-11: a child context around a greeting step, with a plugin printing each operation's end and parent.
import { withDurableExecution } from "@durable-lens/sdk/runtime";
import { greet } from "./shared/bodies.js";
import { recordingPlugin } from "./shared/records.js";

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationEnd: async (info) => emit("operation-end", { op: info.id, parent: info.parentId ?? "NONE", status: info.status }),
}));

export const handler = withDurableExecution(
  async (name: string, context) => context.runInChildContext((child) => greet(name, child)),
  { plugins: [plugin] },
);
