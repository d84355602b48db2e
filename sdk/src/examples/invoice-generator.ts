import { withDurableExecution } from "../runtime/index.js";

export interface TaxRequest {
  amount: number;
  country: string;
}

const RATES: Record<string, number> = { DE: 0.19, FR: 0.2, GB: 0.2, US: 0.07 };

/** Works out the tax on an amount: its own durable function, invoked by invoice-generator. */
export const taxCalculator = withDurableExecution(async (req: TaxRequest, ctx) => {
  const rate = await ctx.step("look-up-rate", async () => RATES[req.country] ?? 0);
  return ctx.step("apply-rate", async () => ({ rate, tax: Math.round(req.amount * rate) }));
});

/**
 * Issues an invoice whose tax comes from another durable function: `ctx.invoke` starts
 * tax-calculator as an execution of its own (a chained invoke) and resumes with its result.
 */
export const invoiceGenerator = withDurableExecution(async (invoice: { invoiceId: string; amount: number; country: string }, ctx) => {
  const draft = await ctx.step("draft-invoice", async () => ({ invoiceId: invoice.invoiceId, net: invoice.amount }));
  const { tax, rate } = await ctx.invoke<TaxRequest, { tax: number; rate: number }>("calculate-tax", "tax-calculator", {
    amount: invoice.amount,
    country: invoice.country,
  });
  return ctx.step("issue-invoice", async () => ({ ...draft, rate, tax, gross: draft.net + tax }));
});
