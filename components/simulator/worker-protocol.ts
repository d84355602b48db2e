/**
 * Messages between the page and the simulator's Web Worker. One request at a time: the page
 * waits for the answer before it sends the next.
 */
import type { Event } from "@durable-lens/sdk/protocol";
import type { CodeError, Divergence, Outcome, SimulationPause, SimulationSnapshot } from "@durable-lens/sdk/replay";

/** Where the workflow's code comes from. */
export type CodeSource =
  /** A sample function of `@durable-lens/sdk/examples`, by its registered name. */
  | { kind: "sample"; name: string }
  /**
   * An ES module's text (a handler file, or the bundle the local service serves): its imports
   * of the durable SDK are pointed at the worker's runtime; `exportName` picks the handler
   * (default: `handler`, then the default export, then the only exported function).
   */
  | { kind: "module"; code: string; exportName?: string; label: string };

/** How far a `next` request runs before it answers. */
export type RunUntil = "checkpoint" | "invocation" | "end";

export type SimulatorRequest =
  | {
      type: "start";
      recording: Event[];
      functionName: string;
      executionArn?: string;
      code: CodeSource;
      /** The state to start from (default: the execution's start). */
      seed?: Event[];
      whatIf?: boolean;
      /** What-ifs to apply from the start (a fork that changes a step). */
      overrides?: { operationId: string; outcome: Outcome }[];
    }
  | { type: "next"; until: RunUntil }
  | { type: "outcome"; outcome: Outcome }
  | { type: "callback"; operationId: string; outcome: Outcome }
  | { type: "advance"; seconds?: number }
  | { type: "override"; operationId: string; outcome: Outcome }
  | { type: "check"; functionName: string; code: CodeSource; runs: { arn: string; recording: Event[] }[] };

/** How one execution fared against the code in a `check`. */
export interface CheckResult {
  arn: string;
  /** "crashed": the code threw where the record goes on (an exception to fix, not a divergence). */
  verdict: "consistent" | "diverged" | "crashed" | "error";
  divergence?: Divergence;
  crash?: CodeError;
  /** Checkpoints (as the execution page counts them) of the replayed history at the verdict. */
  checkpoints: number;
  /** Why the replay stopped (the end, the end of the record, the divergence). */
  stoppedAt: SimulationPause["kind"];
  message?: string;
}

export type SimulatorResponse =
  | { type: "pause"; pause: SimulationPause; snapshot: SimulationSnapshot }
  /** The request was refused or the code could not be loaded; the simulation (if any) is unchanged. */
  | { type: "error"; message: string }
  | { type: "checked"; results: CheckResult[] };
