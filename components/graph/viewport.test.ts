import { describe, expect, it } from "vitest";
import { absoluteBoxes, boundsOf, fitViewport, holdViewport, isInView, READABLE_ZOOM, revealViewport, sameViewport, screenBox, VIEW_PADDING } from "./viewport";

const pane = { width: 1000, height: 600 };

describe("absoluteBoxes", () => {
  it("adds each parent's position to its children's, through nesting", () => {
    const boxes = absoluteBoxes([
      { id: "map", position: { x: 16, y: 100 }, width: 600, height: 300 },
      { id: "item", parentId: "map", position: { x: 16, y: 44 }, width: 272, height: 140 },
      { id: "step", parentId: "item", position: { x: 16, y: 44 }, width: 240, height: 76 },
    ]);
    expect(boxes.get("step")).toEqual({ x: 48, y: 188, width: 240, height: 76 });
    expect(boundsOf(boxes.values())).toEqual({ x: 16, y: 100, width: 600, height: 300 });
  });
  it("has no bounds for no nodes", () => {
    expect(boundsOf([])).toBeUndefined();
  });
});

describe("fitViewport", () => {
  it("shows a small graph whole, centred, never above its natural size", () => {
    const content = { x: 0, y: 0, width: 272, height: 300 };
    const v = fitViewport(content, pane);
    expect(v.zoom).toBe(1);
    const s = screenBox(content, v);
    expect(s.x + s.width / 2).toBeCloseTo(500);
    expect(s.y + s.height / 2).toBeCloseTo(300);
  });

  it("shrinks a graph that fits above the readable zoom", () => {
    const content = { x: 0, y: 0, width: 600, height: 700 };
    const v = fitViewport(content, pane);
    expect(v.zoom).toBeCloseTo((600 - 2 * VIEW_PADDING) / 700);
    expect(v.zoom).toBeLessThan(1);
    expect(isInView(content, v, pane)).toBe(true);
  });

  it("keeps a long graph readable and starts it at the start node instead of shrinking it into the pane", () => {
    const content = { x: 0, y: 0, width: 900, height: 2600 };
    const start = { x: 330, y: 16, width: 240, height: 76 };
    const v = fitViewport(content, pane, start);
    expect(v.zoom).toBe(READABLE_ZOOM);
    const s = screenBox(start, v);
    expect(s.y).toBeCloseTo(VIEW_PADDING);
    // 900 wide at 0.7 fits across: the whole width is centred.
    expect(isInView(start, v, pane)).toBe(true);
    expect(screenBox(content, v).x).toBeCloseTo((1000 - 900 * READABLE_ZOOM) / 2);
  });

  it("centres a wide graph on its start node without showing empty space past its left edge", () => {
    const content = { x: 0, y: 0, width: 4000, height: 400 };
    const start = { x: 50, y: 16, width: 240, height: 76 };
    const v = fitViewport(content, pane, start);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(screenBox(content, v).x).toBeCloseTo(VIEW_PADDING);
    expect(isInView(start, v, pane)).toBe(true);
  });
});

describe("revealViewport", () => {
  it("leaves the view alone when the box is in it", () => {
    const v = { x: 0, y: 0, zoom: 1 };
    expect(revealViewport({ x: 100, y: 100, width: 240, height: 76 }, v, pane)).toBe(v);
  });

  it("moves just enough to bring a box below the pane in, keeping the zoom", () => {
    const box = { x: 100, y: 900, width: 240, height: 76 };
    const v = revealViewport(box, { x: 0, y: 0, zoom: 1 }, pane);
    expect(v).toEqual({ x: 0, y: 600 - VIEW_PADDING - 976, zoom: 1 });
    expect(isInView(box, v, pane)).toBe(true);
  });

  it("brings a box left of the pane in and zooms a far-out view up to readable", () => {
    const box = { x: -2000, y: 0, width: 240, height: 76 };
    const v = revealViewport(box, { x: 0, y: 0, zoom: 0.1 }, pane);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(isInView(box, v, pane)).toBe(true);
  });

  it("shows the top-left of a box bigger than the pane", () => {
    const box = { x: 0, y: 1000, width: 3000, height: 3000 };
    const v = revealViewport(box, { x: 0, y: 0, zoom: 1 }, pane);
    expect(screenBox(box, v)).toMatchObject({ x: VIEW_PADDING, y: VIEW_PADDING });
  });
});

describe("holdViewport", () => {
  it("keeps a box's corner at the same screen point after it moved in the layout", () => {
    const before = { x: 0, y: 0, zoom: 0.8 };
    const screen = screenBox({ x: 100, y: 200, width: 10, height: 10 }, before);
    const moved = { x: 300, y: 50, width: 400, height: 400 };
    const after = holdViewport(moved, screen, before.zoom);
    expect(screenBox(moved, after)).toMatchObject({ x: screen.x, y: screen.y });
  });
});

describe("sameViewport", () => {
  it("tells a real move from rounding", () => {
    expect(sameViewport({ x: 1, y: 1, zoom: 1 }, { x: 1.3, y: 1, zoom: 1 })).toBe(true);
    expect(sameViewport({ x: 1, y: 1, zoom: 1 }, { x: 40, y: 1, zoom: 1 })).toBe(false);
  });
});
