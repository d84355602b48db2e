import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import * as approvalFlow from "../examples/approval-flow.js";
import * as deploymentMonitor from "../examples/deployment-monitor.js";
import * as expenseApproval from "../examples/expense-approval.js";
import * as imageThumbnails from "../examples/image-thumbnails.js";
import * as invoiceGenerator from "../examples/invoice-generator.js";
import * as orderProcessor from "../examples/order-processor.js";
import * as paymentWithRetries from "../examples/payment-with-retries.js";
import * as travelBooking from "../examples/travel-booking.js";
import * as userOnboarding from "../examples/user-onboarding.js";
import type { HandlerSource } from "./registry.js";

/**
 * The sample modules by file name. A sample in a module missing here has no bundle
 * (`handler-bundle-http.test.ts` checks that every sample has one).
 */
const SAMPLE_MODULES: Record<string, Record<string, unknown>> = {
  "approval-flow": approvalFlow,
  "deployment-monitor": deploymentMonitor,
  "expense-approval": expenseApproval,
  "image-thumbnails": imageThumbnails,
  "invoice-generator": invoiceGenerator,
  "order-processor": orderProcessor,
  "payment-with-retries": paymentWithRetries,
  "travel-booking": travelBooking,
  "user-onboarding": userOnboarding,
};

/** Sources next to sources, builds next to builds: this module's own extension says which it is. */
const EXTENSION = extname(fileURLToPath(import.meta.url));

/**
 * The module and export a sample handler comes from, found by identity: the export of a
 * sample module that is this very handler.
 *
 * @example sampleHandlerSource(orderProcessor) // { file: ".../examples/order-processor.ts", exportName: "orderProcessor" }
 */
export function sampleHandlerSource(handler: unknown): HandlerSource | undefined {
  for (const [stem, module] of Object.entries(SAMPLE_MODULES)) {
    const exportName = Object.keys(module).find((name) => module[name] === handler);
    if (exportName !== undefined) return { file: fileURLToPath(new URL(`../examples/${stem}${EXTENSION}`, import.meta.url)), exportName };
  }
  return undefined;
}
