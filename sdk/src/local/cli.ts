#!/usr/bin/env node
import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONFIG_FILE_NAME } from "./dev/config-file.js";
import { DevServer } from "./dev/dev-server.js";
import { FunctionSpecError, parseFunctionArgument } from "./dev/function-spec.js";
import { AllowedHostError } from "./request-guard.js";
import { DataDirectoryError, SqliteStore, StoreWriteError } from "./sqlite-store.js";

const USAGE = `durable-lens: Lambda's durable execution API on your machine.

  durable-lens [options]                      the sample functions, with recorded executions
  durable-lens dev [options] <handler>...     your handler modules, reloaded when they change

A <handler> is [name=]path[#export]: a .ts, .mts, .js or .mjs module whose export (default
"handler") is what withDurableExecution returns, from @durable-lens/sdk or from
@aws/durable-execution-sdk-js. The name defaults to the file name. ${CONFIG_FILE_NAME} in the
working directory (or --config) lists more: { "functions": { "name": "path#export" } }.

Options (environment variable in brackets):
  --port N           port to listen on [DURABLE_LENS_LOCAL_PORT] (default 9014)
  --host H           address to bind [DURABLE_LENS_LOCAL_HOST] (default 127.0.0.1)
  --allow-host N     a Host name to answer besides 127.0.0.1, localhost, [::1] and --host:
                     name (any port) or name:port; repeatable [DURABLE_LENS_ALLOWED_HOSTS,
                     comma-separated]. The service is unauthenticated: it refuses other Host
                     names and any request a web page of another site sends (Origin, Sec-Fetch-Site)
  --data-dir D       where the SQLite store lives [DURABLE_LENS_DATA_DIR] (default .durable-lens)
  --config F         functions to serve [DURABLE_LENS_CONFIG] (default ./${CONFIG_FILE_NAME} if present)
  --reset            delete the store first
  --no-seed          do not record the sample executions
  --samples          dev: serve the sample functions too
  --aws-credentials  handlers keep your AWS credentials and profile (default: dummy ones)
  --help             this text`;

function configFile(explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new FunctionSpecError(`--config ${explicit}: no such file`);
    return resolve(explicit);
  }
  return existsSync(CONFIG_FILE_NAME) ? resolve(CONFIG_FILE_NAME) : undefined;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "allow-host": { type: "string", multiple: true },
      "data-dir": { type: "string" },
      config: { type: "string" },
      reset: { type: "boolean", default: false },
      "no-seed": { type: "boolean", default: false },
      samples: { type: "boolean", default: false },
      "aws-credentials": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dev = positionals[0] === "dev";
  const handlers = dev ? positionals.slice(1) : positionals;
  if (!dev && handlers.length > 0) throw new FunctionSpecError(`unexpected ${JSON.stringify(handlers[0])}: handler modules go after "dev" (durable-lens dev ${handlers.join(" ")})`);

  const portText = values.port ?? process.env.DURABLE_LENS_LOCAL_PORT ?? "9014";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got ${JSON.stringify(portText)}`);
  const host = values.host ?? process.env.DURABLE_LENS_LOCAL_HOST ?? "127.0.0.1";
  const allowedHosts = [...(values["allow-host"] ?? []), ...(process.env.DURABLE_LENS_ALLOWED_HOSTS ?? "").split(",")].map((h) => h.trim()).filter(Boolean);
  const dataDir = resolve(values["data-dir"] ?? process.env.DURABLE_LENS_DATA_DIR ?? ".durable-lens");
  const functions = handlers.map((h) => parseFunctionArgument(h, process.cwd()));
  const config = configFile(values.config ?? process.env.DURABLE_LENS_CONFIG);
  if (dev && functions.length === 0 && !config) throw new FunctionSpecError(`name at least one handler module (durable-lens dev src/handler.ts), or list them in ${CONFIG_FILE_NAME}`);
  if (values.reset) {
    try {
      for (const f of ["durable-lens.sqlite", "durable-lens.sqlite-wal", "durable-lens.sqlite-shm"]) rmSync(resolve(dataDir, f), { force: true });
    } catch (e) {
      throw new DataDirectoryError(`--reset cannot delete the store in ${dataDir}: ${(e as Error).message}`);
    }
  }

  const samples = !dev || values.samples;
  const server = await DevServer.start({
    store: SqliteStore.open(dataDir),
    host,
    port,
    allowedHosts,
    functions,
    ...(config && { configFile: config }),
    samples,
    seed: samples && !values["no-seed"],
    keepAwsCredentials: values["aws-credentials"],
    log: (line) => console.log(line),
  });
  const served = server.functions.length > 0 ? `; ${server.functions.length} of your functions${dev ? ", reloaded on change" : ""}` : "";
  console.log(`Durable Lens local service listening on ${server.service.endpoint} (data: ${dataDir}${served})`);

  const shutdown = () => {
    // A handler stuck in an invocation must not keep the process: the store is crash-safe.
    setTimeout(() => process.exit(0), 3000).unref();
    void server.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e: unknown) => {
  // A store that fills up while the samples are recorded is as much a startup error as one that cannot open.
  const known = e instanceof AllowedHostError || e instanceof DataDirectoryError || e instanceof StoreWriteError || e instanceof FunctionSpecError || (e as NodeJS.ErrnoException)?.code === "EADDRINUSE" || (e as NodeJS.ErrnoException)?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
  console.error(`durable-lens: ${known ? (e as Error).message : String((e as Error)?.stack ?? e)}`);
  process.exit(1);
});
