import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import {
  GetFunctionCommand,
  InvokeCommand,
  ListFunctionsCommand,
  SendDurableExecutionCallbackSuccessCommand,
  type Event,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { SqliteStore } from "../sqlite-store.js";
import { DevServer } from "./dev-server.js";
import { callbackIdOf, clientFor, finished, historyOf, tempProject, type TempProject } from "./dev.test-support.js";
import { parseFunctionArgument } from "./function-spec.js";

/** The same workflow twice: once on the official SDK, once on ours; only the import differs. */
const workflow = (sdk: string) => `
import { withDurableExecution } from "${sdk}";

export const handler = withDurableExecution(async (event: { name: string }, context) => {
  const greeting = await context.step("greet", async () => "Hello, " + event.name);
  await context.wait("pause", { seconds: 1 });
  const answer = await context.waitForCallback("ask-human", async (callbackId) => {
    console.log("waiting for", callbackId);
  });
  return { greeting, answer, lambdaEndpoint: process.env.AWS_ENDPOINT_URL_LAMBDA };
});
`;

let project: TempProject;
let dev: DevServer;
let client: LambdaClient;

beforeAll(async () => {
  project = tempProject();
  const official = project.write("official.ts", workflow("@aws/durable-execution-sdk-js"));
  const ours = project.write("ours.ts", workflow("@durable-lens/sdk"));
  const config = project.write("durable-lens.config.json", JSON.stringify({ functions: {} }));
  dev = await DevServer.start({
    store: SqliteStore.open(project.dir),
    functions: [parseFunctionArgument(official, project.dir), parseFunctionArgument(`ours=${ours}`, project.dir)],
    configFile: config,
  });
  client = clientFor(dev.service.endpoint);
});

afterAll(async () => {
  await dev?.stop();
  project?.remove();
});

/** Starts `fn` through Invoke, answers its callback with "yes" (the raw string both SDKs pass through) and returns its history. */
async function runToCompletion(fn: string, executionName: string): Promise<{ result: unknown; events: Event[] }> {
  const started = await client.send(
    new InvokeCommand({ FunctionName: fn, InvocationType: "Event", Payload: JSON.stringify({ name: "Ada" }), DurableExecutionName: executionName }),
  );
  expect(started.StatusCode).toBe(202);
  const arn = started.DurableExecutionArn!;
  const callbackId = await callbackIdOf(client, arn);
  await client.send(new SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: new TextEncoder().encode("yes") }));
  const done = await finished(client, arn);
  expect(done.Status).toBe("SUCCEEDED");
  return { result: JSON.parse(done.Result!), events: await historyOf(client, arn) };
}

/** What a history says happened, without ids, times and the execution's own name. */
const shape = (events: Event[]) => events.map((e) => [e.EventType, e.SubType ?? null, e.EventType!.startsWith("Execution") ? null : (e.Name ?? null)]);

describe("a handler module written with the official @aws/durable-execution-sdk-js", () => {
  it("runs unchanged on the local service: step, wait and callback through a real LambdaClient", async () => {
    const { result, events } = await runToCompletion("official", "official-ada");
    // The official SDK's own LambdaClient found the service through the standard setting.
    expect(result).toEqual({ greeting: "Hello, Ada", answer: "yes", lambdaEndpoint: dev.service.endpoint });
    expect(shape(events)).toEqual([
      ["ExecutionStarted", null, null],
      ["StepStarted", "Step", "greet"],
      ["StepSucceeded", "Step", "greet"],
      ["WaitStarted", "Wait", "pause"],
      ["InvocationCompleted", null, null],
      ["WaitSucceeded", "Wait", "pause"],
      ["ContextStarted", "WaitForCallback", "ask-human"],
      ["CallbackStarted", "Callback", null],
      ["StepStarted", "Step", null],
      ["StepSucceeded", "Step", null],
      ["InvocationCompleted", null, null],
      ["CallbackSucceeded", "Callback", null],
      ["ContextSucceeded", "WaitForCallback", "ask-human"],
      ["InvocationCompleted", null, null],
      ["ExecutionSucceeded", null, null],
    ]);
    const step = events.find((e) => e.EventType === "StepSucceeded" && e.Name === "greet")!;
    expect(step.StepSucceededDetails!.Result!.Payload).toBe('"Hello, Ada"');
    expect(events.find((e) => e.EventType === "CallbackSucceeded")!.CallbackSucceededDetails!.Result!.Payload).toBe("yes");
  });

  it("writes the same history as the same workflow on our runtime", async () => {
    const official = await runToCompletion("official", "official-grace");
    const ours = await runToCompletion("ours", "ours-grace");
    expect(shape(ours.events)).toEqual(shape(official.events));
    expect(ours.result).toEqual(official.result);
  });

  it("is listed by ListFunctions and GetFunction under its file name", async () => {
    const { Functions } = await client.send(new ListFunctionsCommand({}));
    expect(Functions!.map((f) => f.FunctionName).sort()).toEqual(["official", "ours"]);
    const fn = await client.send(new GetFunctionCommand({ FunctionName: "official" }));
    expect(fn.Configuration!.FunctionArn).toBe("arn:aws:lambda:us-east-1:123456789012:function:official");
  });
});

describe("durable-lens.config.json", () => {
  it("adds and removes functions when the file changes", async () => {
    project.write("refunds.ts", `export const refund = async () => ({ Status: "SUCCEEDED", Result: JSON.stringify("refunded") });`);
    writeFileSync(`${project.dir}/durable-lens.config.json`, JSON.stringify({ functions: { refunds: { handler: "refunds.ts#refund", description: "Refunds" } } }));
    await expect
      .poll(async () => (await client.send(new ListFunctionsCommand({}))).Functions!.map((f) => [f.FunctionName, f.Description]).sort(), { timeout: 10_000 })
      .toEqual([["official", ""], ["ours", ""], ["refunds", "Refunds"]]);
    const out = await client.send(new InvokeCommand({ FunctionName: "refunds", Payload: "{}" }));
    expect(new TextDecoder().decode(out.Payload)).toBe('"refunded"');

    writeFileSync(`${project.dir}/durable-lens.config.json`, JSON.stringify({ functions: {} }));
    await expect.poll(async () => (await client.send(new ListFunctionsCommand({}))).Functions!.map((f) => f.FunctionName).sort(), { timeout: 10_000 }).toEqual(["official", "ours"]);
  });
});
