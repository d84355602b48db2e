// `npm run bench`: every benchmark of the project, one after the other, each printing its
// figures next to the anchor it measured in the same run. Benchmarks never fail on a number:
// this exits non-zero only when one of them could not run.
import { spawnSync } from "node:child_process";
import { buildSdk, ensureDependencies, root } from "./lib.mjs";

// The pinned AWS SDK warns that its later releases need Node 22; that is known, not a figure.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const BENCHMARKS = [
  { name: "runtime: 1,000 sequential steps, fresh and replayed, ours vs @aws/durable-execution-sdk-js", script: ["run", "bench", "-w", "@durable-lens/sdk"] },
  { name: "checkpoints: the local service vs the official testing library's checkpoint server", script: ["run", "bench:checkpoints", "-w", "@durable-lens/sdk"] },
  { name: "concurrency: 50 executions at once through the local service vs the official local runner", script: ["run", "bench:concurrent", "-w", "@durable-lens/sdk"] },
  { name: "UI: a 20,000-event history in headless Chromium", script: ["run", "bench:ui"] },
];

ensureDependencies();
// The runtime benchmark runs the built sdk; the UI benchmark builds what is stale itself.
buildSdk();

const results = [];
for (const bench of BENCHMARKS) {
  console.log(`\n=== ${bench.name}\n$ npm ${bench.script.join(" ")}\n`);
  const started = Date.now();
  const r = spawnSync("npm", ["--silent", ...bench.script], { cwd: root, stdio: "inherit" });
  results.push({ name: bench.name, status: r.status ?? r.signal, seconds: (Date.now() - started) / 1000 });
}

console.log("\n=== benchmarks run");
for (const r of results) console.log(`  ${r.status === 0 ? "ran   " : `FAILED (exit ${r.status})`}  ${r.name}  (${r.seconds.toFixed(0)} s)`);
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
