"use client";
/**
 * One ELK for the page, running in a Web Worker when the browser allows, started as early as the
 * graph module loads so that ELK's large script is read while the history is still being parsed.
 */
import type { ELK } from "elkjs/lib/elk-api";
import { createElk } from "./layout";

/** How long the worker may take to answer its first (empty) layout before ELK runs on the page instead. */
const WORKER_START_TIMEOUT_MS = 20_000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`ELK worker did not answer within ${ms} ms`)), ms));
}

async function workerElk(): Promise<ELK> {
  const { default: ElkApi } = await import("elkjs/lib/elk-api.js");
  const elk = new ElkApi({ workerFactory: () => new Worker(new URL("./elk.worker.ts", import.meta.url)) });
  // An empty layout proves the worker loaded (a worker script that fails to load never answers).
  await Promise.race([elk.layout({ id: "warm-up", children: [] }), timeout(WORKER_START_TIMEOUT_MS)]);
  // For benchmarks and the performance panel: when layouts became possible.
  performance.mark("durable-lens:elk:ready");
  return elk;
}

let shared: Promise<ELK> | undefined;

/**
 * The page's ELK: in a worker when possible, on the main thread otherwise.
 *
 * @example const graph = await layoutGraph(model, await browserElk());
 */
export function browserElk(): Promise<ELK> {
  shared ??= (typeof Worker === "undefined" ? createElk() : workerElk().catch(() => createElk())).catch((error: unknown) => {
    // A failed start is not cached, so the next layout tries again.
    shared = undefined;
    throw error;
  });
  return shared;
}
