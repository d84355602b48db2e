/**
 * What the plugins of suite 10 have in common: they print JSON records to plain stdout, and
 * every record carries the execution's ARN so the runner's execution-scoped log filter
 * (`$.durableExecutionArn = <arn>`) finds it.
 */
import type {
  AttemptEndInfo,
  DurableInstrumentationPlugin,
  InvocationEndInfo,
  InvocationInfo,
  OperationInfo,
} from "@durable-lens/sdk/runtime";

export type Fields = Record<string, unknown>;
export type Emit = (hook: string, fields?: Fields) => void;

/**
 * A plugin named `plugin` whose hooks (built by `define`) print through `emit`. The ARN is
 * taken from the invocation-start info before the plugin's own hook runs, so even a hook
 * that throws right after printing has its record stamped.
 *
 * @example recordingPlugin("CONFPLUGIN", (emit) => ({ onInvocationEnd: async (i) => emit("invocation-end", { status: i.status }) }))
 */
export function recordingPlugin(plugin: string, define: (emit: Emit) => DurableInstrumentationPlugin): DurableInstrumentationPlugin {
  let arn: string | undefined;
  const emit: Emit = (hook, fields = {}) => console.log(JSON.stringify({ plugin, hook, ...fields, durableExecutionArn: arn }));
  const hooks = define(emit);
  return {
    ...hooks,
    onInvocationStart(info) {
      arn = info.executionArn;
      return hooks.onInvocationStart?.(info);
    },
  };
}

/** The invocation hooks of 10-1, 10-6 and 10-7: the first-invocation flag, then the status. */
export function invocationLifecyclePlugin(plugin = "CONFPLUGIN"): DurableInstrumentationPlugin {
  return recordingPlugin(plugin, (emit) => ({
    onInvocationStart: async (info) => emit("invocation-start", { first: info.isFirstInvocation }),
    onInvocationEnd: async (info) => emit("invocation-end", { status: info.status }),
  }));
}

export const isType = (info: OperationInfo, type: string) => info.type.toUpperCase() === type;

/**
 * A plugin whose every exercised hook prints `{plugin, hook}` and then throws, synchronously,
 * so the runtime's isolation is tested against the harshest failure. Operation and attempt
 * hooks only react to step operations.
 */
export function faultyPlugin(): DurableInstrumentationPlugin {
  return recordingPlugin("CONFPLUGIN-FAULTY", (emit) => {
    const fail = (hook: string): never => {
      emit(hook);
      throw new Error(`CONFPLUGIN-FAULTY failed in ${hook} on purpose`);
    };
    const onSteps = (hook: string) => (info: OperationInfo) => {
      if (isType(info, "STEP")) fail(hook);
    };
    return {
      onInvocationStart: () => fail("invocation-start"),
      onInvocationEnd: () => fail("invocation-end"),
      onOperationStart: onSteps("operation-start"),
      onOperationEnd: onSteps("operation-end"),
      onOperationAttemptStart: onSteps("attempt-start"),
      onOperationAttemptEnd: onSteps("attempt-end"),
    };
  });
}

/** Calls `fn` and reports how it settled, whether it returns a promise or a plain value. */
export function observeSettle<T>(fn: () => T, settled: (outcome: "SUCCEEDED" | "FAILED") => void): T {
  let result: T;
  try {
    result = fn();
  } catch (error) {
    settled("FAILED");
    throw error;
  }
  if (result && typeof (result as { then?: unknown }).then === "function") {
    return (result as unknown as Promise<unknown>).then(
      (value) => (settled("SUCCEEDED"), value),
      (error) => {
        settled("FAILED");
        throw error;
      },
    ) as T;
  }
  settled("SUCCEEDED");
  return result;
}

// Canonical dumps (10-19 to 10-23): every field the info carries, under its own name, so a
// field the runtime does not populate shows up as a missing key rather than a made-up value.

/** Fields holding operation maps; a dump gives their sizes as `<name>Count`. */
const OPERATION_MAPS = new Set(["operations", "updatedOperations"]);

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return value.message;
  return value;
}

/** Every field of `info`, timestamps as ISO-8601, errors as their message, unset fields left out. */
export function dump(info: object): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(info)) {
    if (value === undefined || value === null) continue;
    if (OPERATION_MAPS.has(key)) out[`${key}Count`] = Object.keys(value as object).length;
    else out[key] = canonical(value);
  }
  return out;
}

/** An operation, attempt or change item, with type and status tokens upper-cased. */
export function dumpOperation(info: OperationInfo | AttemptEndInfo): Fields {
  const out = dump(info);
  for (const key of ["type", "status"]) if (typeof out[key] === "string") out[key] = (out[key] as string).toUpperCase();
  return out;
}

/** An invocation-start or invocation-end info, plus `terminal` when it reports a status. */
export function dumpInvocation(info: InvocationInfo | InvocationEndInfo): Fields {
  const out = dump(info);
  if ("status" in info) out.terminal = info.status === "SUCCEEDED" || info.status === "FAILED";
  return out;
}
