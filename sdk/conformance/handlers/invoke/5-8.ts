// 5-8: invoke the echo target for a tenant.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const functions = {
  echo: withDurableExecution(async (event: unknown) => event),
};

// A string payload needs the name-first form (name, function, input, config): a string second
// argument is read as the function.
export const handler = withDurableExecution(async (event: { tenantId: string; payload: string }, context) =>
  context.invoke("echo-for-tenant", "echo", event.payload, { tenantId: event.tenantId }),
);
