/**
 * Runs one requirement: deploys its handler module into sandboxes on a fresh engine with a
 * virtual clock, starts the execution with the requirement's input, drives it as the
 * official runner would (to the end when synchronous, by polling when `AsyncInvoke`), and
 * checks history, result and logs with one set of bindings.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Engine, MemoryStore, VirtualClock, VirtualTime } from "@durable-lens/sdk/engine";
import type { CheckpointDurableExecutionRequest, GetDurableExecutionStateRequest } from "@durable-lens/sdk/protocol";
import { Deployment } from "./deployment.js";
import { firstHistoryPage, type HistoryEvent } from "./history.js";
import { checkLogs, executionLogRecords, type LogLine } from "./logs.js";
import { matchHistory, resolvePlaceholders, type Bindings, type Difference } from "./matcher.js";
import { pollExecution } from "./polling.js";
import { pyJsonDumps } from "./python.js";
import type { CallbackAction, Requirement } from "./requirement.js";
import { checkResult } from "./result.js";
import { SandboxPool } from "./sandbox/pool.js";
import { bindVariables } from "./variables.js";

export type Status = "passed" | "failed" | "optional-failed" | "no-handler";

export interface Outcome {
  requirement: Requirement;
  status: Status;
  differences: Difference[];
  /** Every line the requirement's functions printed, in order. */
  logs: LogLine[];
  events: HistoryEvent[];
  arn?: string;
  handlerFile?: string;
  ms: number;
}

export interface RunOptions {
  handlersDir: string;
  /** Real time one invocation may take. */
  invocationTimeoutMs?: number;
  /** Real time the whole requirement may take. */
  requirementTimeoutMs?: number;
  /** Invocations one requirement may cause, against handlers that never settle. */
  maxInvocations?: number;
}

const HANDLER_EXTENSIONS = [".ts", ".mts", ".js", ".mjs"];

export function findHandler(handlersDir: string, suite: string, id: string): string | undefined {
  return HANDLER_EXTENSIONS.map((ext) => join(handlersDir, suite, `${id}${ext}`)).find((f) => existsSync(f));
}

/** The function name the handler under test is deployed as. */
export function functionNameFor(req: Requirement): string {
  return `conformance-${req.suite}-${req.id}`.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64);
}

class RunAborted extends Error {}

export async function runRequirement(req: Requirement, options: RunOptions): Promise<Outcome> {
  const started = performance.now();
  const handlerFile = findHandler(options.handlersDir, req.suite, req.id);
  const outcome = (status: Status, differences: Difference[], rest: Partial<Outcome> = {}): Outcome => ({
    requirement: req,
    status: status === "failed" && req.optional ? "optional-failed" : status,
    differences,
    logs: [],
    events: [],
    ms: performance.now() - started,
    ...(handlerFile && { handlerFile }),
    ...rest,
  });
  if (req.loadError) return outcome("failed", [{ path: "requirement", message: req.loadError }]);
  if (!handlerFile) return outcome("no-handler", [{ path: "handler", message: `no handler at ${join(options.handlersDir, req.suite, req.id)}.ts` }]);

  const bindings: Bindings = bindVariables(req.variables);
  const logs: LogLine[] = [];
  let seq = 0;
  let invocations = 0;
  let abort: ((e: Error) => void) | undefined;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  aborted.catch(() => {});

  const clock = new VirtualClock();
  const deployment = new Deployment();
  let engine!: Engine;
  const pool = new SandboxPool({
    invocationTimeoutMs: options.invocationTimeoutMs ?? 30_000,
    host: {
      onLog: (_stream, text) => logs.push({ seq: seq++, text }),
      rpc: (method, params) =>
        method === "checkpoint"
          ? engine.checkpoint(params as CheckpointDurableExecutionRequest)
          : engine.getExecutionState(params as GetDurableExecutionStateRequest),
    },
  });
  engine = new Engine({
    store: new MemoryStore(),
    clock,
    region: deployment.region,
    accountId: deployment.accountId,
    resolveFunction: (name, qualifier) => deployment.info(name, qualifier),
    invoke: (fn, event, requestId) => {
      if (++invocations > (options.maxInvocations ?? 200)) {
        abort?.(new RunAborted(`more than ${options.maxInvocations ?? 200} invocations`));
        return new Promise(() => {});
      }
      return pool.invoke(deployment.find(fn.functionName)!, event, requestId, clock.now());
    },
  });
  const time = new VirtualTime(engine, clock);
  const deadline = setTimeout(
    () => abort?.(new RunAborted(`still running after ${(options.requirementTimeoutMs ?? 120_000) / 1000} s of real time`)),
    options.requirementTimeoutMs ?? 120_000,
  );

  let arn: string | undefined;
  let events: HistoryEvent[] = [];
  try {
    const moduleUrl = pathToFileURL(handlerFile).href;
    const main = deployment.add(functionNameFor(req), { moduleUrl });
    for (const key of await Promise.race([pool.describe(main), aborted])) deployment.add(key, { moduleUrl, functionsKey: key });

    const input = resolvePlaceholders(req.input, bindings);
    const actions = resolvePlaceholders(req.callbackActions, bindings) as CallbackAction[];
    arn = engine.startExecution({ functionName: main.name, payload: pyJsonDumps(input) }).arn;
    const differences: Difference[] = [];
    const execution = arn;

    if (req.asyncInvoke) {
      const polled = await Promise.race([
        pollExecution({
          engine,
          time,
          arn: execution,
          actions,
          pollIntervalSeconds: req.pollIntervalSeconds,
          noProgressTimeoutSeconds: req.noProgressTimeoutSeconds,
          ...(!req.expectedResult && {
            expectedEventsMatch: (evs: HistoryEvent[]) => matchHistory(req.expectedHistory, evs, new Map(bindings)).length === 0,
          }),
        }),
        aborted,
      ]);
      events = polled.events;
      differences.push(...polled.problems);
    } else {
      const ended = () => engine.getExecution({ DurableExecutionArn: execution }).Status !== "RUNNING";
      if (!(await Promise.race([time.runUntil(ended), aborted]))) {
        differences.push({ path: "execution", message: "still RUNNING with nothing scheduled" });
      }
      events = firstHistoryPage(engine, execution);
    }

    differences.push(...matchHistory(req.expectedHistory, events, bindings));
    if (req.expectedResult) differences.push(...checkResult(req.expectedResult, engine.getExecution({ DurableExecutionArn: execution }), bindings));
    if (req.expectedLogs.length) differences.push(...checkLogs(req.expectedLogs, executionLogRecords(logs, execution), bindings));
    return outcome(differences.length ? "failed" : "passed", differences, { logs, events, arn });
  } catch (e) {
    const message = e instanceof RunAborted ? `run aborted: ${e.message}` : `run error: ${(e as Error)?.stack ?? String(e)}`;
    if (arn) events = firstHistoryPage(engine, arn);
    return outcome("failed", [{ path: "runner", message }], { logs, events, ...(arn && { arn }) });
  } finally {
    clearTimeout(deadline);
    engine.close();
    await pool.close();
  }
}
