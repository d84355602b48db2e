// For every sample function, the history our local runner produces under skip time equals,
// event for event, the one the local service records for the same input and the same
// callback answers, when the service runs on a virtual clock driven the same way (timers one
// instant at a time, invocations first, answers between invocations). Only ids that are random
// by nature (execution, request, callback, child ARN) are replaced; times are compared as
// offsets from the start, since both sides skip time the same way. Where the service's clock
// waits for the invocation to end, the runner's skipped time lets a running invocation ride
// through a retry's back-off or a wait next to a running step (as the official runner does), so
// invocation boundaries are compared apart: the runner has no more of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  LambdaClient,
  SendDurableExecutionCallbackSuccessCommand,
} from "@aws-sdk/client-lambda";
import { MemoryStore, VirtualClock, VirtualTime } from "../engine/index.js";
import { LocalDurableService, sampleRegistrations } from "../local/index.js";
import type { Event } from "../protocol/index.js";
import { LocalDurableTestRunner } from "./index.js";
import { runSampleLocally, sampleCases, type SampleCase } from "./samples.test-support.js";

let service: LocalDurableService;
let client: LambdaClient;
let clock: VirtualClock;

beforeAll(async () => {
  await LocalDurableTestRunner.setupTestEnvironment({ skipTime: true });
  clock = new VirtualClock(Date.now());
  service = await LocalDurableService.start({ store: new MemoryStore(), clock, functions: sampleRegistrations() });
  client = new LambdaClient({ endpoint: service.endpoint, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" }, maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await service.stop();
  await LocalDurableTestRunner.teardownTestEnvironment();
});

/** The open callbacks of a history that `answers` names, by the callback's or its context's name. */
function openCallbacks(events: Event[], answers: Record<string, unknown>): { callbackId: string; answer: unknown }[] {
  const contextNames = new Map(events.filter((e) => e.EventType === "ContextStarted").map((e) => [e.Id, e.Name]));
  const closed = new Set(events.filter((e) => e.EventType?.startsWith("Callback") && e.EventType !== "CallbackStarted").map((e) => e.Id));
  return events
    .filter((e) => e.EventType === "CallbackStarted" && !closed.has(e.Id))
    .map((e) => ({ e, name: e.Name ?? contextNames.get(e.ParentId) }))
    .filter(({ name }) => name !== undefined && Object.hasOwn(answers, name))
    .map(({ e, name }) => ({ callbackId: e.CallbackStartedDetails!.CallbackId!, answer: answers[name!] }));
}

async function serviceHistory(arn: string): Promise<Event[]> {
  const { Events } = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: true, MaxItems: 1000 }));
  return (Events ?? []) as Event[];
}

/** Records a sample on the local service, playing the outside world between invocations. */
async function recordOnService({ fn, input, answers }: SampleCase): Promise<Event[]> {
  const invoked = await client.send(new InvokeCommand({ FunctionName: fn.name, InvocationType: "Event", Payload: JSON.stringify(input) }));
  const arn = invoked.DurableExecutionArn!;
  const time = new VirtualTime(service.engine, clock);
  for (;;) {
    await time.settle();
    const open = openCallbacks(await serviceHistory(arn), answers);
    for (const { callbackId, answer } of open) {
      await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: new TextEncoder().encode(JSON.stringify(answer)) }));
    }
    if (open.length > 0) continue;
    const { Status } = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    if (Status !== "RUNNING") return serviceHistory(arn);
    const next = clock.nextTimerAt();
    if (next === undefined) throw new Error(`${fn.name} is still running with nothing scheduled`);
    clock.advanceTo(next);
  }
}

/**
 * The history without its invocation boundaries (and so without event numbers), random ids
 * named by kind and order, and times as offsets from its start.
 */
function comparable(all: Event[]): unknown[] {
  const events = all.filter((e) => e.EventType !== "InvocationCompleted");
  const start = events[0]!.EventTimestamp!.getTime();
  const names = new Map<string, string>();
  const rename = (kind: string, value: unknown) => {
    if (typeof value !== "string") return value;
    if (!names.has(value)) names.set(value, `<${kind} ${[...names.values()].filter((n) => n.startsWith(`<${kind}`)).length + 1}>`);
    return names.get(value);
  };
  const executionId = events[0]!.Id!;
  // A callback id also travels inside payloads (handed to a notification step).
  const callbackIds = events.flatMap((e) => e.CallbackStartedDetails?.CallbackId ?? []);
  return JSON.parse(
    JSON.stringify(events, (key, value: unknown) => {
      if (key === "EventId") return undefined;
      if (value === executionId) return "<execution>";
      if (key === "RequestId") return rename("request", value);
      if (key === "CallbackId") return rename("callback", value);
      if (typeof value === "string" && callbackIds.some((id) => value.includes(id))) {
        return callbackIds.reduce((text, id) => text.replaceAll(id, String(rename("callback", id))), value);
      }
      if (key === "DurableExecutionArn") return rename("child execution", value);
      if (key.endsWith("Timestamp") && typeof value === "string") return Date.parse(value) - start;
      return value;
    }),
  ) as unknown[];
}

describe("sample functions: the local runner's history equals the local service's", () => {
  for (const c of sampleCases) {
    it(c.fn.name, async () => {
      const [local, recorded] = [(await runSampleLocally(c)).getHistoryEvents(), await recordOnService(c)];
      expect(local.at(-1)?.EventType).toMatch(/^Execution(Succeeded|Failed)$/);
      expect(comparable(local)).toEqual(comparable(recorded));
      const invocations = (events: Event[]) => events.filter((e) => e.EventType === "InvocationCompleted").length;
      expect(invocations(local)).toBeGreaterThanOrEqual(1);
      expect(invocations(local)).toBeLessThanOrEqual(invocations(recorded));
    });
  }
});
