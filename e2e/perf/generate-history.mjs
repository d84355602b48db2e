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
