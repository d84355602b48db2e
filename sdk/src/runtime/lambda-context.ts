import type { LambdaContext } from "./context-types.js";

/** Lambda's longest invocation. */
const MAX_INVOCATION_MS = 15 * 60 * 1000;

/**
 * The whole Lambda `context` object, with every member the `aws-lambda` package's `Context`
 * declares, so a handler typed for that `Context` (the official SDK's DurableLambdaHandler)
 * accepts it. A type literal, not an interface, so it also fits the open {@link LambdaContext}.
 */
export type LambdaInvocationContext = {
  callbackWaitsForEmptyEventLoop: boolean;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  identity?: { cognitoIdentityId: string; cognitoIdentityPoolId: string };
  clientContext?: {
    client: { installationId: string; appTitle: string; appVersionName: string; appVersionCode: string; appPackageName: string };
    Custom?: any;
    env: { platformVersion: string; platform: string; make: string; model: string; locale: string };
  };
  tenantId?: string;
  getRemainingTimeInMillis(): number;
  /** The callback-era completions; an async durable handler has no use for them. */
  done(error?: Error, result?: any): void;
  fail(error: Error | string): void;
  succeed(messageOrObject: any): void;
  succeed(message: string, object: any): void;
};

function legacyCompletion(name: string): () => never {
  return () => {
    throw new Error(`context.${name}() is not available here: a durable handler ends by returning or throwing`);
  };
}

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
}): LambdaInvocationContext & LambdaContext {
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
    done: legacyCompletion("done"),
    fail: legacyCompletion("fail"),
    succeed: legacyCompletion("succeed"),
  };
}
