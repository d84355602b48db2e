// Shared by the service benchmarks: a meter of the checkpoint calls a handler makes, and the
// statistics they print. Plain JavaScript, so it runs with or without the TypeScript loader.
import { DurableExecutionInvocationInputWithClient } from "../src/runtime/index.ts";

/**
 * Counts and times every checkpoint call the handlers it wraps make, whatever service answers.
 *
 * @example const meter = new Meter(); registry.register({ name, handler: meter.wrap(handler) });
 */
export class Meter {
  latencies = [];
  updates = 0;

  reset() {
    this.latencies = [];
    this.updates = 0;
  }

  wrap(handler) {
    return (event, context) => {
      const service = event.durableExecutionClient;
      const timed = {
        getExecutionState: (params) => service.getExecutionState(params),
        checkpoint: async (params) => {
          const t = performance.now();
          const out = await service.checkpoint(params);
          this.latencies.push(performance.now() - t);
          this.updates += params.Updates?.length ?? 0;
          return out;
        },
      };
      return handler(new DurableExecutionInvocationInputWithClient(event, timed), context);
    };
  }
}

/** The middle value (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The p-th percentile, nearest rank. */
export function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A number with thousands separators and `digits` decimals. */
export const fmt = (n, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
