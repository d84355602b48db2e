// Abandoned work and role names on the shape histories both runtimes recorded (sdk/fixtures).
import { describe, expect, it } from "vitest";
import { eventsAsOf, isOpen, operationLabel, projectHistory, type OperationView } from "./index.js";
import { SHAPE_FIXTURES, shapeEvents } from "../local/shape-fixtures.test-support.js";

const project = (stem: string) => projectHistory(shapeEvents(stem)).operations;
const named = (ops: readonly OperationView[], name: string) => ops.find((op) => op.name === name)!;
const abandonedNames = (ops: readonly OperationView[]) => ops.filter((op) => op.abandoned).map(operationLabel).sort();

describe("abandoned work in the recorded shapes", () => {
  it("the loser of a promise.race, in our recording", () => {
    const ops = project("ours-promise-race");
    expect(abandonedNames(ops)).toEqual(["race-timeout"]);
    expect(named(ops, "race-timeout").abandoned?.executionStatus).toBe("SUCCEEDED");
  });

  it("the retry promise.any never waited for, numbered as each runtime got that far", () => {
    // Ours stops after the first failure; the official runner ran a second attempt before the end.
    for (const [stem, never] of [["ours-promise-any-steps", 2], ["official-promise-any-steps", 3]] as const) {
      const flaky = named(project(stem), "flaky-primary");
      expect(flaky.status, stem).toBe("PENDING");
      expect(flaky.abandoned?.retryNeverRan, stem).toBe(never);
      expect(flaky.attempts.length, stem).toBe(never - 1);
    }
  });

  it("the map items past minSuccessful, in both recordings", () => {
    for (const stem of ["ours-map-min-successful", "official-map-min-successful"]) {
      const ops = project(stem);
      const items = ops.filter((op) => op.subType === "MapIteration");
      expect(items.filter((op) => op.abandoned).map((op) => op.name), stem).toEqual(["map-item-2", "map-item-3", "map-item-4", "map-item-5"]);
      expect(items.filter((op) => op.status === "SUCCEEDED").length, stem).toBe(2);
    }
  });

  it("the wait of a stopped execution", () => {
    const hold = named(project("ours-stop-during-wait"), "hold-reservation");
    expect(hold.abandoned?.executionStatus).toBe("STOPPED");
  });

  it("nothing where every operation closed", () => {
    for (const stem of ["ours-unawaited-operations", "official-unawaited-operations", "ours-promise-all-waits", "ours-map-50", "ours-workflow-every-operation"]) {
      expect(abandonedNames(project(stem)), stem).toEqual([]);
    }
  });

  it("is exactly the open operations once the execution ended, and nothing at any earlier point", () => {
    for (const stem of SHAPE_FIXTURES) {
      const events = shapeEvents(stem);
      const ops = projectHistory(events).operations;
      const root = ops.find((op) => op.type === "EXECUTION")!;
      expect(isOpen(root), stem).toBe(false);
      expect(ops.filter((op) => op.abandoned).map((op) => op.id), stem).toEqual(ops.filter((op) => op !== root && isOpen(op)).map((op) => op.id));
      const end = events.find((e) => e.Id === root.id && /^Execution(Succeeded|Failed|Stopped|TimedOut)$/.test(e.EventType ?? ""))!;
      for (const e of events.filter((e) => e.EventId! < end.EventId!)) {
        const past = projectHistory(eventsAsOf(events, e.EventId!)).operations;
        expect(past.filter((op) => op.abandoned || op.executionEnd).length, `${stem} as of event ${e.EventId}`).toBe(0);
      }
    }
  });
});

describe("role names in the recorded shapes", () => {
  it("the callback and submitter of waitForCallback, in both recordings", () => {
    for (const [stem, name] of [["ours-wait-for-callback", "manager-approval"], ["official-wait-for-callback", "manager-approval"], ["ours-workflow-every-operation", "warehouse-slot"], ["official-workflow-every-operation", "warehouse-slot"]] as const) {
      const ops = project(stem);
      const context = named(ops, name);
      const children = context.children.map((id) => ops.find((op) => op.id === id)!);
      expect(children.map((op) => [op.type, operationLabel(op)]), stem).toEqual([
        ["CALLBACK", `${name} · callback`],
        ["STEP", `${name} · submitter`],
      ]);
    }
  });

  it("the four combinator contexts, each told apart by the steps it joins, in both recordings", () => {
    for (const stem of ["ours-promise-combinators", "official-promise-combinators"]) {
      const contexts = project(stem).filter((op) => op.type === "CONTEXT");
      expect(contexts.map(operationLabel), stem).toEqual(["combinator of all-a, all-b", "combinator of settle-ok, settle-bad", "combinator of any-a, any-b", "combinator of race-a, wait 5 s"]);
    }
  });

  it("keeps every Name, and no two unnamed siblings read the same, in every recording", () => {
    for (const stem of SHAPE_FIXTURES) {
      const ops = project(stem);
      for (const op of ops) if (op.name) expect(operationLabel(op), stem).toBe(op.name);
      const siblings = new Map<string, string[]>();
      for (const op of ops.filter((o) => !o.name && o.type !== "EXECUTION")) {
        const key = op.parentId ?? "";
        siblings.set(key, [...(siblings.get(key) ?? []), operationLabel(op)]);
      }
      for (const [parent, labels] of siblings) expect(new Set(labels).size, `${stem} under ${parent || "the execution"}: ${labels.join(" | ")}`).toBe(labels.length);
    }
  });
});
