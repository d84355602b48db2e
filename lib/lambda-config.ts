/**
 * The LambdaClient settings for a target, kept apart from the client itself so they can be
 * checked without a server.
 */
import type { LambdaClientConfig } from "@aws-sdk/client-lambda";
import type { TargetConfig } from "./target-config";

/** The local service ignores signatures, but the client insists on signing with something. */
const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;

/**
 * Without limits a dead endpoint would keep a page loading forever; these turn it into an error
 * the page can show within seconds.
 */
const TIMEOUTS = { connectionTimeout: 5_000, requestTimeout: 30_000 } as const;

/**
 * The client configuration for a target: the local endpoint with placeholder credentials, or AWS
 * with the standard credential chain (optionally from a named profile).
 *
 * @example lambdaClientConfig({ target: "aws", region: "eu-west-1", profile: "dev" }).profile // "dev"
 */
export function lambdaClientConfig(config: TargetConfig): LambdaClientConfig {
  if (config.target === "local") {
    return {
      region: config.region,
      endpoint: config.endpoint,
      credentials: LOCAL_CREDENTIALS,
      // A local service that is not running will not start during a retry back-off; fail at once.
      maxAttempts: 1,
      requestHandler: TIMEOUTS,
    };
  }
  return {
    region: config.region,
    ...(config.profile ? { profile: config.profile } : {}),
    requestHandler: TIMEOUTS,
  };
}
