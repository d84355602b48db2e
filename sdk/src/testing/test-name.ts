/**
 * The name of the test that is running, from the `expect` state Jest and Vitest keep
 * (Vitest publishes its `expect` under this symbol even without globals); undefined elsewhere.
 *
 * @example currentTestName() // "payment > fails after three declined attempts"
 */
export function currentTestName(): string | undefined {
  const g = globalThis as Record<string | symbol, unknown>;
  for (const candidate of [g[Symbol.for("expect-global")], g.expect]) {
    const state = (candidate as { getState?: () => { currentTestName?: unknown } } | undefined)?.getState?.();
    if (typeof state?.currentTestName === "string" && state.currentTestName !== "") return state.currentTestName;
  }
  return undefined;
}
