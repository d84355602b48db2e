/** The AWS settings that send a handler's own LambdaClient to the local service. */
const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: "durable-lens-local", AWS_SECRET_ACCESS_KEY: "durable-lens-local" };

/** Settings that would send the handler's Lambda calls elsewhere, or sign them with what the local service cannot use. */
const CREDENTIAL_SETTINGS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE"];

export interface FunctionEnvironmentOptions {
  endpoint: string;
  region: string;
  /** Keep the shell's AWS credentials and profile (for handlers that call other AWS services) instead of dummy ones. */
  keepAwsCredentials?: boolean;
}

/**
 * The environment a handler module runs with: the caller's, plus what Lambda would give it
 * (region) and what points any `@aws-sdk/client-lambda` client it creates — the official SDK
 * creates its own — at the local service: the standard AWS_ENDPOINT_URL_LAMBDA setting and,
 * unless asked to keep real ones, dummy credentials (the local service does not check
 * signatures, and a profile that cannot produce credentials would fail every checkpoint).
 *
 * @example new Worker(url, { env: functionEnvironment(process.env, { endpoint, region: "us-east-1" }) })
 */
export function functionEnvironment(base: NodeJS.ProcessEnv, o: FunctionEnvironmentOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) env[k] = v;
  delete env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS;
  env.AWS_ENDPOINT_URL_LAMBDA = o.endpoint;
  env.AWS_REGION = o.region;
  env.AWS_DEFAULT_REGION = o.region;
  // The service's own client has printed the AWS SDK's Node version notice once; every
  // worker (one per reload and per concurrent invocation) would print it again.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  if (!o.keepAwsCredentials) {
    for (const k of CREDENTIAL_SETTINGS) delete env[k];
    Object.assign(env, LOCAL_CREDENTIALS);
  }
  return env;
}
