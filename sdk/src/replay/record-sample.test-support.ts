/** Records sample executions on an in-memory engine with virtual time (tests only). */
import { Engine, InProcessClient, MemoryStore, VirtualClock, VirtualTime } from "../engine/index.js";
import { sampleFunctions, type SampleFunction, type SampleSeed } from "../examples/index.js";
import { DurableExecutionInvocationInputWithClient, type DurableLambdaHandler } from "../runtime/index.js";
import { allEvents } from "../runtime/engine-run.test-support.js";
import { ReplaySimulator, type SimulationPause } from "./simulator.js";

/**
 * Runs `handler` (registered as `functionName`, the other samples beside it for chained
 * invokes) with `input` until it ends or no timer is left, answering named callbacks as the
 * local service's seeds do. With `tick`, each checkpoint call lands a millisecond after the last,
 * as on a real service, where no two calls share a time.
 */
export async function record(functionName: string, handler: DurableLambdaHandler, input: unknown, callbacks: Record<string, unknown> = {}, options: { tick?: boolean } = {}) {
  const handlers = new Map<string, DurableLambdaHandler>(sampleFunctions.map((f) => [f.name, f.handler]));
  handlers.set(functionName, handler);
  const clock = new VirtualClock();
  const engine: Engine = new Engine({
    store: new MemoryStore(),
    clock,
    resolveFunction: (name) => (handlers.has(name) ? { functionName: name, functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`, version: "$LATEST" } : undefined),
    invoke: (fn, event, requestId) => handlers.get(fn.functionName)!(new DurableExecutionInvocationInputWithClient(event, client(engine)), { awsRequestId: requestId } as never),
  });
  const client = (e: Engine): InProcessClient => {
    const inner = new InProcessClient(e);
    if (!options.tick) return inner;
    return Object.assign(Object.create(inner) as InProcessClient, {
      checkpoint: (p: Parameters<InProcessClient["checkpoint"]>[0]) => {
        if (p.Updates?.length) clock.advanceTo(clock.now() + 1);
        return inner.checkpoint(p);
      },
    });
  };
  const { arn } = engine.startExecution({ functionName, name: "recorded", payload: JSON.stringify(input) });
  const time = new VirtualTime(engine, clock);
  const answered = new Set<string>();
  /** Answers the named callbacks open now; how many it answered. */
  const answer = () => {
    const events = allEvents(engine, arn);
    const contexts = new Map(events.filter((e) => e.EventType === "ContextStarted").map((e) => [e.Id, e.Name]));
    let count = 0;
    for (const e of events) {
      if (e.EventType !== "CallbackStarted" || answered.has(e.Id!)) continue;
      const name = e.Name ?? contexts.get(e.ParentId);
      if (name === undefined || !Object.hasOwn(callbacks, name)) continue;
      answered.add(e.Id!);
      engine.sendCallbackSuccess(e.CallbackStartedDetails!.CallbackId!, JSON.stringify(callbacks[name]));
      count += 1;
    }
    return count;
  };
  for (let timers = 0; timers < 200; ) {
    await time.settle();
    if (answer() > 0) continue;
    const next = clock.nextTimerAt();
    if (engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING" || next === undefined) break;
    clock.advanceTo(next);
    timers += 1;
  }
  engine.close();
  return { arn, events: allEvents(engine, arn) };
}

/** The samples with a recorded input, each with its first seed. */
export function seededSamples(): { sample: SampleFunction; seed: SampleSeed }[] {
  return sampleFunctions.filter((f) => f.seeds.length > 0).map((sample) => ({ sample, seed: sample.seeds[0]! }));
}

/** Continues through every checkpoint until the simulation stops for something else. */
export async function runThrough(sim: ReplaySimulator, limit = 10_000): Promise<{ pause: SimulationPause; checkpoints: number }> {
  let checkpoints = 0;
  for (;;) {
    const pause = await sim.next();
    if (pause.kind !== "checkpoint" || ++checkpoints > limit) return { pause, checkpoints };
  }
}
