// Shared set-up of the tests that talk to the local service through the real LambdaClient:
// a service on a free port over SQLite in a temp dir, a client pointed at it, and a
// "manual" function whose invocations the test drives by hand, so it can make the very
// checkpoint and state calls a durable function makes, with a live checkpoint token.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  LambdaClient,
  type Event,
  type GetDurableExecutionCommandOutput,
} from "@aws-sdk/client-lambda";
import type { DurableExecutionInvocationInput, DurableExecutionInvocationOutput } from "../protocol/index.js";
import type { DurableLambdaHandler } from "../runtime/index.js";
import type { RegisteredFunction } from "./registry.js";
import { LocalDurableService } from "./service.js";
import { SqliteStore } from "./sqlite-store.js";

export interface TestService {
  service: LocalDurableService;
  client: LambdaClient;
  dataDir: string;
  stop(): Promise<void>;
}

/** A client as a user would make one; no retries, so a 5xx shows as itself. */
export function clientFor(endpoint: string): LambdaClient {
  return new LambdaClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
}

export async function startTestService(functions: RegisteredFunction[]): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), "durable-lens-api-"));
  const service = await LocalDurableService.start({ store: SqliteStore.open(dataDir), functions });
  const client = clientFor(service.endpoint);
  return {
    service,
    client,
    dataDir,
    async stop() {
      client.destroy();
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One invocation of a {@link ManualFunction}: what Lambda sent it, and how to end it. */
export interface ManualInvocation {
  event: DurableExecutionInvocationInput;
  finish(output: DurableExecutionInvocationOutput): void;
}

/**
 * A durable function with no code of its own: each invocation waits until the test takes it
 * with {@link next} and ends it with `finish`, so the test plays the runtime's part.
 */
export class ManualFunction {
  private readonly arrived: ManualInvocation[] = [];
  private readonly takers: ((inv: ManualInvocation) => void)[] = [];
  private readonly open = new Set<(output: DurableExecutionInvocationOutput) => void>();

  readonly handler: DurableLambdaHandler = (event) =>
    new Promise<DurableExecutionInvocationOutput>((resolve) => {
      const finish = (output: DurableExecutionInvocationOutput) => {
        this.open.delete(finish);
        resolve(output);
      };
      this.open.add(finish);
      const inv: ManualInvocation = { event, finish };
      const taker = this.takers.shift();
      if (taker) taker(inv);
      else this.arrived.push(inv);
    });

  /** Ends every invocation still running, so the service can stop even after a failed test. */
  finishAll(): void {
    for (const finish of [...this.open]) finish({ Status: "PENDING" });
  }

  next(): Promise<ManualInvocation> {
    const inv = this.arrived.shift();
    if (inv) return Promise.resolve(inv);
    return new Promise((resolve) => this.takers.push(resolve));
  }
}

/** Everything readable about an execution, to compare before and after a refused request. */
export async function snapshot(client: LambdaClient, arn: string): Promise<{ execution: GetDurableExecutionCommandOutput; events: Event[] }> {
  const { $metadata: _m, ...execution } = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
  const { Events } = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }));
  return { execution: execution as GetDurableExecutionCommandOutput, events: Events ?? [] };
}

/** Polls the history until `ready` finds what it looks for. */
export async function waitForEvent(client: LambdaClient, arn: string, ready: (events: Event[]) => Event | undefined, timeoutMs = 10_000): Promise<Event> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Events } = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, MaxItems: 1000 }));
    const found = ready(Events ?? []);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No such event in ${arn} after ${timeoutMs} ms: ${JSON.stringify(Events?.map((e) => e.EventType))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The id of the n-th (1-based) callback the execution opened, once the invocation that opened
 * it has ended too, so the history is at rest when the caller looks at it.
 */
export async function callbackId(client: LambdaClient, arn: string, n = 1): Promise<string> {
  let started: Event | undefined;
  await waitForEvent(client, arn, (events) => {
    started = events.filter((e) => e.EventType === "CallbackStarted")[n - 1];
    return started && events.find((e) => e.EventType === "InvocationCompleted" && e.EventId! > started!.EventId!);
  });
  return started!.CallbackStartedDetails!.CallbackId!;
}

/** What a refused call threw, for asserting its name, status and message together. */
export async function refusal(call: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await call;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message };
  }
  throw new Error("the call succeeded, but it should have been refused");
}
