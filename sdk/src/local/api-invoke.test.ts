// Invoke, ListFunctions and GetFunction of the local service, through the real LambdaClient.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetDurableExecutionCommand,
  GetFunctionCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  ListFunctionsCommand,
  paginateListFunctions,
} from "@aws-sdk/client-lambda";
import { withDurableExecution } from "../runtime/index.js";
import { refusal, startTestService, type TestService } from "./lambda-api.test-support.js";

const adder = withDurableExecution(async (e: { a: number; b: number }, ctx) => {
  const sum = await ctx.step("add", async () => e.a + e.b);
  return ctx.step("double", async () => sum * 2);
});

const failing = withDurableExecution(async (_e, ctx) => {
  await ctx.step("fine", async () => 1);
  throw new TypeError("boom");
});

const holder = withDurableExecution(async (_e, ctx) => ctx.waitForCallback("approval", async () => {}));

let t: TestService;
beforeAll(async () => {
  t = await startTestService([
    { name: "adder", handler: adder, description: "adds" },
    { name: "failing", handler: failing },
    { name: "holder", handler: holder, durableConfig: { ExecutionTimeout: 600, RetentionPeriodInDays: 3 } },
  ]);
});
afterAll(() => t.stop());

const text = (bytes: Uint8Array | undefined | null) => (bytes ? new TextDecoder().decode(bytes) : "");
const ARN = /^arn:aws:lambda:us-east-1:123456789012:function:([a-z]+):\$LATEST\/durable-execution\/([a-zA-Z0-9_-]+)\/([0-9a-f-]{36})$/;

async function executionsOf(functionName: string) {
  const out = await t.client.send(new ListDurableExecutionsByFunctionCommand({ FunctionName: functionName, MaxItems: 1000 }));
  return out.DurableExecutions ?? [];
}

async function settled(arn: string) {
  for (;;) {
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    if (exec.Status !== "RUNNING") return exec;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("Invoke", () => {
  it("runs a RequestResponse invocation to the end and returns the result with the execution's ARN", async () => {
    const out = await t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: JSON.stringify({ a: 1, b: 2 }) }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe("$LATEST");
    expect(text(out.Payload)).toBe("6");
    const [, fn, name, id] = ARN.exec(out.DurableExecutionArn!)!;
    expect(fn).toBe("adder");
    // Without a DurableExecutionName, Lambda names the execution after its id.
    expect(name).toBe(id);
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: out.DurableExecutionArn }));
    expect(exec).toMatchObject({ Status: "SUCCEEDED", Result: "6", InputPayload: '{"a":1,"b":2}' });
  });

  it("accepts the function as an ARN, as name:$LATEST and with a Qualifier", async () => {
    for (const input of [
      { FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:adder", Payload: '{"a":2,"b":2}' },
      { FunctionName: "adder:$LATEST", Payload: '{"a":2,"b":2}' },
      { FunctionName: "adder", Qualifier: "$LATEST", Payload: '{"a":2,"b":2}' },
    ]) {
      const out = await t.client.send(new InvokeCommand(input));
      expect(text(out.Payload)).toBe("8");
    }
  });

  it("reports a failed execution as a function error in a 200 response", async () => {
    const out = await t.client.send(new InvokeCommand({ FunctionName: "failing", Payload: "{}" }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe("Unhandled");
    expect(JSON.parse(text(out.Payload))).toEqual({ errorType: "TypeError", errorMessage: "boom" });
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: out.DurableExecutionArn }));
    expect(exec.Status).toBe("FAILED");
    expect(exec.Error).toMatchObject({ ErrorType: "TypeError", ErrorMessage: "boom" });
  });

  it("starts an Event invocation and returns 202 with the ARN at once", async () => {
    const out = await t.client.send(new InvokeCommand({ FunctionName: "adder", InvocationType: "Event", Payload: '{"a":5,"b":5}' }));
    expect(out.StatusCode).toBe(202);
    expect(text(out.Payload)).toBe("");
    expect(out.DurableExecutionArn).toMatch(ARN);
    expect((await settled(out.DurableExecutionArn!)).Result).toBe("20");
  });

  it("answers DryRun with 204 and starts nothing", async () => {
    const before = (await executionsOf("adder")).length;
    const out = await t.client.send(new InvokeCommand({ FunctionName: "adder", InvocationType: "DryRun", Payload: '{"a":1,"b":1}' }));
    expect(out.StatusCode).toBe(204);
    expect(out.DurableExecutionArn).toBeUndefined();
    expect(await executionsOf("adder")).toHaveLength(before);
  });

  it("makes a start idempotent by DurableExecutionName: same input, same execution; other input, 409", async () => {
    const payload = '{"a":10,"b":1}';
    const first = await t.client.send(new InvokeCommand({ FunctionName: "adder", InvocationType: "Event", Payload: payload, DurableExecutionName: "idem-1" }));
    const second = await t.client.send(new InvokeCommand({ FunctionName: "adder", InvocationType: "Event", Payload: payload, DurableExecutionName: "idem-1" }));
    expect(second.StatusCode).toBe(202);
    expect(second.DurableExecutionArn).toBe(first.DurableExecutionArn);
    expect(ARN.exec(first.DurableExecutionArn!)![2]).toBe("idem-1");
    await settled(first.DurableExecutionArn!);
    // A synchronous start of the finished execution returns its result again.
    const third = await t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: payload, DurableExecutionName: "idem-1" }));
    expect(third.DurableExecutionArn).toBe(first.DurableExecutionArn);
    expect(text(third.Payload)).toBe("22");

    const conflict = await refusal(t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: '{"a":0,"b":0}', DurableExecutionName: "idem-1" })));
    expect(conflict).toMatchObject({ name: "DurableExecutionAlreadyStartedException", status: 409 });
    expect(conflict.message).toContain("idem-1");
    const named = (await executionsOf("adder")).filter((e) => e.DurableExecutionName === "idem-1");
    expect(named).toHaveLength(1);
    const exec = await t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: first.DurableExecutionArn }));
    expect(exec).toMatchObject({ Status: "SUCCEEDED", InputPayload: payload, Result: "22" });
  });

  it("keeps one name per function: the same name on another function is another execution", async () => {
    const a = await t.client.send(new InvokeCommand({ FunctionName: "holder", InvocationType: "Event", Payload: "{}", DurableExecutionName: "shared-name" }));
    const b = await t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: '{"a":0,"b":1}', DurableExecutionName: "shared-name" }));
    expect(a.DurableExecutionArn).not.toBe(b.DurableExecutionArn);
    expect(text(b.Payload)).toBe("2");
  });

  it("refuses bad input with Lambda's errors and starts nothing", async () => {
    const before = (await executionsOf("adder")).length;
    expect(await refusal(t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: "{not json" })))).toMatchObject({
      name: "InvalidRequestContentException",
      status: 400,
    });
    const badName = await refusal(t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: "{}", DurableExecutionName: "no spaces!" })));
    expect(badName).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(badName.message).toContain("DurableExecutionName");
    const longName = await refusal(t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: "{}", DurableExecutionName: "n".repeat(65) })));
    expect(longName).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    const badType = await refusal(t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: "{}", InvocationType: "Later" as never })));
    expect(badType).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(await executionsOf("adder")).toHaveLength(before);
  });

  it("refuses unknown and malformed functions", async () => {
    const missing = await refusal(t.client.send(new InvokeCommand({ FunctionName: "no-such-fn", Payload: "{}" })));
    expect(missing).toMatchObject({ name: "ResourceNotFoundException", status: 404 });
    expect(missing.message).toContain("no-such-fn");
    expect(await refusal(t.client.send(new InvokeCommand({ FunctionName: "adder", Qualifier: "7", Payload: "{}" })))).toMatchObject({
      name: "ResourceNotFoundException",
      status: 404,
    });
    const malformed = await refusal(t.client.send(new InvokeCommand({ FunctionName: "bad/name", Payload: "{}" })));
    expect(malformed).toMatchObject({ name: "InvalidParameterValueException", status: 400 });
    expect(malformed.message).toContain("FunctionName");
  });

  it("refuses a payload over 6 MiB with 413 and starts nothing", async () => {
    const before = (await executionsOf("adder")).length;
    const justOver = JSON.stringify("x".repeat(6 * 1024 * 1024));
    expect(await refusal(t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: justOver })))).toMatchObject({
      name: "RequestTooLargeException",
      status: 413,
    });
    // Far over: the service stops reading early and still answers with Lambda's error.
    const farOver = JSON.stringify("y".repeat(9 * 1024 * 1024));
    expect(await refusal(t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: farOver })))).toMatchObject({
      name: "RequestTooLargeException",
      status: 413,
    });
    expect(await executionsOf("adder")).toHaveLength(before);
    // The service is still healthy after it.
    expect(text((await t.client.send(new InvokeCommand({ FunctionName: "adder", Payload: '{"a":1,"b":0}' }))).Payload)).toBe("2");
  });
});

describe("ListFunctions and GetFunction", () => {
  it("lists the registered functions as durable functions", async () => {
    const out = await t.client.send(new ListFunctionsCommand({}));
    expect(out.Functions!.map((f) => f.FunctionName)).toEqual(["adder", "failing", "holder"]);
    expect(out.NextMarker).toBeUndefined();
    const holderFn = out.Functions!.find((f) => f.FunctionName === "holder")!;
    expect(holderFn).toMatchObject({
      FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:holder",
      State: "Active",
      Version: "$LATEST",
      DurableConfig: { ExecutionTimeout: 600, RetentionPeriodInDays: 3 },
    });
    expect(out.Functions!.find((f) => f.FunctionName === "adder")!.DurableConfig).toEqual({ ExecutionTimeout: 86400, RetentionPeriodInDays: 14 });
  });

  it("pages ListFunctions with MaxItems and Marker", async () => {
    const first = await t.client.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(first.Functions!.map((f) => f.FunctionName)).toEqual(["adder", "failing"]);
    expect(first.NextMarker).toBeTruthy();
    const second = await t.client.send(new ListFunctionsCommand({ MaxItems: 2, Marker: first.NextMarker }));
    expect(second.Functions!.map((f) => f.FunctionName)).toEqual(["holder"]);
    expect(second.NextMarker).toBeUndefined();
    const names: string[] = [];
    for await (const page of paginateListFunctions({ client: t.client, pageSize: 1 }, {})) names.push(...page.Functions!.map((f) => f.FunctionName!));
    expect(names).toEqual(["adder", "failing", "holder"]);
    expect(await refusal(t.client.send(new ListFunctionsCommand({ Marker: "not-a-marker" })))).toMatchObject({
      name: "InvalidParameterValueException",
      status: 400,
    });
  });

  it("gets a function by name or ARN, and 404s an unknown one", async () => {
    for (const FunctionName of ["holder", "arn:aws:lambda:us-east-1:123456789012:function:holder", "holder:$LATEST"]) {
      const out = await t.client.send(new GetFunctionCommand({ FunctionName }));
      expect(out.Configuration).toMatchObject({ FunctionName: "holder", DurableConfig: { ExecutionTimeout: 600 } });
    }
    expect((await t.client.send(new GetFunctionCommand({ FunctionName: "adder" }))).Configuration!.Description).toBe("adds");
    expect(await refusal(t.client.send(new GetFunctionCommand({ FunctionName: "nobody" })))).toMatchObject({
      name: "ResourceNotFoundException",
      status: 404,
    });
    expect(await refusal(t.client.send(new GetFunctionCommand({ FunctionName: "holder", Qualifier: "3" })))).toMatchObject({
      name: "ResourceNotFoundException",
      status: 404,
    });
  });
});
