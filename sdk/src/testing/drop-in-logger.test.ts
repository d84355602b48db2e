// Issue 15, cause 3: the default logger under Node writes to process.stdout/stderr and reads
// AWS_LAMBDA_LOG_LEVEL each time a logger is built, on the official pair and ours alike.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { official, ours, type Pair } from "./drop-in.test-support.js";

/** Runs a handler that logs at every level; returns what reached each stream, by message. */
async function logsOf({ sdk, Runner }: Pair, marker: string) {
  const written = { stdout: [] as string[], stderr: [] as string[] };
  for (const stream of ["stdout", "stderr"] as const) {
    vi.spyOn(process[stream], "write").mockImplementation((chunk: string | Uint8Array) => {
      const text = String(chunk);
      if (text.includes(marker)) written[stream].push(...text.trim().split("\n").map((line) => JSON.parse(line).message as string));
      return true;
    });
  }
  const handler = sdk.withDurableExecution(async (_event: unknown, ctx) => {
    ctx.logger.debug(`${marker} debug`);
    ctx.logger.info(`${marker} info`);
    ctx.logger.warn(`${marker} warn`);
    ctx.logger.error(`${marker} error`);
    return "logged";
  });
  expect((await new Runner({ handlerFunction: handler }).run()).getResult()).toBe("logged");
  vi.restoreAllMocks();
  return written;
}

describe.each([official, ours])("the default logger ($name)", (pair) => {
  beforeAll(() => pair.Runner.setupTestEnvironment({ skipTime: false }));
  afterAll(() => pair.Runner.teardownTestEnvironment());
  afterEach(() => {
    delete process.env.AWS_LAMBDA_LOG_LEVEL;
    vi.restoreAllMocks();
  });

  it("writes debug and info to process.stdout, warn and error to process.stderr", async () => {
    expect(await logsOf(pair, `${pair.name}-streams`)).toEqual({
      stdout: [`${pair.name}-streams debug`, `${pair.name}-streams info`],
      stderr: [`${pair.name}-streams warn`, `${pair.name}-streams error`],
    });
  });

  it("honours an AWS_LAMBDA_LOG_LEVEL set after the SDK was loaded", async () => {
    process.env.AWS_LAMBDA_LOG_LEVEL = "WARN";
    expect(await logsOf(pair, `${pair.name}-level`)).toEqual({ stdout: [], stderr: [`${pair.name}-level warn`, `${pair.name}-level error`] });
  });
});
