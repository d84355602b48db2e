// Chaos: 50 executions run at once on the local service (its own process, SQLite in a data
// directory) while the service is killed with SIGKILL at random moments, several times, and
// started again on the same directory. At every kill the store must hold each checkpoint the
// service had acknowledged; at the end every execution has finished with the result it would
// have had uninterrupted, holds every acknowledged checkpoint, has no event twice and EventIds
// 1, 2, 3... The kills are drawn from a seeded generator; the seed is printed, and
// DURABLE_LENS_FUZZ_SEED=<seed> replays the same kill schedule (unset: a fixed seed; `random`: a fresh one).
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  SendDurableExecutionCallbackSuccessCommand,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import type { Event } from "../protocol/index.js";
import { duplicatedEvents, missingAcknowledged, readAckLog } from "./chaos-checks.test-support.js";
import { fuzzSeed, seededRandom } from "./fuzz.test-support.js";
import { kill, started, startService as startProcess, type RunningService } from "./service-process.test-support.js";
import { SqliteStore } from "./sqlite-store.js";

const fixture = fileURLToPath(new URL("./chaos-service.test-support.ts", import.meta.url));

const EXECUTIONS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const startService = (dataDir: string, ackLog: string, callbackLog: string) =>
  startProcess(fixture, ["--port", "0", "--data-dir", dataDir, "--ack-log", ackLog, "--callback-log", callbackLog]);
const seed = fuzzSeed("chaos kill schedule");

async function history(client: LambdaClient, arn: string): Promise<Event[]> {
  const events: Event[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000, Marker: marker }));
    events.push(...((page.Events ?? []) as Event[]));
    marker = page.NextMarker;
  } while (marker);
  return events;
}

async function listAll(client: LambdaClient, functionName: string, running = false) {
  const out: { arn: string; status: string }[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(
      new ListDurableExecutionsByFunctionCommand({ FunctionName: functionName, MaxItems: 1000, Marker: marker, ...(running && { Statuses: ["RUNNING"] }) }),
    );
    out.push(...(page.DurableExecutions ?? []).map((e) => ({ arn: e.DurableExecutionArn!, status: e.Status! })));
    marker = page.NextMarker;
  } while (marker);
  return out;
}

const readText = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");
const fileSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/**
 * Plays the system that answers callbacks: reads the ids the workflow's submitters logged and
 * completes each through the API of whichever service runs now, again after a kill if the
 * answer did not get through. Keeps every answer the service acknowledged, and anything odd.
 */
class CallbackAnswerer {
  readonly acknowledged = new Map<string, number>();
  readonly problems: string[] = [];
  private readonly done = new Set<string>();
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly callbackLog: string,
    private readonly service: () => RunningService | undefined,
  ) {
    this.loop = this.run();
  }

  static answer = (n: number) => JSON.stringify({ approvedFor: n });

  private async run(): Promise<void> {
    while (!this.stopped) {
      const s = this.service();
      const asked = readText(this.callbackLog)
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as { callbackId: string; n: number });
      for (const { callbackId, n } of asked) {
        if (!s || this.done.has(callbackId) || this.stopped) continue;
        try {
          await s.client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: new TextEncoder().encode(CallbackAnswerer.answer(n)) }));
          this.acknowledged.set(callbackId, n);
          this.done.add(callbackId);
        } catch (e) {
          const err = e as Error & { $metadata?: { httpStatusCode?: number } };
          // Answered already (by a call whose reply the kill cut off, or a submitter that ran again).
          if (err.name === "InvalidParameterValueException" && /already closed/.test(err.message)) this.done.add(callbackId);
          // Any other answer from a service that runs is a fault; no answer at all means it was killed.
          else if (err.$metadata?.httpStatusCode !== undefined) this.problems.push(`${callbackId}: ${err.name}: ${err.message}`);
        }
      }
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

/** Everything the store holds right after a kill, read from the data directory with no service running. */
function storedHistories(dataDir: string): { histories: Map<string, Event[]>; midInvocation: number } {
  const store = SqliteStore.open(dataDir);
  try {
    const histories = new Map<string, Event[]>();
    let midInvocation = 0;
    for (const fn of ["chaos-order", "chaos-tax"]) {
      for (const rec of store.listExecutions({ functionName: fn, newestFirst: false, limit: 10_000 })) {
        histories.set(rec.arn, store.listEvents(rec.arn, { reverse: false, limit: 100_000 }));
        if (rec.invocation) midInvocation += 1;
      }
    }
    return { histories, midInvocation };
  } finally {
    store.close();
  }
}

const consecutive = (events: Event[]) => events.every((e, i) => e.EventId === i + 1);

describe("the local service killed with SIGKILL at random moments of 50 concurrent executions", () => {
  const work = mkdtempSync(join(tmpdir(), "durable-lens-chaos-"));
  const dataDir = join(work, "data");
  const ackLog = join(work, "acknowledged.log");
  const callbackLog = join(work, "callbacks.log");
  afterAll(async () => {
    await Promise.all([...started].map(kill));
    rmSync(work, { recursive: true, force: true });
  });

  it("finishes every execution with every acknowledged checkpoint, no event twice and consecutive EventIds", { timeout: 120_000 }, async () => {
    const random = seededRandom(seed);
    const kills = 3 + Math.floor(random() * 3);
    const delays = Array.from({ length: kills }, () => Math.round(150 + random() * 1050));
    console.log(`chaos: seed ${seed} (DURABLE_LENS_FUZZ_SEED=${seed} repeats it): ${kills} kills, each at the first checkpoint acknowledged ${delays.join(", ")} ms after a start`);

    let service: RunningService | undefined = await startService(dataDir, ackLog, callbackLog);
    const parents = new Map<string, number>();
    await Promise.all(
      Array.from({ length: EXECUTIONS }, async (_, n) => {
        const out = await service!.client.send(
          new InvokeCommand({ FunctionName: "chaos-order", InvocationType: "Event", DurableExecutionName: `order-${n}`, Payload: JSON.stringify({ n }) }),
        );
        parents.set(out.DurableExecutionArn!, n);
      }),
    );
    const answerer = new CallbackAnswerer(callbackLog, () => service);

    const atKills: { acknowledged: number; midInvocation: number }[] = [];
    try {
      for (const delay of delays) {
        await sleep(delay);
        // Killed right after a checkpoint was acknowledged, so an invocation is under way; unless
        // none comes for a while (everything waits on a timer, or has finished): then at once.
        const size = fileSize(ackLog);
        const latest = Date.now() + 3000;
        while (fileSize(ackLog) === size && Date.now() < latest) await sleep(1);
        const dying = service!;
        service = undefined;
        await kill(dying);

        // What the dead service promised must be on disk, whatever it was doing.
        const acks = readAckLog(readText(ackLog));
        const { histories, midInvocation } = storedHistories(dataDir);
        atKills.push({ acknowledged: acks.reduce((n, a) => n + a.updates.length, 0), midInvocation });
        expect(missingAcknowledged(acks, (arn) => histories.get(arn))).toEqual([]);
        for (const [arn, events] of histories) {
          expect(duplicatedEvents(events), arn).toEqual([]);
          expect(consecutive(events), arn).toBe(true);
        }
        service = await startService(dataDir, ackLog, callbackLog);
      }
      console.log(`chaos: at each kill, updates acknowledged so far / executions cut mid-invocation: ${atKills.map((k) => `${k.acknowledged}/${k.midInvocation}`).join(", ")}`);

      // No more kills: everything must now finish.
      const client = service!.client;
      const deadline = Date.now() + 60_000;
      for (;;) {
        const running = [...(await listAll(client, "chaos-order", true)), ...(await listAll(client, "chaos-tax", true))];
        if (running.length === 0) break;
        if (Date.now() > deadline) throw new Error(`${running.length} executions still running a minute after the last restart`);
        await sleep(100);
      }
    } finally {
      await answerer.stop();
    }
    expect(answerer.problems).toEqual([]);
    // The kills landed inside invocations, not only between them.
    expect(atKills.reduce((n, k) => n + k.midInvocation, 0)).toBeGreaterThan(0);

    const client = service!.client;
    const children = await listAll(client, "chaos-tax");
    expect(children).toHaveLength(EXECUTIONS);
    const histories = new Map<string, Event[]>();
    for (const arn of [...parents.keys(), ...children.map((c) => c.arn)]) histories.set(arn, await history(client, arn));

    for (const [arn, n] of parents) {
      const exec = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
      expect(exec.Status, arn).toBe("SUCCEEDED");
      expect(JSON.parse(exec.Result!)).toEqual({ n, reserved: `r${n}`, charged: 3, packed: [n, 2 * n, 3 * n], approval: CallbackAnswerer.answer(n), tax: 2 * n });
      // Its chained invoke started exactly one of the children.
      const invoked = histories.get(arn)!.filter((e) => e.EventType === "ChainedInvokeStarted");
      expect(invoked).toHaveLength(1);
      expect(children.map((c) => c.arn)).toContain(invoked[0]!.ChainedInvokeStartedDetails!.DurableExecutionArn);
    }
    for (const child of children) {
      const exec = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: child.arn }));
      expect(exec.Status, child.arn).toBe("SUCCEEDED");
    }
    for (const [arn, events] of histories) {
      expect(events.map((e) => e.EventId), arn).toEqual(events.map((_, i) => i + 1));
      expect(duplicatedEvents(events), arn).toEqual([]);
    }
    const acks = readAckLog(readText(ackLog));
    expect(missingAcknowledged(acks, (arn) => histories.get(arn))).toEqual([]);
    // Every callback answer the service acknowledged is the callback's result.
    const answered = new Map<string, string | undefined>();
    for (const events of histories.values()) {
      const ids = new Map(events.filter((e) => e.EventType === "CallbackStarted").map((e) => [e.Id, e.CallbackStartedDetails!.CallbackId]));
      for (const e of events) if (e.EventType === "CallbackSucceeded") answered.set(ids.get(e.Id)!, e.CallbackSucceededDetails!.Result!.Payload);
    }
    expect(answered.size).toBe(EXECUTIONS);
    for (const [callbackId, n] of answerer.acknowledged) expect(answered.get(callbackId)).toBe(CallbackAnswerer.answer(n));
  });
});
