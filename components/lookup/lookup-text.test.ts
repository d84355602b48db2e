import { describe, expect, it } from "vitest";
import type { ExecutionLookupResponse } from "@/lib/execution-lookup-types";
import { lookupSummary } from "./lookup-text";

const found = { arn: "a", name: "order-1", status: "RUNNING", startedAt: "2026-01-01T00:00:00Z", functionName: "f" } as const;
const byName = (patch: Partial<ExecutionLookupResponse>): ExecutionLookupResponse => ({ by: "name", executions: [], functionsSearched: 3, functionsTotal: 3, partial: false, ...patch });

describe("lookupSummary", () => {
  it("says where it looked and what it found", () => {
    expect(lookupSummary(byName({}), " order ")).toBe("No execution named like “order” in the 3 functions searched.");
    expect(lookupSummary(byName({ executions: [found] }), "order")).toBe("1 execution named like “order” in the 3 functions searched.");
  });

  it("says when it stopped before the last function", () => {
    expect(lookupSummary(byName({ functionsSearched: 25, functionsTotal: 80, partial: true }), "order")).toBe(
      "No execution named like “order” in the 25 functions searched. Searched 25 of 80 functions; the rest were not searched.",
    );
  });

  it("says when a function had more matches than were read", () => {
    expect(lookupSummary(byName({ executions: [found], partial: true }), "order")).toContain("more matches than were read");
  });

  it("says an unknown ARN is unknown, and nothing for a found one", () => {
    expect(lookupSummary({ ...byName({}), by: "arn" }, "arn:…")).toMatch(/^No execution has this ARN/);
    expect(lookupSummary({ ...byName({ executions: [found] }), by: "arn" }, "arn:…")).toBe("");
  });
});
