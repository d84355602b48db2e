/**
 * Which rows of a fixed-row-height list are on screen, so long lists render only those.
 */

export interface VirtualWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Height of all rows together, for the scroll area. */
  totalHeight: number;
}

/**
 * The rows to render for a viewport, with `overscan` rows either side so fast scrolling shows no gaps.
 *
 * @example virtualWindow({ count: 20000, rowHeight: 28, scrollTop: 2800, viewportHeight: 560 }) // { start: 90, end: 130, ... }
 */
export function virtualWindow({
  count,
  rowHeight,
  scrollTop,
  viewportHeight,
  overscan = 10,
}: {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan?: number;
}): VirtualWindow {
  const totalHeight = count * rowHeight;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, first + visible + overscan));
  return { start, end, totalHeight };
}

/**
 * The scrollTop that brings a row into view, or undefined when it already is.
 *
 * @example scrollToReveal({ index: 500, rowHeight: 28, scrollTop: 0, viewportHeight: 560 }) // 13468
 */
export function scrollToReveal({
  index,
  rowHeight,
  scrollTop,
  viewportHeight,
  headerHeight = 0,
}: {
  index: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** A sticky header covering the top of the viewport. */
  headerHeight?: number;
}): number | undefined {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight - headerHeight) return Math.max(0, bottom - viewportHeight + headerHeight);
  return undefined;
}
