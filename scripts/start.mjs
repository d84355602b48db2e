// `npm start`: install what is missing, build, start the local durable service (unless the
// target is AWS) and the app, and print where to open it.
import { buildApp, buildSdk, ensureDependencies, startChild, startLocalService, waitForUrl } from "./lib.mjs";

const port = process.env.PORT ?? "3000";
const target = process.env.DURABLE_LENS_TARGET ?? "local";
const localPort = process.env.DURABLE_LENS_LOCAL_PORT ?? "9014";
const localEndpoint = process.env.DURABLE_LENS_LOCAL_ENDPOINT ?? `http://127.0.0.1:${localPort}`;

ensureDependencies();
buildSdk();
buildApp();

const children = [];
const stopAll = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("SIGINT", () => (stopAll(), process.exit(0)));
process.on("SIGTERM", () => (stopAll(), process.exit(0)));

try {
  if (target === "local") {
    const local = startLocalService({ port: localPort });
    children.push(local.child);
    await local.ready;
    await waitForUrl(`${localEndpoint}/health`, 30_000, local.child);
  }
  const app = startChild("app", process.execPath, ["scripts/serve.mjs", "-p", port, "-H", process.env.HOST ?? "127.0.0.1"], {
    DURABLE_LENS_LOCAL_ENDPOINT: localEndpoint,
  });
  children.push(app);
  await waitForUrl(`http://127.0.0.1:${port}`, 60_000, app);
  console.log(`\nDurable Lens is running: http://localhost:${port}  (target: ${target === "local" ? `local service ${localEndpoint}` : `AWS ${process.env.AWS_REGION ?? ""}`.trim()})\nPress Ctrl+C to stop.`);
  for (const c of children) c.on("exit", (code) => (stopAll(), process.exit(code ?? 1)));
} catch (e) {
  console.error(`\nnpm start failed: ${e.message}`);
  stopAll();
  process.exit(1);
}
