// Benchmark: checkpoint throughput and latency of the local durable service (HTTP through
// @aws-sdk/client-lambda, SQLite in WAL mode with synchronous=FULL, so every acknowledged
// checkpoint is on disk) against the official testing library's local checkpoint server
// (@aws/durable-execution-sdk-js-testing: in memory, in a worker thread, no HTTP), on the
// same workflows driven by the same runtime (ours), in one run.
//
// Throughput is updates per second of the execution's wall time, from start to result;
// latency is the time of one checkpoint call as the runtime sees it (p50 and p95 over all
// measured rounds). The first round of each side only warms up and is not counted.
//
// Run with `npm run bench:checkpoints -w @durable-lens/sdk` (sources run through the TS
// loader, no build needed). BENCH_STEPS, BENCH_ITEMS and BENCH_ROUNDS resize it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { withDurableExecution } from "../src/runtime/index.ts";
import { LocalDurableService } from "../src/local/service.ts";
import { SqliteStore } from "../src/local/sqlite-store.ts";
import { Meter, fmt, median, percentile } from "./meter.mjs";

// The pinned AWS SDK warns that its later releases need Node 22; that is known, not a result.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const STEPS = Number(process.env.BENCH_STEPS ?? 300);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The workflows, each with the result it must end with so a broken run is never timed. */
const WORKFLOWS = [
  {
    name: `sequential: ${STEPS} steps, one after another`,
    expected: (STEPS * (STEPS - 1)) / 2,
    handler: withDurableExecution(async (_event, ctx) => {
      let sum = 0;
      for (let i = 0; i < STEPS; i++) sum += await ctx.step(`s${i}`, async () => i);
      return sum;
    }),
  },
  {
    name: `fan-out: map over ${ITEMS} items, 20 at a time, a step each`,
    expected: ITEMS * (ITEMS - 1),
    handler: withDurableExecution(async (_event, ctx) => {
      const items = Array.from({ length: ITEMS }, (_, i) => i);
      const batch = await ctx.map("items", items, (child, item) => child.step("double", async () => item * 2), { maxConcurrency: 20 });
      return batch.getResults().reduce((a, b) => a + b, 0);
    }),
  },
];

/** Ours: the local service on a fresh SQLite file, started with a synchronous Invoke. */
async function oursSide() {
  const dataDir = mkdtempSync(join(tmpdir(), "durable-lens-bench-"));
  const meter = new Meter();
  const service = await LocalDurableService.start({
    store: SqliteStore.open(dataDir),
    functions: WORKFLOWS.map((w, i) => ({ name: `bench-${i}`, handler: meter.wrap(w.handler) })),
  });
  const client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" } });
  return {
    meter,
    async run(index) {
      const out = await client.send(new InvokeCommand({ FunctionName: `bench-${index}`, Payload: "{}" }));
      if (out.FunctionError) throw new Error(`our run failed: ${new TextDecoder().decode(out.Payload)}`);
      return JSON.parse(new TextDecoder().decode(out.Payload));
    },
    async close() {
      client.destroy();
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The official testing library's LocalDurableTestRunner and its checkpoint server. */
async function officialSide() {
  const { LocalDurableTestRunner } = await import("@aws/durable-execution-sdk-js-testing");
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: false });
  const meter = new Meter();
  const runners = WORKFLOWS.map((w) => new LocalDurableTestRunner({ handlerFunction: meter.wrap(w.handler) }));
  return {
    meter,
    async run(index) {
      runners[index].reset();
      const result = await runners[index].run({ payload: {} });
      if (result.getStatus() !== "SUCCEEDED") throw new Error(`official run ended ${result.getStatus()}: ${JSON.stringify(result.getError?.())}`);
      return result.getResult();
    },
    close: () => LocalDurableTestRunner.teardownTestEnvironment(),
  };
}

/** Rounds of one workflow on one side; returns updates/s per round and the latencies of the measured rounds. */
async function measure(side, index) {
  const rates = [];
  let latencies = [];
  for (let round = 0; round <= ROUNDS; round++) {
    side.meter.reset();
    const t = performance.now();
    const result = await side.run(index);
    const ms = performance.now() - t;
    if (result !== WORKFLOWS[index].expected) throw new Error(`${WORKFLOWS[index].name}: got ${result}, expected ${WORKFLOWS[index].expected}`);
    if (round === 0) continue; // warm-up
    rates.push({ perSecond: (side.meter.updates / ms) * 1000, updates: side.meter.updates, calls: side.meter.latencies.length });
    latencies = latencies.concat(side.meter.latencies);
  }
  return { rates, latencies };
}

function summary({ rates, latencies }) {
  return {
    perSecond: median(rates.map((r) => r.perSecond)),
    updates: rates[0].updates,
    calls: rates[0].calls,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

console.log(`Checkpoint benchmark, Node ${process.version}, ${ROUNDS} measured rounds after a warm-up round.`);
console.log("  ours:     local service over HTTP (LambdaClient), SQLite WAL + synchronous=FULL");
console.log("  official: @aws/durable-execution-sdk-js-testing LocalDurableTestRunner (in-memory checkpoint server in a worker)");
if (Number(process.versions.node.split(".")[0]) < 22) {
  console.log(`  note: the official testing library declares Node >= 22; this is Node ${process.versions.node}, where it ran here without problems.`);
}

const ours = await oursSide();
let official;
try {
  official = await officialSide();
} catch (e) {
  console.log(`\nThe official testing library could not start on Node ${process.versions.node}: ${e?.message ?? e}`);
  console.log("Only our figures are measured below; the ratios need the official side.");
}

for (const [index, workflow] of WORKFLOWS.entries()) {
  const o = summary(await measure(ours, index));
  let f;
  if (official) {
    try {
      f = summary(await measure(official, index));
    } catch (e) {
      console.log(`\nThe official side failed on "${workflow.name}": ${e?.message ?? e}`);
    }
  }
  console.log(`\n${workflow.name}`);
  const row = (label, s) =>
    `  ${label.padEnd(9)} ${fmt(s.perSecond).padStart(8)} updates/s   p50 ${fmt(s.p50, 2).padStart(6)} ms   p95 ${fmt(s.p95, 2).padStart(6)} ms   (${s.updates} updates in ${s.calls} checkpoint calls)`;
  console.log(row("ours", o));
  if (f) {
    console.log(row("official", f));
    console.log(
      `  ratio ours/official: throughput ${fmt(o.perSecond / f.perSecond, 2)}x, p50 latency ${fmt(o.p50 / f.p50, 2)}x, p95 latency ${fmt(o.p95 / f.p95, 2)}x`,
    );
  }
}

await ours.close();
await official?.close();
