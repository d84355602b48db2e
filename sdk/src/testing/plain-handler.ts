import type { DurableExecutionInvocationInput, DurableExecutionInvocationOutput } from "../protocol/index.js";
import type { LambdaContext } from "../runtime/index.js";
import { errorObject } from "./error-object.js";

/**
 * A plain (not durable) Lambda handler, in any of Lambda's styles: async, or with a callback.
 * `any` event and result, as in `aws-lambda`'s Handler that the official library accepts.
 */
export type Handler<TEvent = any, TResult = any> = (
  event: TEvent,
  context: LambdaContext,
  callback: (error?: Error | string | null, result?: TResult) => void,
) => void | Promise<TResult>;

/**
 * Runs a plain handler as the target of a chained invoke: the engine hands every function a
 * durable invocation event, so the input comes from its EXECUTION operation and the outcome
 * goes back as the durable output Lambda would record for the invoked function.
 *
 * @example await runPlainHandler(async (e) => e.n * 2, event, context) // { Status: "SUCCEEDED", Result: "4" }
 */
export async function runPlainHandler(
  handler: Handler,
  event: DurableExecutionInvocationInput,
  context: LambdaContext,
): Promise<DurableExecutionInvocationOutput> {
  const payload = event.InitialExecutionState.Operations?.find((op) => op.Type === "EXECUTION")?.ExecutionDetails?.InputPayload;
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      const returned = handler(JSON.parse(payload ?? "{}"), context, (error, value) => (error ? reject(error instanceof Error ? error : new Error(error)) : resolve(value)));
      if (returned instanceof Promise) returned.then(resolve, reject);
    });
    const serialized = result === undefined ? undefined : JSON.stringify(result);
    return serialized === undefined ? { Status: "SUCCEEDED" } : { Status: "SUCCEEDED", Result: serialized };
  } catch (error) {
    return { Status: "FAILED", Error: errorObject(error) };
  }
}
