"use client";
import { createContext, useContext, type ReactNode } from "react";

/** The execution a page shows from a service, which actions may act on (an opened file has none). */
export interface LiveExecution {
  arn: string;
  functionName: string;
  running: boolean;
}

const LiveExecutionContext = createContext<LiveExecution | undefined>(undefined);

/**
 * Marks what is inside as showing a live execution, so nested views (the inspector) offer actions.
 *
 * @example <LiveExecutionScope execution={{ arn, functionName, running }}>…</LiveExecutionScope>
 */
export function LiveExecutionScope({ execution, children }: { execution: LiveExecution | undefined; children: ReactNode }) {
  return <LiveExecutionContext.Provider value={execution}>{children}</LiveExecutionContext.Provider>;
}

/**
 * The live execution around this component, or undefined (an opened file, or no scope).
 *
 * @example const live = useLiveExecution();
 */
export function useLiveExecution(): LiveExecution | undefined {
  return useContext(LiveExecutionContext);
}
