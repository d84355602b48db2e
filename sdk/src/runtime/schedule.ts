/**
 * Runs `fn` after pending microtasks and I/O callbacks, like Node's `setImmediate`, so work
 * queued in the same turn (a step's START and SUCCEED) lands in one checkpoint batch. Falls
 * back to a zero timeout where `setImmediate` does not exist (browsers).
 */
export function scheduleMacrotask(fn: () => void): void {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  if (typeof g.setImmediate === "function") g.setImmediate(fn);
  else setTimeout(fn, 0);
}
