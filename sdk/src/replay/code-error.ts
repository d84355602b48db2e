/**
 * An exception of the workflow's own code, told apart from a durable operation's failure: the
 * runtime turns both into a FAILED invocation whose ErrorObject keeps no stack, so the simulator
 * hears of the thrown value itself through {@link reportingThrows}. Browser-safe.
 */
import type { ErrorObject } from "../protocol/index.js";
import { DurableOperationError, type DurableExecutionHandler, type DurableExecutionConfig, type DurableLambdaHandler } from "../runtime/index.js";

/** What the code threw, and where the simulation was when it did. */
export interface CodeError {
  /** 1-based invocation that threw. */
  invocation: number;
  /** Checkpoint calls the simulation had sent before. */
  afterCheckpoint: number;
  /** The last operation the code checkpointed before it threw, if any. */
  lastOperation?: { id: string; type: string; name?: string };
  errorType: string;
  message: string;
  /** The stack, one frame a line, when the thrown value carried one. */
  stack?: string[];
}

/** The ErrorTypes the runtime gives a durable operation's failure (a step's, a callback's, ...). */
const OPERATION_FAILURES: ReadonlySet<string> = new Set([
  "StepError",
  "ChildContextError",
  "WaitForConditionError",
  "InvokeError",
  "PromiseCombinatorError",
  "CallbackError",
  "CallbackExternalError",
  "CallbackTimeoutError",
  "CallbackSubmitterError",
  "BatchCompletionError",
]);

function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let node = error; node !== undefined && out.length < 10; node = node instanceof Error ? node.cause : undefined) out.push(node);
  return out;
}

/** Operation failures that only wrap what failed inside them (the code's exception, or a step's failure). */
const WRAPPERS: ReadonlySet<string> = new Set(["ChildContextError", "PromiseCombinatorError", "BatchCompletionError"]);

/**
 * Whether a thrown value began in the code rather than as an outcome the simulation handed it:
 * following its causes through the failures that only wrap others (a child context's, a
 * combinator's), it reaches neither a durable operation's failure (a step's, a callback's, as
 * replayed from the record too) nor an error the simulator made from a recorded or what-if outcome.
 *
 * @example thrownByCode(new ReferenceError("process is not defined"), new WeakSet()) // true
 */
export function thrownByCode(error: unknown, handedOut: WeakSet<object>): boolean {
  for (const link of chain(error)) {
    if (typeof link === "object" && link !== null && handedOut.has(link)) return false;
    if (link instanceof DurableOperationError && !WRAPPERS.has(link.errorType)) return false;
  }
  return true;
}

/**
 * Whether a FAILED invocation's error (all that is left without the thrown value) is an
 * operation's failure passed on, rather than an exception of the code.
 *
 * @example isOperationFailure({ ErrorType: "StepError", ErrorMessage: "declined" }) // true
 */
export function isOperationFailure(error: ErrorObject | undefined): boolean {
  return error?.ErrorType !== undefined && OPERATION_FAILURES.has(error.ErrorType);
}

/**
 * Type, message and stack of a thrown value; the stack of the innermost cause that has one (a
 * child context's failure wraps what its function threw).
 *
 * @example describeThrown(new TypeError("x is undefined")).errorType // "TypeError"
 */
export function describeThrown(error: unknown): Pick<CodeError, "errorType" | "message" | "stack"> {
  const links = chain(error);
  const top = links[0];
  const withStack = [...links].reverse().find((l): l is Error => l instanceof Error && typeof l.stack === "string" && l.stack.length > 0);
  const stack = withStack?.stack?.split(/\r?\n/).filter((line) => line.trim() !== "");
  return {
    errorType: top instanceof Error ? top.name : typeof top,
    message: top instanceof Error ? top.message : String(top),
    ...(stack?.length && { stack }),
  };
}

/**
 * A `withDurableExecution` whose handlers report what they throw before the runtime makes a
 * FAILED output of it (which drops the stack); the thrown value goes on unchanged.
 *
 * @example const wrap = reportingThrows(withDurableExecution, (e) => sim.noteThrown(e));
 */
export function reportingThrows(
  wrap: (handler: DurableExecutionHandler, config?: DurableExecutionConfig) => DurableLambdaHandler,
  report: (error: unknown) => void,
): (handler: DurableExecutionHandler, config?: DurableExecutionConfig) => DurableLambdaHandler {
  return (handler, config) =>
    wrap(async (event, context) => {
      try {
        return await handler(event, context);
      } catch (error) {
        report(error);
        throw error;
      }
    }, config);
}
