import { AsyncLocalStorage } from "node:async_hooks";
import type { ActiveScope, ScopeTracker } from "../runtime/active-scope.js";

/** Follows the active durable scope across awaits, so misused contexts are caught under Node. */
export function createNodeScopeTracker(): ScopeTracker {
  const storage = new AsyncLocalStorage<ActiveScope>();
  return { run: (scope, fn) => storage.run(scope, fn), current: () => storage.getStore() };
}
