import { describe, expect, it } from "vitest";
import { fixtureEvents } from "../local/recorded-histories.test-support.js";
import { operationLabel, projectHistory, type OperationView } from "./index.js";
import { inlineHistory } from "./inline-history.test-support.js";

const labels = (ops: readonly OperationView[]) => Object.fromEntries(ops.map((op) => [op.id, operationLabel(op)]));

describe("roles of unnamed operations", () => {
  it("names the callback and submitter of a waitForCallback after it", () => {
    const events = inlineHistory()
      .add("ExecutionStarted", "exec")
      .add("ContextStarted", "wfc", { Name: "manager-approval", SubType: "WaitForCallback" })
      .add("CallbackStarted", "cb", { ParentId: "wfc", SubType: "Callback", details: { CallbackId: "abc" } })
      .add("StepStarted", "sub", { ParentId: "wfc", SubType: "Step" })
      .add("StepSucceeded", "sub", { ParentId: "wfc", SubType: "Step" }).events;
    const ops = projectHistory(events).operations;
    expect(labels(ops)).toMatchObject({ wfc: "manager-approval", cb: "manager-approval · callback", sub: "manager-approval · submitter" });
    // The name stays the operation's own: only unnamed operations get a role.
    expect(ops.find((op) => op.id === "wfc")!.role).toBeUndefined();
  });

  it("numbers unnamed map items and parallel branches by their index, under the group's label", () => {
    const h = inlineHistory().add("ExecutionStarted", "exec").add("ContextStarted", "m", { Name: "resize", SubType: "Map" });
    for (const i of [0, 1, 2]) h.add("ContextStarted", `m${i}`, { ParentId: "m", SubType: "MapIteration" });
    h.add("ContextStarted", "p", { SubType: "Parallel" });
    for (const i of [0, 1]) h.add("ContextStarted", `p${i}`, { ParentId: "p", SubType: "ParallelBranch" });
    h.add("ContextStarted", "named", { ParentId: "p", SubType: "ParallelBranch", Name: "car" });
    expect(labels(projectHistory(h.events).operations)).toMatchObject({
      m0: "resize · item 0",
      m1: "resize · item 1",
      m2: "resize · item 2",
      p: "parallel",
      p0: "parallel · branch 0",
      p1: "parallel · branch 1",
      named: "car",
    });
  });

  it("tells the child contexts of promise combinators apart by the operations they join", () => {
    const h = inlineHistory().add("ExecutionStarted", "exec");
    const combinator = (ids: string[], ctx: string, waitFor?: string) => {
      for (const id of ids) h.add("StepStarted", id, { Name: id, SubType: "Step" });
      if (waitFor) h.add("WaitStarted", waitFor, { SubType: "Wait", details: { Duration: 5 } });
      h.add("ContextStarted", ctx, { SubType: "RunInChildContext" });
      for (const id of ids) h.add("StepSucceeded", id, { Name: id, SubType: "Step" });
      h.add("ContextSucceeded", ctx, { SubType: "RunInChildContext" });
    };
    combinator(["all-a", "all-b"], "c1");
    combinator(["any-a", "any-b"], "c2");
    combinator(["race-a"], "c3", "w");
    const got = labels(projectHistory(h.events).operations);
    expect(got).toMatchObject({ c1: "combinator of all-a, all-b", c2: "combinator of any-a, any-b", c3: "combinator of race-a, wait 5 s", w: "wait 5 s" });
    expect(new Set([got.c1, got.c2, got.c3]).size).toBe(3);
  });

  it("calls a child context holding operations a child context, and numbers look-alikes", () => {
    const events = inlineHistory()
      .add("ExecutionStarted", "exec")
      .add("ContextStarted", "a", { SubType: "RunInChildContext" })
      .add("StepStarted", "a1", { ParentId: "a", SubType: "Step" })
      .add("StepStarted", "a2", { ParentId: "a", SubType: "Step" })
      .add("ContextSucceeded", "a", { SubType: "RunInChildContext" })
      .add("ContextStarted", "b", { SubType: "RunInChildContext" })
      .add("StepStarted", "b1", { ParentId: "b", SubType: "Step" })
      .add("StepStarted", "cond", { SubType: "WaitForCondition" })
      .add("ChainedInvokeStarted", "inv", { SubType: "ChainedInvoke", details: { FunctionName: "tax-lookup" } })
      .add("CallbackStarted", "cb", { SubType: "Callback" }).events;
    expect(labels(projectHistory(events).operations)).toMatchObject({
      a: "child context #1",
      b: "child context #2",
      a1: "step #1",
      a2: "step #2",
      b1: "step",
      cond: "wait for condition",
      inv: "invoke tax-lookup",
      cb: "callback",
    });
  });

  it("says the duration of an unnamed wait in its largest whole unit", () => {
    const h = inlineHistory().add("ExecutionStarted", "exec");
    for (const [id, seconds] of [["w1", 90], ["w2", 120], ["w3", 7200], ["w4", 172800]] as const) h.add("WaitStarted", id, { details: { Duration: seconds } });
    expect(labels(projectHistory(h.events).operations)).toMatchObject({ w1: "wait 90 s", w2: "wait 2 min", w3: "wait 2 h", w4: "wait 2 d" });
  });

  it("treats operations whose parent is the execution, or is missing, as the top level", () => {
    const events = inlineHistory()
      .add("ExecutionStarted", "exec")
      .add("StepStarted", "s1", { ParentId: "exec", SubType: "Step" })
      .add("StepStarted", "s2", { ParentId: "gone", SubType: "Step" }).events;
    expect(labels(projectHistory(events).operations)).toMatchObject({ exec: "Execution", s1: "step #1", s2: "step #2" });
  });

  it("leaves no operation of a recorded history without a label", () => {
    for (const name of ["map-basic", "parallel-basic", "run-in-child-context", "promise-combinators", "wait-unawaited"]) {
      const ops = projectHistory(fixtureEvents(name)).operations;
      for (const op of ops) expect(op.name ?? op.role ?? (op.type === "EXECUTION" ? "Execution" : undefined), `${name} ${op.id}`).toBeTruthy();
    }
  });
});
