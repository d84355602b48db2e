import { withDurableExecution } from "../runtime/index.js";

export interface Expense {
  expenseId: string;
  amount: number;
  submitter: string;
}

/**
 * Files an expense and waits up to three days for a manager: the callback is created first,
 * its id handed to the notification step, and the execution suspends until someone calls
 * SendDurableExecutionCallbackSuccess (or Failure) with it, e.g. from the callback dialog.
 * Complete it with `{"approved":true}`.
 */
export const expenseApproval = withDurableExecution(async (expense: Expense, ctx) => {
  const filed = await ctx.step("file-expense", async () => ({ expenseId: expense.expenseId, amount: expense.amount, submitter: expense.submitter }));
  const [decision, callbackId] = await ctx.createCallback("manager-approval", { timeout: { days: 3 } });
  await ctx.step("notify-manager", async ({ logger }) => {
    logger.info("approval requested", { expenseId: filed.expenseId, callbackId });
    return callbackId;
  });
  const answer = await decision;
  return ctx.step("record-decision", async () => {
    let approved = false;
    try {
      approved = (JSON.parse(answer) as { approved?: unknown })?.approved === true;
    } catch {
      approved = answer.trim().toLowerCase() === "approved";
    }
    return { ...filed, approved };
  });
});
