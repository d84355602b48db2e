// The app's production server, what `npm start` runs: Next.js's request handler on a Node HTTP
// server that, unlike `next start`'s, limits how long a client may take to send its request,
// so slow clients cannot hold sockets open. Usage: node scripts/serve.mjs [-p PORT] [-H HOST]
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

/** Milliseconds from an environment variable, or the default when unset or not a positive number. */
function ms(name, fallback) {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const port = Number(option("-p", process.env.PORT ?? "3000"));
const hostname = option("-H", process.env.HOST ?? "127.0.0.1");
// The whole header block within 10 s and the whole request (headers and body) within 60 s;
// answering may take longer. Overridable, e.g. short ones for a test.
const headersTimeout = ms("DURABLE_LENS_HEADERS_TIMEOUT_MS", 10_000);
const requestTimeout = Math.max(ms("DURABLE_LENS_REQUEST_TIMEOUT_MS", 60_000), headersTimeout);

process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: fileURLToPath(new URL("..", import.meta.url)), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

// Node checks the limits every connectionsCheckingInterval; often enough for short ones too.
const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) }, (req, res) => {
  handle(req, res).catch((error) => {
    console.error("[durable-lens] request failed:", error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error\n");
  });
});
server.listen(port, hostname, () => console.log(`Durable Lens app listening on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
