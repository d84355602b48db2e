/**
 * Durable execution ARNs and function names, as Lambda formats and validates them.
 */

/** The parts of `arn:<partition>:lambda:<region>:<account>:function:<name>:<version>/durable-execution/<execName>/<execId>`. */
export interface DurableExecutionArnParts {
  partition: string;
  region: string;
  accountId: string;
  functionName: string;
  version: string;
  executionName: string;
  executionId: string;
}

const EXECUTION_ARN =
  /^arn:([a-zA-Z0-9-]+):lambda:([a-zA-Z0-9-]+):(\d{12}):function:([a-zA-Z0-9_-]+):(\$LATEST(?:\.PUBLISHED)?|[0-9]+)\/durable-execution\/([a-zA-Z0-9_-]+)\/([a-zA-Z0-9_-]+)$/;

/**
 * Parses a durable execution ARN, or returns undefined when it is malformed.
 *
 * @example parseDurableExecutionArn("arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/n/id")?.functionName // "f"
 */
export function parseDurableExecutionArn(arn: string): DurableExecutionArnParts | undefined {
  if (arn.length > 1024) return undefined;
  const m = EXECUTION_ARN.exec(arn);
  if (!m) return undefined;
  const [, partition, region, accountId, functionName, version, executionName, executionId] = m;
  return {
    partition: partition!,
    region: region!,
    accountId: accountId!,
    functionName: functionName!,
    version: version!,
    executionName: executionName!,
    executionId: executionId!,
  };
}

/**
 * Formats a durable execution ARN from its parts.
 *
 * @example formatDurableExecutionArn({ partition: "aws", region: "us-east-1", accountId: "123456789012", functionName: "f", version: "$LATEST", executionName: "n", executionId: "id" })
 */
export function formatDurableExecutionArn(p: DurableExecutionArnParts): string {
  return `arn:${p.partition}:lambda:${p.region}:${p.accountId}:function:${p.functionName}:${p.version}/durable-execution/${p.executionName}/${p.executionId}`;
}

/** A function reference split into its name and optional qualifier. */
export interface FunctionRef {
  name: string;
  qualifier?: string;
  region?: string;
  accountId?: string;
}

const FUNCTION_NAME =
  /^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:-gov)?-[a-z]+-\d{1}):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9._-]+)(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/;

/**
 * Parses the forms Lambda accepts for a function: name, `name:qualifier`, partial ARN or full ARN.
 *
 * @example parseFunctionName("my-func:prod") // { name: "my-func", qualifier: "prod" }
 */
export function parseFunctionName(value: string): FunctionRef | undefined {
  if (value.length < 1 || value.length > 170) return undefined;
  const m = FUNCTION_NAME.exec(value);
  if (!m) return undefined;
  const ref: FunctionRef = { name: m[3]! };
  if (m[4] !== undefined) ref.qualifier = m[4];
  if (m[1] !== undefined) ref.region = m[1];
  if (m[2] !== undefined) ref.accountId = m[2];
  return ref;
}

/** Lambda's pattern for a durable execution name. */
export const DURABLE_EXECUTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
