// `npm run bench:ui`: opens a generated 20,000-event history (a map of 3,000 items with retries)
// in headless Chromium through the open-file page and prints how long each stage takes, next to
// its goal and to an anchor measured in the same run. It prints; it never fails on a number.
//
//   parse+projection          JSON.parse + parseHistory + projectHistory in Chromium   goal < 300 ms
//   time to first graph       file chosen → first graph node painted                  goal < 1.5 s
//   time to interactive table file chosen → first event rows painted (?tab=events)     goal < 1 s
//   frame time while scrolling the events table                                        goal < 16 ms
//
// Frame times are measured with Chromium's frame rate limit off, so a frame takes as long as its
// work rather than a vsync interval; the anchor is an idle frame of the same page.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";
import { buildApp, buildSdk, root, waitForUrl } from "../../scripts/lib.mjs";
import { generateMapHistory } from "./generate-history.mjs";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const UNTHROTTLED_FRAMES = ["--disable-gpu-vsync", "--disable-frame-rate-limit"];
const PARSE_RUNS = 5;
const STAGE_TIMEOUT_MS = 120_000;

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ms = (x) => (x === undefined ? "n/a" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** Serves the built sdk to the page, so the history module runs in Chromium exactly as built. */
async function routeSdk(page) {
  const dist = join(root, "sdk/dist");
  await page.route("**/__bench/sdk/**", (route) => {
    const rel = normalize(new URL(route.request().url()).pathname.replace(/^\/__bench\/sdk\//, ""));
    if (rel.startsWith("..")) return route.fulfill({ status: 403 });
    try {
      const body = readFileSync(join(dist, rel));
      return route.fulfill({ status: 200, body, contentType: extname(rel) === ".js" ? "text/javascript" : "application/octet-stream" });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
}

/** JSON.parse (the anchor), parseHistory and projectHistory in the page, cold and then warm. */
async function measureParse(page, text) {
  return page.evaluate(
    async ({ text, runs }) => {
      const history = await import("/__bench/sdk/history/index.js");
      const out = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const json = JSON.parse(text);
        const t1 = performance.now();
        const parsed = history.parseHistory(json);
        const t2 = performance.now();
        const projection = history.projectHistory(parsed.events);
        const t3 = performance.now();
        out.push({
          jsonParse: t1 - t0,
          parseHistory: t2 - t1,
          projectHistory: t3 - t2,
          total: t3 - t0,
          events: parsed.events.length,
          problems: parsed.problems.length + projection.problems.length,
          operations: projection.operations.length,
        });
      }
      return out;
    },
    { text, runs: PARSE_RUNS },
  );
}

/** Opens the file on /open (with `search`) and returns when `selector` has been painted, with the page's marks. */
async function openAndWaitFor(page, base, search, file, selector) {
  await page.goto(`${base}/open${search}`);
  await page.getByTestId("drop-zone").waitFor();
  await page.evaluate((selector) => {
    window.__bench = {};
    const seen = () => {
      if (window.__bench.found !== undefined || !document.querySelector(selector)) return;
      window.__bench.found = performance.now();
      // The frame after the commit is the one that shows it.
      requestAnimationFrame(() => setTimeout(() => (window.__bench.painted = performance.now()), 0));
    };
    new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
  }, selector);
  await page.getByTestId("history-file-input").setInputFiles(file);
  try {
    await page.waitForFunction(() => window.__bench.painted !== undefined, undefined, { timeout: STAGE_TIMEOUT_MS, polling: 50 });
  } catch {
    return undefined;
  }
  return page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(`durable-lens:open:${name}`).at(-1)?.startTime;
    const start = mark("start");
    return {
      painted: window.__bench.painted - start,
      read: mark("read") - start,
      checked: mark("parsed") - mark("check"),
      ready: mark("parsed") - start,
    };
  });
}

/** rAF-to-rAF times while the events table scrolls a screenful per frame, and while it sits idle (the anchor). */
async function measureScrolling(page) {
  return page.evaluate(async () => {
    const el = document.querySelector('[data-testid="events-scroll"]');
    if (!el) return undefined;
    const frames = (count, each) =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          deltas.push(now - last);
          last = now;
          each?.();
          if (deltas.length < count) requestAnimationFrame(step);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(step);
      });
    const idle = await frames(60);
    const before = el.scrollTop;
    const step = Math.max(200, el.clientHeight);
    const scrolling = await frames(240, () => {
      el.scrollTop = el.scrollTop + el.clientHeight + step >= el.scrollHeight ? 0 : el.scrollTop + step;
    });
    return {
      idle,
      scrolling,
      movedFrom: before,
      rowsInDom: document.querySelectorAll('[data-testid="event-row"]').length,
    };
  });
}

function note(text) {
  console.log(`  ${"".padEnd(44)} ${text}`);
}

function line(label, value, goal, limit) {
  const verdict = limit === undefined || value === undefined ? "" : value < limit ? "within goal" : "OVER GOAL";
  console.log(`  ${label.padEnd(44)} ${String(value === undefined ? "n/a" : ms(value)).padStart(10)}   ${(goal ?? "").padEnd(9)} ${verdict}`);
}

async function main() {
  buildSdk();
  buildApp();

  const events = generateMapHistory();
  const text = JSON.stringify(events);
  const dir = join(tmpdir(), "durable-lens-bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "map-3000-items.history.json");
  writeFileSync(file, text);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // No durable service is needed: the open-file page never calls one.
  const app = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, stdio: "ignore", detached: true });
  const stopApp = () => {
    try {
      process.kill(-app.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stopApp);
  let browser;
  try {
    await waitForUrl(`${base}/open`, 60_000, app);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...UNTHROTTLED_FRAMES] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });

    const parsePage = await context.newPage();
    await routeSdk(parsePage);
    await parsePage.goto(`${base}/open`);
    const parseRuns = await measureParse(parsePage, text);
    await parsePage.close();

    const graphPage = await context.newPage();
    const graph = await openAndWaitFor(graphPage, base, "", file, '[data-testid="graph-node"]');
    await graphPage.close();

    const tablePage = await context.newPage();
    const table = await openAndWaitFor(tablePage, base, "?tab=events", file, '[data-testid="event-row"]');
    const scroll = table ? await measureScrolling(tablePage) : undefined;
    await tablePage.close();

    const cold = parseRuns[0];
    const warm = parseRuns.slice(1);
    const retries = events.filter((e) => e.EventType === "StepFailed").length;
    console.log(
      `\nDurable Lens UI benchmark: ${events.length.toLocaleString("en-US")} events (a map of 3,000 items, ${retries.toLocaleString("en-US")} retries), ` +
        `${(text.length / 1024 / 1024).toFixed(1)} MB, Chromium ${browser.version()} headless, ${cold.operations.toLocaleString("en-US")} operations, ${cold.problems} problems`,
    );
    console.log(`  ${"".padEnd(44)} ${"measured".padStart(10)}   goal`);
    line("parse+projection, first run", cold.total, "< 300 ms", 300);
    line("  of which JSON.parse", cold.jsonParse);
    line("  of which parseHistory", cold.parseHistory);
    line("  of which projectHistory", cold.projectHistory);
    const warmTotal = median(warm.map((r) => r.total));
    const anchor = median(warm.map((r) => r.jsonParse));
    line(`parse+projection, median of ${warm.length} warm runs`, warmTotal, "< 300 ms", 300);
    line("anchor: JSON.parse alone, warm median", anchor);
    note(`parse+projection = ${(warmTotal / anchor).toFixed(1)}× the anchor`);
    line("in the app: file chosen → read", graph?.read);
    line("in the app: events checked (readHistoryText)", graph?.checked);
    line("in the app: file chosen → ready to show", graph?.ready);
    line("time to first graph", graph?.painted, "< 1.5 s", 1500);
    line("time to interactive events table", table?.painted, "< 1 s", 1000);
    if (scroll) {
      const scrollMean = mean(scroll.scrolling);
      line("frame time while scrolling events, mean", scrollMean, "< 16 ms", 16);
      line("frame time while scrolling events, p95", percentile(scroll.scrolling, 0.95), "< 16 ms", 16);
      line("frame time while scrolling events, max", Math.max(...scroll.scrolling));
      line("anchor: idle frame, mean", mean(scroll.idle));
      note(`scrolling = ${(scrollMean / mean(scroll.idle)).toFixed(1)}× the anchor; ${scroll.rowsInDom} rows in the DOM`);
    } else {
      line("frame time while scrolling events", undefined, "< 16 ms");
      note("no events table on the page ([data-testid=events-scroll] was not found)");
    }
    note("wall-clock times on a shared machine: compare runs on the same machine only\n");
  } finally {
    await browser?.close();
    stopApp();
  }
}

main().catch((e) => {
  console.error(`bench:ui failed: ${e.stack ?? e}`);
  process.exit(1);
});
