import "server-only";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { getConfig } from "./config";
import { lambdaClientConfig, refuseMutations } from "./lambda-config";

let reader: LambdaClient | undefined;
let mutator: LambdaClient | undefined;

/**
 * The LambdaClient for reads (Get…/List…) of this server process: it retries a reset connection.
 *
 * @example await getLambdaClient().send(new ListFunctionsCommand({}))
 */
export function getLambdaClient(): LambdaClient {
  reader ??= refuseMutations(new LambdaClient(lambdaClientConfig(getConfig(), "read")));
  return reader;
}

/**
 * The LambdaClient for commands that change state: one attempt, never retried.
 *
 * @example await getLambdaMutationClient().send(new StopDurableExecutionCommand({ DurableExecutionArn: arn }))
 */
export function getLambdaMutationClient(): LambdaClient {
  mutator ??= new LambdaClient(lambdaClientConfig(getConfig(), "mutation"));
  return mutator;
}
