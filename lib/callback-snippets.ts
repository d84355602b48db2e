/**
 * Copyable commands that answer a callback from outside the app: the AWS CLI and
 * `@aws-sdk/client-lambda`. They carry the target (region, local endpoint, profile name) and never
 * a credential.
 */
import type { ErrorObject } from "@durable-lens/sdk/protocol";
import type { TargetInfo } from "./api-types";

export type SnippetAnswer = { action: "succeed"; result?: string } | { action: "fail"; error?: ErrorObject } | { action: "heartbeat" };

const CLI_COMMAND = {
  succeed: "send-durable-execution-callback-success",
  fail: "send-durable-execution-callback-failure",
  heartbeat: "send-durable-execution-callback-heartbeat",
} as const;

const SDK_COMMAND = {
  succeed: "SendDurableExecutionCallbackSuccessCommand",
  fail: "SendDurableExecutionCallbackFailureCommand",
  heartbeat: "SendDurableExecutionCallbackHeartbeatCommand",
} as const;

/**
 * A word for a POSIX shell: single-quoted unless it is plainly safe.
 *
 * @example shellQuote("it's") // "'it'\\''s'"
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function targetFlags(target: TargetInfo | undefined): string[] {
  if (!target) return [];
  const flags = [`--region ${shellQuote(target.region)}`];
  // The local service does not check signatures, so the CLI needs no credentials for it.
  if (target.target === "local" && target.endpoint) flags.push(`--endpoint-url ${shellQuote(target.endpoint)}`, "--no-sign-request");
  if (target.target === "aws" && target.profile) flags.push(`--profile ${shellQuote(target.profile)}`);
  return flags;
}

/**
 * The AWS CLI command that sends this answer.
 *
 * @example cliSnippet("Y2I=", { action: "heartbeat" }, target) // "aws lambda send-durable-execution-callback-heartbeat \\\n  --callback-id Y2I= …"
 */
export function cliSnippet(callbackId: string, answer: SnippetAnswer, target?: TargetInfo): string {
  const lines = [`aws lambda ${CLI_COMMAND[answer.action]}`, `--callback-id ${shellQuote(callbackId)}`];
  if (answer.action === "succeed" && answer.result) {
    // --result is a blob; CLI v2 reads blobs as base64 unless told the text is raw.
    lines.push(`--result ${shellQuote(answer.result)}`, "--cli-binary-format raw-in-base64-out");
  }
  if (answer.action === "fail" && answer.error && Object.keys(answer.error).length > 0) lines.push(`--error ${shellQuote(JSON.stringify(answer.error))}`);
  lines.push(...targetFlags(target));
  return lines.join(" \\\n  ");
}

/** JSON text as a JS expression for `JSON.stringify(...)`, or as a string literal when it is not JSON. */
function resultExpression(result: string): string {
  try {
    return `JSON.stringify(${JSON.stringify(JSON.parse(result))})`;
  } catch {
    return JSON.stringify(result);
  }
}

/**
 * TypeScript that sends this answer with `@aws-sdk/client-lambda`.
 *
 * @example codeSnippet("Y2I=", { action: "succeed", result: '{"approved":true}' }, target)
 */
export function codeSnippet(callbackId: string, answer: SnippetAnswer, target?: TargetInfo): string {
  const command = SDK_COMMAND[answer.action];
  const config = [`region: ${JSON.stringify(target?.region ?? "us-east-1")}`];
  if (target?.target === "local" && target.endpoint) config.push(`endpoint: ${JSON.stringify(target.endpoint)}`);
  const input = [`CallbackId: ${JSON.stringify(callbackId)}`];
  if (answer.action === "succeed" && answer.result) input.push(`Result: ${resultExpression(answer.result)}`);
  if (answer.action === "fail" && answer.error && Object.keys(answer.error).length > 0) input.push(`Error: ${JSON.stringify(answer.error)}`);
  const lines = [`import { LambdaClient, ${command} } from "@aws-sdk/client-lambda";`, ""];
  if (target?.target === "local") lines.push("// The local service does not check signatures: any credentials in the environment will do.");
  else if (target?.profile) lines.push(`// Credentials come from the standard chain, e.g. AWS_PROFILE=${target.profile}.`);
  lines.push(
    `const client = new LambdaClient({ ${config.join(", ")} });`,
    `await client.send(new ${command}({`,
    ...input.map((l) => `  ${l},`),
    "}));",
  );
  return lines.join("\n");
}
