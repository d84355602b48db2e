// 3-12: a child context whose step crashes the runtime once, after its StepStarted is
// checkpointed; the next invocation runs the step again and it returns the input.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withDurableExecution } from "@durable-lens/sdk/runtime";

// Outlives the crashed runtime, as the official handlers keep such state in a table.
const crashMarker = (arn: string) => join(tmpdir(), "durable-lens-conformance", `3-12-${arn.replace(/[^a-zA-Z0-9-]/g, "_")}`);

export const handler = withDurableExecution(async (input: string, context) =>
  context.runInChildContext(async (child) =>
    child.step(async () => {
      const marker = crashMarker(context.executionContext.durableExecutionArn);
      if (!existsSync(marker)) {
        mkdirSync(join(marker, ".."), { recursive: true });
        writeFileSync(marker, "crashed");
        // Give the StepStarted checkpoint, sent without waiting, time to reach the service.
        await new Promise((resolve) => setTimeout(resolve, 200));
        process.exit(1);
      }
      rmSync(marker, { force: true });
      return input;
    }),
  ),
);
