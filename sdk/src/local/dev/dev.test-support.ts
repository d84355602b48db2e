// Shared by the dev tests: a temp project whose node_modules is the repository's, so its
// handler modules import `@aws/durable-execution-sdk-js` and `@durable-lens/sdk` as a user's
// project would, and a LambdaClient helper set.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GetDurableExecutionCommand, GetDurableExecutionHistoryCommand, LambdaClient, type Event } from "@aws-sdk/client-lambda";

const repoNodeModules = fileURLToPath(new URL("../../../../node_modules", import.meta.url));

export interface TempProject {
  dir: string;
  /** Writes a file of the project (relative path) and returns its absolute path. */
  write(path: string, text: string): string;
  remove(): void;
}

export function tempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), "durable-lens-dev-"));
  symlinkSync(repoNodeModules, join(dir, "node_modules"), "dir");
  return {
    dir,
    write(path, text) {
      const file = join(dir, path);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A client as a user would make one; no retries, so an error shows as itself. */
export function clientFor(endpoint: string): LambdaClient {
  return new LambdaClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
}

export async function historyOf(client: LambdaClient, arn: string): Promise<Event[]> {
  const events: Event[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: true, ...(marker && { Marker: marker }) }));
    events.push(...page.Events!);
    marker = page.NextMarker;
  } while (marker);
  return events;
}

/**
 * The id of the first callback the execution has created, once the invocation that created
 * it has ended (so the history reads the same however fast the test answers).
 */
export async function callbackIdOf(client: LambdaClient, arn: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await historyOf(client, arn);
    const started = events.findIndex((e) => e.EventType === "CallbackStarted");
    if (started >= 0 && events.slice(started).some((e) => e.EventType === "InvocationCompleted")) return events[started]!.CallbackStartedDetails!.CallbackId!;
    if (Date.now() > deadline) throw new Error(`${arn} created no callback within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls GetDurableExecution until the execution has ended. */
export async function finished(client: LambdaClient, arn: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    if (out.Status !== "RUNNING") return out;
    if (Date.now() > deadline) throw new Error(`${arn} still RUNNING after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
