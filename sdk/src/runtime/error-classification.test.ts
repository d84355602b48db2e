import { describe, expect, it } from "vitest";
import { DurableExecutionInvocationInputWithClient, type DurableExecutionClient } from "./client.js";
import { DurableExecutionClientError, DurableExecutionClientErrorScope } from "./errors.js";
import { classifyCheckpointFailure } from "./execution-runtime.js";
import { withDurableExecution } from "./index.js";

const awsError = (name: string, httpStatusCode: number | undefined, message = "boom") =>
  Object.assign(new Error(message), { name, ...(httpStatusCode !== undefined && { $metadata: { httpStatusCode } }) });

describe("classifying durable API failures (seed 002)", () => {
  it.each([
    ["KMSAccessDeniedException", 502, "fail"],
    ["KMSDisabledException", 502, "fail"],
    ["KMSInvalidStateException", 502, "fail"],
    ["KMSNotFoundException", 502, "fail"],
    ["ResourceNotFoundException", 404, "fail"],
    ["InvalidParameterValueException", 400, "fail"],
    ["TooManyRequestsException", 429, "retry-invocation"],
    ["ServiceException", 500, "retry-invocation"],
    ["BadGateway", 502, "retry-invocation"],
    ["TimeoutError", undefined, "retry-invocation"],
  ])("%s (HTTP %s) → %s", (name, status, kind) => {
    expect(classifyCheckpointFailure(awsError(name, status)).kind).toBe(kind);
  });

  it("retries a stale token and believes a client's own scope", () => {
    expect(classifyCheckpointFailure(awsError("InvalidParameterValueException", 400, "Invalid Checkpoint Token: stale")).kind).toBe("retry-invocation");
    expect(classifyCheckpointFailure(new DurableExecutionClientError("quota", { scope: DurableExecutionClientErrorScope.EXECUTION })).kind).toBe("fail");
    expect(classifyCheckpointFailure(new DurableExecutionClientError("blip")).kind).toBe("retry-invocation");
  });
});

describe("what the invocation answers when the durable API fails", () => {
  const event = (client: DurableExecutionClient) =>
    new DurableExecutionInvocationInputWithClient(
      {
        DurableExecutionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST/durable-execution/run/inv",
        CheckpointToken: "token-1",
        InitialExecutionState: {
          Operations: [{ Id: "exec", Type: "EXECUTION", Status: "STARTED", StartTimestamp: new Date(), ExecutionDetails: { InputPayload: "{}" } }],
          NextMarker: "page-2",
        },
      },
      client,
    );
  const failing = (where: "state" | "checkpoint", error: Error): DurableExecutionClient => ({
    getExecutionState: async () => {
      if (where === "state") throw error;
      return { Operations: [] };
    },
    checkpoint: async () => {
      throw error;
    },
  });
  const handler = withDurableExecution(async (_e, ctx) => ctx.step("s", async () => 1));

  it("fails the execution for a KMS error while paging in the state, before any user code", async () => {
    const output = await handler(event(failing("state", awsError("KMSDisabledException", 502, "key disabled"))), { awsRequestId: "r1" });
    expect(output).toEqual({ Status: "FAILED", Error: { ErrorType: "KMSDisabledException", ErrorMessage: "key disabled" } });
  });

  it("throws, so Lambda retries the invocation, for throttling while paging in the state", async () => {
    await expect(handler(event(failing("state", awsError("TooManyRequestsException", 429))), { awsRequestId: "r2" })).rejects.toThrow("boom");
  });

  it("fails the execution for a 4xx checkpoint error and retries the invocation for a 5xx one", async () => {
    const failed = await handler(event(failing("checkpoint", awsError("ResourceNotFoundException", 404, "gone"))), { awsRequestId: "r3" });
    expect(failed).toMatchObject({ Status: "FAILED", Error: { ErrorType: "ResourceNotFoundException" } });
    await expect(handler(event(failing("checkpoint", awsError("ServiceException", 500))), { awsRequestId: "r4" })).rejects.toThrow("boom");
  });
});
