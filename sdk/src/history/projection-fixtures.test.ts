import { describe, expect, it } from "vitest";
import { FIXTURE_FILES, fixtureEvents } from "../local/recorded-histories.test-support.js";
import { flattenOperationTree, operationDurationMs, projectHistory, type HistoryProjection } from "./index.js";

/** The projection in a few words: execution status, operations per type, each step's attempts, execution duration. */
function digest(p: HistoryProjection): [string, string, string, number | undefined] {
  const root = p.operations.find((op) => op.type === "EXECUTION")!;
  const types = new Map<string, number>();
  for (const op of p.operations) if (op.type !== "EXECUTION") types.set(op.type, (types.get(op.type) ?? 0) + 1);
  const typeText = [...types].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `${t}:${n}`).join(" ");
  const attempts = p.operations
    .filter((op) => op.type === "STEP")
    .map((op) => op.attempts.map((a) => (a.status === "STARTED" ? "-" : a.status[0])).join(""))
    .join(" ");
  return [root.status, typeText, attempts, operationDurationMs(root)];
}

// Worked out from the raw JSON independently of the projection: the status of the last Execution*
// event, distinct Ids per operation type, StepFailed/StepSucceeded per step ("-" for an attempt
// with no outcome), and the time from ExecutionStarted to the execution's end event.
const EXPECTED: ReadonlyArray<[string, string, string, string, number]> = [
  ["block-example", "SUCCEEDED", "CONTEXT:2 STEP:1 WAIT:1", "S", 1014],
  ["concurrent-operations", "SUCCEEDED", "CONTEXT:2 STEP:3 WAIT:2", "S S S", 2009],
  ["force-checkpointing-multiple-wait", "SUCCEEDED", "CONTEXT:3 STEP:1 WAIT:5", "S", 10012],
  ["force-checkpointing", "SUCCEEDED", "CONTEXT:3 STEP:2", "S FFS", 10013],
  ["handler-error", "FAILED", "", "", 2],
  ["hello-world", "SUCCEEDED", "", "", 2],
  ["logger-after-wait", "SUCCEEDED", "WAIT:1", "", 2010],
  ["logger-log-levels", "SUCCEEDED", "CONTEXT:1 STEP:5 WAIT:1", "S S S S FFFF", 7046],
  ["map-basic", "SUCCEEDED", "CONTEXT:6 STEP:5 WAIT:1", "S S S S S", 1013],
  ["multiple-waits", "SUCCEEDED", "WAIT:2", "", 10008],
  ["no-replay-execution", "SUCCEEDED", "STEP:2", "S S", 7],
  ["parallel-basic", "SUCCEEDED", "CONTEXT:4 STEP:2 WAIT:1", "S S", 1005],
  ["parallel-wait", "SUCCEEDED", "CONTEXT:4 WAIT:3", "", 5005],
  ["parent-context-in-child", "FAILED", "CONTEXT:1", "", 5],
  ["parent-context-in-step", "FAILED", "CONTEXT:1 STEP:2", "S -", 3],
  ["parent-context-in-wait-condition", "FAILED", "CONTEXT:1 STEP:1", "-", 4],
  ["promise-all-settled", "SUCCEEDED", "STEP:4", "S FFF S S", 2009],
  ["promise-all-wait", "SUCCEEDED", "STEP:2 WAIT:2", "S S", 3006],
  ["promise-all", "SUCCEEDED", "STEP:4", "S S S S", 3],
  ["promise-combinators", "SUCCEEDED", "STEP:14", "S S S S S S S S FFF S F F S S", 2343],
  ["promise-replay", "SUCCEEDED", "STEP:3 WAIT:1", "F S S", 1511],
  ["promise-unhandled-rejection", "SUCCEEDED", "STEP:15 WAIT:3", "F F F F F F F F F F F F F F S", 3526],
  ["retry-exhaustion", "FAILED", "STEP:1", "FFFFFF", 20026],
  ["run-in-child-context-checkpoint-size-limit", "SUCCEEDED", "CONTEXT:100", "", 68],
  ["run-in-child-context-failing-step", "SUCCEEDED", "CONTEXT:1 STEP:1 WAIT:1", "FFF", 4016],
  ["run-in-child-context", "SUCCEEDED", "CONTEXT:1 STEP:1", "S", 2],
  ["simple-execution", "SUCCEEDED", "", "", 2],
  ["simple-powertools-logger", "SUCCEEDED", "CONTEXT:1 STEP:1 WAIT:1", "S", 1010],
  ["step-basic", "SUCCEEDED", "STEP:1", "S", 3],
  ["step-error-determinism", "SUCCEEDED", "STEP:3 WAIT:1", "F S S", 1007],
  ["step-named", "SUCCEEDED", "STEP:1", "S", 3],
  ["step-with-retry", "SUCCEEDED", "STEP:1", "FFS", 3014],
  ["undefined-results", "SUCCEEDED", "CONTEXT:1 STEP:1 WAIT:1", "S", 1007],
  ["wait-named", "SUCCEEDED", "WAIT:1", "", 2006],
  ["wait-unawaited", "SUCCEEDED", "WAIT:1", "", 1005],
  ["wait", "SUCCEEDED", "WAIT:1", "", 2006],
];

describe("projectHistory on every recorded history", () => {
  it("has an expectation for every fixture", () => {
    expect(EXPECTED.map(([name]) => `${name}.history.json`).sort()).toEqual([...FIXTURE_FILES]);
  });

  it.each(EXPECTED)("%s: %s, %s, attempts [%s], %i ms", (name, status, types, attempts, duration) => {
    expect(digest(projectHistory(fixtureEvents(name)))).toEqual([status, types, attempts, duration]);
  });

  it.each(FIXTURE_FILES)("%s: every operation sits under its parent and inside its time span", (name) => {
    const { operations } = projectHistory(fixtureEvents(name));
    const byId = new Map(operations.map((op) => [op.id, op]));
    const tree = flattenOperationTree(operations);
    expect(tree).toHaveLength(operations.length);
    expect(tree[0]!.operation.type).toBe("EXECUTION");
    for (const { operation: op, depth } of tree) {
      const parent = op.parentId === undefined ? undefined : byId.get(op.parentId);
      expect(depth).toBe(parent ? tree.find((e) => e.operation.id === parent.id)!.depth + 1 : 0);
      if (op.endedAt) expect(op.startedAt!.getTime()).toBeLessThanOrEqual(op.endedAt.getTime());
      // A child starts after its parent started, and a finished parent ended after the child started.
      if (parent?.startedAt && op.startedAt) {
        expect(op.startedAt.getTime()).toBeGreaterThanOrEqual(parent.startedAt.getTime());
        if (parent.endedAt) expect(op.startedAt.getTime()).toBeLessThanOrEqual(parent.endedAt.getTime());
      }
    }
  });

  it.each(FIXTURE_FILES)("%s: step attempts are in order, and only the last can succeed", (name) => {
    for (const op of projectHistory(fixtureEvents(name)).operations) {
      op.attempts.forEach((attempt, i) => {
        expect(attempt.number).toBe(i + 1);
        if (attempt.startedAt && attempt.endedAt) expect(attempt.startedAt.getTime()).toBeLessThanOrEqual(attempt.endedAt.getTime());
        const next = op.attempts[i + 1];
        if (!next) return;
        expect(attempt.status).toBe("FAILED");
        if (attempt.endedAt && next.startedAt) expect(next.startedAt.getTime()).toBeGreaterThanOrEqual(attempt.endedAt.getTime());
      });
    }
  });

  it.each(FIXTURE_FILES)("%s: every operation the function wrote ran in exactly one invocation per write", (name) => {
    const { operations, invocations, unfinishedInvocation } = projectHistory(fixtureEvents(name));
    expect(unfinishedInvocation).toBeUndefined();
    const ran = new Set(invocations.flatMap((inv) => inv.operationIds));
    // Everything but the execution starts from a checkpoint, so it ran in some invocation.
    for (const op of operations) expect(ran.has(op.id)).toBe(op.type !== "EXECUTION");
  });
});
