/**
 * Which durable scope (the root, a step body, a child context) the running code belongs to.
 * Tracking it needs async context propagation, which browsers lack, so the runtime only
 * declares the slot: the Node entry installs a tracker built on Node's async hooks, and without
 * one the checks that depend on it are skipped.
 */
export interface ActiveScope {
  /** Step path of the scope ("root" at the top level). */
  contextId: string;
}

export interface ScopeTracker {
  run<T>(scope: ActiveScope, fn: () => T): T;
  current(): ActiveScope | undefined;
}

let tracker: ScopeTracker | undefined;

/** @example installScopeTracker(createNodeScopeTracker()) // from sdk/local */
export function installScopeTracker(next: ScopeTracker | undefined): void {
  tracker = next;
}

export function runInScope<T>(contextId: string, fn: () => T): T {
  return tracker ? tracker.run({ contextId }, fn) : fn();
}

/**
 * The message for an operation called on a context other than the one the code runs in
 * (the parent inside runInChildContext, or any context inside a step body), else undefined.
 */
export function contextMisuse(contextId: string | undefined, operation: string): string | undefined {
  const active = tracker?.current();
  const own = contextId ?? "root";
  if (!active || active.contextId === own) return undefined;
  return (
    `Context usage error in "${operation}": You are using a parent or sibling context instead of the current child context. ` +
    `Expected context ID: "${active.contextId}", but got: "${contextId}". ` +
    "When inside runInChildContext(), you must use the child context parameter, not the parent context."
  );
}
