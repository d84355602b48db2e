// 10-18: parallel "waits" of a 2 s wait "short" and an 8 s wait "long", side by side; a plugin prints wait starts and ends.
import { withDurableExecution, type DurableContext } from "@durable-lens/sdk/runtime";
import { isType, recordingPlugin } from "./shared/records.js";

const TERMINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT", "STOPPED"]);

const plugin = recordingPlugin("CONFPLUGIN", (emit) => ({
  onOperationStart: async (info) => {
    if (!isType(info, "WAIT")) return;
    const pending = !TERMINAL.has(info.status?.toUpperCase() ?? "");
    emit("operation-start", { type: "WAIT", name: info.name, replay: info.isReplay, pending });
  },
  onOperationEnd: async (info) => {
    if (isType(info, "WAIT")) emit("operation-end", { type: "WAIT", name: info.name, status: info.status });
  },
}));

const waitThen = (name: string, seconds: number, result: string) => async (context: DurableContext) => {
  await context.wait(name, { seconds });
  return result;
};

export const handler = withDurableExecution(
  async (_event: unknown, context) => {
    const batch = await context.parallel("waits", [waitThen("short", 2, "short-done"), waitThen("long", 8, "long-done")], {
      maxConcurrency: 2,
    });
    return batch.getResults();
  },
  { plugins: [plugin] },
);
