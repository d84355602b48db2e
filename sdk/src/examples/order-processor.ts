import { withDurableExecution } from "../runtime/index.js";

export interface Order {
  orderId: string;
  items: string[];
}

/**
 * Validates an order, reserves stock, pauses for a cool-off window, ships in a child context
 * and confirms: steps, a wait and a nested context in one execution.
 */
export const orderProcessor = withDurableExecution(async (order: Order, ctx) => {
  const valid = await ctx.step("validate-order", async () => {
    if (!order.orderId) throw new Error("orderId is required");
    return { orderId: order.orderId, itemCount: order.items?.length ?? 0 };
  });
  const reservation = await ctx.step("reserve-inventory", async () => ({ reservationId: `res-${valid.orderId}`, items: order.items }));
  await ctx.wait("cool-off", { seconds: 2 });
  const shipment = await ctx.runInChildContext("shipping", async (child) => {
    const picked = await child.step("pick-items", async () => reservation.items.length);
    return child.step("ship", async () => ({ trackingId: `trk-${valid.orderId}`, parcels: picked }));
  });
  await ctx.step("send-confirmation", async ({ logger }) => {
    logger.info("confirmation sent", { orderId: valid.orderId });
    return true;
  });
  return { orderId: valid.orderId, trackingId: shipment.trackingId };
});
