"use client";
/**
 * The page's side of the simulator's worker: one worker per component, started on first use,
 * one request at a time, ended when the component goes away.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SimulatorRequest, SimulatorResponse } from "./worker-protocol";

function startWorker(): Worker {
  return new Worker(new URL("./simulator.worker.ts", import.meta.url), { type: "module" });
}

/**
 * Sends requests to a simulator worker; `busy` is true while one is answered.
 *
 * @example const { send, busy } = useSimulatorWorker(); const answer = await send({ type: "next", until: "checkpoint" });
 */
export function useSimulatorWorker() {
  const worker = useRef<Worker | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => worker.current?.terminate(), []);

  const send = useCallback((request: SimulatorRequest): Promise<SimulatorResponse> => {
    worker.current ??= startWorker();
    const w = worker.current;
    setBusy(true);
    return new Promise<SimulatorResponse>((resolve) => {
      const done = (response: SimulatorResponse) => {
        w.removeEventListener("message", onMessage);
        w.removeEventListener("error", onError);
        setBusy(false);
        resolve(response);
      };
      const onMessage = (e: MessageEvent<SimulatorResponse>) => done(e.data);
      const onError = (e: ErrorEvent) => {
        e.preventDefault();
        // A worker that failed to load is of no more use: the next request starts another.
        w.terminate();
        if (worker.current === w) worker.current = undefined;
        done({ type: "error", message: `The simulator stopped: ${e.message || "its script failed to load"}` });
      };
      w.addEventListener("message", onMessage);
      w.addEventListener("error", onError);
      w.postMessage(request);
    });
  }, []);

  /** Drops the worker (and any simulation in it); the next request starts a fresh one. */
  const reset = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
    setBusy(false);
  }, []);

  return { send, busy, reset };
}
