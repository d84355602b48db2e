// Helpers of the two README commands. Plain Node with no dependencies: they run before
// `npm ci` has installed anything.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;

/** Runs a command with inherited output; exits the process with its status on failure. */
export function run(cmd, args, options = {}) {
  console.log(`\n$ ${[cmd, ...args].join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...options });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

/** Newest modification time under `paths`, skipping build output and dependencies. */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) {
        if (name === "node_modules" || name === "dist" || name === ".next" || name.startsWith(".durable-lens")) continue;
        walk(join(p, name));
      }
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return newest;
}

const mtime = (p) => (existsSync(join(root, p)) ? statSync(join(root, p)).mtimeMs : 0);

/**
 * Installs from the lock file when dependencies are missing or older than it. `npm install`
 * rather than `npm ci`: npm 11 leaves other platforms' optional packages out of the lock
 * and `npm ci` then refuses it as out of sync.
 */
export function ensureDependencies() {
  const installed = mtime("node_modules/.package-lock.json");
  if (installed === 0 || installed < mtime("package-lock.json") || !existsSync(join(root, "node_modules/better-sqlite3/build"))) {
    run("npm", ["install", "--no-audit", "--no-fund"]);
  }
}

/** Builds the sdk (tsc) when its sources changed since the last build. */
export function buildSdk({ force = false } = {}) {
  const built = mtime("sdk/dist/local/cli.js");
  if (force || built === 0 || built < newestMtime(["sdk/src", "sdk/tsconfig.json", "sdk/package.json"])) {
    run("npm", ["run", "build", "-w", "@durable-lens/sdk"]);
  }
}

/** `next build` when the app or the sdk changed since the last build. */
export function buildApp({ force = false } = {}) {
  const built = mtime(".next/BUILD_ID");
  const sources = newestMtime(["app", "components", "lib", "public", "sdk/dist", "next.config.js", "postcss.config.mjs", "package.json", "tsconfig.json"]);
  if (force || built === 0 || built < sources) run("npx", ["next", "build"]);
}

/**
 * Starts a long-running child whose output is prefixed with `name`. Its last lines of stderr
 * are kept as `child.lastError`, so a child that dies at startup can be reported by its own words.
 */
export function startChild(name, cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.lastError = "";
  const prefix = (stream, out, keep) =>
    stream.on("data", (d) => {
      for (const line of String(d).split("\n")) {
        if (!line.trim()) continue;
        out.write(`[${name}] ${line}\n`);
        if (keep) child.lastError = `${child.lastError}\n${line}`.split("\n").slice(-5).join("\n").trim();
      }
    });
  prefix(child.stdout, process.stdout, false);
  prefix(child.stderr, process.stderr, true);
  return child;
}

/**
 * Starts the local durable service: its process now, and `ready`, which resolves with its
 * endpoint once it listens, or rejects with the service's own error when it exits first (a
 * data directory it cannot write, a port in use). `command` runs its CLI (the build by default).
 *
 * @example const local = startLocalService({ port: "9014" }); await local.ready;
 */
export function startLocalService({ port, command = [process.execPath, "sdk/dist/local/cli.js"], env = {}, timeoutMs = 30_000 }) {
  const [cmd, ...args] = command;
  const child = startChild("local", cmd, [...args, "--port", String(port)], env);
  const said = () => (child.lastError ? `: ${child.lastError}` : "");
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the local durable service did not start within ${timeoutMs / 1000} s${said()}`)), timeoutMs);
    let out = "";
    child.stdout.on("data", (d) => {
      const m = /listening on (http:\/\/\S+)/.exec((out += String(d)));
      if (!m) return;
      clearTimeout(timer);
      resolve(m[1]);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      // Its last words on stderr may still be on their way when the exit is seen.
      setTimeout(() => reject(new Error(`the local durable service exited (${code !== null ? `code ${code}` : signal})${said()}`)), 50);
    });
  });
  return { child, ready };
}

/** Resolves when `url` answers, or rejects after `timeoutMs`. */
export async function waitForUrl(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}${child.lastError ? `: ${child.lastError}` : ""}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
