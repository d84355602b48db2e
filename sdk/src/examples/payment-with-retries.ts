import { createRetryStrategy, JitterStrategy, withDurableExecution } from "../runtime/index.js";

/** Charges a card through a gateway that keeps declining: three attempts, then the execution fails. */
export const paymentWithRetries = withDurableExecution(async (payment: { paymentId: string; amount: number }, ctx) => {
  const receipt = await ctx.step(
    "charge-card",
    async ({ attempt }) => {
      throw new Error(`Gateway declined payment ${payment.paymentId} (attempt ${attempt})`);
    },
    { retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, backoffRate: 2, jitter: JitterStrategy.NONE }) },
  );
  return receipt;
});
