/**
 * `ExpectedResult`, checked against GetDurableExecution: the status must be equal and, for a
 * success whose requirement names a `Result`, the decoded result (the raw string when it is
 * not JSON, null when there is none) must equal the expected value with bound names filled in.
 */
import type { GetDurableExecutionResponse } from "@durable-lens/sdk/protocol";
import { resolvePlaceholders, type Bindings, type Difference } from "./matcher.js";
import { pyEquals } from "./python.js";
import type { ExpectedResult } from "./requirement.js";

export function decodeResult(result: string | undefined): unknown {
  if (result === undefined) return null;
  try {
    return JSON.parse(result);
  } catch {
    return result;
  }
}

export function checkResult(expected: ExpectedResult, actual: GetDurableExecutionResponse, bindings: Bindings): Difference[] {
  if (actual.Status !== expected.ExecutionStatus) {
    const error = actual.Error ? ` (${actual.Error.ErrorType ?? "Error"}: ${actual.Error.ErrorMessage ?? ""})` : "";
    return [{ path: "ExpectedResult.ExecutionStatus", message: `execution ended ${actual.Status}${error}`, expected: expected.ExecutionStatus, actual: actual.Status }];
  }
  if (expected.ExecutionStatus !== "SUCCEEDED" || !expected.hasResult) return [];
  const want = resolvePlaceholders(expected.Result, bindings);
  const got = decodeResult(actual.Result);
  return pyEquals(want, got) ? [] : [{ path: "ExpectedResult.Result", message: "differs", expected: want, actual: got }];
}
