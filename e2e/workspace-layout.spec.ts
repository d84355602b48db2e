import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { closeGroup } from "./graph-actions";
import { seededArn } from "./seeded";
import { startThroughApi } from "./start-execution";

// The execution page's geometry on a laptop screen: where the views are, how big, what the graph's
// view shows after it changes. Boxes are measured, never pixels.
test.use({ viewport: { width: 1440, height: 900 } });
const WINDOW = { width: 1440, height: 900 };

/** Below this zoom a node's 14 px name is under 9 px: not readable. */
const READABLE_ZOOM = 0.65;

const executionUrl = (arn: string) => `/executions/${encodeURIComponent(arn)}`;
/** Histories recorded by this repository (ours and the official SDK's) for the shapes. */
const RECORDED = fileURLToPath(new URL("../sdk/fixtures/histories", import.meta.url));

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, "element has a box").not.toBeNull();
  return box!;
}

function isInside(inner: Box, outer: Box, slack = 1): boolean {
  return inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The graph node whose name is exactly `name`. */
function graphNode(page: Page, name: string): Locator {
  return page.getByTestId("graph-node").filter({ has: page.getByTestId("graph-node-name").getByText(name, { exact: true }) });
}

/** The graph's zoom, read from the transform React Flow puts on its viewport. */
async function graphZoom(page: Page): Promise<number> {
  return page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

/** A point of the graph's pane with no node or control on it, to drag the view from: near the side the drag moves away from. */
async function emptyPanePoint(page: Page, dx: number, dy: number): Promise<{ x: number; y: number }> {
  const point = await page.getByTestId("execution-graph").evaluate((graph, [dx, dy]) => {
    const box = graph.getBoundingClientRect();
    const ys: number[] = [];
    const xs: number[] = [];
    for (let y = box.top + 60; y < box.bottom - 20; y += 20) ys.push(y);
    for (let x = box.left + 80; x < box.right - 20; x += 20) xs.push(x);
    if (dy! < 0) ys.reverse();
    if (dx! < 0) xs.reverse();
    for (const y of ys) {
      for (const x of xs) {
        if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane")) return { x, y };
      }
    }
    return undefined;
  }, [dx, dy]);
  expect(point, "the pane has an empty spot").toBeDefined();
  return point!;
}

/** Pans the graph as a user does: press on the empty pane, move, release. */
async function panBy(page: Page, dx: number, dy: number): Promise<void> {
  const from = await emptyPanePoint(page, dx, dy);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
  await page.mouse.up();
}

/** Pans so that the bottom-right corner of `node` lands `margin` px inside the drawing's bottom-right corner. */
async function panNodeToBottomRight(page: Page, node: Locator, margin = 24): Promise<void> {
  const drawing = await boxOf(page.getByTestId("execution-graph"));
  const box = await boxOf(node);
  await panBy(page, drawing.x + drawing.width - margin - (box.x + box.width), drawing.y + drawing.height - margin - (box.y + box.height));
}

interface HistoryEvent {
  EventId?: number;
  EventType: string;
  Id?: string;
  Name?: string;
}

async function historyOf(request: APIRequestContext, arn: string): Promise<HistoryEvent[]> {
  return ((await (await request.get(`/api/executions/${encodeURIComponent(arn)}`)).json()) as { events: HistoryEvent[] }).events;
}

/** The views take most of the window, start high, and end inside it. */
async function expectGraphGetsTheRoom(page: Page): Promise<void> {
  const graph = page.getByTestId("execution-graph");
  await expect(graph.getByTestId("graph-node").first()).toBeVisible();
  const box = await boxOf(graph);
  expect(box.y).toBeLessThan(300);
  expect(box.y + box.height).toBeLessThanOrEqual(WINDOW.height);
  expect(box.width * box.height).toBeGreaterThan(0.5 * WINDOW.width * WINDOW.height);
}

/** The start node is readable and at the top of the drawing: the first fit did not shrink the graph into the panel. */
async function expectReadableFromTheStart(page: Page, startNode: Locator): Promise<void> {
  const graph = page.getByTestId("execution-graph");
  await expect(async () => {
    expect(await graphZoom(page)).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const drawing = await boxOf(graph);
    const box = await boxOf(startNode);
    expect(isInside(box, drawing)).toBe(true);
    expect(box.y - drawing.y).toBeLessThan(80);
    const fontSize = await startNode.getByTestId("graph-node-name").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize * (await graphZoom(page))).toBeGreaterThanOrEqual(9);
  }).toPass();
}

test("gives the graph most of the window for a running execution with actions, and the page does not scroll", async ({ page, request }) => {
  const arn = await seededArn(request, "expense-approval", "expense-4001", "RUNNING");
  await page.goto(executionUrl(arn));
  // The fullest header: a running execution with stop, start again and a callback to answer.
  await expect(page.getByTestId("pending-callbacks")).toBeVisible();
  await expectGraphGetsTheRoom(page);
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, window: window.innerHeight }));
  expect(page_.scroll).toBeLessThanOrEqual(page_.window);

  // Input and result are one click away, over the page, not pushing the views down.
  const before = await boxOf(page.getByTestId("execution-graph"));
  await page.getByTestId("execution-input-toggle").click();
  await expect(page.getByTestId("execution-input")).toContainText("4001");
  expect(await boxOf(page.getByTestId("execution-graph"))).toEqual(before);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("execution-input")).toHaveCount(0);
});

test("gives the graph most of the window for an opened history file, fitted readably from its start", async ({ page }) => {
  // About 20 operations of every kind, recorded by the official SDK.
  await page.goto("/open");
  await page.getByTestId("history-file-input").setInputFiles(`${RECORDED}/official-workflow-every-operation.history.json`);
  await expect(page.getByTestId("execution-header")).toContainText("official-workflow-every-operation.history.json");
  await expectGraphGetsTheRoom(page);
  await expectReadableFromTheStart(page, page.locator('[data-testid="graph-node"][data-op-type="EXECUTION"]'));
});

test("fits a 20-operation workflow at a zoom where node names can be read, from its start node", async ({ page, request, baseURL }) => {
  // Six items make the sample order workflow 20 operations long while it waits for the warehouse.
  const name = `layout-20-${Date.now().toString(36)}`;
  const arn = await startThroughApi(request, baseURL!, "order-processor", name, { orderId: "L20", items: ["a", "b", "c", "d", "e", "f"] });
  // Waiting for the warehouse: nothing more happens until the callback is answered.
  await expect.poll(async () => (await historyOf(request, arn)).some((e) => e.EventType === "CallbackStarted"), { timeout: 30_000 }).toBe(true);
  const operations = new Set((await historyOf(request, arn)).flatMap((e) => (e.Id === undefined ? [] : [e.Id])));
  expect(operations.size).toBe(20);

  await page.goto(executionUrl(arn));
  const startNode = graphNode(page, name);
  await expect(startNode).toBeVisible();
  await expectReadableFromTheStart(page, startNode);
});

test("keeps the minimap hidden until asked for, then beside the drawing where it covers no node", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(executionUrl(arn));
  await expect(graphNode(page, "validate-order")).toBeVisible();
  await expect(page.locator(".react-flow__minimap")).toHaveCount(0);

  await page.getByTestId("graph-minimap-toggle").click();
  const minimap = page.locator(".react-flow__minimap");
  await expect(minimap).toBeVisible();
  // A node pushed into the drawing's bottom-right corner, where minimaps usually sit.
  await panNodeToBottomRight(page, graphNode(page, "validate-order"));
  await expect(async () => {
    const drawing = await boxOf(page.getByTestId("execution-graph"));
    const map = await boxOf(minimap);
    expect(intersects(map, drawing)).toBe(false);
    const nodes = await page.getByTestId("graph-node").all();
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const box = await boxOf(node);
      if (isInside(box, drawing)) expect(intersects(box, map)).toBe(false);
    }
    expect(isInside(await boxOf(graphNode(page, "validate-order")), drawing)).toBe(true);
  }).toPass();

  await page.getByTestId("graph-minimap-toggle").click();
  await expect(minimap).toHaveCount(0);
});

test("fullscreen gives the operation view the whole window, and Escape leaves it without clearing the selection", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(executionUrl(arn));
  await graphNode(page, "validate-order").click();
  await expect(page.getByTestId("inspector-name")).toHaveText("validate-order");
  const graph = page.getByTestId("execution-graph");
  const normal = await boxOf(graph);

  await page.getByTestId("fullscreen-toggle").click();
  const view = page.getByTestId("operation-view");
  await expect(view).toHaveAttribute("data-fullscreen", "true");
  await expect(async () => {
    expect(await boxOf(view)).toEqual({ x: 0, y: 0, ...WINDOW });
    const full = await boxOf(graph);
    expect(isInside(full, { x: 0, y: 0, ...WINDOW })).toBe(true);
    expect(full.width * full.height).toBeGreaterThan(normal.width * normal.height * 1.2);
  }).toPass();
  await expect(page.getByTestId("inspector-name")).toHaveText("validate-order");

  await page.keyboard.press("Escape");
  await expect(view).toHaveAttribute("data-fullscreen", "false");
  await expect(async () => expect(await boxOf(graph)).toEqual(normal)).toPass();
  await expect(page.getByTestId("inspector-name")).toHaveText("validate-order");
  await expect(page).toHaveURL(/[?&]op=/);
});

test("resizes the split between the views and the inspector by drag and by keys, and remembers it", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(executionUrl(arn));
  await expect(graphNode(page, "validate-order")).toBeVisible();
  const inspector = page.getByTestId("inspector-column");
  const graph = page.getByTestId("execution-graph");
  const handle = page.getByTestId("inspector-resize");
  const inspector0 = (await boxOf(inspector)).width;
  const graph0 = (await boxOf(graph)).width;

  const grip = await boxOf(handle);
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 - 200, grip.y + grip.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(async () => {
    expect((await boxOf(inspector)).width).toBeCloseTo(inspector0 + 200, -1);
    expect((await boxOf(graph)).width).toBeCloseTo(graph0 - 200, -1);
  }).toPass();

  // From the keyboard: the handle takes focus; right gives the views back some room.
  const dragged = (await boxOf(inspector)).width;
  await handle.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(async () => expect((await boxOf(inspector)).width).toBeCloseTo(dragged - 48, 0)).toPass();
  await expect(handle).toHaveAttribute("aria-valuenow", String(Math.round(dragged - 48)));

  await page.reload();
  await expect(graphNode(page, "validate-order")).toBeVisible();
  await expect(async () => expect((await boxOf(inspector)).width).toBeCloseTo(dragged - 48, 0)).toPass();
});

test("after the user pans, a layout change does not re-fit the view, and a Fit control hands it back", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(executionUrl(arn));
  const graph = page.getByTestId("execution-graph");
  const map = graphNode(page, "reserve-inventory");
  await expect(map).toBeVisible();
  await expect(graph).toHaveAttribute("data-view", "fitted");
  await expect(page.getByTestId("graph-fit")).toHaveCount(0);

  await panBy(page, 180, 90);
  await expect(page.getByTestId("graph-fit")).toBeVisible();
  const zoom = await graphZoom(page);
  const before = await boxOf(map);

  // Closing the group changes the layout; the view stays where the user put it.
  await map.getByTestId("group-toggle").click();
  await expect(map).toHaveAttribute("data-collapsed", "true");
  await expect(async () => {
    expect(await graphZoom(page)).toBeCloseTo(zoom, 3);
    const after = await boxOf(map);
    expect(after.x).toBeCloseTo(before.x, 0);
    expect(after.y).toBeCloseTo(before.y, 0);
  }).toPass();
  await expect(page.getByTestId("graph-fit")).toBeVisible();

  await page.getByTestId("graph-fit").click();
  await expect(page.getByTestId("graph-fit")).toHaveCount(0);
  await expect(graph).toHaveAttribute("data-view", "fitted");
  await expect(async () => {
    const drawing = await boxOf(graph);
    const startNode = await boxOf(graphNode(page, "order-1001"));
    expect(isInside(startNode, drawing)).toBe(true);
    expect(startNode.y - drawing.y).toBeLessThan(80);
    expect(await graphZoom(page)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  }).toPass();
});

test("opening a group the user had moved to the corner brings its content into view", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  await page.goto(executionUrl(arn));
  const map = graphNode(page, "reserve-inventory");
  await expect(map).toBeVisible();
  await closeGroup(map);
  await expect(graphNode(page, "keyboard")).toHaveCount(0);

  // The closed group in the bottom-right corner, as after scrolling down to it; then opened.
  await panNodeToBottomRight(page, map);
  await expect(page.getByTestId("graph-fit")).toBeVisible();
  await map.getByTestId("group-toggle").click();

  const drawing = page.getByTestId("execution-graph");
  await expect(async () => {
    const box = await boxOf(drawing);
    for (const name of ["reserve-inventory", "keyboard", "mouse"]) expect(isInside(await boxOf(graphNode(page, name)), box), `${name} is in view`).toBe(true);
  }).toPass();
});

test("scrubbing time travel to a point whose pending wait is off screen brings the wait into view", async ({ page, request }) => {
  const arn = await seededArn(request, "order-processor", "order-1001", "SUCCEEDED");
  const events = (await historyOf(request, arn)).filter((e) => e.EventId !== undefined);
  const waitStarted = events.findIndex((e) => e.EventType === "WaitStarted" && e.Name === "cool-off");
  expect(waitStarted).toBeGreaterThan(0);

  await page.goto(executionUrl(arn));
  const wait = graphNode(page, "cool-off");
  const drawing = page.getByTestId("execution-graph");
  await expect(wait).toBeVisible();
  // The user moves on past the wait: it goes off the top of the drawing.
  const top = (await boxOf(drawing)).y;
  const waitBottom = (await boxOf(wait)).y + (await boxOf(wait)).height;
  await panBy(page, 0, top - waitBottom - 60);
  await expect(page.getByTestId("graph-fit")).toBeVisible();
  await expect(async () => {
    const box = await boxOf(drawing);
    // React Flow does not draw nodes off screen at all.
    const waitBox = (await wait.count()) > 0 ? await wait.boundingBox() : null;
    expect(waitBox === null || !isInside(waitBox, box)).toBe(true);
  }).toPass();

  await page.getByTestId("time-travel-slider").fill(String(waitStarted));
  await expect(page.getByTestId("time-travel-banner")).toContainText(`Viewing as of event ${events[waitStarted]!.EventId} (WaitStarted)`);
  await expect(page.getByTestId("time-travel-pending")).toContainText("cool-off");
  await expect(wait).toHaveAttribute("data-status", "STARTED");
  await expect(async () => expect(isInside(await boxOf(wait), await boxOf(drawing))).toBe(true)).toPass();
});
