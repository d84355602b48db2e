import "server-only";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { getConfig } from "./config";

/** The local service ignores signatures, but the client insists on signing with something. */
const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;

let client: LambdaClient | undefined;

/**
 * The one LambdaClient of this server process, pointed at the configured target.
 *
 * @example await getLambdaClient().send(new ListFunctionsCommand({}))
 */
export function getLambdaClient(): LambdaClient {
  if (client) return client;
  const config = getConfig();
  client =
    config.target === "local"
      ? new LambdaClient({ region: config.region, endpoint: config.endpoint, credentials: LOCAL_CREDENTIALS })
      : new LambdaClient({ region: config.region, ...(config.profile ? { profile: config.profile } : {}) });
  return client;
}
