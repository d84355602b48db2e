import { withDurableExecution } from "../runtime/index.js";

/**
 * Onboards a user in two child contexts, each a group of operations with its own result:
 * the account (two steps) and the welcome mail (a step, a short wait, a step).
 */
export const userOnboarding = withDurableExecution(async (user: { email: string; plan?: string }, ctx) => {
  const account = await ctx.runInChildContext("create-account", async (child) => {
    const userId = await child.step("create-user", async () => `user-${user.email.split("@")[0]}`);
    const plan = await child.step("assign-plan", async () => user.plan ?? "free");
    return { userId, plan };
  });
  const welcome = await ctx.runInChildContext("send-welcome", async (child) => {
    const subject = await child.step("render-email", async () => `Welcome to the ${account.plan} plan`);
    await child.wait("settle", { seconds: 1 });
    return child.step("send-email", async () => ({ to: user.email, subject }));
  });
  return { ...account, welcome: welcome.subject };
});
