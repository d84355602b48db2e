/** Runs one durable handler to its end on an in-memory engine with a virtual clock (tests only). */
import { Engine, InProcessClient, MemoryStore, VirtualClock, VirtualTime } from "../engine/index.js";
import { DurableExecutionInvocationInputWithClient } from "./client.js";
import { withDurableExecution, type DurableExecutionConfig, type DurableExecutionHandler } from "./index.js";

export async function runOnEngine(handler: DurableExecutionHandler, config?: DurableExecutionConfig, payload = "{}") {
  const lambdaHandler = withDurableExecution(handler, config);
  const clock = new VirtualClock();
  const engine: Engine = new Engine({
    store: new MemoryStore(),
    clock,
    resolveFunction: () => ({ functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", version: "$LATEST" }),
    invoke: (_fn, event, requestId) =>
      lambdaHandler(new DurableExecutionInvocationInputWithClient(event, new InProcessClient(engine)), { awsRequestId: requestId }),
  });
  const { arn } = engine.startExecution({ functionName: "fn", payload });
  // Fire timers (waits, retries) until the execution ends.
  await new VirtualTime(engine, clock).runUntil(() => engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING", 100);
  const done = engine.getExecution({ DurableExecutionArn: arn });
  const events = [];
  let marker: string | undefined;
  do {
    const page = engine.getExecutionHistory({ DurableExecutionArn: arn, MaxItems: 1000, ...(marker && { Marker: marker }) });
    events.push(...(page.Events ?? []));
    marker = page.NextMarker;
  } while (marker);
  return { done, arn, events };
}
