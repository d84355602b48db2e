import type { LambdaContext } from "./context-types.js";

/** Lambda's longest invocation. */
const MAX_INVOCATION_MS = 15 * 60 * 1000;

/**
 * The Lambda `context` object a handler receives, for hosts that run handlers outside Lambda
 * (the local service, tests, the browser simulator). The durable SDKs read
 * `getRemainingTimeInMillis` to decide how long they may poll.
 *
 * @example handler(event, createLambdaContext({ requestId, functionName: "order-processor" }))
 */
export function createLambdaContext(o: {
  requestId: string;
  functionName: string;
  functionArn?: string;
  timeoutMs?: number;
  now?: () => number;
}): LambdaContext {
  const now = o.now ?? Date.now;
  const deadline = now() + (o.timeoutMs ?? MAX_INVOCATION_MS);
  return {
    awsRequestId: o.requestId,
    functionName: o.functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: o.functionArn ?? `arn:aws:lambda:us-east-1:123456789012:function:${o.functionName}`,
    memoryLimitInMB: "1024",
    logGroupName: `/aws/lambda/${o.functionName}`,
    logStreamName: o.requestId,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - now()),
  };
}
