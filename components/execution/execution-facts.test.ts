import { describe, expect, it } from "vitest";
import type { ExecutionDetail } from "@/lib/api-types";
import { executionFacts } from "./execution-facts";

const detail = (status: string, waitingReason?: string): ExecutionDetail =>
  ({ arn: "arn:x", name: "n", status, functionArn: "arn:f", ...(waitingReason && { waitingReason }) }) as ExecutionDetail;

describe("executionFacts", () => {
  it("carries the service's reason a running execution waits, and none once it has ended", () => {
    expect(executionFacts(detail("RUNNING", "Waiting for function orders"), undefined).waitingReason).toBe("Waiting for function orders");
    expect(executionFacts(detail("SUCCEEDED", "Waiting for function orders"), undefined).waitingReason).toBeUndefined();
    expect(executionFacts(detail("RUNNING"), undefined).waitingReason).toBeUndefined();
  });
});
