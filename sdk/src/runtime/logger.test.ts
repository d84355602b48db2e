import { afterEach, describe, expect, it, vi } from "vitest";
import { runOnEngine } from "./engine-run.test-support.js";
import { createDefaultLogger, formatParams, type DurableLogger } from "./logger.js";

afterEach(() => {
  delete process.env.AWS_LAMBDA_LOG_LEVEL;
  vi.restoreAllMocks();
});

describe("default logger", () => {
  it("writes one JSON line with the scope's fields and the error's details", () => {
    const lines: string[] = [];
    const logger = createDefaultLogger(() => ({ tenant: "t1" }), (line) => lines.push(line));
    logger.configureDurableLoggingContext!({ getDurableLogData: () => ({ requestId: "r", executionArn: "arn:x", operationId: "op", attempt: 2 }) });
    logger.error("charge failed for %s", "order-7", new TypeError("card declined"));
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ requestId: "r", level: "ERROR", executionArn: "arn:x", operationId: "op", attempt: 2, tenant: "t1", errorType: "TypeError", errorMessage: "card declined" });
    expect(line.message).toMatch(/^charge failed for order-7 TypeError: card declined/);
  });

  it("drops lines below AWS_LAMBDA_LOG_LEVEL as it was when the logger was built", () => {
    const lines: string[] = [];
    const before = createDefaultLogger(undefined, (line) => lines.push(line));
    process.env.AWS_LAMBDA_LOG_LEVEL = "warn";
    const after = createDefaultLogger(undefined, (line) => lines.push(line));
    after.info("hidden");
    after.warn("shown");
    before.info("built before the change");
    expect(lines.map((l) => JSON.parse(l).message)).toEqual(["shown", "built before the change"]);
  });

  it("formats printf-style placeholders like util.format", () => {
    expect(formatParams(["%s has %d items (%i%%) %j", "cart", 3.5, 42.9, { a: 1 }, "extra"])).toBe('cart has 3.5 items (42%) {"a":1} extra');
  });
});

describe("logging in durable code", () => {
  it("silences context logs while replaying, never step logs, and passes scope fields to a custom logger", async () => {
    const lines: { level: string; message: unknown; operationId?: string }[] = [];
    let scope: () => Record<string, unknown> = () => ({});
    const custom: DurableLogger = {
      info: (m) => void lines.push({ level: "info", message: m, operationId: scope().operationId as string | undefined }),
      warn: () => {},
      error: () => {},
      debug: () => {},
      configureDurableLoggingContext: (c) => void (scope = () => c.getDurableLogData()),
    };
    const { done } = await runOnEngine(async (_e, ctx) => {
      ctx.configureLogger({ customLogger: custom });
      ctx.logger.info("before wait");
      await ctx.step("s", async ({ logger }) => logger.info("in step"));
      await ctx.wait({ seconds: 1 });
      ctx.logger.info("after wait");
      return "done";
    });
    expect(done.Status).toBe("SUCCEEDED");
    // Two invocations: "before wait" is a replayed duplicate in the second; "after wait" is new there.
    expect(lines.map((l) => l.message)).toEqual(["before wait", "in step", "after wait"]);
    expect(lines[1]!.operationId).toMatch(/^[0-9a-f]{16}$/);
    expect(lines[0]!.operationId).toBeUndefined();
  });

  it("logs replayed lines too when mode-aware logging is off", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await runOnEngine(async (_e, ctx) => {
      ctx.configureLogger({ modeAware: false });
      ctx.logger.info("every invocation");
      await ctx.wait({ seconds: 1 });
    });
    expect(info.mock.calls.filter(([line]) => String(line).includes("every invocation"))).toHaveLength(2);
  });
});
