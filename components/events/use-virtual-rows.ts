"use client";
import { useCallback, useLayoutEffect, useState, type RefObject } from "react";
import { scrollToReveal, virtualWindow, type VirtualWindow } from "./virtual-window";

/**
 * The visible slice of a fixed-row-height list scrolled inside `scrollRef`, kept current on
 * scroll and resize, plus a way to scroll a row into view.
 *
 * @example const { start, end, totalHeight, reveal } = useVirtualRows(ref, rows.length, 28);
 */
export function useVirtualRows(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  headerHeight = 0,
): VirtualWindow & { reveal: (index: number) => void } {
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 600 });

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setViewport((v) => (v.scrollTop === el.scrollTop && v.height === el.clientHeight ? v : { scrollTop: el.scrollTop, height: el.clientHeight }));
    };
    // One state update per frame, however many scroll events the browser fires in it.
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener("scroll", onScroll, { passive: true });
    const observer = new ResizeObserver(onScroll);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", onScroll);
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);

  const reveal = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el || index < 0) return;
      const top = scrollToReveal({ index, rowHeight, scrollTop: el.scrollTop, viewportHeight: el.clientHeight, headerHeight });
      if (top !== undefined) el.scrollTop = top;
    },
    [scrollRef, rowHeight, headerHeight],
  );

  const win = virtualWindow({ count, rowHeight, scrollTop: Math.max(0, viewport.scrollTop - headerHeight), viewportHeight: viewport.height });
  return { ...win, reveal };
}
