import { createRetryStrategy, JitterStrategy, withDurableExecution } from "../runtime/index.js";

export interface Order {
  orderId: string;
  items: string[];
}

/** The warehouse answers the callback with JSON such as `{"dock":"D7"}`; anything else is kept as a note. */
function readConfirmation(raw: string | undefined): { dock?: string; note?: string } {
  try {
    const value: unknown = JSON.parse(raw ?? "null");
    if (value && typeof value === "object" && typeof (value as { dock?: unknown }).dock === "string") return { dock: (value as { dock: string }).dock };
  } catch {
    // Not JSON: a person typed a note in the callback dialog.
  }
  return raw ? { note: raw } : {};
}

/**
 * The order workflow: validates an order, reserves every item (a map), charges the card
 * through a gateway that times out once (a step with retries), cools off (a wait), waits for
 * the warehouse to confirm the pick (a callback), ships in a child context and confirms.
 *
 * Start it with `{ "orderId": "1002", "items": ["lamp"] }`, then complete the
 * `warehouse-confirmation` callback with `{"dock":"D3"}`.
 */
export const orderProcessor = withDurableExecution(async (order: Order, ctx) => {
  const valid = await ctx.step("validate-order", async () => {
    if (!order.orderId) throw new Error("orderId is required");
    if (!Array.isArray(order.items) || order.items.length === 0) throw new Error("an order needs at least one item");
    return { orderId: order.orderId, itemCount: order.items.length };
  });

  const reserved = await ctx.map(
    "reserve-inventory",
    order.items,
    (child, sku) => child.step("reserve", async () => ({ sku, reservationId: `res-${valid.orderId}-${sku}` })),
    { maxConcurrency: 2, itemNamer: (sku) => sku },
  );
  reserved.throwIfError();

  const payment = await ctx.step(
    "charge-payment",
    async ({ attempt }) => {
      // The gateway's first answer is a timeout, so every order shows a retried step.
      if (attempt === 1) throw new Error("Payment gateway timed out");
      return { paymentId: `pay-${valid.orderId}`, attempt };
    },
    { retryStrategy: createRetryStrategy({ maxAttempts: 3, initialDelay: { seconds: 1 }, jitter: JitterStrategy.NONE }) },
  );

  await ctx.wait("cool-off", { seconds: 2 });

  const confirmation = readConfirmation(
    await ctx.waitForCallback(
      "warehouse-confirmation",
      async (callbackId, { logger }) => {
        logger.info("asked the warehouse to confirm the pick", { orderId: valid.orderId, callbackId });
      },
      { timeout: { hours: 12 } },
    ),
  );

  const shipment = await ctx.runInChildContext("shipping", async (child) => {
    const picked = await child.step("pick-items", async () => reserved.getResults().length);
    return child.step("ship", async () => ({ trackingId: `trk-${valid.orderId}`, parcels: picked, ...confirmation }));
  });
  // Logged from the workflow itself, not from a step: written once, when this code first runs.
  ctx.logger.info("order shipped", { orderId: valid.orderId, trackingId: shipment.trackingId });
  await ctx.step("send-confirmation", async ({ logger }) => {
    logger.info("confirmation sent", { orderId: valid.orderId, paymentId: payment.paymentId });
    return true;
  });
  return { orderId: valid.orderId, trackingId: shipment.trackingId, paymentId: payment.paymentId, dock: shipment.dock ?? null };
});
