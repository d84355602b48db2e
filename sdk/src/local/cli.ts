#!/usr/bin/env node
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { LocalDurableService } from "./service.js";
import { sampleRegistrations, seedSampleExecutions } from "./seed.js";
import { DataDirectoryError, SqliteStore } from "./sqlite-store.js";

const USAGE = `durable-lens-local: Lambda's durable execution API on your machine.

Options (environment variable in brackets):
  --port N         port to listen on [DURABLE_LENS_LOCAL_PORT] (default 9014)
  --host H         address to bind [DURABLE_LENS_LOCAL_HOST] (default 127.0.0.1)
  --data-dir D     where the SQLite store lives [DURABLE_LENS_DATA_DIR] (default .durable-lens)
  --reset          delete the store first
  --no-seed        do not record the sample executions
  --help           this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      reset: { type: "boolean", default: false },
      "no-seed": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const portText = values.port ?? process.env.DURABLE_LENS_LOCAL_PORT ?? "9014";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got ${JSON.stringify(portText)}`);
  const host = values.host ?? process.env.DURABLE_LENS_LOCAL_HOST ?? "127.0.0.1";
  const dataDir = resolve(values["data-dir"] ?? process.env.DURABLE_LENS_DATA_DIR ?? ".durable-lens");
  if (values.reset) {
    for (const f of ["durable-lens.sqlite", "durable-lens.sqlite-wal", "durable-lens.sqlite-shm"]) rmSync(resolve(dataDir, f), { force: true });
  }

  const store = SqliteStore.open(dataDir);
  const service = await LocalDurableService.start({ store, host, port, functions: sampleRegistrations() });
  if (!values["no-seed"]) seedSampleExecutions(service.engine);
  console.log(`Durable Lens local service listening on ${service.endpoint} (data: ${dataDir})`);

  const shutdown = () => {
    void service.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e: unknown) => {
  const message = e instanceof DataDirectoryError || (e as NodeJS.ErrnoException)?.code === "EADDRINUSE" ? (e as Error).message : String((e as Error)?.stack ?? e);
  console.error(`durable-lens-local: ${message}`);
  process.exit(1);
});
