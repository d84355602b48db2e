import { describe, expect, it } from "vitest";
import { recordedOutcomeText, whatIfOutcomeText } from "./what-if-text";

describe("what-if texts", () => {
  it("say how a what-if answered and how the record did", () => {
    expect(whatIfOutcomeText({ kind: "fail", error: { ErrorType: "Declined", ErrorMessage: "no funds" } })).toBe("failed with Declined: no funds");
    expect(whatIfOutcomeText({ kind: "succeed", payload: "42" })).toBe("succeeded with 42");
    expect(recordedOutcomeText({ status: "SUCCEEDED", result: '"ok"' })).toBe('succeeded with "ok"');
    expect(recordedOutcomeText({ status: "FAILED", error: { ErrorType: "Timeout" } })).toBe("failed with Timeout");
    expect(recordedOutcomeText(undefined)).toBe("no such attempt");
    expect(recordedOutcomeText({ status: "STARTED" })).toBe("never finished");
  });
});
