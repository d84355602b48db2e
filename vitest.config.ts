import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const sdk = (p: string) => fileURLToPath(new URL(`./sdk/src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sdk sources, so they need no build first.
    alias: [
      { find: /^@durable-lens\/sdk\/(protocol|runtime|engine|history|local|testing|examples|replay)$/, replacement: sdk("$1/index.ts") },
      { find: /^@durable-lens\/sdk$/, replacement: sdk("node.ts") },
      { find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) },
    ],
  },
  test: {
    include: ["sdk/src/**/*.test.ts", "sdk/conformance/**/*.test.ts", "sdk/fixtures/**/*.test.ts", "lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
