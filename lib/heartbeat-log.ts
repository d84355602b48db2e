"use client";
/**
 * When this browser last sent a heartbeat for each callback. The history does not record
 * heartbeats, so this is the only way the page can count the next one from the last.
 */
import { useSyncExternalStore } from "react";

const sent = new Map<string, number>();
const listeners = new Set<() => void>();

/**
 * Notes a heartbeat just sent.
 *
 * @example noteHeartbeat(callbackId, Date.now())
 */
export function noteHeartbeat(callbackId: string, at: number): void {
  sent.set(callbackId, at);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * When this page last sent a heartbeat for the callback, in epoch ms.
 *
 * @example const last = useLastHeartbeat(callbackId);
 */
export function useLastHeartbeat(callbackId: string): number | undefined {
  return useSyncExternalStore(
    subscribe,
    () => sent.get(callbackId),
    () => undefined,
  );
}
