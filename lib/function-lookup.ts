import "server-only";
import { GetFunctionCommand } from "@aws-sdk/client-lambda";
import { parseFunctionName } from "@durable-lens/sdk/protocol";
import { getLambdaClient } from "./lambda";

/** Whether the target has it: a durable function, none (or one that is not durable), or no answer. */
export type FunctionPresence = "durable" | "absent" | "unknown";

/**
 * Whether a function name (name, name:qualifier or ARN) is a durable function of the target. A
 * service that cannot be reached answers "unknown": the page then shows its own error instead of
 * claiming that the function does not exist.
 *
 * @example if ((await durableFunctionPresence("no-such-fn")) === "absent") notFound();
 */
export async function durableFunctionPresence(name: string): Promise<FunctionPresence> {
  if (!parseFunctionName(name)) return "absent";
  try {
    const out = await getLambdaClient().send(new GetFunctionCommand({ FunctionName: name }));
    return out.Configuration?.DurableConfig ? "durable" : "absent";
  } catch (error) {
    return (error as { name?: unknown }).name === "ResourceNotFoundException" ? "absent" : "unknown";
  }
}
