// The local service as its own process, for the chaos test: the real LocalDurableService on
// SQLite in `--data-dir`, serving a workflow that uses every kind of operation the service
// keeps state for (steps, a retried step, a wait, a map, a callback, a chained invoke) and the
// durable function it invokes. Run from sources:
//   node --import sdk/loader/register.mjs <this> --data-dir D --ack-log A --callback-log C
// Prints `listening on <endpoint>` once it takes requests.
//
// Both functions checkpoint through a client that, once the service has answered a
// CheckpointDurableExecution with 200, appends the call's updates to `--ack-log`: each line is
// a promise the service made, written before the handler goes on, so a SIGKILL can only ever
// lose a line the service had not acknowledged yet. The callback's submitter appends the
// callback id to `--callback-log`, the way a workflow hands it to the system that answers it.
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { OperationUpdate } from "../protocol/index.js";
import {
  DurableExecutionInvocationInputWithClient,
  JitterStrategy,
  createRetryStrategy,
  withDurableExecution,
  type DurableExecutionClient,
  type DurableLambdaHandler,
} from "../runtime/index.js";
import type { AcknowledgedCheckpoint } from "./chaos-checks.test-support.js";
import { LocalDurableService } from "./service.js";
import { SqliteStore } from "./sqlite-store.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    "data-dir": { type: "string" },
    "ack-log": { type: "string" },
    "callback-log": { type: "string" },
  },
});
const dataDir = values["data-dir"];
const ackLog = values["ack-log"];
const callbackLog = values["callback-log"];
if (!dataDir || !ackLog || !callbackLog) throw new Error("--data-dir, --ack-log and --callback-log are required");

/** The durable function the workflow invokes: a step, a wait, a step. */
const chaosTax = withDurableExecution(async (req: { amount: number }, ctx) => {
  const rate = await ctx.step("rate", async () => 0.2);
  await ctx.wait("settle", { seconds: 1 });
  return ctx.step("apply", async () => Math.round(req.amount * rate));
});

/**
 * Spans several invocations: the retries' delays, the wait, the callback and the chained
 * invoke each end one. Every value depends only on `n` and the callback's answer, so the test
 * knows each execution's result however often it was interrupted.
 */
const chaosOrder = withDurableExecution(async (input: { n: number }, ctx) => {
  const { n } = input;
  const reserved = await ctx.step("reserve", async () => `r${n}`);
  const charged = await ctx.step(
    "charge",
    async ({ attempt }) => {
      if (attempt < 3) throw new Error(`gateway busy (attempt ${attempt})`);
      return attempt;
    },
    { retryStrategy: createRetryStrategy({ maxAttempts: 5, initialDelay: { seconds: 1 }, backoffRate: 1, jitter: JitterStrategy.NONE }) },
  );
  await ctx.wait("cool-off", { seconds: 1 });
  const packed = await ctx.map("pack", [1, 2, 3], (child, item) => child.step("box", async () => item * n), { maxConcurrency: 3 });
  const approval = await ctx.waitForCallback<unknown>(
    "approve",
    async (callbackId) => {
      appendFileSync(callbackLog, `${JSON.stringify({ callbackId, n })}\n`);
    },
    { timeout: { minutes: 5 } },
  );
  const tax = await ctx.invoke<{ amount: number }, number>("tax", "chaos-tax", { amount: n * 10 });
  return ctx.step("confirm", async () => ({ n, reserved, charged, packed: packed.getResults(), approval, tax }));
});

/** What of an update the test checks against the store: which operation, what was done, with what result. */
function summarize(u: OperationUpdate): AcknowledgedCheckpoint["updates"][number] {
  return { Id: u.Id, Type: u.Type, Action: u.Action, ...(u.Payload !== undefined && { Payload: u.Payload }) };
}

/** The handler, checkpointing through a client that logs each acknowledged checkpoint. */
function recordingAcknowledgements(handler: DurableLambdaHandler): DurableLambdaHandler {
  return (event, context) => {
    const service = (event as DurableExecutionInvocationInputWithClient).durableExecutionClient;
    const recording: DurableExecutionClient = {
      getExecutionState: (params) => service.getExecutionState(params),
      checkpoint: async (params) => {
        const out = await service.checkpoint(params);
        const line: AcknowledgedCheckpoint = { arn: params.DurableExecutionArn, updates: (params.Updates ?? []).map(summarize) };
        // Synchronous, so the line is in the file before the handler can act on the answer.
        appendFileSync(ackLog!, `${JSON.stringify(line)}\n`);
        return out;
      },
    };
    return handler(new DurableExecutionInvocationInputWithClient(event, recording), context);
  };
}

const service = await LocalDurableService.start({
  store: SqliteStore.open(dataDir),
  port: Number(values.port),
  functions: [
    { name: "chaos-order", handler: recordingAcknowledgements(chaosOrder) },
    { name: "chaos-tax", handler: recordingAcknowledgements(chaosTax) },
  ],
});
console.log(`listening on ${service.endpoint}`);
