import { describe, expect, it } from "vitest";
import { crashWhereText } from "./crash-text";

describe("crashWhereText", () => {
  it("names the invocation and the last operation written before the exception", () => {
    expect(crashWhereText({ invocation: 3, afterCheckpoint: 7, lastOperation: { id: "c4ca", type: "STEP", name: "ship" } })).toBe(
      'Thrown in invocation 3, after its last checkpoint of step "ship" (7 checkpoint calls in the simulation so far).',
    );
  });

  it("says when the code threw before it wrote anything", () => {
    expect(crashWhereText({ invocation: 1, afterCheckpoint: 0 })).toBe("Thrown in invocation 1, before its code checkpointed anything.");
  });
});
