// The messages AWS Lambda's own refusals turn into. The route tests meet the local service's
// wording; these use the exception classes of @aws-sdk/client-lambda as AWS sends them.
import {
  CallbackTimeoutException,
  DurableExecutionAlreadyStartedException,
  InvalidParameterValueException,
  RequestTooLargeException,
  ResourceNotFoundException,
  TooManyRequestsException,
} from "@aws-sdk/client-lambda";
import { describe, expect, it } from "vitest";
import { describeActionError } from "./action-errors";
import { HttpError } from "./errors";

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const callback = { kind: "callback", callbackId: "Y2I=" } as const;

function described(error: unknown, action: Parameters<typeof describeActionError>[1]) {
  const out = describeActionError(error, action);
  expect(out).toBeInstanceOf(HttpError);
  const e = out as HttpError;
  return { status: e.status, code: e.code, message: e.message };
}

describe("describeActionError", () => {
  it("says a callback was already answered or timed out when AWS answers CallbackTimeoutException", () => {
    const error = new CallbackTimeoutException({ message: "Callback token expired or already closed", ...meta(400) });
    expect(described(error, callback)).toEqual({
      status: 409,
      code: "CallbackClosed",
      message: "This callback can no longer be answered: it was already completed, failed or timed out. (Lambda: Callback token expired or already closed)",
    });
  });

  it("says no callback with the id waits when it is unknown", () => {
    expect(described(new ResourceNotFoundException({ message: "Callback not found", ...meta(404) }), callback)).toMatchObject({ status: 404, code: "CallbackNotFound" });
  });

  it("says a payload was too large whatever the action", () => {
    const error = new RequestTooLargeException({ message: "Request must be smaller than 262144 bytes", ...meta(413) });
    expect(described(error, callback)).toMatchObject({ status: 413, code: "PayloadTooLarge", message: expect.stringContaining("262144 bytes") });
  });

  it("says a finished execution cannot be stopped", () => {
    const error = new InvalidParameterValueException({ message: "Execution is not RUNNING", ...meta(400) });
    expect(described(error, { kind: "stop", arn: "arn" })).toMatchObject({ status: 409, code: "ExecutionNotRunning" });
  });

  it("says a name is taken, and names the permission an action lacks", () => {
    const taken = new DurableExecutionAlreadyStartedException({ message: "exists", ...meta(409) });
    expect(described(taken, { kind: "start", functionName: "f", executionName: "run-1", mode: "async" }).message).toMatch(/^An execution named "run-1" already exists/);
    const denied = Object.assign(new Error("not authorized"), { name: "AccessDeniedException", ...meta(403) });
    expect(described(denied, { kind: "stop", arn: "arn" }).message).toBe("Access denied (Lambda: not authorized). This action needs lambda:StopDurableExecution.");
  });

  it("says a synchronous start outlived the wait, and leaves general errors to the general mapping", () => {
    const timeout = Object.assign(new Error("socket timed out"), { name: "TimeoutError" });
    expect(described(timeout, { kind: "start", functionName: "f", mode: "sync" })).toMatchObject({ status: 504, code: "SyncStartTimedOut" });
    const throttled = new TooManyRequestsException({ message: "slow down", ...meta(429) });
    expect(describeActionError(throttled, callback)).toBe(throttled);
    expect(describeActionError(timeout, { kind: "start", functionName: "f", mode: "async" })).toBe(timeout);
  });
});
