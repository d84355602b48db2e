import type { DurableLambdaHandler } from "../runtime/index.js";
import { approvalFlow } from "./approval-flow.js";
import { orderProcessor } from "./order-processor.js";
import { paymentWithRetries } from "./payment-with-retries.js";

export { approvalFlow, orderProcessor, paymentWithRetries };

/** A sample durable function with a few recorded inputs to start it with. */
export interface SampleFunction {
  name: string;
  description: string;
  handler: DurableLambdaHandler;
  /** Lambda's DurableConfig.ExecutionTimeout, when the default of one day is too short. */
  executionTimeoutSeconds?: number;
  /** Executions the local service records on a fresh data directory. */
  seeds: { name: string; input: unknown }[];
}

/** The sample functions the local service registers, covering each operation the runtime has. */
export const sampleFunctions: SampleFunction[] = [
  {
    name: "order-processor",
    description: "Steps, a wait and a child context: validate, reserve, cool off, ship, confirm.",
    handler: orderProcessor,
    seeds: [{ name: "order-1001", input: { orderId: "1001", items: ["keyboard", "mouse"] } }],
  },
  {
    name: "payment-with-retries",
    description: "A step that keeps failing: three attempts with back-off, then the execution fails.",
    handler: paymentWithRetries,
    seeds: [{ name: "payment-2001", input: { paymentId: "2001", amount: 4999 } }],
  },
  {
    name: "approval-flow",
    description: "Prepares a request and waits seven days for an approval window.",
    handler: approvalFlow,
    executionTimeoutSeconds: 30 * 86_400,
    seeds: [{ name: "approval-3001", input: { requestId: "3001", amount: 120000 } }],
  },
];
