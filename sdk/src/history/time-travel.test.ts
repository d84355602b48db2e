import { describe, expect, it } from "vitest";
import type { Event } from "../protocol/index.js";
import { FIXTURE_FILES, fixtureEvents } from "../local/recorded-histories.test-support.js";
import {
  buildReplayPoints,
  buildTimeline,
  historyCheckpoints,
  writtenByCheckpoint,
  eventsAsOf,
  pointIndexAt,
  projectHistory,
  stepReplay,
  timelineAsOf,
  type OperationView,
  type ReplayPoints,
  type ReplayUnit,
} from "./index.js";

const FINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT", "STOPPED"]);

/** Every index a walk by `unit` visits from one end to the other. */
function walk(replay: ReplayPoints, unit: ReplayUnit, direction: 1 | -1): number[] {
  const visited: number[] = [];
  let at: number | undefined = direction === 1 ? 0 : replay.points.length - 1;
  while (at !== undefined) {
    visited.push(at);
    at = stepReplay(replay, at, unit, direction);
  }
  return visited;
}

/** The ids of the operations in `ops` whose status is final. */
const finishedIds = (ops: readonly OperationView[]) => ops.filter((op) => FINAL.has(op.status)).map((op) => op.id).sort();

describe.each(FIXTURE_FILES)("time travel over %s", (name) => {
  const events = fixtureEvents(name);
  const full = projectHistory(events);
  const replay = buildReplayPoints(events, full);
  const ids = events.map((e) => e.EventId!);

  it("has one point per event, in EventId order, with the time as of that event", () => {
    expect(replay.points.map((p) => p.eventId)).toEqual(ids);
    replay.points.forEach((p, i) => {
      expect(p.eventType).toBe(events[i]!.EventType);
      expect(p.time).toEqual(events[i]!.EventTimestamp);
    });
  });

  it("groups the function's consecutive events of one timestamp into a checkpoint, an operation at most once, and the service's events into none", () => {
    let previous: Event | undefined;
    let ops = new Set<string | undefined>();
    let checkpoint = -1;
    replay.points.forEach((p, i) => {
      const e = events[i]!;
      if (!writtenByCheckpoint(e)) {
        expect(p.checkpoint).toBeUndefined();
      } else {
        const same = previous !== undefined && writtenByCheckpoint(previous) && previous.EventTimestamp!.getTime() === e.EventTimestamp!.getTime() && !ops.has(e.Id);
        if (!same) {
          checkpoint++;
          ops = new Set();
        }
        ops.add(e.Id);
        expect(p.checkpoint).toBe(checkpoint);
      }
      previous = e;
    });
    expect(replay.checkpointCount).toBe(checkpoint + 1);
    expect(historyCheckpoints(events).map((c) => c.eventIds.map((id) => replay.points[ids.indexOf(id)]!.checkpoint))).toEqual(
      [...Array(checkpoint + 1).keys()].map((c) => replay.points.filter((p) => p.checkpoint === c).map(() => c)),
    );
    // Each stop is the last event of its checkpoint, or an event of the service's but InvocationCompleted.
    for (const i of replay.stops.checkpoint) {
      const p = replay.points[i]!;
      if (p.checkpoint === undefined) expect(p.eventType).not.toBe("InvocationCompleted");
      else expect(replay.points[i + 1]?.checkpoint).not.toBe(p.checkpoint);
    }
    expect(new Set(replay.stops.checkpoint.map((i) => replay.points[i]!.checkpoint).filter((c) => c !== undefined)).size).toBe(checkpoint + 1);
  });

  it("keeps the same checkpoints and invocation stops for every prefix of the history", () => {
    for (const at of ids) {
      const prefix = buildReplayPoints(eventsAsOf(events, at));
      const n = prefix.points.length;
      expect(prefix.points.map((p) => p.checkpoint)).toEqual(replay.points.slice(0, n).map((p) => p.checkpoint));
      expect(prefix.stops.invocation).toEqual(replay.stops.invocation.filter((i) => i < n));
    }
  });

  it("numbers invocations as the history's InvocationCompleted events do", () => {
    const completed = events.filter((e) => e.EventType === "InvocationCompleted").map((e) => e.EventId!);
    expect(replay.invocationCount).toBe(full.invocations.length);
    expect(replay.stops.invocation.map((i) => replay.points[i]!.eventId)).toEqual(completed);
    // The k-th InvocationCompleted is invocation k; the first event is in the first one, the last in the last.
    expect(replay.stops.invocation.map((i) => replay.points[i]!.invocation)).toEqual(completed.map((_, k) => k + 1));
    expect(replay.points[0]!.invocation).toBe(Math.min(1, replay.invocationCount));
    expect(replay.points.at(-1)!.invocation).toBe(replay.invocationCount);
    replay.points.forEach((p, i) => {
      if (i > 0) expect(p.invocation).toBeGreaterThanOrEqual(replay.points[i - 1]!.invocation);
    });
  });

  it("shows no operation before its first event, and one started but not finished as still running", () => {
    for (const at of ids) {
      const asOf = projectHistory(eventsAsOf(events, at));
      const byId = new Map(asOf.operations.map((op) => [op.id, op]));
      expect([...byId.keys()].sort()).toEqual(full.operations.filter((op) => op.firstEventId <= at).map((op) => op.id).sort());
      for (const op of full.operations) {
        if (op.firstEventId <= at && at < op.lastEventId) expect(["STARTED", "PENDING"]).toContain(byId.get(op.id)!.status);
      }
    }
  });

  it("at each invocation boundary, has finished exactly the operations whose end event came by then", () => {
    for (const i of replay.stops.invocation) {
      const at = replay.points[i]!.eventId;
      const asOf = projectHistory(eventsAsOf(events, at));
      const endedBy = full.operations.filter((op) => FINAL.has(op.status) && op.lastEventId <= at);
      expect(finishedIds(asOf.operations)).toEqual(endedBy.map((op) => op.id).sort());
      // The invocations so far, each with the operations it ran.
      expect(asOf.invocations).toEqual(full.invocations.filter((inv) => inv.eventId <= at));
    }
  });

  it("at the last event, shows exactly the whole history", () => {
    const last = replay.points.at(-1)!.eventId;
    expect(projectHistory(eventsAsOf(events, last))).toEqual(full);
  });

  it("steps by event through every point, by checkpoint through each checkpoint's end, by invocation through each run's end", () => {
    const everyIndex = [...replay.points.keys()];
    expect(walk(replay, "event", 1)).toEqual(everyIndex);
    expect(walk(replay, "event", -1)).toEqual(everyIndex.reverse());
    const withEnds = (stops: readonly number[]) => [...new Set([0, ...stops, replay.points.length - 1])];
    expect(walk(replay, "checkpoint", 1)).toEqual(withEnds(replay.stops.checkpoint));
    expect(walk(replay, "checkpoint", -1)).toEqual(withEnds(replay.stops.checkpoint).reverse());
    expect(walk(replay, "invocation", 1)).toEqual(withEnds(replay.stops.invocation));
    expect(walk(replay, "invocation", -1)).toEqual(withEnds(replay.stops.invocation).reverse());
  });

  it("draws the timeline of every point closed at that point's time", () => {
    for (const p of replay.points) {
      const timeline = timelineAsOf(buildTimeline(projectHistory(eventsAsOf(events, p.eventId))), p.time!.getTime());
      expect(timeline.open).toBe(false);
      for (const row of timeline.rows) {
        expect(row.deadline).toBeUndefined();
        for (const s of row.segments) expect(s.end).toBeGreaterThanOrEqual(s.start);
      }
      for (const lane of timeline.lanes) if (lane.start !== undefined) expect(lane.end).toBeGreaterThanOrEqual(lane.start);
      expect(timeline.end).toBeLessThanOrEqual(Math.max(p.time!.getTime(), ...events.filter((e) => e.EventId! <= p.eventId).map((e) => e.EventTimestamp!.getTime())));
    }
  });
});

describe("time travel on step-with-retry", () => {
  const events = fixtureEvents("step-with-retry");
  const replay = buildReplayPoints(events);
  const stepStatusAt = (at: number) => projectHistory(eventsAsOf(events, at)).operations.find((op) => op.type === "STEP")?.status;

  it("shows the step absent, running, waiting to retry and done as the history goes on", () => {
    expect([1, 2, 3, 4, 5, 9].map(stepStatusAt)).toEqual([undefined, "STARTED", "PENDING", "PENDING", "STARTED", "SUCCEEDED"]);
  });

  it("puts the events of each invocation in it, and the execution's end in the last", () => {
    expect(replay.points.map((p) => p.invocation)).toEqual([1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3]);
    // Events 2 and 3 share a millisecond but are one step's start and retry: two calls. The start,
    // each InvocationCompleted and the execution's end are the service's.
    expect(replay.points.map((p) => p.eventType)).toEqual(["ExecutionStarted", "StepStarted", "StepFailed", "InvocationCompleted", "StepStarted", "StepFailed", "InvocationCompleted", "StepStarted", "StepSucceeded", "InvocationCompleted", "ExecutionSucceeded"]);
    expect(replay.points.map((p) => p.checkpoint ?? "-")).toEqual(["-", 0, 1, "-", 2, 3, "-", 4, 5, "-", "-"]);
  });

  it("finds the point for any event id", () => {
    expect([0, 1, 4, 11, 99].map((id) => pointIndexAt(replay, id))).toEqual([0, 0, 3, 10, 10]);
    const gappy = buildReplayPoints(events.filter((e) => e.EventId !== 5));
    expect(gappy.points[pointIndexAt(gappy, 5)]!.eventId).toBe(4);
    expect(pointIndexAt(buildReplayPoints([]), 3)).toBe(-1);
  });

  it("ends what was still going at the point's time in its timeline", () => {
    const at = replay.points[2]!; // StepFailed, retry due a second later
    const timeline = timelineAsOf(buildTimeline(projectHistory(eventsAsOf(events, at.eventId))), at.time!.getTime());
    const step = timeline.rows.find((r) => r.operation.type === "STEP")!;
    expect(step.segments.map((s) => [s.kind, s.end])).toEqual([
      ["attempt", Date.parse("2025-12-03T22:59:52.610Z")],
      ["backoff", at.time!.getTime()],
    ]);
    expect(timeline.end).toBe(at.time!.getTime());
  });
});

describe("time travel over a history still running", () => {
  const events = fixtureEvents("step-with-retry").filter((e) => e.EventId! <= 5);

  it("counts the run after the last InvocationCompleted as an invocation", () => {
    const replay = buildReplayPoints(events);
    expect(replay.invocationCount).toBe(2);
    expect(replay.points.map((p) => p.invocation)).toEqual([1, 1, 1, 1, 2]);
  });

  it("takes events without a timestamp or an id as they come", () => {
    const untimed = events.map((e) => (e.EventId === 3 ? { ...e, EventTimestamp: undefined } : e));
    const replay = buildReplayPoints([...untimed, { EventType: "StepStarted", Id: "x" }]);
    expect(replay.points.map((p) => p.eventId)).toEqual([1, 2, 3, 4, 5]);
    // Event 3 has no timestamp: a checkpoint of its own, shown as of the time before it.
    expect(replay.points.map((p) => p.checkpoint ?? "-")).toEqual(["-", 0, 1, "-", 2]);
    expect(replay.points[2]!.time).toEqual(events[1]!.EventTimestamp);
  });
});

describe("the checkpoints of a history", () => {
  const at = (ms: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, ms));
  const e = (EventId: number, EventType: Event["EventType"], Id: string, ms: number | undefined): Event => ({ EventId, EventType, Id, ...(ms !== undefined && { EventTimestamp: at(ms) }) });

  it("splits calls of one millisecond at an operation touched again, and leaves the service's events out", () => {
    const events = [
      e(1, "ExecutionStarted", "x", 0),
      // Two calls in one millisecond: the steps start, then the same steps succeed.
      e(2, "StepStarted", "a", 5),
      e(3, "StepStarted", "b", 5),
      e(4, "StepSucceeded", "a", 5),
      e(5, "StepSucceeded", "b", 5),
      e(6, "WaitStarted", "w", 5),
      e(7, "InvocationCompleted", "", 6),
      e(8, "WaitSucceeded", "w", 9),
      // A call at the wait's millisecond, after the service's event: a checkpoint of its own.
      e(9, "StepStarted", "c", 9),
      e(10, "StepSucceeded", "c", undefined),
      e(11, "InvocationCompleted", "", 10),
      e(12, "ExecutionSucceeded", "x", 10),
    ];
    const checkpoints = historyCheckpoints([...events].reverse());
    expect(checkpoints.map((c) => c.eventIds)).toEqual([[2, 3], [4, 5, 6], [9], [10]]);
    expect(checkpoints.map((c) => c.time?.getTime())).toEqual([at(5).getTime(), at(5).getTime(), at(9).getTime(), undefined]);
    const replay = buildReplayPoints(events);
    expect(replay.checkpointCount).toBe(4);
    // Stepping by checkpoint stops at each checkpoint's end and at the service's events but InvocationCompleted.
    expect(replay.stops.checkpoint.map((i) => replay.points[i]!.eventId)).toEqual([1, 3, 6, 8, 9, 10, 12]);
  });
});
