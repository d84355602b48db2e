// The graph tells concurrency from sequence, shows whole names, and draws a big map as a grid:
// histories of those shapes are opened as files and the drawing is measured (bounding boxes,
// scroll sizes, edges read from the DOM), never compared as pixels.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";

/** The histories recorded for these shapes by our runtime and the official SDK (see its README). */
const shape = (name: string) => fileURLToPath(new URL(`../sdk/fixtures/histories/${name}.history.json`, import.meta.url));

/** A history built event by event, with EventIds in order and timestamps `ms` after a start. */
class History {
  readonly events: Record<string, unknown>[] = [];
  private readonly t0 = Date.parse("2026-03-01T10:00:00.000Z");

  add(type: string, id: string | undefined, ms: number, extra: Record<string, unknown> = {}): this {
    const event: Record<string, unknown> = { EventType: type, EventId: this.events.length + 1, EventTimestamp: new Date(this.t0 + ms).toISOString(), ...extra };
    if (id !== undefined) event.Id = id;
    this.events.push(event);
    return this;
  }

  start(): this {
    return this.add("ExecutionStarted", "exec", 0, { ExecutionStartedDetails: { Input: { Payload: "{}" } } });
  }

  invocationEnded(ms: number): this {
    return this.add("InvocationCompleted", undefined, ms, { InvocationCompletedDetails: { RequestId: `request-${this.events.length + 1}`, StartTimestamp: new Date(this.t0).toISOString(), EndTimestamp: new Date(this.t0 + ms).toISOString() } });
  }

  succeed(ms: number): this {
    return this.add("ExecutionSucceeded", "exec", ms, { ExecutionSucceededDetails: { Result: { Payload: "{}" } } });
  }

  op(kind: "Step" | "Wait" | "Context", phase: "Started" | "Succeeded" | "Failed", id: string, name: string, ms: number, extra: Record<string, unknown> = {}): this {
    const details =
      kind === "Wait" && phase === "Started"
        ? { Duration: extra.seconds, ScheduledEndTimestamp: new Date(this.t0 + ms + Number(extra.seconds) * 1000).toISOString() }
        : phase === "Failed"
          ? { Error: { Payload: { ErrorType: "Error", ErrorMessage: `${name} failed` } } }
          : phase === "Succeeded" && kind !== "Wait"
            ? { Result: { Payload: "true" } }
            : {};
    const event: Record<string, unknown> = { Name: name, SubType: extra.subType ?? kind, [`${kind}${phase}Details`]: details };
    if (extra.parent) event.ParentId = extra.parent;
    return this.add(`${kind}${phase}`, id, ms, event);
  }

  save(testInfo: TestInfo, name: string): string {
    const file = testInfo.outputPath(name);
    writeFileSync(file, JSON.stringify(this.events));
    return file;
  }
}

async function open(page: Page, file: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles(file);
  await expect(page.getByTestId("execution-graph")).toBeVisible();
}

/** The graph node whose name is exactly `name`. */
function graphNode(page: Page, name: string): Locator {
  return page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });
}

/** The sequence edges drawn, as "source->target" by operation name. */
async function edgesByName(page: Page): Promise<string[]> {
  const names = new Map<string, string>();
  for (const node of await page.getByTestId("graph-node").all()) {
    const id = await node.getAttribute("data-op-id");
    const start = (await node.getAttribute("data-op-type")) === "EXECUTION";
    const name = start ? "START" : await node.getByTestId("graph-node-name").first().textContent();
    if (id && name) names.set(id, name);
  }
  const ids = await page.locator(".react-flow__edge").evaluateAll((edges) => edges.map((e) => e.getAttribute("data-id") ?? ""));
  return ids
    .map((id) => id.split("->").map((part) => names.get(part) ?? part).join("->"))
    .sort();
}

type Rect = { x: number; y: number; width: number; height: number };

/**
 * The boxes of the graph nodes named `names`, all read in one frame: the viewport may be gliding
 * to a new fit, which moves every node together, so boxes read one by one could disagree.
 */
async function nodeBoxes(page: Page, names: string[]): Promise<Record<string, Rect>> {
  return page.evaluate((wanted) => {
    const out: Record<string, { x: number; y: number; width: number; height: number }> = {};
    for (const node of document.querySelectorAll('[data-testid="graph-node"]')) {
      const name = node.querySelector('[data-testid="graph-node-name"]')?.textContent ?? "";
      if (!wanted.includes(name)) continue;
      const r = node.getBoundingClientRect();
      out[name] = { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return out;
  }, names);
}

/** The nodes named `names` are all drawn, in one row: their tops within 2 px of each other. */
async function expectOneRow(page: Page, names: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const boxes = await nodeBoxes(page, names);
      if (Object.keys(boxes).length !== names.length) return Number.POSITIVE_INFINITY;
      const tops = Object.values(boxes).map((b) => b.y);
      return Math.max(...tops) - Math.min(...tops);
    })
    .toBeLessThanOrEqual(2);
}

/** Every name on the graph (nodes, group headers, fan-out items) shows whole and inside its node. */
async function expectNoClippedNames(page: Page): Promise<number> {
  const names = page.getByTestId("graph-node-name").or(page.getByTestId("fanout-item-name"));
  const fits = await names.evaluateAll((els) =>
    els.map((el) => {
      const node = el.closest('[data-testid="graph-node"], [data-testid="fanout-item"]')!;
      const [outer, inner] = [node.getBoundingClientRect(), el.getBoundingClientRect()];
      return { scroll: el.scrollWidth, client: el.clientWidth, text: el.textContent, outer: { left: outer.left, right: outer.right, bottom: outer.bottom }, inner: { left: inner.left, right: inner.right, bottom: inner.bottom } };
    }),
  );
  for (const fit of fits) {
    expect(fit.scroll, `"${fit.text}" is clipped`).toBeLessThanOrEqual(fit.client);
    // ...and it lies inside its node's box, which grew for it.
    expect(fit.inner.left).toBeGreaterThanOrEqual(fit.outer.left - 1);
    expect(fit.inner.right).toBeLessThanOrEqual(fit.outer.right + 1);
    expect(fit.inner.bottom, `"${fit.text}" runs out of its node`).toBeLessThanOrEqual(fit.outer.bottom + 1);
  }
  return fits.length;
}

test("three waits started together by Promise.all sit side by side, with edges only into and out of the group", async ({ page }, testInfo) => {
  const h = new History().start();
  h.op("Wait", "Started", "w1", "wait-1s", 10, { seconds: 1 });
  h.op("Wait", "Started", "w5", "wait-5s", 10, { seconds: 5 });
  h.op("Wait", "Started", "w10", "wait-10s", 10, { seconds: 10 });
  h.invocationEnded(20);
  h.op("Wait", "Succeeded", "w1", "wait-1s", 1010);
  h.op("Wait", "Succeeded", "w5", "wait-5s", 5010);
  h.op("Wait", "Succeeded", "w10", "wait-10s", 10010);
  h.op("Step", "Started", "after", "after-all", 10020);
  h.op("Step", "Succeeded", "after", "after-all", 10030);
  h.invocationEnded(10040).succeed(10050);
  await open(page, h.save(testInfo, "promise-all-waits.json"));

  const waits = ["wait-1s", "wait-5s", "wait-10s"];
  for (const wait of waits) await expect(graphNode(page, wait)).toBeVisible();
  await expectOneRow(page, waits);
  // Side by side in program order, not on top of each other, and the step after them below.
  const boxes = await nodeBoxes(page, [...waits, "after-all"]);
  const xs = waits.map((w) => boxes[w]!.x);
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]! + boxes[waits[i - 1]!]!.width);
  expect(boxes["after-all"]!.y).toBeGreaterThan(boxes["wait-10s"]!.y + boxes["wait-10s"]!.height);

  await expect.poll(() => edgesByName(page)).toEqual(
    ["START->wait-1s", "START->wait-5s", "START->wait-10s", "wait-1s->after-all", "wait-5s->after-all", "wait-10s->after-all"].sort(),
  );
});

test("a race's steps and an unawaited wait are drawn beside what ran with them; a loser that never ended leads nowhere", async ({ page }, testInfo) => {
  const h = new History().start();
  h.op("Step", "Started", "ra", "racer-a", 5);
  h.op("Step", "Started", "rb", "racer-b", 5);
  h.op("Step", "Succeeded", "ra", "racer-a", 50);
  // The wait starts, a step runs meanwhile, then the wait is awaited.
  h.op("Wait", "Started", "bg", "background-wait", 60, { seconds: 2 });
  h.op("Step", "Started", "mid", "meanwhile", 61);
  h.op("Step", "Succeeded", "mid", "meanwhile", 70);
  h.invocationEnded(80);
  h.op("Wait", "Succeeded", "bg", "background-wait", 2060);
  h.op("Step", "Started", "fin", "finally", 2070);
  h.op("Step", "Succeeded", "fin", "finally", 2080);
  h.invocationEnded(2090).succeed(2100);
  await open(page, h.save(testInfo, "race-and-unawaited.json"));

  await expect(graphNode(page, "finally")).toBeVisible();
  await expectOneRow(page, ["racer-a", "racer-b"]);
  await expectOneRow(page, ["background-wait", "meanwhile"]);
  await expect.poll(() => edgesByName(page)).toEqual(
    [
      "START->racer-a",
      "START->racer-b",
      "racer-a->background-wait",
      "racer-a->meanwhile",
      "background-wait->finally",
      "meanwhile->finally",
    ].sort(),
  );
});

test("no name is cut: group headers and nodes show long names whole, inside their boxes", async ({ page }, testInfo) => {
  const h = new History().start();
  h.op("Context", "Started", "par", "parallel-of-three-long-named-branches", 5, { subType: "Parallel" });
  const branches = ["parallel-branch-charge-customer-card", "parallel-branch-reserve-inventory", "parallel-branch-notify-shipping"];
  branches.forEach((name, i) => {
    h.op("Context", "Started", `b${i}`, name, 6 + i, { parent: "par", subType: "ParallelBranch" });
    h.op("Step", "Started", `s${i}`, `step-with-a-deliberately-long-name-that-needs-room-${i}`, 6 + i, { parent: `b${i}` });
  });
  branches.forEach((name, i) => {
    h.op("Step", "Succeeded", `s${i}`, `step-with-a-deliberately-long-name-that-needs-room-${i}`, 20 + i, { parent: `b${i}` });
    h.op("Context", "Succeeded", `b${i}`, name, 30 + i, { parent: "par", subType: "ParallelBranch" });
  });
  h.op("Context", "Succeeded", "par", "parallel-of-three-long-named-branches", 40, { subType: "Parallel" });
  h.op("Step", "Started", "x", "x".repeat(90), 50);
  h.op("Step", "Succeeded", "x", "x".repeat(90), 60);
  h.invocationEnded(70).succeed(80);
  await open(page, h.save(testInfo, "long-names.json"));

  for (const name of branches) await expect(graphNode(page, name)).toBeVisible();
  await expect(page.getByTestId("graph-node-name")).toHaveCount(1 + 1 + 3 + 3 + 1);
  expect(await expectNoClippedNames(page)).toBe(9);
  // The branches ran together: one row.
  await expectOneRow(page, branches);

  // The same on the recorded workflows that use every kind of operation, and on a map's grid.
  for (const file of ["ours-workflow-every-operation", "official-workflow-every-operation", "official-map-50"]) {
    await page.goto("/open");
    await page.getByTestId("history-file-input").setInputFiles(shape(file));
    await expect(page.getByTestId("graph-node").first()).toBeVisible();
    await expect(page.getByText(/Laying out/)).toHaveCount(0);
    expect(await expectNoClippedNames(page)).toBeGreaterThan(5);
  }
});

test("the recorded Promise.all of three waits: side by side, forked from the start and joined into the step after them", async ({ page }) => {
  for (const who of ["ours", "official"]) {
    await open(page, shape(`${who}-promise-all-waits`));
    const waits = ["wait-1s", "wait-5s", "wait-10s"];
    for (const wait of waits) await expect(graphNode(page, wait)).toBeVisible();
    await expectOneRow(page, waits);
    await expect.poll(() => edgesByName(page)).toEqual(
      ["START->wait-1s", "START->wait-5s", "START->wait-10s", "wait-1s->after-waits", "wait-5s->after-waits", "wait-10s->after-waits"].sort(),
    );
  }
});

test("the recorded promise.any over steps: the racers side by side, the answer joined only from what had ended", async ({ page }) => {
  await open(page, shape("ours-promise-any-steps"));
  await expect(graphNode(page, "use-answer")).toBeVisible();
  await expectOneRow(page, ["flaky-primary", "backup", "slow-path", "first-answer"]);
  await expect.poll(() => edgesByName(page)).toEqual(
    ["START->backup", "START->first-answer", "START->flaky-primary", "START->slow-path", "backup->use-answer", "first-answer->use-answer"].sort(),
  );
});

test("the recorded unawaited wait sits beside the step that ran while it was pending", async ({ page }) => {
  await open(page, shape("official-unawaited-operations"));
  await expect(graphNode(page, "finish")).toBeVisible();
  await expectOneRow(page, ["cool-down", "prepare"]);
  await expect.poll(() => edgesByName(page)).toEqual(["START->cool-down", "START->prepare", "cool-down->validate", "prepare->validate", "validate->finish"].sort());
});

test("the recorded 50-item map opens as a grid whose failed filter finds its two failed items", async ({ page }) => {
  await open(page, shape("ours-map-50"));
  const map = page.locator('[data-testid="graph-node"][data-fanout="true"]');
  await expect(map).toHaveCount(1);
  await expect(map.getByTestId("fanout-item")).toHaveCount(50);
  await map.getByTestId("fanout-filter").and(page.locator('[data-status="FAILED"]')).click();
  await expect(map.getByTestId("fanout-item")).toHaveCount(2);
  await expect(map.getByTestId("fanout-item-name")).toHaveText(["map-item-7", "map-item-31"]);
});

test("a 50-item map is a compact grid with status counts, a working filter, and items that select and expand", async ({ page }, testInfo) => {
  const h = new History().start();
  h.op("Context", "Started", "map", "process-orders", 5, { subType: "Map" });
  const failed = new Set([3, 11, 17, 29, 41, 48]);
  for (let i = 0; i < 50; i++) {
    h.op("Context", "Started", `item${i}`, `order-${i}`, 10 + i, { parent: "map", subType: "MapIteration" });
    h.op("Step", "Started", `step${i}`, `charge-order-${i}`, 10 + i, { parent: `item${i}` });
  }
  for (let i = 0; i < 50; i++) {
    const phase = failed.has(i) ? "Failed" : "Succeeded";
    h.op("Step", phase, `step${i}`, `charge-order-${i}`, 100 + i, { parent: `item${i}` });
    h.op("Context", phase, `item${i}`, `order-${i}`, 200 + i, { parent: "map", subType: "MapIteration" });
  }
  h.op("Context", "Succeeded", "map", "process-orders", 300, { subType: "Map" });
  h.invocationEnded(310).succeed(320);
  await open(page, h.save(testInfo, "map-50.json"));

  const map = graphNode(page, "process-orders");
  await expect(map).toHaveAttribute("data-fanout", "true");
  const items = map.getByTestId("fanout-item");
  await expect(items).toHaveCount(50);
  // Compact: a panel, not a strip of 50 boxes.
  const panel = (await map.boundingBox())!;
  expect(panel.height).toBeLessThan(500);
  expect(panel.width).toBeLessThan(1000);
  const chipTops = await items.evaluateAll((els) => els.slice(0, 8).map((el) => Math.round(el.getBoundingClientRect().y)));
  expect(new Set(chipTops).size).toBeLessThan(chipTops.length);

  // Status counts, and the filter they make.
  const failedFilter = map.getByTestId("fanout-filter").and(page.locator('[data-status="FAILED"]'));
  await expect(failedFilter).toHaveAttribute("data-count", "6");
  await expect(map.getByTestId("fanout-filter").and(page.locator('[data-status="SUCCEEDED"]'))).toHaveAttribute("data-count", "44");
  await failedFilter.click();
  await expect(items).toHaveCount(6);
  for (const item of await items.all()) await expect(item).toHaveAttribute("data-status", "FAILED");
  await map.getByTestId("fanout-filter").and(page.locator('[data-status=""]')).click();
  await expect(items).toHaveCount(50);

  // Clicking an item selects it for the inspector.
  const order17 = items.filter({ has: page.getByTestId("fanout-item-name").getByText("order-17", { exact: true }) });
  await order17.getByTestId("fanout-item-name").click();
  await expect(page.getByTestId("inspector-name")).toHaveText("order-17");
  await expect(page.getByTestId("inspector-status")).toHaveText(/FAILED/);

  // Expanding it draws its operations, below the grid.
  await expect(graphNode(page, "charge-order-17")).toHaveCount(0);
  await order17.getByTestId("fanout-item-expand").click();
  const step = graphNode(page, "charge-order-17");
  await expect(step).toBeVisible();
  await expect(step).toHaveAttribute("data-status", "FAILED");
  // Read in one frame: the view glides to the newly drawn item.
  const below = () =>
    page.evaluate(() => {
      const grid = document.querySelector('[data-fanout="true"] [data-testid="fanout-grid"]')!.getBoundingClientRect();
      const node = [...document.querySelectorAll('[data-testid="graph-node"]')].find((n) => n.querySelector('[data-testid="graph-node-name"]')?.textContent === "charge-order-17")!;
      return node.getBoundingClientRect().top - grid.bottom;
    });
  expect(await below()).toBeGreaterThan(0);
  await expect(graphNode(page, "charge-order-16")).toHaveCount(0);
});
