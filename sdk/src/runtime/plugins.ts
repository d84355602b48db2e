/**
 * Instrumentation plugins: hooks around invocations, operations and attempts, with the
 * official SDK's plugin API (version 1). Plugin failures are swallowed: a plugin can observe
 * an execution but never change its outcome.
 */
import type { Operation } from "../protocol/index.js";
import { DurableOperationError, PluginLoadError } from "./errors.js";

export const DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION = 1;

export enum PluginInvocationStatus {
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
  PENDING = "PENDING",
  /** The invocation failed in a way Lambda retries (the execution goes on). */
  RETRYING = "RETRYING",
}

export enum PluginOperationStatus {
  STARTED = "STARTED",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}

export enum AttemptEndInfoOutcome {
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}

/** One operation as plugins see it; `result` is the serialized (checkpointed) value. */
export interface OperationInfo {
  id: string;
  name?: string;
  type: string;
  subType?: string;
  parentId?: string;
  status?: string;
  startTimestamp?: Date;
  endTimestamp?: Date;
  result?: string;
  error?: Error;
  attempt?: number;
  /** True when the hook reports something that happened in an earlier invocation. */
  isReplay: boolean;
}
export type OperationEndInfo = OperationInfo;
export interface AttemptInfo extends OperationInfo {
  attempt: number;
}
export interface AttemptEndInfo extends AttemptInfo {
  outcome: AttemptEndInfoOutcome;
  error?: Error;
}
export interface OperationChangeInfo {
  executionArn: string;
  updatedOperations: Record<string, OperationInfo>;
  operations: Record<string, OperationInfo>;
}

/** What both ends of an invocation report. */
export interface InvocationBaseInfo {
  requestId: string;
  executionArn: string;
  executionInput: unknown;
  operations: Record<string, OperationInfo>;
  executionStartTimestamp?: Date;
  /** On the end info too: an addition to the official 2.4 API. */
  isFirstInvocation: boolean;
}
export interface InvocationInfo extends InvocationBaseInfo {
  /** Operations the service changed since the previous invocation (timers, callbacks). */
  updatedOperations: Record<string, OperationInfo>;
}
export interface InvocationEndInfo extends InvocationBaseInfo {
  status: PluginInvocationStatus;
  executionResult?: unknown;
  executionError?: Error;
}

/** Every hook is optional; the async ones are awaited before the runtime moves on. */
export interface DurableInstrumentationPlugin {
  onInvocationStart?(info: InvocationInfo): void | Promise<void>;
  wrapInvocation?<T>(info: InvocationInfo, fn: () => Promise<T>): Promise<T>;
  onInvocationEnd?(info: InvocationEndInfo): void | Promise<void>;
  onOperationStart?(info: OperationInfo): void | Promise<void>;
  wrapChildContextFn?<T>(info: OperationInfo, fn: () => T): T;
  onOperationEnd?(info: OperationEndInfo): void | Promise<void>;
  onOperationAttemptStart?(info: AttemptInfo): void | Promise<void>;
  wrapOperationAttemptFn?<T>(info: AttemptInfo, fn: () => Promise<T>): Promise<T>;
  onOperationAttemptEnd?(info: AttemptEndInfo): void | Promise<void>;
  onOperationChange?(info: OperationChangeInfo): void | Promise<void>;
  /** Extra fields for every line of the default logger. */
  enrichLogContext?(): Record<string, string | number | boolean> | undefined;
}

export type DurableInstrumentationPluginType = string;

/** What a module named in `DURABLE_EXECUTION_PLUGINS` exports as `durableExecutionPluginProvider`. */
export interface DurableInstrumentationPluginProvider {
  pluginApiVersion: typeof DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION;
  pluginType: DurableInstrumentationPluginType;
  createPlugin(): DurableInstrumentationPlugin | Promise<DurableInstrumentationPlugin>;
}

export type HookName =
  | "onInvocationStart"
  | "onInvocationEnd"
  | "onOperationStart"
  | "onOperationEnd"
  | "onOperationAttemptStart"
  | "onOperationAttemptEnd"
  | "onOperationChange";

/** The plugins of one execution behind one object, each hook fanned out and guarded. */
export interface PluginHub {
  readonly active: boolean;
  call<K extends HookName>(hook: K, info: Parameters<NonNullable<DurableInstrumentationPlugin[K]>>[0]): Promise<void>;
  wrap<T>(hook: "wrapInvocation" | "wrapOperationAttemptFn", info: never, fn: () => Promise<T>): Promise<T>;
  wrapSync<T>(info: OperationInfo, fn: () => T): T;
  enrichLogContext(): Record<string, unknown> | undefined;
}

/**
 * Combines plugins. Hooks run on all plugins concurrently and are awaited together; a
 * plugin's wrapper that throws (or forgets to call through) never costs the user's function
 * its run or its error.
 *
 * @example const hub = createPluginHub([tracer]); await hub.call("onOperationStart", info);
 */
export function createPluginHub(plugins: DurableInstrumentationPlugin[]): PluginHub {
  const chain = <T>(wrappers: ((fn: () => T) => T)[], fn: () => T): T => {
    let fnOutcome: { error: unknown } | undefined;
    let fnRan = false;
    let fnResult: T;
    const guarded = () => {
      fnRan = true;
      try {
        fnResult = fn();
        if (fnResult && typeof (fnResult as { then?: unknown }).then === "function") {
          (fnResult as unknown as Promise<unknown>).catch((error) => (fnOutcome = { error }));
        }
        return fnResult;
      } catch (error) {
        fnOutcome = { error };
        throw error;
      }
    };
    const composed = wrappers.reduceRight<() => T>((inner, wrap) => () => {
      try {
        return wrap(inner);
      } catch (error) {
        if (fnOutcome) throw error;
        // The plugin failed, not the function: carry on without this wrapper.
        return inner();
      }
    }, guarded);
    let result: T;
    try {
      result = composed();
    } catch (error) {
      if (fnOutcome) throw fnOutcome.error;
      result = fnRan ? fnResult! : guarded();
    }
    if (result && typeof (result as { then?: unknown }).then === "function") {
      return (result as unknown as Promise<unknown>).then(
        (value) => {
          if (fnOutcome) throw fnOutcome.error;
          return value;
        },
        (error) => {
          if (fnOutcome) throw fnOutcome.error;
          // A wrapper's own async failure: the function's own outcome stands.
          if (fnRan) return fnResult;
          throw error;
        },
      ) as T;
    }
    if (fnOutcome) throw fnOutcome.error;
    return result;
  };
  return {
    active: plugins.length > 0,
    async call(hook, info) {
      await Promise.allSettled(plugins.map(async (p) => (p[hook] as ((i: unknown) => unknown) | undefined)?.call(p, info)));
    },
    wrap(hook, info, fn) {
      const wrappers = plugins
        .filter((p) => typeof p[hook] === "function")
        .map((p) => (inner: () => Promise<any>) => (p[hook] as (i: unknown, f: () => Promise<any>) => Promise<any>).call(p, info, inner));
      return wrappers.length ? chain(wrappers, fn) : fn();
    },
    wrapSync(info, fn) {
      const wrappers = plugins
        .filter((p) => typeof p.wrapChildContextFn === "function")
        .map((p) => (inner: () => any) => p.wrapChildContextFn!(info, inner));
      return wrappers.length ? chain(wrappers, fn) : fn();
    },
    enrichLogContext() {
      if (!plugins.length) return undefined;
      return plugins.reduce<Record<string, unknown>>((acc, p) => {
        try {
          return { ...acc, ...p.enrichLogContext?.() };
        } catch {
          return acc;
        }
      }, {});
    },
  };
}

/** An operation record in the plugins' terms. */
export function toOperationInfo(op: Operation | undefined, defaults: Partial<OperationInfo> = {}, isReplay = false): OperationInfo {
  const error = op?.StepDetails?.Error ?? op?.CallbackDetails?.Error ?? op?.ContextDetails?.Error ?? op?.ChainedInvokeDetails?.Error;
  const info: OperationInfo = {
    id: op?.Id || defaults.id || "",
    name: op?.Name ?? defaults.name,
    type: op?.Type || defaults.type || "",
    subType: op?.SubType ?? defaults.subType,
    parentId: op?.ParentId ?? defaults.parentId,
    status: op?.Status,
    startTimestamp: op?.StartTimestamp ?? defaults.startTimestamp,
    endTimestamp: op?.EndTimestamp ?? defaults.endTimestamp,
    result: op?.StepDetails?.Result ?? op?.CallbackDetails?.Result ?? op?.ContextDetails?.Result ?? op?.ChainedInvokeDetails?.Result,
    error: error ? DurableOperationError.fromErrorObject(error) : undefined,
    attempt: op?.StepDetails?.Attempt,
    isReplay,
  };
  return info;
}

export function toOperationInfoMap(operations: Iterable<Operation>): Record<string, OperationInfo> {
  const map: Record<string, OperationInfo> = {};
  for (const op of operations) if (op.Id) map[op.Id] = toOperationInfo(op);
  return map;
}

/**
 * Loads the providers named (comma-separated module specifiers) in `DURABLE_EXECUTION_PLUGINS`.
 * Each module must export `durableExecutionPluginProvider`.
 */
export async function loadEnvironmentPlugins(
  importModule: (specifier: string) => Promise<Record<string, unknown>> = (s) => import(/* @vite-ignore */ /* webpackIgnore: true */ /* turbopackIgnore: true */ s),
): Promise<DurableInstrumentationPlugin[]> {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const specifiers = (env?.DURABLE_EXECUTION_PLUGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const plugins: DurableInstrumentationPlugin[] = [];
  for (const specifier of specifiers) {
    let module: Record<string, unknown>;
    try {
      module = await importModule(specifier);
    } catch (cause) {
      throw pluginLoadError(`Failed to load plugin module '${specifier}': ${(cause as Error)?.message ?? cause}`, cause);
    }
    const provider = module.durableExecutionPluginProvider as DurableInstrumentationPluginProvider | undefined;
    if (!provider || typeof provider.createPlugin !== "function") {
      throw pluginLoadError(`Plugin module '${specifier}' does not export durableExecutionPluginProvider with createPlugin()`);
    }
    if (provider.pluginApiVersion !== DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION) {
      throw pluginLoadError(
        `Plugin module '${specifier}' targets plugin API version ${provider.pluginApiVersion}; this runtime supports ${DURABLE_INSTRUMENTATION_PLUGIN_API_VERSION}`,
      );
    }
    plugins.push(await provider.createPlugin());
  }
  return plugins;
}

function pluginLoadError(message: string, cause?: unknown): PluginLoadError {
  return new PluginLoadError(`Dynamic plugin configuration failed: ${message}`, cause === undefined ? {} : { cause });
}
