// Benchmark: 1,000 sequential steps run fresh, then replayed from the 1,000 completed steps,
// on our runtime and on the official @aws/durable-execution-sdk-js, against the same engine
// (in memory, in process) in one run. Prints steps/s, the ratio ours/official and heap peaks.
// Run with `npm run bench -w @durable-lens/sdk` after `npm run build -w @durable-lens/sdk`.
import * as ours from "../dist/runtime/index.js";
import { Engine, InProcessClient, MemoryStore, VirtualClock } from "../dist/engine/index.js";
import { toEventJson } from "../dist/protocol/index.js";

const STEPS = Number(process.env.BENCH_STEPS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

let official;
try {
  official = await import("@aws/durable-execution-sdk-js");
} catch {
  console.log("@aws/durable-execution-sdk-js is not installed: run `npm install` at the repository root.");
  process.exit(1);
}

const workflow = (sdk) =>
  sdk.withDurableExecution(async (_event, ctx) => {
    let sum = 0;
    for (let i = 0; i < STEPS; i++) sum += await ctx.step(`s${i}`, async () => i);
    return sum;
  });

const noService = {
  getExecutionState: () => Promise.reject(new Error("a replay of completed steps needs no service call")),
  checkpoint: () => Promise.reject(new Error("a replay of completed steps needs no service call")),
};

let heapPeak = 0;
const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);

async function measure(sdk) {
  const handler = workflow(sdk);
  const store = new MemoryStore();
  const engine = new Engine({
    store,
    clock: new VirtualClock(),
    resolveFunction: () => ({ functionName: "bench", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:bench", version: "$LATEST" }),
    invoke: (_fn, event, requestId) =>
      handler(new sdk.DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), ours.createLambdaContext({ requestId, functionName: "bench" })),
  });
  globalThis.gc?.();
  heapPeak = 0;
  const heapBase = process.memoryUsage().heapUsed;
  let t = performance.now();
  const { arn } = engine.startExecution({ functionName: "bench", payload: "{}" });
  const done = await engine.waitForCompletion(arn);
  const freshMs = performance.now() - t;
  if (done.status !== "SUCCEEDED") throw new Error(`fresh run ended ${done.status}: ${JSON.stringify(done.error)}`);
  const freshHeap = heapPeak - heapBase;

  const event = toEventJson({
    DurableExecutionArn: arn,
    CheckpointToken: "cmVwbGF5",
    // The whole operation table of the ended execution, as the next invocation would get it.
    InitialExecutionState: { Operations: store.listOperations(arn) },
  });
  t = performance.now();
  const out = await handler(new sdk.DurableExecutionInvocationInputWithClient(event, noService), ours.createLambdaContext({ requestId: "replay", functionName: "bench" }));
  const replayMs = performance.now() - t;
  if (out.Status !== "SUCCEEDED" || out.Result !== done.result) throw new Error(`replay returned ${JSON.stringify(out)}`);
  return { freshMs, replayMs, freshHeap };
}

const results = { ours: [], official: [] };
for (let round = 0; round < ROUNDS; round++) {
  results.ours.push(await measure(ours));
  results.official.push(await measure(official));
}
clearInterval(sampler);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (rs) => ({
  fresh: (STEPS / median(rs.map((r) => r.freshMs))) * 1000,
  replay: (STEPS / median(rs.map((r) => r.replayMs))) * 1000,
  heapMiB: median(rs.map((r) => r.freshHeap)) / 1024 / 1024,
});
const a = summary(results.ours);
const b = summary(results.official);
const fmt = (n) => n.toFixed(0).padStart(8);
console.log(`${STEPS} sequential steps, median of ${ROUNDS} rounds, same in-process engine`);
console.log(`                 ours (steps/s)  official (steps/s)  ratio ours/official`);
console.log(`fresh          ${fmt(a.fresh)}        ${fmt(b.fresh)}            ${(a.fresh / b.fresh).toFixed(2)}`);
console.log(`replay         ${fmt(a.replay)}        ${fmt(b.replay)}            ${(a.replay / b.replay).toFixed(2)}`);
console.log(`heap peak over the fresh run: ours ${a.heapMiB.toFixed(1)} MiB, official ${b.heapMiB.toFixed(1)} MiB`);
