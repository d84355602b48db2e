/** A local service in a process of its own, for tests that kill it (crash, chaos). */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LambdaClient } from "@aws-sdk/client-lambda";
import { clientFor } from "./lambda-api.test-support.js";

const loader = fileURLToPath(new URL("../../loader/register.mjs", import.meta.url));

export interface RunningService {
  child: ChildProcess;
  client: LambdaClient;
}

/** Every process started, so none outlives the tests whatever fails: kill them in afterAll. */
export const started = new Set<RunningService>();

/**
 * Runs the TypeScript module `script` (which prints "listening on <url>") with `args`, and
 * resolves once it listens.
 *
 * @example const s = await startService(fixture, ["--port", "0", "--data-dir", dir]);
 */
export function startService(script: string, args: string[], { cwd }: { cwd?: string } = {}): Promise<RunningService> {
  const child = spawn(process.execPath, ["--import", loader, script, ...args], {
    ...(cwd !== undefined && { cwd }),
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (d) => {
      stdout += String(d);
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (!m) return;
      const s = { child, client: clientFor(m[1]!) };
      started.add(s);
      resolve(s);
    });
    child.once("exit", (code, signal) => reject(new Error(`the service exited (${code ?? signal}) before listening:\n${stderr}`)));
  });
}

/**
 * SIGKILL: no shutdown hook runs, the way a power cut or the OOM killer ends a process.
 *
 * @example await kill(service);
 */
export function kill(s: RunningService): Promise<void> {
  s.client.destroy();
  started.delete(s);
  if (s.child.exitCode !== null || s.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.child.once("exit", () => resolve());
    s.child.kill("SIGKILL");
  });
}
