import { createRetryStrategy, JitterStrategy, withDurableExecution } from "../runtime/index.js";

export interface Payment {
  paymentId: string;
  amount: number;
  /** How many attempts the gateway declines; every one when absent. */
  declines?: number;
}

/**
 * Charges a card through a gateway that declines: three attempts with back-off (1 s, then
 * 2 s), after which the execution fails. Start it with `"declines": 1` to see a retry succeed.
 */
export const paymentWithRetries = withDurableExecution(async (payment: Payment, ctx) => {
  const receipt = await ctx.step(
    "charge-card",
    async ({ attempt }) => {
      if (payment.declines === undefined || attempt <= payment.declines) {
        throw new Error(`Gateway declined payment ${payment.paymentId} (attempt ${attempt})`);
      }
      return { paymentId: payment.paymentId, amount: payment.amount, attempt };
    },
    { retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, backoffRate: 2, jitter: JitterStrategy.NONE }) },
  );
  return receipt;
});
