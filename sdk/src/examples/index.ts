import type { DurableLambdaHandler } from "../runtime/index.js";
import { approvalFlow } from "./approval-flow.js";
import { deploymentMonitor } from "./deployment-monitor.js";
import { expenseApproval } from "./expense-approval.js";
import { imageThumbnails } from "./image-thumbnails.js";
import { invoiceGenerator, taxCalculator } from "./invoice-generator.js";
import { orderProcessor } from "./order-processor.js";
import { paymentWithRetries } from "./payment-with-retries.js";
import { travelBooking } from "./travel-booking.js";
import { userOnboarding } from "./user-onboarding.js";

export { approvalFlow, deploymentMonitor, expenseApproval, imageThumbnails, invoiceGenerator, orderProcessor, paymentWithRetries, taxCalculator, travelBooking, userOnboarding };

/** An execution the local service records on a fresh data directory. */
export interface SampleSeed {
  name: string;
  input: unknown;
  /**
   * What the outside world answers: each named callback is completed with this JSON value
   * once the execution has created it. A callback not listed here stays waiting.
   */
  callbacks?: Record<string, unknown>;
}

/** A sample durable function with a few recorded inputs to start it with. */
export interface SampleFunction {
  name: string;
  description: string;
  handler: DurableLambdaHandler;
  /** Lambda's DurableConfig.ExecutionTimeout, when the default of one day is too short. */
  executionTimeoutSeconds?: number;
  seeds: SampleSeed[];
}

/**
 * The sample functions the local service registers: one per operation family, and an order
 * workflow that combines them. Their seeds leave executions that succeeded, one that failed
 * after retries, and two that are still waiting (on a timer and on a callback).
 */
export const sampleFunctions: SampleFunction[] = [
  {
    name: "order-processor",
    description: "The order workflow: a map of reservations, a payment step that retries, a wait, a warehouse callback and a child context.",
    handler: orderProcessor,
    seeds: [{ name: "order-1001", input: { orderId: "1001", items: ["keyboard", "mouse"] }, callbacks: { "warehouse-confirmation": { dock: "D7" } } }],
  },
  {
    name: "payment-with-retries",
    description: "A step with retries: the gateway declines three attempts with back-off, then the execution fails.",
    handler: paymentWithRetries,
    seeds: [{ name: "payment-2001", input: { paymentId: "2001", amount: 4999 } }],
  },
  {
    name: "approval-flow",
    description: "A wait: prepares a request and waits seven days for an approval window.",
    handler: approvalFlow,
    executionTimeoutSeconds: 30 * 86_400,
    seeds: [{ name: "approval-3001", input: { requestId: "3001", amount: 120000 } }],
  },
  {
    name: "expense-approval",
    description: "A callback: creates one, hands its id to a notification step and waits up to three days for a manager's answer.",
    handler: expenseApproval,
    executionTimeoutSeconds: 7 * 86_400,
    seeds: [{ name: "expense-4001", input: { expenseId: "4001", amount: 86, submitter: "ada@example.com" } }],
  },
  {
    name: "invoice-generator",
    description: "A chained invoke: drafts an invoice and invokes tax-calculator as an execution of its own.",
    handler: invoiceGenerator,
    seeds: [{ name: "invoice-5001", input: { invoiceId: "5001", amount: 25000, country: "DE" } }],
  },
  {
    name: "tax-calculator",
    description: "The function invoice-generator invokes: two steps that work out the tax.",
    handler: taxCalculator,
    seeds: [],
  },
  {
    name: "user-onboarding",
    description: "Child contexts: an account and a welcome mail, each a group of steps with its own result.",
    handler: userOnboarding,
    seeds: [{ name: "onboarding-6001", input: { email: "grace@example.com", plan: "team" } }],
  },
  {
    name: "image-thumbnails",
    description: "A map: one child context per image, two at a time.",
    handler: imageThumbnails,
    seeds: [
      {
        name: "thumbnails-7001",
        input: { images: [{ name: "beach.jpg", width: 1600 }, { name: "city.png", width: 800 }, { name: "icon.png", width: 120 }] },
      },
    ],
  },
  {
    name: "travel-booking",
    description: "Parallel: books a flight, a hotel and a car at once, then sends the itinerary.",
    handler: travelBooking,
    seeds: [{ name: "trip-8001", input: { tripId: "8001", city: "Lisbon", nights: 3 } }],
  },
  {
    name: "deployment-monitor",
    description: "waitForCondition: polls a rollout's health every second until it is healthy, then promotes it.",
    handler: deploymentMonitor,
    seeds: [{ name: "deploy-9001", input: { version: "2.4.0" } }],
  },
];
