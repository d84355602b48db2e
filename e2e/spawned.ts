// Processes a spec starts for itself, beside the shared service and app of playwright.config.ts
// (which other specs need and which must stay up): a local durable service and the production server (scripts/serve.mjs) of
// the built app, each in its own process group so it can be killed with everything it started.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface Spawned {
  readonly child: ChildProcess;
  /** What it wrote to stderr so far, for the message of a failed wait. */
  readonly stderr: () => string;
  /** Sends `signal` to the whole process group and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function start(command: string, args: string[], env: Record<string, string>): Spawned {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => {
    err = (err + d.toString("utf8")).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    stderr: () => err,
    async kill(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

/**
 * A port nobody listens on right now, from the system's ephemeral range, for a process of a
 * spec's own: two runs side by side (or with other base ports) never pick the same one.
 *
 * @example const appPort = await freePort();
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A local durable service with the sample functions on `port`, keeping its store in `dataDir`.
 *
 * @example const service = spawnService(9214, dir, { reset: true });
 */
export function spawnService(port: number, dataDir: string, { reset = false } = {}): Spawned {
  return start("node", ["sdk/dist/local/cli.js", "--port", String(port), "--data-dir", dataDir, ...(reset ? ["--reset"] : [])], {});
}

/**
 * The built app (`next build` ran before the e2e phase) on 127.0.0.1:`port`, with `env` added,
 * served as `npm start` serves it (scripts/serve.mjs).
 *
 * @example const app = spawnApp(3214, { DURABLE_LENS_LOCAL_ENDPOINT: "http://127.0.0.1:9214" });
 */
export function spawnApp(port: number, env: Record<string, string>): Spawned {
  return start("node", ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], env);
}

/**
 * Resolves once `url` answers below 500, or throws with the process's stderr.
 *
 * @example await waitForUrl("http://127.0.0.1:9214/health", service);
 */
export async function waitForUrl(url: string, proc: Spawned, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${url}: the process exited with code ${proc.child.exitCode}\n${proc.stderr()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s\n${proc.stderr()}`);
}
