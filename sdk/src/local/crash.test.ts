// Kill -9 the local service mid-execution, twice, start it again on the same data directory
// and check that the execution finishes with no acknowledged checkpoint lost and a history of
// the same shape as a run that was never interrupted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  SendDurableExecutionCallbackSuccessCommand,
  type Event,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { kill, started, startService as startProcess, type RunningService } from "./service-process.test-support.js";

const fixture = fileURLToPath(new URL("./crash-service.test-support.ts", import.meta.url));
const startService = (dataDir: string, ackLog: string) => startProcess(fixture, ["--port", "0", "--data-dir", dataDir, "--ack-log", ackLog]);

async function history(client: LambdaClient, arn: string): Promise<Event[]> {
  return (await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }))).Events!;
}

/** Polls the history until `ready` holds. */
async function until(client: LambdaClient, arn: string, ready: (events: Event[]) => boolean): Promise<Event[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const events = await history(client, arn);
    if (ready(events)) return events;
    if (Date.now() > deadline) throw new Error(`gave up waiting; history: ${events.map((e) => e.EventType).join(", ")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An invocation has ended after the event `pick` finds: the execution is at rest, waiting. */
const restingAfter = (pick: (e: Event) => boolean) => (events: Event[]) => {
  const at = events.findIndex(pick);
  return at >= 0 && events.slice(at + 1).some((e) => e.EventType === "InvocationCompleted");
};
const waitStarted = restingAfter((e) => e.EventType === "WaitStarted" && e.Name === "cool-off");
const callbackStarted = restingAfter((e) => e.EventType === "CallbackStarted");

async function answerCallback(client: LambdaClient, events: Event[], result: string): Promise<void> {
  const id = events.find((e) => e.EventType === "CallbackStarted")!.CallbackStartedDetails!.CallbackId!;
  await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: id, Result: new TextEncoder().encode(result) }));
}

async function finished(client: LambdaClient, arn: string) {
  for (;;) {
    const exec = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    if (exec.Status !== "RUNNING") return exec;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What must match between two runs: everything but times, request ids and the execution's own id and name. */
function shape(events: Event[]) {
  const executionId = events[0]!.Id;
  return events.map((e) =>
    e.Id === executionId ? [e.EventId, e.EventType, "<execution>"] : [e.EventId, e.EventType, e.Name, e.Id, e.ParentId, e.SubType],
  );
}

describe("the local service killed with SIGKILL mid-execution", () => {
  let dataDir: string;
  let ackLog: string;
  let service: RunningService;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "durable-lens-crash-"));
    ackLog = join(dataDir, "acknowledged.log");
  });
  afterAll(async () => {
    await Promise.all([...started].map(kill));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("finishes the execution with every acknowledged checkpoint and an uninterrupted run's history", { timeout: 45_000 }, async () => {
    service = await startService(dataDir, ackLog);

    // The reference: the same workflow, never interrupted.
    const reference = (await service.client.send(new InvokeCommand({ FunctionName: "crash-workflow", InvocationType: "Event", Payload: '{"id":"ref"}' })))
      .DurableExecutionArn!;
    await answerCallback(service.client, await until(service.client, reference, callbackStarted), '"approved"');
    const referenceEnd = await finished(service.client, reference);
    expect(referenceEnd.Status).toBe("SUCCEEDED");
    const referenceEvents = await history(service.client, reference);

    // First kill: two steps and a wait are checkpointed, the wait's timer is armed.
    const arn = (await service.client.send(new InvokeCommand({ FunctionName: "crash-workflow", InvocationType: "Event", Payload: '{"id":"ref"}', DurableExecutionName: "crashed" })))
      .DurableExecutionArn!;
    const beforeFirstKill = await until(service.client, arn, waitStarted);
    await kill(service);

    // Second kill: after the restart the timer fired and the callback opened.
    service = await startService(dataDir, ackLog);
    const beforeSecondKill = await until(service.client, arn, callbackStarted);
    expect(beforeSecondKill.slice(0, beforeFirstKill.length)).toEqual(beforeFirstKill);
    await kill(service);

    // The callback is answered to the restarted service, and the execution finishes.
    service = await startService(dataDir, ackLog);
    const afterRestart = await history(service.client, arn);
    expect(afterRestart).toEqual(beforeSecondKill);
    await answerCallback(service.client, afterRestart, '"approved"');
    const end = await finished(service.client, arn);
    const events = await history(service.client, arn);

    expect(events.slice(0, beforeSecondKill.length)).toEqual(beforeSecondKill);
    expect(end.Status).toBe("SUCCEEDED");
    expect(JSON.parse(end.Result!)).toEqual(JSON.parse(referenceEnd.Result!));
    expect(shape(events)).toEqual(shape(referenceEvents));
    await kill(service);
    expect(events.map((e) => e.EventId)).toEqual(events.map((_, i) => i + 1));
    // Each step ran once: nothing acknowledged was done again after a restart.
    const stepStarts = events.filter((e) => e.EventType === "StepStarted");
    expect(new Set(stepStarts.map((e) => e.Id)).size).toBe(stepStarts.length);
    // The five named steps and waitForCallback's submitter.
    expect(stepStarts.map((e) => e.Name)).toEqual(["reserve", "charge", undefined, "pack", "hand-over", "confirm"]);
  });

  it("keeps every checkpoint it acknowledged when killed in the middle of an invocation", { timeout: 45_000 }, async () => {
    service = await startService(dataDir, ackLog);
    const steps = 300;
    const arn = (await service.client.send(new InvokeCommand({ FunctionName: "step-storm", InvocationType: "Event", Payload: JSON.stringify({ steps }) })))
      .DurableExecutionArn!;
    const acknowledged = () => (existsSync(ackLog) ? readFileSync(ackLog, "utf8").split("\n").filter(Boolean) : []);
    while (acknowledged().length < 40) await new Promise((r) => setTimeout(r, 5));
    await kill(service);
    const promised = new Set(acknowledged());
    expect(promised.size).toBeLessThan(steps);

    service = await startService(dataDir, ackLog);
    const atRestart = await history(service.client, arn);
    const succeeded = new Set(atRestart.filter((e) => e.EventType === "StepSucceeded").map((e) => e.Name!));
    expect([...promised].filter((name) => !succeeded.has(name))).toEqual([]);

    const end = await finished(service.client, arn);
    expect(end).toMatchObject({ Status: "SUCCEEDED", Result: String((steps * (steps - 1)) / 2) });
    const events = await history(service.client, arn);
    expect(events.slice(0, atRestart.length)).toEqual(atRestart);
    expect(events.map((e) => e.EventId)).toEqual(events.map((_, i) => i + 1));
    // Every step succeeded exactly once; the invocation the kill cut short is on record as failed.
    const successes = events.filter((e) => e.EventType === "StepSucceeded").map((e) => e.Name);
    expect(successes).toEqual(Array.from({ length: steps }, (_, i) => `s${i}`));
    const cut = events.filter((e) => e.EventType === "InvocationCompleted" && e.InvocationCompletedDetails!.Error);
    expect(cut).toHaveLength(1);
    expect(cut[0]!.InvocationCompletedDetails!.Error!.Payload).toMatchObject({ ErrorType: "Runtime.ExitError" });
    await kill(service);
  });
});
