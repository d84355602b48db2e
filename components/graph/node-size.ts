/**
 * Sizes of graph nodes from the text they show, computed before the layout so ELK gives every
 * name the room it needs: a node widens up to a limit for a long name, then the name wraps and the
 * node grows taller. Names are drawn in a monospace font, so their width follows from their length.
 */
import { operationLabel, type GraphNode, type OperationView } from "@durable-lens/sdk/history";

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 76;
/** Widest an operation node grows for its name before the name wraps. */
const MAX_NODE_WIDTH = 380;
/** Widest a group grows for its header's name before the name wraps. */
const MAX_HEADER_WIDTH = 460;

/**
 * Width of one character of the monospace font per pixel of font size. Common monospace fonts
 * (DejaVu Sans Mono, Menlo, Liberation Mono, SF Mono) are 0.60-0.61 em; a little more keeps the
 * estimate on the safe side, and names wrap anyway if a font is wider.
 */
const MONO_EM = 0.625;
/** The name's font (text-sm) and line height. */
const NAME_PX = 14;
const NAME_LINE = 20;
/** Horizontal room a node takes around its name: padding, borders. */
const NODE_INSET = 34;
/** Room the Expand button takes beside a closed group's name. */
const TOGGLE_ROOM = 64;

/** The header of an open group: a line for its kind and status, then its name. */
const HEADER_TOP_LINE = 18;
const HEADER_PADDING = 14;

/**
 * Pixel width of `text` in the monospace font at `fontPx`.
 *
 * @example monoWidth("map-item-1", 14) // 87.5
 */
export function monoWidth(text: string, fontPx: number): number {
  // Code points, not UTF-16 units, so an emoji counts once.
  return [...text].length * fontPx * MONO_EM;
}

/** Lines `text` takes in a box `width` wide (at least one). */
function linesIn(text: string, fontPx: number, width: number): number {
  return Math.max(1, Math.ceil(monoWidth(text, fontPx) / Math.max(1, width)));
}

export interface Size {
  width: number;
  height: number;
}

/**
 * The size of an operation node, a closed group or a "more" node: wide enough for the name up to
 * a limit, then taller by a line for each line the name wraps onto.
 *
 * @example leafSize(node).width >= NODE_WIDTH
 */
export function leafSize(node: GraphNode): Size {
  if (node.kind === "more") return { width: NODE_WIDTH, height: NODE_HEIGHT };
  const name = operationLabel(node.operation);
  const besides = node.kind === "group" ? TOGGLE_ROOM : 0;
  const wanted = Math.ceil(monoWidth(name, NAME_PX)) + NODE_INSET + besides;
  const width = Math.min(MAX_NODE_WIDTH, Math.max(NODE_WIDTH, wanted));
  const lines = linesIn(name, NAME_PX, width - NODE_INSET - besides);
  return { width, height: NODE_HEIGHT + (lines - 1) * NAME_LINE };
}

/**
 * The header of an open group: the smallest width that shows its name on one line (up to a
 * limit), and the height it takes at that width.
 *
 * @example groupHeader(op).height // 52 for a short name
 */
export function groupHeader(op: Pick<OperationView, "type" | "name">): Size {
  const name = operationLabel(op);
  const width = Math.min(MAX_HEADER_WIDTH, Math.max(NODE_WIDTH, Math.ceil(monoWidth(name, NAME_PX)) + NODE_INSET));
  const lines = linesIn(name, NAME_PX, width - NODE_INSET);
  return { width, height: HEADER_PADDING + HEADER_TOP_LINE + lines * NAME_LINE };
}

/**
 * What a fan-out's chip shows for an item: its name, or for an unnamed one (an SDK that leaves
 * items unnamed) its position, so fifty "(unnamed context)" chips can be told apart.
 *
 * @example fanOutItemLabel({ type: "CONTEXT" }, 7) // "#7 (unnamed context)"
 */
export function fanOutItemLabel(item: Pick<OperationView, "type" | "name">, index: number): string {
  return item.name ? item.name : `#${index} ${operationLabel(item)}`;
}

/** A fan-out's chips: the item's name in text-xs monospace, a status dot and an expand button. */
const CHIP_FONT_PX = 12;
const CHIP_ROOM = 44;
const CHIP_MIN = 120;
const CHIP_MAX = 280;
const CHIP_HEIGHT = 26;
const CHIP_GAP = 6;
/** Chip rows shown before the grid scrolls. */
const GRID_ROWS = 8;
/** A fan-out panel is at least this wide, so its status filter fits on one line. */
const FAN_OUT_WIDTH = 600;
/** The status filter's line and the space around the grid. */
const FAN_OUT_TOOLBAR = 34;
const FAN_OUT_GRID_PADDING = 16;

export interface FanOutBox extends Size {
  /** Height of the header above the toolbar. */
  header: number;
  /** Width of one chip (they stretch to fill a row). */
  chipWidth: number;
  /** Height of the scrolling grid of chips. */
  gridHeight: number;
}

/**
 * The panel a fan-out is drawn as: header, status filter and a grid of chips that scrolls past
 * {@link GRID_ROWS} rows, so its height stays bounded however many items it holds.
 *
 * @example fanOutBox(op, items).height < 400 // also for 5,000 items
 */
export function fanOutBox(op: Pick<OperationView, "type" | "name">, items: readonly Pick<OperationView, "type" | "name">[]): FanOutBox {
  const header = groupHeader(op);
  let longest = 0;
  items.forEach((item, i) => {
    longest = Math.max(longest, monoWidth(fanOutItemLabel(item, i), CHIP_FONT_PX));
  });
  const chipWidth = Math.min(CHIP_MAX, Math.max(CHIP_MIN, Math.ceil(longest) + CHIP_ROOM));
  const width = Math.max(FAN_OUT_WIDTH, header.width);
  const columns = Math.max(1, Math.floor((width - FAN_OUT_GRID_PADDING + CHIP_GAP) / (chipWidth + CHIP_GAP)));
  const rows = Math.min(GRID_ROWS, Math.ceil(items.length / columns));
  const gridHeight = rows * CHIP_HEIGHT + (rows - 1) * CHIP_GAP + FAN_OUT_GRID_PADDING;
  return { width, header: header.height, chipWidth, gridHeight, height: header.height + FAN_OUT_TOOLBAR + gridHeight };
}
