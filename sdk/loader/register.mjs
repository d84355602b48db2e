// Lets plain Node run TypeScript the way vitest does, so the conformance runner, the sdk
// sources and the user's handlers need no build: `node --import <this> file.ts`.
// A worker thread whose workerData carries `loadedFilesPort` (a MessagePort) hears of every
// source file it loads: `durable-lens dev` reloads a handler when one of them changes.
import { register } from "node:module";
import { workerData } from "node:worker_threads";

const port = workerData?.loadedFilesPort;
register("./hooks.mjs", import.meta.url, port ? { data: { loadedFilesPort: port }, transferList: [port] } : undefined);
