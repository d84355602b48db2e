/**
 * Where the graph's camera goes: the first fit, keeping a node in view, holding a node still while
 * the layout around it changes. Pure geometry on flow coordinates (boxes) and the pane's size, so
 * it can be tested without a browser.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** React Flow's viewport: a node at flow point (fx, fy) is drawn at (fx * zoom + x, fy * zoom + y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The smallest zoom a fit goes down to: node names (14 px) stay about 10 px tall. A graph that
 * needs less to fit is shown from its start instead, and the rest is a pan away.
 */
export const READABLE_ZOOM = 0.7;
/** A fit never blows a small graph up beyond its natural size. */
export const FIT_MAX_ZOOM = 1;
/** Room kept between the pane's edge and what is fitted or revealed, in screen pixels. */
export const VIEW_PADDING = 24;

/** A laid-out node: where it sits relative to its group (or the graph), its size, its group. */
export interface PlacedNode {
  id: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
  parentId?: string;
}

/**
 * Every node's box in flow coordinates, from positions relative to their parents (parents come first).
 *
 * @example absoluteBoxes([{ id: "g", position: { x: 10, y: 10 }, width: 300, height: 200 }, { id: "s", parentId: "g", position: { x: 16, y: 44 }, width: 240, height: 76 }]).get("s") // { x: 26, y: 54, width: 240, height: 76 }
 */
export function absoluteBoxes(nodes: readonly PlacedNode[]): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    const parent = n.parentId === undefined ? undefined : boxes.get(n.parentId);
    boxes.set(n.id, { x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0), width: n.width ?? 0, height: n.height ?? 0 });
  }
  return boxes;
}

/**
 * The box around all `boxes`; undefined when there are none.
 *
 * @example boundsOf([{ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: 5, width: 10, height: 10 }]) // { x: 0, y: 0, width: 30, height: 15 }
 */
export function boundsOf(boxes: Iterable<Box>): Box | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return left === Infinity ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * The offset along one axis: the content centred when it fits; otherwise the anchor centred (or
 * at the start edge, `alignStart`) without leaving empty pane before the content's start or
 * after its end.
 */
function axisOffset(start: number, length: number, anchorStart: number, anchorLength: number, pane: number, zoom: number, padding: number, alignStart: boolean): number {
  if (length * zoom <= pane - 2 * padding) return (pane - length * zoom) / 2 - start * zoom;
  const wanted = alignStart ? padding - anchorStart * zoom : pane / 2 - (anchorStart + anchorLength / 2) * zoom;
  return clamp(wanted, pane - padding - (start + length) * zoom, padding - start * zoom);
}

/**
 * The first view of a graph: all of it when that keeps node text readable; otherwise readable
 * (`minZoom`), from the top of `anchor` (the start node), centred on it across.
 *
 * @example fitViewport({ x: 0, y: 0, width: 300, height: 3000 }, { width: 1000, height: 600 }, { x: 30, y: 16, width: 240, height: 76 }).zoom // 0.7
 */
export function fitViewport(content: Box, pane: Size, anchor: Box = content, { minZoom = READABLE_ZOOM, maxZoom = FIT_MAX_ZOOM, padding = VIEW_PADDING } = {}): Viewport {
  const room = { width: Math.max(1, pane.width - 2 * padding), height: Math.max(1, pane.height - 2 * padding) };
  const whole = Math.min(room.width / Math.max(1, content.width), room.height / Math.max(1, content.height));
  const zoom = clamp(whole, minZoom, maxZoom);
  return {
    zoom,
    x: axisOffset(content.x, content.width, anchor.x, anchor.width, pane.width, zoom, padding, false),
    y: axisOffset(content.y, content.height, anchor.y, anchor.height, pane.height, zoom, padding, true),
  };
}

/**
 * Where `box` is on screen under `viewport`.
 *
 * @example screenBox({ x: 10, y: 10, width: 100, height: 50 }, { x: 5, y: 0, zoom: 2 }) // { x: 25, y: 20, width: 200, height: 100 }
 */
export function screenBox(box: Box, viewport: Viewport): Box {
  return { x: box.x * viewport.zoom + viewport.x, y: box.y * viewport.zoom + viewport.y, width: box.width * viewport.zoom, height: box.height * viewport.zoom };
}

/**
 * Whether `box` is wholly inside the pane under `viewport`.
 *
 * @example isInView({ x: 0, y: 0, width: 10, height: 10 }, { x: 0, y: 0, zoom: 1 }, { width: 100, height: 100 }) // true
 */
export function isInView(box: Box, viewport: Viewport, pane: Size): boolean {
  const s = screenBox(box, viewport);
  return s.x >= 0 && s.y >= 0 && s.x + s.width <= pane.width && s.y + s.height <= pane.height;
}

/** The shift along one axis that brings [start, start + length) inside [padding, pane - padding], its start first. */
function axisShift(start: number, length: number, pane: number, padding: number): number {
  if (start < padding) return padding - start;
  const overflow = start + length - (pane - padding);
  if (overflow <= 0) return 0;
  return -Math.min(overflow, start - padding);
}

/**
 * The viewport moved as little as possible so `box` is in view (its top-left first when it is
 * bigger than the pane), zooming in to `minZoom` when the view is smaller than that; the same
 * viewport when it already is.
 *
 * @example revealViewport({ x: 0, y: 900, width: 240, height: 76 }, { x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 }).y // -400
 */
export function revealViewport(box: Box, viewport: Viewport, pane: Size, { minZoom = READABLE_ZOOM, padding = VIEW_PADDING } = {}): Viewport {
  if (isInView(box, viewport, pane) && viewport.zoom >= minZoom) return viewport;
  const zoom = Math.max(viewport.zoom, minZoom);
  // Zooming keeps the pane's centre where it is, then the box is shifted in.
  const centre = { x: (pane.width / 2 - viewport.x) / viewport.zoom, y: (pane.height / 2 - viewport.y) / viewport.zoom };
  const zoomed = { zoom, x: pane.width / 2 - centre.x * zoom, y: pane.height / 2 - centre.y * zoom };
  const s = screenBox(box, zoomed);
  return { zoom, x: zoomed.x + axisShift(s.x, s.width, pane.width, padding), y: zoomed.y + axisShift(s.y, s.height, pane.height, padding) };
}

/**
 * The viewport that draws `box` where `screen` says (its top-left corner), at the same zoom: how a
 * group the user opened stays under their pointer while the layout around it changes.
 *
 * @example holdViewport({ x: 100, y: 300, width: 10, height: 10 }, { x: 50, y: 80 }, 0.5) // { x: 0, y: -70, zoom: 0.5 }
 */
export function holdViewport(box: Box, screen: { x: number; y: number }, zoom: number): Viewport {
  return { zoom, x: screen.x - box.x * zoom, y: screen.y - box.y * zoom };
}

/**
 * Whether two viewports are the same to the eye (half a pixel, a thousandth of zoom).
 *
 * @example sameViewport({ x: 0, y: 0, zoom: 1 }, { x: 0.2, y: 0, zoom: 1 }) // true
 */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
}
