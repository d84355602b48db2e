/** The durable function bodies several requirements of suite 10 share; the plugins differ. */
import { createRetryStrategy, JitterStrategy, type DurableContext, type StepContext } from "@durable-lens/sdk/runtime";

/** A single step that greets the input. */
export const greet = async (name: string, context: DurableContext): Promise<string> => context.step(async () => `Hello, ${name}!`);

/** A single 2-second wait. */
export const waitTwoSeconds = async (_event: unknown, context: DurableContext): Promise<void> => {
  await context.wait({ seconds: 2 });
};

/** `maxAttempts` attempts in all, 1 s apart; no jitter, so the retry lands when expected. */
export const retryEverySecond = (maxAttempts: number) =>
  createRetryStrategy({ maxAttempts, initialDelay: { seconds: 1 }, backoffRate: 1, jitter: JitterStrategy.NONE });

/** A step body that fails its first attempt and returns `value` from the second on. */
export const succeedOnSecondAttempt =
  <T>(value: T) =>
  async ({ attempt }: StepContext): Promise<T> => {
    if (attempt === 1) throw new Error("transient failure");
    return value;
  };
