// 3-11: a child context whose result is too large to checkpoint (> 256 KB), so replays rebuild
// it by running the child again; the child logs its input with replay logging on.
import { withDurableExecution } from "@durable-lens/sdk/runtime";

export const handler = withDurableExecution(async (input: string, context) => {
  context.configureLogger({ modeAware: false });
  const large = await context.runInChildContext("large-result", async (child) => {
    child.logger.info(`Building large result for ${input}`);
    const seed = await child.step(async () => input);
    return seed.repeat(Math.ceil((300 * 1024) / seed.length));
  });
  await context.wait({ seconds: 1 });
  return { length: large.length };
});
