import { describe, expect, it } from "vitest";
import { parseConfig } from "./config-file.js";
import { functionNameFromFile, parseFunctionArgument } from "./function-spec.js";

describe("function arguments", () => {
  it("read [name=]path[#export] relative to the working directory", () => {
    expect(parseFunctionArgument("src/orders.ts", "/app")).toEqual({ name: "orders", file: "/app/src/orders.ts", exportName: "handler" });
    expect(parseFunctionArgument("refunds=src/pay.ts#refund", "/app")).toEqual({ name: "refunds", file: "/app/src/pay.ts", exportName: "refund" });
    expect(parseFunctionArgument("/abs/flow.mjs#main", "/app")).toEqual({ name: "flow", file: "/abs/flow.mjs", exportName: "main" });
  });

  it("name a function after its file, or its directory for an index file", () => {
    expect(functionNameFromFile("/app/functions/orders/index.ts")).toBe("orders");
    expect(functionNameFromFile("/app/order.handler.ts")).toBe("order-handler");
  });

  it("refuse bad names and exports, saying which argument", () => {
    expect(() => parseFunctionArgument("my fn=a.ts", "/app")).toThrow('"my fn=a.ts": function name "my fn" must be 1-64 characters');
    expect(() => parseFunctionArgument("a.ts#not-an-export", "/app")).toThrow('"a.ts#not-an-export": "not-an-export" is not an export name');
    expect(() => parseFunctionArgument("orders=#handler", "/app")).toThrow('"#handler" names no file');
  });
});

describe("durable-lens.config.json", () => {
  const path = "/app/durable-lens.config.json";

  it("reads functions as strings or objects, paths relative to the file", () => {
    const specs = parseConfig(
      JSON.stringify({
        functions: {
          orders: "src/orders.ts",
          refunds: { handler: "src/pay.ts#refund", description: "Refunds", timeout: 60, executionTimeout: 3600, retentionPeriodInDays: 7 },
        },
      }),
      path,
    );
    expect(specs).toEqual([
      { name: "orders", file: "/app/src/orders.ts", exportName: "handler" },
      {
        name: "refunds",
        file: "/app/src/pay.ts",
        exportName: "refund",
        description: "Refunds",
        timeoutSeconds: 60,
        durableConfig: { ExecutionTimeout: 3600, RetentionPeriodInDays: 7 },
      },
    ]);
  });

  it("names the field that is wrong", () => {
    expect(() => parseConfig("{", path)).toThrow(`${path} is not valid JSON`);
    expect(() => parseConfig("[]", path)).toThrow(`${path} must hold a JSON object with "functions"`);
    expect(() => parseConfig(JSON.stringify({ function: {} }), path)).toThrow(`${path}: unknown key "function" (known: functions)`);
    expect(() => parseConfig(JSON.stringify({ functions: { a: 3 } }), path)).toThrow(`${path}: functions.a must be "path#export" or an object with a "handler"`);
    expect(() => parseConfig(JSON.stringify({ functions: { a: { file: "a.ts" } } }), path)).toThrow(`${path}: functions.a: unknown key "file"`);
    expect(() => parseConfig(JSON.stringify({ functions: { a: { handler: "a.ts", timeout: "60" } } }), path)).toThrow(
      `${path}: functions.a.timeout must be a positive whole number of seconds, got "60"`,
    );
    expect(() => parseConfig(JSON.stringify({ functions: { "a b": "a.ts" } }), path)).toThrow(`${path}: functions: function name "a b"`);
  });
});
