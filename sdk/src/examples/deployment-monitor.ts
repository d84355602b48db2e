import { createWaitStrategy, JitterStrategy, withDurableExecution } from "../runtime/index.js";

interface Health {
  checks: number;
  healthy: boolean;
}

/**
 * Rolls out a release and polls its health with `ctx.waitForCondition` until it reports
 * healthy (on the third check here), waiting a second between checks, then promotes it.
 */
export const deploymentMonitor = withDurableExecution(async (release: { version: string; healthyAfterChecks?: number }, ctx) => {
  const needed = release.healthyAfterChecks ?? 3;
  await ctx.step("start-rollout", async () => ({ version: release.version }));
  const health = await ctx.waitForCondition<Health>(
    "wait-until-healthy",
    async (state) => ({ checks: state.checks + 1, healthy: state.checks + 1 >= needed }),
    {
      initialState: { checks: 0, healthy: false },
      waitStrategy: createWaitStrategy({ shouldContinuePolling: (s: Health) => !s.healthy, initialDelay: { seconds: 1 }, backoffRate: 1, jitter: JitterStrategy.NONE, maxAttempts: 10 }),
    },
  );
  return ctx.step("promote", async () => ({ version: release.version, checks: health.checks, promoted: true }));
});
