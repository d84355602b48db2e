import { sampleFunctions } from "../examples/index.js";
import type { Engine } from "../engine/index.js";
import type { Event } from "../protocol/index.js";
import type { RegisteredFunction } from "./registry.js";
import { sampleHandlerSource } from "./sample-sources.js";

/** How often a seed looks for the callbacks it answers: they appear within a second or two. */
const CALLBACK_POLL_MS = 100;

/** The sample functions, ready to register, with their modules for the browser bundles. */
export function sampleRegistrations(): RegisteredFunction[] {
  return sampleFunctions.map((f) => ({
    name: f.name,
    description: f.description,
    handler: f.handler,
    source: sampleHandlerSource(f.handler),
    ...(f.executionTimeoutSeconds !== undefined && { durableConfig: { ExecutionTimeout: f.executionTimeoutSeconds } }),
  }));
}

/**
 * The callbacks of `arn` named in `answers` that are open now, with their ids. A callback
 * is named itself (createCallback) or through its waitForCallback context.
 */
function openCallbacks(events: Event[], answers: Record<string, unknown>): { callbackId: string; answer: unknown }[] {
  const contextNames = new Map(events.filter((e) => e.EventType === "ContextStarted").map((e) => [e.Id, e.Name]));
  const closed = new Set(events.filter((e) => e.EventType === "CallbackSucceeded" || e.EventType === "CallbackFailed" || e.EventType === "CallbackTimedOut").map((e) => e.Id));
  const open: { callbackId: string; answer: unknown }[] = [];
  for (const e of events) {
    if (e.EventType !== "CallbackStarted" || closed.has(e.Id)) continue;
    const name = e.Name ?? (e.ParentId !== undefined ? contextNames.get(e.ParentId) : undefined);
    if (name !== undefined && Object.hasOwn(answers, name)) open.push({ callbackId: e.CallbackStartedDetails!.CallbackId, answer: answers[name] });
  }
  return open;
}

/**
 * Plays the outside world for one seeded execution: completes its named callbacks as they
 * open, until it has answered all of them or the execution ends. Also after a restart, so a
 * service stopped before answering still finishes the recording.
 */
function answerCallbacks(engine: Engine, arn: string, answers: Record<string, unknown>): void {
  let remaining = Object.keys(answers).length;
  const poll = () => {
    try {
      if (engine.getExecution({ DurableExecutionArn: arn }).Status !== "RUNNING") return;
      for (const { callbackId, answer } of openCallbacks(engine.allHistoryEvents(arn), answers)) {
        engine.sendCallbackSuccess(callbackId, JSON.stringify(answer));
        remaining -= 1;
      }
    } catch {
      // The service stopped under us: the next start picks the recording up again.
      return;
    }
    if (remaining > 0) setTimeout(poll, CALLBACK_POLL_MS).unref();
  };
  poll();
}

/**
 * Records the sample executions (several succeed, one fails after retries, two keep waiting)
 * unless they exist: starting by name is idempotent, so a restart records nothing twice.
 */
export function seedSampleExecutions(engine: Engine): string[] {
  const arns: string[] = [];
  for (const f of sampleFunctions) {
    for (const seed of f.seeds) {
      const { arn } = engine.startExecution({ functionName: f.name, name: seed.name, payload: JSON.stringify(seed.input) });
      arns.push(arn);
      if (seed.callbacks) answerCallbacks(engine, arn, seed.callbacks);
    }
  }
  return arns;
}
