import { withDurableExecution } from "../runtime/index.js";

/** Prepares a request, then waits a week for an approval window: an execution that stays RUNNING. */
export const approvalFlow = withDurableExecution(async (request: { requestId: string; amount: number }, ctx) => {
  const prepared = await ctx.step("prepare-request", async () => ({ requestId: request.requestId, amount: request.amount }));
  await ctx.wait("approval-window", { days: 7 });
  return ctx.step("finalize", async () => ({ ...prepared, approved: true }));
});
