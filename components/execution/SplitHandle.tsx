"use client";
import { useRef } from "react";
import type { StoredWidth } from "./use-stored-width";

/** How far one arrow key moves the handle; with Shift, four times as far. */
const KEY_STEP = 24;

/**
 * The bar between the views and the inspector: drag it, or focus it and use the arrow keys
 * (Home and End for the widest and narrowest inspector). The width is remembered when the drag or
 * key press ends.
 *
 * @example <SplitHandle pane={useStoredWidth("durable-lens:inspector-width", { initial: 384, min: 280, max: 800 })} />
 */
export function SplitHandle({ pane, label = "Resize the inspector" }: { pane: StoredWidth; label?: string }) {
  const drag = useRef<{ x: number; width: number }>(undefined);
  const { width, min, max, setWidth } = pane;
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      title={`${label}: drag, or use the arrow keys`}
      data-testid="inspector-resize"
      className="group hidden w-3 shrink-0 cursor-col-resize touch-none items-center justify-center rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 lg:flex"
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => {
        if (!drag.current) return;
        // The inspector is on the right: moving the bar left widens it.
        setWidth(drag.current.width + drag.current.x - e.clientX);
      }}
      onPointerUp={(e) => {
        if (!drag.current) return;
        setWidth(drag.current.width + drag.current.x - e.clientX, true);
        drag.current = undefined;
      }}
      onPointerCancel={() => {
        drag.current = undefined;
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? KEY_STEP * 4 : KEY_STEP;
        const next = { ArrowLeft: width + step, ArrowRight: width - step, Home: max, End: min }[e.key];
        if (next === undefined) return;
        e.preventDefault();
        setWidth(next, true);
      }}
    >
      <span className="h-10 w-1 rounded-full bg-zinc-300 group-hover:bg-sky-400 group-focus-visible:bg-sky-500" aria-hidden />
    </div>
  );
}
