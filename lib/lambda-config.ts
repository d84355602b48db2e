/**
 * The LambdaClient settings for a target, kept apart from the client itself so they can be
 * checked without a server.
 */
import type { LambdaClient, LambdaClientConfig } from "@aws-sdk/client-lambda";
import type { TargetConfig } from "./target-config";

/** The local service ignores signatures, but the client insists on signing with something. */
const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;

/**
 * Without limits a dead endpoint would keep a page loading forever; these turn it into an error
 * the page can show within seconds.
 */
const TIMEOUTS = { connectionTimeout: 5_000, requestTimeout: 30_000 } as const;

/**
 * What a client is for. Reads are idempotent, so a connection reset mid-way is retried with the
 * SDK's standard strategy (back-off with jitter, a retry quota). Mutations (stop, callbacks,
 * start) carry no idempotency token: a retry could act twice, so they get one attempt.
 */
export type ClientUse = "read" | "mutation";

/** The SDK's standard count: the first attempt and two retries. */
export const READ_ATTEMPTS = 3;

/**
 * The client configuration for a target: the local endpoint with placeholder credentials, or AWS
 * with the standard credential chain (optionally from a named profile).
 *
 * @example lambdaClientConfig({ target: "aws", region: "eu-west-1", profile: "dev" }, "read").profile // "dev"
 */
export function lambdaClientConfig(config: TargetConfig, use: ClientUse): LambdaClientConfig {
  const attempts = use === "read" ? { retryMode: "standard", maxAttempts: READ_ATTEMPTS } : { maxAttempts: 1 };
  if (config.target === "local") {
    return { region: config.region, endpoint: config.endpoint, credentials: LOCAL_CREDENTIALS, ...attempts, requestHandler: TIMEOUTS };
  }
  return {
    region: config.region,
    ...(config.profile ? { profile: config.profile } : {}),
    ...attempts,
    requestHandler: TIMEOUTS,
  };
}

/** Commands that only read: Lambda names them Get… and List…. */
const READ_COMMAND = /^(Get|List)[A-Z]/;

/**
 * Makes a retrying client refuse anything but reads, so a mutation sent through it by mistake
 * fails in the first test instead of being retried in production.
 *
 * @example refuseMutations(new LambdaClient(lambdaClientConfig(config, "read")))
 */
export function refuseMutations(client: LambdaClient): LambdaClient {
  client.middlewareStack.add(
    (next, context) => (args) => {
      const name = String(context.commandName ?? "");
      if (!READ_COMMAND.test(name)) throw new Error(`${name} changes state: send it with the mutation client (one attempt), not the retrying read client.`);
      return next(args);
    },
    { step: "initialize", name: "durableLensReadsOnly" },
  );
  return client;
}
