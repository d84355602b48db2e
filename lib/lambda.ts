import "server-only";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { getConfig } from "./config";
import { lambdaClientConfig } from "./lambda-config";

let client: LambdaClient | undefined;

/**
 * The one LambdaClient of this server process, pointed at the configured target.
 *
 * @example await getLambdaClient().send(new ListFunctionsCommand({}))
 */
export function getLambdaClient(): LambdaClient {
  client ??= new LambdaClient(lambdaClientConfig(getConfig()));
  return client;
}
