/**
 * A large, realistic history for the UI benchmark: one map of `items` items, each a child context
 * with a step that fails and retries before it succeeds, invocations ending along the way, in the
 * JSON shape GetDurableExecutionHistory returns (ISO timestamps).
 *
 * Every item retries once; the first `extraRetries` items retry a second time, and one invocation
 * ends every `items / invocations` items. With the defaults that is exactly 20,000 events.
 */

const EXECUTION_ID = "bench-execution";
const MAP_ID = "bench-map";

/**
 * @param {{ items?: number, extraRetries?: number, invocations?: number, start?: number }} [options]
 * @returns {Record<string, unknown>[]} the events, EventId 1..n
 * @example generateMapHistory().length // 20000
 */
export function generateMapHistory({ items = 3000, extraRetries = 988, invocations = 20, start = Date.parse("2026-01-01T00:00:00.000Z") } = {}) {
  const events = [];
  let clock = start;
  const push = (event) => {
    events.push({ EventId: events.length + 1, EventTimestamp: new Date(clock).toISOString(), ...event });
  };
  const tick = (ms) => (clock += ms);
  const itemsPerInvocation = Math.ceil(items / invocations);
  let invocationStart = clock;

  push({
    EventType: "ExecutionStarted",
    Id: EXECUTION_ID,
    ExecutionStartedDetails: { Input: { Payload: JSON.stringify({ orders: items }) }, ExecutionTimeout: 86_400 },
  });
  tick(5);
  push({ EventType: "ContextStarted", SubType: "Map", Id: MAP_ID, Name: "process-orders", ContextStartedDetails: {} });

  for (let i = 0; i < items; i++) {
    const itemId = `bench-item-${i}`;
    const stepId = `bench-step-${i}`;
    const attempts = i < extraRetries ? 3 : 2;
    tick(2);
    push({ EventType: "ContextStarted", SubType: "MapIteration", Id: itemId, ParentId: MAP_ID, Name: `map-item-${i}`, ContextStartedDetails: {} });
    for (let attempt = 1; attempt <= attempts; attempt++) {
      tick(1);
      push({ EventType: "StepStarted", SubType: "Step", Id: stepId, ParentId: itemId, Name: "charge-card", StepStartedDetails: {} });
      tick(40 + (i % 7) * 10);
      if (attempt < attempts) {
        push({
          EventType: "StepFailed",
          SubType: "Step",
          Id: stepId,
          ParentId: itemId,
          Name: "charge-card",
          StepFailedDetails: {
            Error: { Payload: { ErrorType: "GatewayTimeout", ErrorMessage: `The payment gateway did not answer for order ${i} (attempt ${attempt})` } },
            RetryDetails: { CurrentAttempt: attempt, NextAttemptDelaySeconds: attempt * 2 },
          },
        });
        tick(attempt * 2000);
      } else {
        push({
          EventType: "StepSucceeded",
          SubType: "Step",
          Id: stepId,
          ParentId: itemId,
          Name: "charge-card",
          StepSucceededDetails: { Result: { Payload: JSON.stringify({ orderId: i, charged: 1000 + i }) }, RetryDetails: { CurrentAttempt: attempt } },
        });
      }
    }
    tick(1);
    push({
      EventType: "ContextSucceeded",
      SubType: "MapIteration",
      Id: itemId,
      ParentId: MAP_ID,
      Name: `map-item-${i}`,
      ContextSucceededDetails: { Result: { Payload: JSON.stringify({ orderId: i, ok: true }) } },
    });
    if ((i + 1) % itemsPerInvocation === 0 || i === items - 1) {
      push({
        EventType: "InvocationCompleted",
        InvocationCompletedDetails: {
          StartTimestamp: new Date(invocationStart).toISOString(),
          EndTimestamp: new Date(clock).toISOString(),
          RequestId: `bench-request-${events.length}`,
        },
      });
      invocationStart = clock;
    }
  }

  tick(3);
  push({ EventType: "ContextSucceeded", SubType: "Map", Id: MAP_ID, Name: "process-orders", ContextSucceededDetails: { Result: { Payload: JSON.stringify({ succeeded: items }) } } });
  tick(2);
  push({ EventType: "ExecutionSucceeded", Id: EXECUTION_ID, ExecutionSucceededDetails: { Result: { Payload: JSON.stringify({ processed: items }) } } });
  return events;
}

/** Lambda's limits the history below is built to (sdk/src/protocol/limits.ts: MAX_OPERATIONS, CHECKPOINT_PAYLOAD_BYTES). */
export const LAMBDA_MAX_OPERATIONS = 3000;
export const CHECKPOINT_PAYLOAD_BYTES = 256 * 1024;

/**
 * A JSON text of exactly `bytes` bytes (ASCII), shaped like a real result: a list of line items.
 *
 * @example payloadOfBytes(1024, "catalog").length // 1024
 */
export function payloadOfBytes(bytes, label) {
  const items = [];
  // Counted as it grows: serialising the whole list on every item would be quadratic.
  let length = JSON.stringify({ label, items: [], pad: "" }).length;
  for (let i = 0; ; i++) {
    const item = { sku: `SKU-${String(i).padStart(6, "0")}`, qty: (i % 9) + 1, price: 100 + (i % 97) };
    const added = JSON.stringify(item).length + (i > 0 ? 1 : 0);
    if (length + added > bytes) break;
    items.push(item);
    length += added;
  }
  const text = JSON.stringify({ label, items, pad: "" });
  if (text.length > bytes) throw new RangeError(`payloadOfBytes: ${bytes} bytes cannot hold even an empty list (${text.length})`);
  return text.replace('"pad":""', `"pad":"${"x".repeat(bytes - text.length)}"`);
}

/**
 * An execution at Lambda's limits: exactly `operations` operations (the execution included) made
 * of a step that retries twice, steps whose results are just under the checkpoint payload limit, a
 * map of `mapItems` items (a step in each, some retrying), and then blocks of a step (every fourth
 * retrying), a wait and a callback (every hundredth timing out), until the count is reached. Each
 * retry and each wait ends an invocation, as they suspend the function on Lambda; between
 * block waits, every tenth one does. Events are in the JSON shape GetDurableExecutionHistory returns.
 *
 * @param {{ operations?: number, mapItems?: number, payloadBytes?: number, start?: number }} [options]
 * @returns {{ events: Record<string, unknown>[], operations: number, invocations: number, bigPayloads: number, marks: Record<string, number> }}
 *   `marks` holds the EventIds tests look for (first retry's end of invocation, map start and end, …)
 * @example generateLimitsHistory().operations // 3000
 */
export function generateLimitsHistory({
  operations = LAMBDA_MAX_OPERATIONS,
  mapItems = 500,
  payloadBytes = CHECKPOINT_PAYLOAD_BYTES - 1024,
  start = Date.parse("2026-02-01T09:00:00.000Z"),
} = {}) {
  const events = [];
  const ids = new Set();
  const marks = {};
  let clock = start;
  let invocationStart = clock;
  let bigPayloads = 0;
  const push = (event) => {
    if (event.Id) ids.add(event.Id);
    events.push({ EventId: events.length + 1, EventTimestamp: new Date(clock).toISOString(), ...event });
    return events.length;
  };
  const tick = (ms) => (clock += ms);
  const endInvocation = () => {
    tick(3);
    const id = push({
      EventType: "InvocationCompleted",
      InvocationCompletedDetails: { StartTimestamp: new Date(invocationStart).toISOString(), EndTimestamp: new Date(clock).toISOString(), RequestId: `limits-request-${events.length + 1}` },
    });
    invocationStart = clock;
    return id;
  };
  const big = (label) => {
    bigPayloads++;
    return payloadOfBytes(payloadBytes, label);
  };
  /** A step with `attempts` attempts, the last one succeeding; `suspend` ends an invocation after each failure. */
  const step = (id, name, parentId, attempts, result, suspend) => {
    const where = parentId ? { ParentId: parentId } : {};
    for (let attempt = 1; attempt <= attempts; attempt++) {
      tick(1);
      push({ EventType: "StepStarted", SubType: "Step", Id: id, Name: name, ...where, StepStartedDetails: {} });
      tick(20 + (attempt % 5) * 7);
      if (attempt < attempts) {
        push({
          EventType: "StepFailed",
          SubType: "Step",
          Id: id,
          Name: name,
          ...where,
          StepFailedDetails: {
            Error: { Payload: { ErrorType: "ServiceUnavailable", ErrorMessage: `${name} failed on attempt ${attempt}` } },
            RetryDetails: { CurrentAttempt: attempt, NextAttemptDelaySeconds: attempt * 5 },
          },
        });
        if (suspend) {
          const ended = endInvocation();
          marks[`${name}:retry-${attempt}`] ??= ended;
        }
        tick(attempt * 5000);
      } else {
        push({ EventType: "StepSucceeded", SubType: "Step", Id: id, Name: name, ...where, StepSucceededDetails: { Result: { Payload: result }, RetryDetails: { CurrentAttempt: attempt } } });
      }
    }
  };
  const wait = (id, name, seconds, suspend) => {
    tick(1);
    push({ EventType: "WaitStarted", SubType: "Wait", Id: id, Name: name, WaitStartedDetails: { Duration: seconds, ScheduledEndTimestamp: new Date(clock + seconds * 1000).toISOString() } });
    if (suspend) endInvocation();
    tick(seconds * 1000);
    push({ EventType: "WaitSucceeded", SubType: "Wait", Id: id, Name: name, WaitSucceededDetails: { Duration: seconds } });
  };
  const callback = (id, name, outcome, result) => {
    tick(2);
    push({ EventType: "CallbackStarted", SubType: "Callback", Id: id, Name: name, CallbackStartedDetails: { CallbackId: `cb-${id}`, Timeout: 3600, HeartbeatTimeout: 600 } });
    tick(1500);
    if (outcome === "timeout") {
      push({ EventType: "CallbackTimedOut", SubType: "Callback", Id: id, Name: name, CallbackTimedOutDetails: { Error: { Payload: { ErrorType: "CallbackTimeout", ErrorMessage: "Callback timed out" } } } });
    } else {
      push({ EventType: "CallbackSucceeded", SubType: "Callback", Id: id, Name: name, CallbackSucceededDetails: { Result: { Payload: result } } });
    }
  };

  marks.executionStarted = push({ EventType: "ExecutionStarted", Id: "limits-execution", ExecutionStartedDetails: { Input: { Payload: big("order-input") }, ExecutionTimeout: 31_622_400 } });
  step("limits-load-order", "load-order", undefined, 3, JSON.stringify({ orderId: "L-1", lines: 2000 }), true);
  step("limits-fetch-catalog", "fetch-catalog", undefined, 1, big("catalog"), false);
  wait("limits-cool-off", "cool-off", 60, true);
  callback("limits-manager-approval", "manager-approval", "success", big("approval"));

  tick(2);
  marks.mapStarted = push({ EventType: "ContextStarted", SubType: "Map", Id: "limits-map", Name: "process-lines", ContextStartedDetails: {} });
  for (let i = 0; i < mapItems; i++) {
    const item = `limits-item-${i}`;
    tick(1);
    push({ EventType: "ContextStarted", SubType: "MapIteration", Id: item, ParentId: "limits-map", Name: `map-item-${i}`, ContextStartedDetails: {} });
    const result = i === 0 ? big("first-line") : JSON.stringify({ line: i, reserved: true });
    step(`limits-reserve-${i}`, "reserve-stock", item, i % 10 === 0 ? 2 : 1, result, false);
    tick(1);
    push({ EventType: "ContextSucceeded", SubType: "MapIteration", Id: item, ParentId: "limits-map", Name: `map-item-${i}`, ContextSucceededDetails: { Result: { Payload: JSON.stringify({ line: i }) } } });
    if ((i + 1) % 100 === 0) endInvocation();
  }
  tick(2);
  marks.mapSucceeded = push({ EventType: "ContextSucceeded", SubType: "Map", Id: "limits-map", Name: "process-lines", ContextSucceededDetails: { Result: { Payload: JSON.stringify({ reserved: mapItems }) } } });

  // Blocks until the operation count is reached; the execution is one of the operations.
  const remaining = () => operations - 1 - ids.size + (ids.has("limits-execution") ? 1 : 0);
  for (let k = 0; remaining() > 0; k++) {
    step(`limits-charge-${k}`, `charge-${k}`, undefined, k % 4 === 0 ? 2 : 1, JSON.stringify({ block: k, charged: 10 + k }), false);
    if (remaining() > 0) wait(`limits-pause-${k}`, `pause-${k}`, 30, k % 10 === 0);
    if (remaining() > 0) callback(`limits-confirm-${k}`, `confirm-${k}`, k % 100 === 99 ? "timeout" : "success", JSON.stringify({ block: k, ok: true }));
  }
  endInvocation();
  tick(2);
  marks.executionSucceeded = push({ EventType: "ExecutionSucceeded", Id: "limits-execution", ExecutionSucceededDetails: { Result: { Payload: JSON.stringify({ lines: mapItems, ok: true }) } } });
  const invocations = events.filter((e) => e.EventType === "InvocationCompleted").length;
  return { events, operations: ids.size, invocations, bigPayloads, marks };
}
