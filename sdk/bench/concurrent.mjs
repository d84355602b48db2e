// Benchmark: 50 executions at once flowing through the local durable service (HTTP through
// @aws-sdk/client-lambda, SQLite in WAL mode with synchronous=FULL: every acknowledged
// checkpoint is on disk), against an anchor measured in the same run: the official testing
// library's local runner (@aws/durable-execution-sdk-js-testing: an in-memory checkpoint server
// in a worker thread, no HTTP) running the same workflow 50 times at once, or, when it cannot,
// the same workload on our engine in memory. Both sides run the workflow on our runtime; only
// the service differs. Our engine in memory is printed too, as what HTTP and SQLite cost.
//
// Throughput is executions and checkpointed updates per second of a round's wall time (all 50
// started at once, to the last result); latency is one checkpoint call as the runtime sees it
// (p50 and p95 over every call of the measured rounds). The first round only warms up.
// It prints; it never fails on a number.
//
// Run with `npm run bench:concurrent -w @durable-lens/sdk` (sources through the TS loader, no
// build needed). BENCH_EXECUTIONS, BENCH_STEPS, BENCH_ITEMS and BENCH_ROUNDS resize it.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { Engine, InProcessClient, MemoryStore, RealClock } from "../src/engine/index.ts";
import { LocalDurableService } from "../src/local/service.ts";
import { SqliteStore } from "../src/local/sqlite-store.ts";
import { DurableExecutionInvocationInputWithClient, createLambdaContext, withDurableExecution } from "../src/runtime/index.ts";
import { Meter, fmt, median, percentile } from "./meter.mjs";

// The pinned AWS SDK warns that its later releases need Node 22; that is known, not a result.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const EXECUTIONS = Number(process.env.BENCH_EXECUTIONS ?? 50);
const STEPS = Number(process.env.BENCH_STEPS ?? 10);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** Sequential steps, a map with a step per item, a child context: each execution's own values. */
const workflow = withDurableExecution(async (input, ctx) => {
  let sum = 0;
  for (let i = 0; i < STEPS; i++) sum += await ctx.step(`s${i}`, async () => i + input.n);
  const items = Array.from({ length: ITEMS }, (_, i) => i + 1);
  const packed = await ctx.map("pack", items, (child, item) => child.step("box", async () => item * input.n), { maxConcurrency: ITEMS });
  const label = await ctx.runInChildContext("ship", (child) => child.step("label", async () => `parcel-${input.n}`));
  return { n: input.n, sum, packed: packed.getResults().reduce((a, b) => a + b, 0), label };
});

/** What execution `n` must return, so a broken run is never timed. */
const expected = (n) => ({
  n,
  sum: (STEPS * (STEPS - 1)) / 2 + STEPS * n,
  packed: ((ITEMS * (ITEMS + 1)) / 2) * n,
  label: `parcel-${n}`,
});

function check(side, n, result) {
  const want = JSON.stringify(expected(n));
  if (JSON.stringify(result) !== want) throw new Error(`${side}: execution ${n} returned ${JSON.stringify(result)}, expected ${want}`);
}

/** Ours: the local service on a fresh SQLite file; the 50 started by synchronous Invokes at once. */
async function localService() {
  const dataDir = mkdtempSync(join(tmpdir(), "durable-lens-bench-"));
  const meter = new Meter();
  const service = await LocalDurableService.start({ store: SqliteStore.open(dataDir), functions: [{ name: "concurrent", handler: meter.wrap(workflow) }] });
  const client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" } });
  return {
    label: "ours",
    meter,
    async runOne(n) {
      const out = await client.send(new InvokeCommand({ FunctionName: "concurrent", Payload: JSON.stringify({ n }) }));
      const text = new TextDecoder().decode(out.Payload);
      if (out.FunctionError) throw new Error(`ours: execution ${n} failed: ${text}`);
      check("ours", n, JSON.parse(text));
    },
    async close() {
      client.destroy();
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The anchor: the official testing library's LocalDurableTestRunner, one runner per execution. */
async function officialRunner() {
  const { LocalDurableTestRunner } = await import("@aws/durable-execution-sdk-js-testing");
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: false });
  const meter = new Meter();
  const runners = Array.from({ length: EXECUTIONS }, () => new LocalDurableTestRunner({ handlerFunction: meter.wrap(workflow) }));
  return {
    label: "official",
    meter,
    async runOne(n) {
      runners[n].reset();
      const result = await runners[n].run({ payload: { n } });
      if (result.getStatus() !== "SUCCEEDED") throw new Error(`official: execution ${n} ended ${result.getStatus()}: ${JSON.stringify(result.getError?.())}`);
      check("official", n, result.getResult());
    },
    close: () => LocalDurableTestRunner.teardownTestEnvironment(),
  };
}

/** Our engine in memory, in this process, on the real clock: the service without HTTP and SQLite. */
function engineInMemory() {
  const meter = new Meter();
  const handler = meter.wrap(workflow);
  const engine = new Engine({
    store: new MemoryStore(),
    clock: new RealClock(),
    resolveFunction: () => ({ functionName: "concurrent", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:concurrent", version: "$LATEST" }),
    invoke: (_fn, event, requestId) =>
      handler(new DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), createLambdaContext({ requestId, functionName: "concurrent" })),
  });
  return {
    label: "in memory",
    meter,
    async runOne(n) {
      const { arn } = engine.startExecution({ functionName: "concurrent", payload: JSON.stringify({ n }) });
      const done = await engine.waitForCompletion(arn);
      if (done.status !== "SUCCEEDED") throw new Error(`in memory: execution ${n} ended ${done.status}: ${JSON.stringify(done.error)}`);
      check("in memory", n, JSON.parse(done.result));
    },
    close: async () => engine.close(),
  };
}

/** Rounds of EXECUTIONS executions started at once; the first round warms up. */
async function measure(side) {
  const rounds = [];
  let latencies = [];
  for (let round = 0; round <= ROUNDS; round++) {
    side.meter.reset();
    const t = performance.now();
    await Promise.all(Array.from({ length: EXECUTIONS }, (_, n) => side.runOne(n)));
    const ms = performance.now() - t;
    if (round === 0) continue;
    rounds.push({ ms, updates: side.meter.updates, calls: side.meter.latencies.length });
    latencies = latencies.concat(side.meter.latencies);
  }
  const ms = median(rounds.map((r) => r.ms));
  return {
    ms,
    executionsPerSecond: (EXECUTIONS / ms) * 1000,
    updatesPerSecond: median(rounds.map((r) => (r.updates / r.ms) * 1000)),
    updates: rounds[0].updates,
    calls: rounds[0].calls,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

const row = (label, s) =>
  `  ${label.padEnd(10)} ${fmt(s.ms).padStart(6)} ms   ${fmt(s.executionsPerSecond, 1).padStart(7)} executions/s   ${fmt(s.updatesPerSecond).padStart(7)} updates/s   checkpoint p50 ${fmt(s.p50, 2).padStart(6)} ms   p95 ${fmt(s.p95, 2).padStart(7)} ms   (${s.updates} updates in ${s.calls} calls)`;
const ratio = (o, a) =>
  `throughput ${fmt(o.executionsPerSecond / a.executionsPerSecond, 2)}x, checkpoint p50 ${fmt(o.p50 / a.p50, 2)}x, p95 ${fmt(o.p95 / a.p95, 2)}x`;

console.log(`Concurrency benchmark, Node ${process.version}, ${cpus().length} cores: ${EXECUTIONS} executions at once, median of ${ROUNDS} rounds after a warm-up round.`);
console.log(`  workflow: ${STEPS} sequential steps, a map over ${ITEMS} items (a step each, all at once), a child context with a step`);
console.log("  ours:      local durable service over HTTP (LambdaClient), SQLite WAL + synchronous=FULL");

const ours = await localService();
const oursFigures = await measure(ours);
await ours.close();

let anchor;
let anchorFigures;
try {
  anchor = await officialRunner();
  anchorFigures = await measure(anchor);
  console.log(`  anchor:    @aws/durable-execution-sdk-js-testing LocalDurableTestRunner, ${EXECUTIONS} runs at once (in-memory checkpoint server in a worker, no HTTP)`);
} catch (e) {
  console.log(`  anchor:    our engine in memory, because the official testing library's runner could not run ${EXECUTIONS} executions at once here: ${e?.message ?? e}`);
  anchor = undefined;
}
await anchor?.close();

const memory = engineInMemory();
const memoryFigures = await measure(memory);
await memory.close();
console.log("  in memory: our engine in this process, memory store, no HTTP (what HTTP and SQLite cost)");

console.log("");
console.log(row("ours", oursFigures));
if (anchorFigures) console.log(row("official", anchorFigures));
console.log(row("in memory", memoryFigures));
console.log("");
if (anchorFigures) console.log(`  ratio ours/official:  ${ratio(oursFigures, anchorFigures)}`);
console.log(`  ratio ours/in memory: ${ratio(oursFigures, memoryFigures)}${anchorFigures ? "" : "  (the anchor of this run)"}`);
