/// <reference lib="webworker" />
/**
 * The replay simulator's worker: runs the durable runtime and engine off the page's thread,
 * one simulation at a time, answering each request with where the simulation paused.
 */
import { historyCheckpoints } from "@durable-lens/sdk/history";
import { ReplaySimulator, type SimulationPause } from "@durable-lens/sdk/replay";
import { loadHandler, onHandlerThrow } from "./load-handler";
import type { CheckResult, RunUntil, SimulatorRequest, SimulatorResponse } from "./worker-protocol";

/** A run to the end stops here even if the code keeps checkpointing (a loop without end). */
const MAX_CHECKPOINTS_PER_RUN = 20_000;

let sim: ReplaySimulator | undefined;
/** The simulation whose code runs now: it hears what the handler throws. */
let running: ReplaySimulator | undefined;
onHandlerThrow((error) => running?.noteThrown(error));

// The workflow's log lines go to the simulation that runs now, and to the real console too.
for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    sim?.log(level === "log" ? "info" : level, args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    original(...args);
  };
}

function reply(message: SimulatorResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
}

/** Goes on to the pause `until` asks for; `passed` counts the checkpoints gone through on the way. */
async function runUntil(s: ReplaySimulator, until: RunUntil): Promise<{ pause: SimulationPause; passed: number }> {
  const from = s.invocationCount;
  for (let passed = 0; ; passed++) {
    const pause = await s.next();
    if (pause.kind !== "checkpoint" || passed >= MAX_CHECKPOINTS_PER_RUN) return { pause, passed };
    if (until === "checkpoint" || (until === "invocation" && pause.checkpoint.invocation > Math.max(from, 1))) return { pause, passed };
  }
}

async function check(request: Extract<SimulatorRequest, { type: "check" }>): Promise<CheckResult[]> {
  const handler = await loadHandler(request.code);
  const results: CheckResult[] = [];
  for (const run of request.runs) {
    const s = new ReplaySimulator({ recording: run.recording, handler, functionName: request.functionName, executionArn: run.arn });
    running = s;
    try {
      const { pause } = await runUntil(s, "end");
      results.push({
        arn: run.arn,
        verdict: pause.kind === "diverged" ? "diverged" : pause.kind === "crashed" ? "crashed" : pause.kind === "error" ? "error" : "consistent",
        // Counted as the execution page counts them, over the replayed history.
        checkpoints: historyCheckpoints(s.snapshot().events).length,
        stoppedAt: pause.kind,
        ...(pause.kind === "diverged" && { divergence: pause.divergence }),
        ...(pause.kind === "crashed" && { crash: pause.error }),
        ...(pause.kind === "error" && { message: pause.message }),
      });
    } catch (error) {
      results.push({ arn: run.arn, verdict: "error", checkpoints: 0, stoppedAt: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
      s.dispose();
    }
  }
  return results;
}

async function handle(request: SimulatorRequest): Promise<SimulatorResponse> {
  if (request.type === "check") return { type: "checked", results: await check(request) };
  if (request.type === "start") {
    const handler = await loadHandler(request.code);
    sim?.dispose();
    sim = new ReplaySimulator({
      recording: request.recording,
      handler,
      functionName: request.functionName,
      ...(request.executionArn && { executionArn: request.executionArn }),
      ...(request.seed && { seed: request.seed }),
      ...(request.whatIf && { whatIf: true }),
    });
    running = sim;
    for (const o of request.overrides ?? []) sim.overrideStep(o.operationId, o.outcome);
    const pause = await sim.next();
    return { type: "pause", pause, snapshot: sim.snapshot() };
  }
  const current = sim;
  if (!current) return { type: "error", message: "Start a simulation first" };
  running = current;
  switch (request.type) {
    case "next":
      break;
    case "outcome":
      current.provideOutcome(request.outcome);
      break;
    case "callback":
      current.resolveCallback(request.operationId, request.outcome);
      break;
    case "advance":
      current.advanceClock(request.seconds);
      break;
    case "override":
      current.overrideStep(request.operationId, request.outcome);
      // Set at a pause: the run goes on with the next request.
      return current.paused ? { type: "pause", pause: current.paused, snapshot: current.snapshot() } : { type: "error", message: "Start a simulation first" };
  }
  const { pause } = await runUntil(current, request.type === "next" ? request.until : "checkpoint");
  return { type: "pause", pause, snapshot: current.snapshot() };
}

self.onmessage = async (e: MessageEvent<SimulatorRequest>) => {
  try {
    reply(await handle(e.data));
  } catch (error) {
    reply({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
